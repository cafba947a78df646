import { compareText } from './compareText.js';
import { canonicalLabels } from './labels.js';
import type { Labels, OcpSummaryRow } from './types.js';

/** A deterministic order of summary rows, so a day's partial is byte-for-byte reproducible. */
export function compareSummaryRows(a: OcpSummaryRow, b: OcpSummaryRow): number {
  return (
    compareText(a.usage_start, b.usage_start) ||
    compareText(a.data_source, b.data_source) ||
    compareText(a.namespace, b.namespace) ||
    compareText(a.node, b.node) ||
    compareText(a.resource_id, b.resource_id) ||
    compareText(a.persistentvolumeclaim, b.persistentvolumeclaim) ||
    compareText(a.persistentvolume, b.persistentvolume) ||
    compareText(a.storageclass, b.storageclass) ||
    compareText(a.csi_volume_handle, b.csi_volume_handle) ||
    compareText(canonicalLabels(a.pod_labels), canonicalLabels(b.pod_labels)) ||
    compareText(canonicalLabels(a.volume_labels), canonicalLabels(b.volume_labels)) ||
    (a.cost_category_id ?? -Infinity) - (b.cost_category_id ?? -Infinity) ||
    0
  );
}

/**
 * Sorts in place in `compareSummaryRows` order and returns the array. Each compared text column is ranked once (its
 * distinct values sorted with the same comparison), so the sort itself compares small integers: same order, far less
 * work than comparing strings and rebuilding canonical label texts on every comparison. `labelKey` may supply the
 * canonical texts the caller already has (it must equal `canonicalLabels`).
 */
export function sortSummaryRows(rows: OcpSummaryRow[], labelKey: (labels: Labels | null) => string = canonicalLabels): OcpSummaryRow[] {
  const n = rows.length;
  const columns: Array<(row: OcpSummaryRow) => string | null> = [
    (r) => r.usage_start,
    (r) => r.data_source,
    (r) => r.namespace,
    (r) => r.node,
    (r) => r.resource_id,
    (r) => r.persistentvolumeclaim,
    (r) => r.persistentvolume,
    (r) => r.storageclass,
    (r) => r.csi_volume_handle,
  ];
  // Label texts and the cost category are ranked too, so the sort compares only small integers.
  const ranked = [
    ...columns.map((text) => rank(rows, text)),
    rank(rows, (r) => labelKey(r.pod_labels)),
    rank(rows, (r) => labelKey(r.volume_labels)),
    rankNumbers(rows.map((r) => r.cost_category_id ?? -Infinity)),
  ];
  // Leading columns are packed into one exact double (mixed radix of their distinct counts) while it fits 2^53.
  const primary = new Float64Array(n);
  let radix = 1;
  let packed = 0;
  for (const { ranks, distinct } of ranked) {
    if (radix * distinct > Number.MAX_SAFE_INTEGER) break;
    for (let i = 0; i < n; i++) primary[i] = (primary[i] as number) * distinct + (ranks[i] as number);
    radix *= distinct;
    packed++;
  }
  const ranks = ranked.slice(packed).map((r) => r.ranks);
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => {
    const p = (primary[a] as number) - (primary[b] as number);
    if (p !== 0) return p;
    for (const r of ranks) {
      const d = (r[a] as number) - (r[b] as number);
      if (d !== 0) return d;
    }
    return 0;
  });
  const sorted = order.map((i) => rows[i] as OcpSummaryRow);
  for (let i = 0; i < n; i++) rows[i] = sorted[i] as OcpSummaryRow;
  return rows;
}

/**
 * Each row's rank of `text(row)` among the column's distinct values in `compareText` order (equal text, equal rank;
 * NULL first), and how many distinct ranks there are.
 */
function rank(rows: readonly OcpSummaryRow[], text: (row: OcpSummaryRow) => string | null): { ranks: Int32Array; distinct: number } {
  const values = rows.map(text);
  const distinct: string[] = [];
  const seen = new Set<string | null>();
  for (const value of values) {
    if (seen.has(value)) continue;
    seen.add(value);
    if (value !== null) distinct.push(value);
  }
  // Without surrogates, UTF-16 order (the native sort) is code-point order; otherwise compare code points.
  if (distinct.some((value) => SURROGATE.test(value))) distinct.sort(compareText);
  else distinct.sort();
  const rankOf = new Map<string | null, number>([[null, 0]]);
  distinct.forEach((value, i) => rankOf.set(value, i + 1));
  const out = new Int32Array(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = rankOf.get(values[i] as string | null) as number;
  return { ranks: out, distinct: distinct.length + 1 };
}

/** Each row's rank of `values[i]` among the distinct numbers, ascending. */
function rankNumbers(values: readonly number[]): { ranks: Int32Array; distinct: number } {
  const distinct = [...new Set(values)].sort((a, b) => a - b);
  const rankOf = new Map(distinct.map((v, i) => [v, i]));
  const out = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = rankOf.get(values[i] as number) as number;
  return { ranks: out, distinct: distinct.length };
}

const SURROGATE = /[\uD800-\uDFFF]/;
