import type { ParquetFooter } from './types.js';

/**
 * Indices of the row groups whose `column` range can hold a value in `[fromMs, toMsExclusive)`. A row group
 * without usable statistics for the column is kept, since nothing proves it out; an empty one is dropped.
 *
 * @example
 * const day = Date.UTC(2024, 2, 15);
 * pruneRowGroups(footer, 'interval_start', day, day + 86_400_000); // e.g. [2, 3]
 */
export function pruneRowGroups(
  footer: ParquetFooter,
  column: string,
  fromMs: number,
  toMsExclusive: number,
): number[] {
  const kept: number[] = [];
  for (const group of footer.rowGroups) {
    if (group.numRows === 0) continue;
    const stats = group.stats[column];
    const min = stats?.min;
    const max = stats?.max;
    if (stats !== undefined && stats.nullCount === group.numRows && stats.min === null && stats.max === null) continue;
    if (typeof min === 'number' && typeof max === 'number' && (max < fromMs || min >= toMsExclusive)) continue;
    kept.push(group.index);
  }
  return kept;
}
