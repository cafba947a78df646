/**
 * Builders for Koku-layout Arrow tables (spec §2.3) and a row-multiset assertion, so an OCP test reads like the
 * spec's worked examples: describe a few rows, get a Table with Koku's column names and types.
 */
import assert from 'node:assert/strict';
import {
  Dictionary,
  Float64,
  Int32,
  Table,
  TimestampMicrosecond,
  TimestampMillisecond,
  Utf8,
  makeData,
  makeVector,
  vectorFromArray,
} from 'apache-arrow';
import type { Vector } from 'apache-arrow';
import { blankSummaryRow } from '../../lib/ocp/summaryRow.js';
import type { Labels, OcpSummaryRow } from '../../lib/ocp/types.js';

export interface TableOptions {
  /** String columns as Dictionary<Int32, Utf8> (parquet-wasm with ARROW:schema) or plain Utf8 (DuckDB/pandas). */
  strings?: 'dictionary' | 'utf8';
  timestampUnit?: 'ms' | 'us';
  /** Columns left out, e.g. legacy files without `node_role` or the effective-usage columns. */
  omit?: readonly string[];
}

/** A label column value: a map (serialised like Python json.dumps), raw text, or NULL. */
export type LabelCell = Labels | string | null;

/** `2024-03-15` (midnight) or `2024-03-15T10:00:00` (UTC). */
export type When = string;

export interface PodUsageRow {
  interval_start: When;
  namespace: string;
  pod: string;
  node: string;
  resource_id?: string;
  node_role?: string | null;
  pod_labels?: LabelCell;
  pod_usage_cpu_core_seconds?: number;
  pod_request_cpu_core_seconds?: number;
  pod_limit_cpu_core_seconds?: number;
  pod_usage_memory_byte_seconds?: number;
  pod_request_memory_byte_seconds?: number;
  pod_limit_memory_byte_seconds?: number;
  /** Defaults to max(usage, request) as Koku's post-processor adds it per row (spec §2.2). */
  pod_effective_usage_cpu_core_seconds?: number | null;
  pod_effective_usage_memory_byte_seconds?: number | null;
  node_capacity_cpu_cores?: number;
  node_capacity_cpu_core_seconds?: number;
  node_capacity_memory_bytes?: number;
  node_capacity_memory_byte_seconds?: number;
}

export interface StorageUsageRow {
  interval_start: When;
  namespace: string;
  pod: string;
  persistentvolumeclaim: string;
  persistentvolume: string;
  storageclass?: string;
  node?: string | null;
  csi_driver?: string | null;
  csi_volume_handle?: string | null;
  persistentvolumeclaim_capacity_bytes?: number;
  persistentvolumeclaim_capacity_byte_seconds?: number;
  volume_request_storage_byte_seconds?: number;
  persistentvolumeclaim_usage_byte_seconds?: number;
  persistentvolume_labels?: LabelCell;
  persistentvolumeclaim_labels?: LabelCell;
}

export interface NodeLabelRow {
  interval_start: When;
  node: string;
  node_labels: LabelCell;
}

export interface NamespaceLabelRow {
  interval_start: When;
  namespace: string;
  namespace_labels: LabelCell;
}

type Kind = 'string' | 'number' | 'timestamp' | 'labels';
type ColumnSpec = readonly [name: string, kind: Kind, fallback: unknown];

const POD_NUMBERS = [
  'pod_usage_cpu_core_seconds', 'pod_request_cpu_core_seconds', 'pod_limit_cpu_core_seconds',
  'pod_usage_memory_byte_seconds', 'pod_request_memory_byte_seconds', 'pod_limit_memory_byte_seconds',
  'node_capacity_cpu_cores', 'node_capacity_cpu_core_seconds', 'node_capacity_memory_bytes',
  'node_capacity_memory_byte_seconds',
] as const;

const POD_COLUMNS: readonly ColumnSpec[] = [
  ['interval_start', 'timestamp', undefined],
  ['namespace', 'string', ''],
  ['pod', 'string', ''],
  ['node', 'string', ''],
  ['resource_id', 'string', ''],
  ['node_role', 'string', null],
  ['pod_labels', 'labels', {}],
  ...POD_NUMBERS.map((n): ColumnSpec => [n, 'number', 0]),
  ['pod_effective_usage_cpu_core_seconds', 'number', undefined],
  ['pod_effective_usage_memory_byte_seconds', 'number', undefined],
];

