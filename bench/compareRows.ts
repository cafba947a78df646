/**
 * Row-by-row comparison of two sets of summary rows of one kind (Pod or Storage): the TS day task's and a DuckDB
 * query's on the same files. Rows pair by their group key (the shape's key columns, labels as a JSON object); every
 * value column is then compared, numbers within a relative tolerance because the engines add in different orders.
 */
import { canonicalJson } from '../lib/compare/canonicalJson.js';
import { CAPACITY_COLUMNS } from './summaryColumns.js';

/** Which columns of a row kind identify a row and which hold its values. */
export interface RowShape {
  kind: 'Pod' | 'Storage' | 'Unallocated';
  keys: readonly string[];
  labels: 'pod_labels' | 'volume_labels';
  /** Compared as text: equal or not. */
  texts: readonly string[];
  numbers: readonly string[];
}

/** Spec §6: grouped by (day, namespace, node, merged pod labels). */
export const POD_ROW_SHAPE: RowShape = {
  kind: 'Pod',
  keys: ['usage_start', 'namespace', 'node'],
  labels: 'pod_labels',
  texts: ['resource_id'],
  numbers: [
    'pod_usage_cpu_core_hours',
    'pod_request_cpu_core_hours',
    'pod_effective_usage_cpu_core_hours',
    'pod_limit_cpu_core_hours',
    'pod_usage_memory_gigabyte_hours',
    'pod_request_memory_gigabyte_hours',
    'pod_effective_usage_memory_gigabyte_hours',
    'pod_limit_memory_gigabyte_hours',
    ...CAPACITY_COLUMNS,
    'cost_category_id',
  ],
};

/** Spec §7: grouped by (day, namespace, the mounting pod's node and resource_id, PVC, PV, class, CSI handle, labels). */
export const STORAGE_ROW_SHAPE: RowShape = {
  kind: 'Storage',
  keys: ['usage_start', 'namespace', 'node', 'resource_id', 'persistentvolumeclaim', 'persistentvolume', 'storageclass', 'csi_volume_handle'],
  labels: 'volume_labels',
  texts: [],
  numbers: [
    'persistentvolumeclaim_capacity_gigabyte',
    'persistentvolumeclaim_capacity_gigabyte_months',
    'volume_request_storage_gigabyte_months',
    'persistentvolumeclaim_usage_gigabyte_months',
    'cost_category_id',
  ],
};

/**
 * Spec §8: one row per node and day (no labels), the capacity minus the Pod rows' sums; pod_limit_* are NULL. The
 * differences come from subtracting nearly equal numbers, so they are compared with an absolute floor.
 */
export const UNALLOCATED_ROW_SHAPE: RowShape = {
  kind: 'Unallocated',
  keys: ['usage_start', 'namespace', 'node'],
  labels: 'pod_labels',
  texts: ['resource_id'],
  numbers: POD_ROW_SHAPE.numbers,
};

/**
 * Storage rows as `reporting_ocpusagelineitem_daily_summary` holds them: Koku keeps the CSI handle only in its Hive
 * copy, so PostgreSQL rows are keyed without it (rows that differ only by handle show up as duplicate keys).
 */
export const STORAGE_TABLE_SHAPE: RowShape = { ...STORAGE_ROW_SHAPE, keys: STORAGE_ROW_SHAPE.keys.filter((k) => k !== 'csi_volume_handle') };

/** A row as either engine gives it; labels are an object or its JSON text. */
export type ComparableRow = Record<string, unknown>;

export interface RowDifference {
  row: string;
  column: string;
  ours: unknown;
  reference: unknown;
}

export interface RowsComparison {
  kind: RowShape['kind'];
  ours: number;
  reference: number;
  matched: number;
  /** Group keys in the reference only, in ours only, or on more than one row of a side (first `listLimit` each). */
  missing: { count: number; rows: string[] };
  extra: { count: number; rows: string[] };
  duplicates: { count: number; rows: string[] };
  differences: { count: number; first: RowDifference[] };
  /** Largest |ours − reference| ÷ max(|ours|, |reference|) over matched numbers (0 when all are equal). */
  largestRelativeDifference: number;
  /** Largest |ours − reference| over matched numbers. */
  largestAbsoluteDifference: number;
  tolerance: number;
  absoluteTolerance: number;
  agree: boolean;
}

