/** UTC calendar helpers: every Koku day boundary is UTC midnight (spec §10.14). */

const DAY_MS = 86_400_000;

export function isoDay(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Every `YYYY-MM-DD` of the month, in order. */
export function monthDays(year: number, month: number): string[] {
  return Array.from({ length: daysInMonth(year, month) }, (_, i) => isoDay(year, month, i + 1));
}

/** `[start, end)` of a UTC day in epoch milliseconds. */
export function dayRangeMs(day: string): [number, number] {
  const start = Date.parse(`${day}T00:00:00Z`);
  if (Number.isNaN(start)) throw new RangeError(`not a YYYY-MM-DD day: ${day}`);
  return [start, start + DAY_MS];
}

/** The UTC day (`YYYY-MM-DD`) an epoch-millisecond instant falls on. */
export function dayOfMs(ms: number): string {
  return new Date(Math.floor(ms / DAY_MS) * DAY_MS).toISOString().slice(0, 10);
}

/** Days from `fromMs` to `toMs` inclusive, as `YYYY-MM-DD`. */
export function daysBetweenMs(fromMs: number, toMs: number): string[] {
  const out: string[] = [];
  for (let t = Math.floor(fromMs / DAY_MS) * DAY_MS; t <= toMs; t += DAY_MS) out.push(dayOfMs(t));
  return out;
}