const STORAGE_COLUMNS: readonly ColumnSpec[] = [
  ['interval_start', 'timestamp', undefined],
  ['namespace', 'string', ''],
  ['pod', 'string', ''],
  ['node', 'string', null],
  ['persistentvolumeclaim', 'string', ''],
  ['persistentvolume', 'string', ''],
  ['storageclass', 'string', ''],
  ['csi_driver', 'string', null],
  ['csi_volume_handle', 'string', null],
  ['persistentvolumeclaim_capacity_bytes', 'number', 0],
  ['persistentvolumeclaim_capacity_byte_seconds', 'number', 0],
  ['volume_request_storage_byte_seconds', 'number', 0],
  ['persistentvolumeclaim_usage_byte_seconds', 'number', 0],
  ['persistentvolume_labels', 'labels', {}],
  ['persistentvolumeclaim_labels', 'labels', {}],
];

/** Daily pod rows (`openshift_pod_usage_line_items_daily`): sums per (pod, day) as Koku writes them. */
export function podDailyTable(rows: readonly PodUsageRow[], options: TableOptions = {}): Table {
  return buildTable(POD_COLUMNS, rows.map(withEffective), options);
}

/** Hourly pod rows (`openshift_pod_usage_line_items`); `interval_start` like `2024-03-15T10:00:00`. */
export function podHourlyTable(rows: readonly PodUsageRow[], options: TableOptions = {}): Table {
  return buildTable(POD_COLUMNS, rows.map(withEffective), options);
}

export function storageDailyTable(rows: readonly StorageUsageRow[], options: TableOptions = {}): Table {
  return buildTable(STORAGE_COLUMNS, rows, options);
}

export function nodeLabelsTable(rows: readonly NodeLabelRow[], options: TableOptions = {}): Table {
  const columns: ColumnSpec[] = [['interval_start', 'timestamp', undefined], ['node', 'string', ''], ['node_labels', 'labels', {}]];
  return buildTable(columns, rows, options);
}

export function namespaceLabelsTable(rows: readonly NamespaceLabelRow[], options: TableOptions = {}): Table {
  const columns: ColumnSpec[] = [
    ['interval_start', 'timestamp', undefined], ['namespace', 'string', ''], ['namespace_labels', 'labels', {}],
  ];
  return buildTable(columns, rows, options);
}

/**
 * Hourly pod rows for one pod over consecutive hours, with node capacity = cores × 3600 and mem × 3600
 * (a node present the whole hour), usage/request/limit per hour as given.
 */
export function hourlyPodRows(
  base: Omit<PodUsageRow, 'interval_start'> & { day: string; hours: readonly number[] },
): PodUsageRow[] {
  const { day, hours, ...rest } = base;
  return hours.map((h) => ({
    node_capacity_cpu_core_seconds: (rest.node_capacity_cpu_cores ?? 0) * 3600,
    node_capacity_memory_byte_seconds: (rest.node_capacity_memory_bytes ?? 0) * 3600,
    ...rest,
    interval_start: `${day}T${String(h).padStart(2, '0')}:00:00`,
  }));
}

/** Python `json.dumps(d)` text (separators ", " and ": ", non-ASCII as \uXXXX), as Koku stores labels. */
export function pythonJsonDumps(labels: Labels): string {
  const esc = (s: string) => JSON.stringify(s).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `{${Object.entries(labels).map(([k, v]) => `${esc(k)}: ${esc(v)}`).join(', ')}}`;
}

function withEffective(row: PodUsageRow): PodUsageRow {
  return {
    pod_effective_usage_cpu_core_seconds: Math.max(row.pod_usage_cpu_core_seconds ?? 0, row.pod_request_cpu_core_seconds ?? 0),
    pod_effective_usage_memory_byte_seconds: Math.max(
      row.pod_usage_memory_byte_seconds ?? 0, row.pod_request_memory_byte_seconds ?? 0,
    ),
    ...row,
  };
}

function buildTable(columns: readonly ColumnSpec[], rows: readonly object[], options: TableOptions): Table {
  const vectors: Record<string, Vector> = {};
  for (const [name, kind, fallback] of columns) {
    if (options.omit?.includes(name)) continue;
    const values = rows.map((r) => {
      const v = (r as Record<string, unknown>)[name];
      return v === undefined ? fallback : v;
    });
    vectors[name] = vectorOf(kind, values, options);
  }
  return new Table(vectors);
}

function vectorOf(kind: Kind, values: unknown[], options: TableOptions): Vector {
  switch (kind) {
    case 'timestamp':
      return timestampVector(values as When[], options.timestampUnit ?? 'ms');
    case 'number':
      return vectorFromArray(values as Array<number | null>, new Float64());
    case 'labels':
      return stringVector(values.map((v) => (v === null || typeof v === 'string' ? v : pythonJsonDumps(v as Labels))), options);
    default:
      return stringVector(values as Array<string | null>, options);
  }
}

function stringVector(values: Array<string | null>, options: TableOptions): Vector {
  return options.strings === 'utf8'
    ? vectorFromArray(values, new Utf8())
    : vectorFromArray(values, new Dictionary(new Utf8(), new Int32()));
}

