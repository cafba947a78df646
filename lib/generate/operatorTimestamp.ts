/**
 * The operator's timestamp text (`2020-11-06 18:00:00 +0000 UTC`, spec §2.2) for epoch milliseconds.
 *
 * @example
 * operatorTimestamp(Date.UTC(2025, 9, 1, 5)); // '2025-10-01 05:00:00 +0000 UTC'
 */
export function operatorTimestamp(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} +0000 UTC`;
}

/** First instant of the month of `ms` and of the next month (the report period, spec §2.3). */
export function reportPeriod(ms: number): [start: number, end: number] {
  const d = new Date(ms);
  return [Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1), Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)];
}
