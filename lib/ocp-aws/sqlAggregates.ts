/**
 * SQL aggregate semantics over nullable values, as Trino applies them in the S2/S3 `GROUP BY`s: NULLs are ignored,
 * and an aggregate of only NULLs is NULL. Strings compare by code point (`maxText`).
 */
export { maxText } from '../ocp/compareText.js';

/** `SUM` step: NULL + x = x. */
export function sumNullable(acc: number | null, value: number | null): number | null {
  if (value === null) return acc;
  return acc === null ? value : acc + value;
}

/** `MAX` step for numbers. */
export function maxNumber(acc: number | null, value: number | null): number | null {
  if (value === null) return acc;
  return acc === null || value > acc ? value : acc;
}

/** Groups items by a string key, keeping first-seen order. */
export function groupBy<T>(items: Iterable<T>, keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
