import { InvalidNiseManifestError } from './errors.js';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/**
 * A nise `start_date` / `end_date` value as epoch ms (UTC): a date or date-time, `today`, `last_month`, or for
 * `end_date` a number of days after `startMs` (nise's `calculate_*_date`).
 */
export function niseDate(value: unknown, subject: string, now: Date, startMs?: number): number {
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'number' && startMs !== undefined) return startMs + value * DAY_MS;
  if (typeof value !== 'string') throw new InvalidNiseManifestError(subject, `date ${JSON.stringify(value)} is not a date`);
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  if (value === 'today') return today;
  if (value === 'last_month') return Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1);
  const text = value.trim();
  const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : /[zZ]|[+-]\d{2}:?\d{2}$/.test(text) ? text : `${text.replace(' ', 'T')}Z`);
  if (Number.isNaN(ms)) throw new InvalidNiseManifestError(subject, `date ${JSON.stringify(value)} is not a date`);
  return ms;
}

/**
 * The hour starts nise generates between two instants: while `start + span <= end`, one hour apart. OCP uses a
 * 59:59 span (so `10-01 → 10-02` is exactly 24 hours), AWS a full hour.
 */
export function niseHours(startMs: number, endMs: number, spanMs: number): number[] {
  const hours: number[] = [];
  for (let t = startMs; t + spanMs <= endMs; t += HOUR_MS) hours.push(t);
  return hours;
}

export const OCP_HOUR_SPAN_MS = HOUR_MS - 1000;
export const AWS_HOUR_SPAN_MS = HOUR_MS;
