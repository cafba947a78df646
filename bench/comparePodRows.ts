/**
 * Row-by-row comparison of two sets of Pod rows (spec §6): the TS day task's and DuckDB's `koku` query on the same
 * files. Rows pair by their group key (day, namespace, node, labels as a JSON object); every value column is then
 * compared, numbers within a relative tolerance because the two engines add in different orders.
 */
import { canonicalJson } from '../lib/compare/canonicalJson.js';

export const POD_ROW_NUMBERS = [
  'pod_usage_cpu_core_hours',
  'pod_request_cpu_core_hours',
  'pod_effective_usage_cpu_core_hours',
  'pod_limit_cpu_core_hours',
  'pod_usage_memory_gigabyte_hours',
  'pod_request_memory_gigabyte_hours',
  'pod_effective_usage_memory_gigabyte_hours',
  'pod_limit_memory_gigabyte_hours',
  'node_capacity_cpu_cores',
  'node_capacity_cpu_core_hours',
  'node_capacity_memory_gigabytes',
  'node_capacity_memory_gigabyte_hours',
  'cluster_capacity_cpu_core_hours',
  'cluster_capacity_memory_gigabyte_hours',
] as const;

/** A Pod row reduced to what both engines produce; `pod_labels` is an object or its JSON text. */
export interface ComparablePodRow {
  usage_start: string;
  namespace: string | null;
  node: string | null;
  pod_labels: unknown;
  resource_id: string | null;
  [column: string]: unknown;
}

export interface PodRowDifference {
  row: string;
  column: string;
  ours: unknown;
  reference: unknown;
}

export interface PodRowsComparison {
  ours: number;
  reference: number;
  matched: number;
  /** Group keys in the reference only, in ours only, or on more than one row of a side (first `listLimit` each). */
  missing: { count: number; rows: string[] };
  extra: { count: number; rows: string[] };
  duplicates: { count: number; rows: string[] };
  differences: { count: number; first: PodRowDifference[] };
  /** Largest |ours − reference| ÷ max(|ours|, |reference|) over matched numbers (0 when all are equal). */
  largestRelativeDifference: number;
  tolerance: number;
  agree: boolean;
}

/** Compares `ours` with `reference`; numbers differ when |a − b| > tolerance × max(|a|, |b|). */
export function comparePodRows(
  ours: readonly ComparablePodRow[],
  reference: readonly ComparablePodRow[],
  options: { tolerance?: number; listLimit?: number } = {},
): PodRowsComparison {
  const tolerance = options.tolerance ?? 1e-9;
  const limit = options.listLimit ?? 5;
  const duplicates: string[] = [];
  const ourByKey = byKey(ours, duplicates);
  const refByKey = byKey(reference, duplicates);
  const missing = [...refByKey.keys()].filter((k) => !ourByKey.has(k));
  const extra = [...ourByKey.keys()].filter((k) => !refByKey.has(k));
  const differences: PodRowDifference[] = [];
  let largest = 0;
  let matched = 0;
  for (const [key, ourRow] of ourByKey) {
    const refRow = refByKey.get(key);
    if (refRow === undefined) continue;
    matched++;
    if (ourRow.resource_id !== refRow.resource_id) differences.push({ row: key, column: 'resource_id', ours: ourRow.resource_id, reference: refRow.resource_id });
    for (const column of POD_ROW_NUMBERS) {
      const a = ourRow[column];
      const b = refRow[column];
      const relative = relativeDifference(a, b);
      if (relative > tolerance) differences.push({ row: key, column, ours: a, reference: b });
      else largest = Math.max(largest, relative);
    }
  }
  const list = (rows: string[]) => ({ count: rows.length, rows: rows.slice(0, limit) });
  return {
    ours: ours.length,
    reference: reference.length,
    matched,
    missing: list(missing),
    extra: list(extra),
    duplicates: list(duplicates),
    differences: { count: differences.length, first: differences.slice(0, limit) },
    largestRelativeDifference: differences.length > 0 ? Math.max(largest, ...differences.map((d) => relativeDifference(d.ours, d.reference))) : largest,
    tolerance,
    agree: missing.length === 0 && extra.length === 0 && duplicates.length === 0 && differences.length === 0,
  };
}

/** `usage_start namespace node labels`, labels as canonical JSON whether given as an object or as text. */
export function podRowKey(row: ComparablePodRow): string {
  const labels = typeof row.pod_labels === 'string' ? (JSON.parse(row.pod_labels) as unknown) : row.pod_labels;
  return `${row.usage_start} ns=${row.namespace ?? '(null)'} node=${row.node ?? '(null)'} labels=${canonicalJson(labels)}`;
}

function byKey(rows: readonly ComparablePodRow[], duplicates: string[]): Map<string, ComparablePodRow> {
  const map = new Map<string, ComparablePodRow>();
  for (const row of rows) {
    const key = podRowKey(row);
    if (map.has(key)) duplicates.push(key);
    else map.set(key, row);
  }
  return map;
}

/** 0 for equal values (NULL and NULL included), Infinity for NULL against a value or a non-number. */
function relativeDifference(a: unknown, b: unknown): number {
  if (a === null || a === undefined || b === null || b === undefined) return (a ?? null) === (b ?? null) ? 0 : Number.POSITIVE_INFINITY;
  if (typeof a !== 'number' || typeof b !== 'number') return a === b ? 0 : Number.POSITIVE_INFINITY;
  if (a === b) return 0;
  return Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));
}