/**
 * Compares `ours` with `reference`; numbers differ when |a − b| > max(tolerance × max(|a|, |b|), absoluteTolerance).
 * The absolute floor (default 0) is for values stored with fixed decimals, such as PostgreSQL's numeric(33,15).
 */
export function compareRows(
  shape: RowShape,
  ours: readonly ComparableRow[],
  reference: readonly ComparableRow[],
  options: { tolerance?: number; absoluteTolerance?: number; listLimit?: number } = {},
): RowsComparison {
  const tolerance = options.tolerance ?? 1e-9;
  const absoluteTolerance = options.absoluteTolerance ?? 0;
  const limit = options.listLimit ?? 5;
  const duplicates: string[] = [];
  const ourByKey = byKey(shape, ours, duplicates);
  const refByKey = byKey(shape, reference, duplicates);
  const missing = [...refByKey.keys()].filter((k) => !ourByKey.has(k));
  const extra = [...ourByKey.keys()].filter((k) => !refByKey.has(k));
  const differences: RowDifference[] = [];
  let largest = 0;
  let largestAbsolute = 0;
  let matched = 0;
  for (const [key, ourRow] of ourByKey) {
    const refRow = refByKey.get(key);
    if (refRow === undefined) continue;
    matched++;
    for (const column of shape.texts) {
      if ((ourRow[column] ?? null) !== (refRow[column] ?? null)) differences.push({ row: key, column, ours: ourRow[column], reference: refRow[column] });
    }
    for (const column of shape.numbers) {
      const a = ourRow[column];
      const b = refRow[column];
      const relative = relativeDifference(a, b);
      const absolute = absoluteDifference(a, b);
      if (relative > tolerance && absolute > absoluteTolerance) differences.push({ row: key, column, ours: a, reference: b });
      else {
        // Values accepted by the absolute floor alone (tiny ones) would only inflate the relative figure.
        if (relative <= tolerance) largest = Math.max(largest, relative);
        largestAbsolute = Math.max(largestAbsolute, absolute);
      }
    }
  }
  const list = (rows: string[]) => ({ count: rows.length, rows: rows.slice(0, limit) });
  return {
    kind: shape.kind,
    ours: ours.length,
    reference: reference.length,
    matched,
    missing: list(missing),
    extra: list(extra),
    duplicates: list(duplicates),
    differences: { count: differences.length, first: differences.slice(0, limit) },
    largestRelativeDifference: differences.reduce((max, d) => Math.max(max, relativeDifference(d.ours, d.reference)), largest),
    largestAbsoluteDifference: differences.reduce((max, d) => Math.max(max, absoluteDifference(d.ours, d.reference)), largestAbsolute),
    tolerance,
    absoluteTolerance,
    agree: missing.length === 0 && extra.length === 0 && duplicates.length === 0 && differences.length === 0,
  };
}

/** `<kind> usage_start key=value … labels=<canonical JSON>`, labels parsed first when given as text. */
export function rowKey(shape: RowShape, row: ComparableRow): string {
  const raw = row[shape.labels];
  const labels = typeof raw === 'string' ? (JSON.parse(raw) as unknown) : raw;
  const keys = shape.keys.map((k) => (k === 'usage_start' ? String(row[k]) : `${k}=${row[k] === null || row[k] === undefined ? '(null)' : String(row[k])}`));
  return `${shape.kind} ${keys.join(' ')} ${shape.labels}=${canonicalJson(labels)}`;
}

function byKey(shape: RowShape, rows: readonly ComparableRow[], duplicates: string[]): Map<string, ComparableRow> {
  const map = new Map<string, ComparableRow>();
  for (const row of rows) {
    const key = rowKey(shape, row);
    if (map.has(key)) duplicates.push(key);
    else map.set(key, row);
  }
  return map;
}

function absoluteDifference(a: unknown, b: unknown): number {
  return typeof a === 'number' && typeof b === 'number' ? Math.abs(a - b) : relativeDifference(a, b);
}

/** 0 for equal values (NULL and NULL included), Infinity for NULL against a value or a non-number. */
function relativeDifference(a: unknown, b: unknown): number {
  if (a === null || a === undefined || b === null || b === undefined) return (a ?? null) === (b ?? null) ? 0 : Number.POSITIVE_INFINITY;
  if (typeof a !== 'number' || typeof b !== 'number') return a === b ? 0 : Number.POSITIVE_INFINITY;
  if (a === b) return 0;
  return Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));
}