function timestampVector(values: readonly When[], unit: 'ms' | 'us'): Vector {
  const data = new BigInt64Array(values.length);
  values.forEach((w, i) => {
    const ms = Date.parse(w.length === 10 ? `${w}T00:00:00Z` : `${w}Z`);
    if (Number.isNaN(ms)) throw new Error(`bad interval_start ${w}`);
    data[i] = BigInt(ms) * (unit === 'us' ? 1000n : 1n);
  });
  const type = unit === 'us' ? new TimestampMicrosecond() : new TimestampMillisecond();
  return makeVector(makeData({ type, length: values.length, nullCount: 0, data }));
}

/** An expected Pod row: §3.2 defaults (infrastructure_usage_cost zero JSON, storage columns NULL, all_labels = pod_labels). */
export function expectedPodRow(fields: Partial<OcpSummaryRow> & { usage_start: string }): OcpSummaryRow {
  const row: OcpSummaryRow = { ...blankSummaryRow(fields.usage_start, 'Pod'), infrastructure_usage_cost_zero: true, ...fields };
  if (!('all_labels' in fields)) row.all_labels = row.pod_labels ?? {};
  return row;
}

/** An expected Storage row: pod columns NULL, all_labels = volume_labels, zero infrastructure JSON. */
export function expectedStorageRow(fields: Partial<OcpSummaryRow> & { usage_start: string }): OcpSummaryRow {
  const row: OcpSummaryRow = {
    ...blankSummaryRow(fields.usage_start, 'Storage'), infrastructure_usage_cost_zero: true, ...fields,
  };
  if (!('all_labels' in fields)) row.all_labels = row.volume_labels ?? {};
  return row;
}

/** An expected unallocated row: labels NULL, all_labels {}, limits NULL, infrastructure_usage_cost NULL. */
export function expectedUnallocatedRow(fields: Partial<OcpSummaryRow> & { usage_start: string }): OcpSummaryRow {
  return { ...blankSummaryRow(fields.usage_start, 'Pod'), ...fields };
}

/**
 * Asserts two row multisets are equal column by column: numbers within `tol` absolute (NULL only equals NULL),
 * labels compared as JSON objects, everything else strictly. Every column of both rows is compared.
 */
export function assertRowsEqual(actual: readonly OcpSummaryRow[], expected: readonly OcpSummaryRow[], tol = 1e-9): void {
  const unmatched = [...expected];
  const problems: string[] = [];
  for (const row of actual) {
    const diffs = unmatched.map((e) => rowDiff(row, e, tol));
    const best = diffs.reduce((b, d, i) => (d.length < diffs[b].length ? i : b), 0);
    if (unmatched.length > 0 && diffs[best].length === 0) {
      unmatched.splice(best, 1);
      continue;
    }
    problems.push(
      `unexpected row ${describe(row)}` + (unmatched.length ? `\n    closest expected differs in: ${diffs[best].join('; ')}` : ''),
    );
  }
  for (const e of unmatched) problems.push(`missing row ${describe(e)}`);
  if (problems.length) {
    assert.fail(`rows differ (${actual.length} actual, ${expected.length} expected):\n  ${problems.join('\n  ')}`);
  }
}

function rowDiff(a: OcpSummaryRow, e: OcpSummaryRow, tol: number): string[] {
  const diffs: string[] = [];
  const keys = new Set([...Object.keys(a), ...Object.keys(e)]);
  for (const key of keys) {
    const x = (a as unknown as Record<string, unknown>)[key];
    const y = (e as unknown as Record<string, unknown>)[key];
    if (!(key in a) || !(key in e)) diffs.push(`${key} present on one side only`);
    else if (!valueEqual(x, y, tol)) diffs.push(`${key}: actual ${JSON.stringify(x)} vs expected ${JSON.stringify(y)}`);
  }
  return diffs;
}

function valueEqual(x: unknown, y: unknown, tol: number): boolean {
  if (x === null || y === null) return x === y;
  if (typeof x === 'number' && typeof y === 'number') {
    return x === y || Math.abs(x - y) <= tol || (Number.isNaN(x) && Number.isNaN(y));
  }
  if (typeof x === 'object' && typeof y === 'object') {
    try {
      assert.deepStrictEqual(x, y);
      return true;
    } catch {
      return false;
    }
  }
  return x === y;
}

function describe(row: OcpSummaryRow): string {
  const { usage_start, data_source, namespace, node, persistentvolumeclaim, pod_labels, volume_labels } = row;
  return JSON.stringify({ usage_start, data_source, namespace, node, persistentvolumeclaim, pod_labels, volume_labels });
}
