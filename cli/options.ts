import { InvalidArgumentError } from 'commander';
import { daysInMonth, isoDay } from '../lib/common/days.js';

/** `YYYY-MM` → { year, month }. */
export function parseMonth(value: string): { year: number; month: number } {
  const m = /^(\d{4})-(\d{2})$/.exec(value);
  const month = m ? Number(m[2]) : 0;
  if (!m || month < 1 || month > 12) throw new InvalidArgumentError(`"${value}" is not a month (YYYY-MM)`);
  return { year: Number(m[1]), month };
}

/** `1-5,8` → day numbers, checked against the month. */
export function parseDayList(value: string): number[] {
  const days = new Set<number>();
  for (const part of value.split(',')) {
    const m = /^(\d{1,2})(?:-(\d{1,2}))?$/.exec(part.trim());
    if (!m) throw new InvalidArgumentError(`"${part}" is not a day or range (e.g. 1-5,8)`);
    const from = Number(m[1]);
    const to = m[2] ? Number(m[2]) : from;
    if (from < 1 || to > 31 || from > to) throw new InvalidArgumentError(`"${part}" is not a valid day range`);
    for (let d = from; d <= to; d++) days.add(d);
  }
  return [...days].sort((a, b) => a - b);
}

export function daysOfMonth(year: number, month: number, days: number[] | undefined): string[] | undefined {
  if (!days) return undefined;
  const last = daysInMonth(year, month);
  const bad = days.filter((d) => d > last);
  if (bad.length) throw new InvalidArgumentError(`${year}-${String(month).padStart(2, '0')} has no day ${bad.join(', ')}`);
  return days.map((d) => isoDay(year, month, d));
}

export function parsePositiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError(`"${value}" is not a positive integer`);
  return n;
}

export function parseUuid(value: string): string {
  if (!/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/.test(value)) {
    throw new InvalidArgumentError(`"${value}" is not a UUID`);
  }
  return value.toLowerCase();
}
