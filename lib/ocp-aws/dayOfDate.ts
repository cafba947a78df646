/**
 * The UTC day (`YYYY-MM-DD`) of a CUR timestamp: Koku's Parquet holds UTC instants (spec §1.1) and the daily rows
 * are floored to 00:00.
 *
 * @example dayOfDate(new Date('2025-10-01T05:00:00Z')) // '2025-10-01'
 */
export function dayOfDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
