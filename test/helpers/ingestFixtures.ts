import { readRecordBatches } from '../../lib/parquet/readRecordBatches.js';
import type { ObjectStore } from '../../lib/store/types.js';

/** A provider uuid for tests. */
export const OCP_UUID = '6e212746-484a-40bd-b3c8-4e0f3c5a6b3e';
export const AWS_UUID = '7f212746-484a-40bd-b3c8-4e0f3c5a6b3e';

export const POD_HEADER = [
  'report_period_start', 'report_period_end', 'interval_start', 'interval_end', 'pod', 'namespace', 'node', 'resource_id',
  'pod_usage_cpu_core_seconds', 'pod_request_cpu_core_seconds', 'pod_limit_cpu_core_seconds', 'pod_usage_memory_byte_seconds',
  'pod_request_memory_byte_seconds', 'pod_limit_memory_byte_seconds', 'node_capacity_cpu_cores', 'node_capacity_cpu_core_seconds',
  'node_capacity_memory_bytes', 'node_capacity_memory_byte_seconds', 'pod_labels',
];

export const STORAGE_HEADER = [
  'report_period_start', 'report_period_end', 'interval_start', 'interval_end', 'namespace', 'pod', 'persistentvolumeclaim',
  'persistentvolume', 'storageclass', 'persistentvolumeclaim_capacity_bytes', 'persistentvolumeclaim_capacity_byte_seconds',
  'volume_request_storage_byte_seconds', 'persistentvolumeclaim_usage_byte_seconds', 'persistentvolume_labels',
  'persistentvolumeclaim_labels',
];

/** `2025-10-01 05:00:00 +0000 UTC` for a day and hour, as the operator writes it. */
export function ts(day: string, hour: number, minute = 0, second = 0): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${day} ${p(hour)}:${p(minute)}:${p(second)} +0000 UTC`;
}

/**
 * One operator pod_usage record: only what the test cares about is given, the rest defaults to a 4-core node
 * running the pod the whole hour.
 */
export function podRecord(values: Partial<Record<(typeof POD_HEADER)[number] | 'day' | 'hour', string | number>>): string[] {
  return operatorRecord(POD_HEADER, values, {
    pod: 'web-1',
    namespace: 'shop',
    node: 'node-a',
    resource_id: 'i-0abc',
    pod_usage_cpu_core_seconds: '1800',
    pod_request_cpu_core_seconds: '3600',
    pod_limit_cpu_core_seconds: '7200',
    pod_usage_memory_byte_seconds: '3865470566400',
    pod_request_memory_byte_seconds: '7730941132800',
    pod_limit_memory_byte_seconds: '15461882265600',
    node_capacity_cpu_cores: '4',
    node_capacity_cpu_core_seconds: '14400',
    node_capacity_memory_bytes: '17179869184',
    node_capacity_memory_byte_seconds: '61847529062400',
    pod_labels: 'label_app:web',
  });
}

export function storageRecord(values: Partial<Record<(typeof STORAGE_HEADER)[number] | 'day' | 'hour', string | number>>): string[] {
  const gib = 2 ** 30;
  return operatorRecord(STORAGE_HEADER, values, {
    namespace: 'shop',
    pod: 'web-1',
    persistentvolumeclaim: 'data',
    persistentvolume: 'pv-1',
    storageclass: 'gp3',
    persistentvolumeclaim_capacity_bytes: String(10 * gib),
    persistentvolumeclaim_capacity_byte_seconds: String(10 * gib * 3600),
    volume_request_storage_byte_seconds: String(10 * gib * 3600),
    persistentvolumeclaim_usage_byte_seconds: String(5 * gib * 3600),
    persistentvolume_labels: 'label_tier:fast',
    persistentvolumeclaim_labels: '',
  });
}

/**
 * One operator record in `header` order: `values` where given, else the report period and interval of `values.day`
 * and `values.hour` (default 2025-10-01, hour 0), else `defaults`.
 */
function operatorRecord(header: readonly string[], values: Partial<Record<string, string | number>>, defaults: Record<string, string>): string[] {
  const day = String(values.day ?? '2025-10-01');
  const hour = Number(values.hour ?? 0);
  const all: Record<string, string> = {
    report_period_start: ts(`${day.slice(0, 7)}-01`, 0),
    report_period_end: ts(nextMonth(day), 0),
    interval_start: ts(day, hour),
    interval_end: ts(day, hour, 59, 59),
    ...defaults,
  };
  return header.map((c) => (values[c] !== undefined ? String(values[c]) : all[c]));
}

/** CSV text from a header and records (cells quoted when needed). */
export function csvText(header: string[], records: string[][]): string {
  const cell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  return `${[header, ...records].map((r) => r.map(cell).join(',')).join('\n')}\n`;
}

/** Every row of a Parquet object as plain objects (timestamps as epoch ms numbers). */
export async function parquetRows(store: ObjectStore, key: string): Promise<Array<Record<string, unknown>>> {
  const rows: Array<Record<string, unknown>> = [];
  for await (const batch of readRecordBatches(new Blob([(await store.get(key)) as Uint8Array<ArrayBuffer>]), { label: key })) {
    for (const row of batch.toArray()) {
      const plain = row.toJSON() as Record<string, unknown>;
      for (const [k, v] of Object.entries(plain)) if (typeof v === 'bigint') plain[k] = Number(v);
      rows.push(plain);
    }
  }
  return rows;
}

/** `name:type` of every column of a Parquet object. */
export async function parquetSchema(store: ObjectStore, key: string): Promise<Record<string, string>> {
  for await (const batch of readRecordBatches(new Blob([(await store.get(key)) as Uint8Array<ArrayBuffer>]), { label: key })) {
    return Object.fromEntries(batch.schema.fields.map((f) => [f.name, String(f.type)]));
  }
  return {};
}

function nextMonth(day: string): string {
  const d = new Date(`${day.slice(0, 7)}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + 1);
  return d.toISOString().slice(0, 10);
}
