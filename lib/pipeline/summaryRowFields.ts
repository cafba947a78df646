import type { OcpSummaryRow } from '../ocp/types.js';

/** Fields of `OcpSummaryRow` in `blankSummaryRow`'s order, with the kind `partialRowsCodec` encodes each as. */
export const SUMMARY_ROW_FIELDS = [
  { name: 'usage_start', kind: 'text' },
  { name: 'data_source', kind: 'text' },
  { name: 'namespace', kind: 'text' },
  { name: 'node', kind: 'text' },
  { name: 'resource_id', kind: 'text' },
  { name: 'pod_labels', kind: 'json' },
  { name: 'pod_usage_cpu_core_hours', kind: 'number' },
  { name: 'pod_request_cpu_core_hours', kind: 'number' },
  { name: 'pod_effective_usage_cpu_core_hours', kind: 'number' },
  { name: 'pod_limit_cpu_core_hours', kind: 'number' },
  { name: 'pod_usage_memory_gigabyte_hours', kind: 'number' },
  { name: 'pod_request_memory_gigabyte_hours', kind: 'number' },
  { name: 'pod_effective_usage_memory_gigabyte_hours', kind: 'number' },
  { name: 'pod_limit_memory_gigabyte_hours', kind: 'number' },
  { name: 'node_capacity_cpu_cores', kind: 'number' },
  { name: 'node_capacity_cpu_core_hours', kind: 'number' },
  { name: 'node_capacity_memory_gigabytes', kind: 'number' },
  { name: 'node_capacity_memory_gigabyte_hours', kind: 'number' },
  { name: 'cluster_capacity_cpu_core_hours', kind: 'number' },
  { name: 'cluster_capacity_memory_gigabyte_hours', kind: 'number' },
  { name: 'persistentvolumeclaim', kind: 'text' },
  { name: 'persistentvolume', kind: 'text' },
  { name: 'storageclass', kind: 'text' },
  { name: 'csi_volume_handle', kind: 'text' },
  { name: 'volume_labels', kind: 'json' },
  { name: 'all_labels', kind: 'json' },
  { name: 'persistentvolumeclaim_capacity_gigabyte', kind: 'number' },
  { name: 'persistentvolumeclaim_capacity_gigabyte_months', kind: 'number' },
  { name: 'volume_request_storage_gigabyte_months', kind: 'number' },
  { name: 'persistentvolumeclaim_usage_gigabyte_months', kind: 'number' },
  { name: 'infrastructure_usage_cost_zero', kind: 'bool' },
  { name: 'cost_category_id', kind: 'number' },
] as const;

/** Receives one field's values, row by row; false when a value does not fit the field. */
export interface FieldSink {
  add(value: unknown, row: number): boolean;
}

/**
 * Feeds every row's fields to `sinks` (one per field, `SUMMARY_ROW_FIELDS` order) with plain property reads: one
 * monomorphic read and call site per field, where `row[name]` or `Object.values(row)` would be megamorphic or
 * allocate. False as soon as a sink rejects a value.
 */
export function feedSummaryRows(rows: readonly OcpSummaryRow[], sinks: readonly FieldSink[]): boolean {
  const s0 = sinks[0] as FieldSink;
  const s1 = sinks[1] as FieldSink;
  const s2 = sinks[2] as FieldSink;
  const s3 = sinks[3] as FieldSink;
  const s4 = sinks[4] as FieldSink;
  const s5 = sinks[5] as FieldSink;
  const s6 = sinks[6] as FieldSink;
  const s7 = sinks[7] as FieldSink;
  const s8 = sinks[8] as FieldSink;
  const s9 = sinks[9] as FieldSink;
  const s10 = sinks[10] as FieldSink;
  const s11 = sinks[11] as FieldSink;
  const s12 = sinks[12] as FieldSink;
  const s13 = sinks[13] as FieldSink;
  const s14 = sinks[14] as FieldSink;
  const s15 = sinks[15] as FieldSink;
  const s16 = sinks[16] as FieldSink;
  const s17 = sinks[17] as FieldSink;
  const s18 = sinks[18] as FieldSink;
  const s19 = sinks[19] as FieldSink;
  const s20 = sinks[20] as FieldSink;
  const s21 = sinks[21] as FieldSink;
  const s22 = sinks[22] as FieldSink;
  const s23 = sinks[23] as FieldSink;
  const s24 = sinks[24] as FieldSink;
  const s25 = sinks[25] as FieldSink;
  const s26 = sinks[26] as FieldSink;
  const s27 = sinks[27] as FieldSink;
  const s28 = sinks[28] as FieldSink;
  const s29 = sinks[29] as FieldSink;
  const s30 = sinks[30] as FieldSink;
  const s31 = sinks[31] as FieldSink;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i] as OcpSummaryRow;
    const ok =
      s0.add(r.usage_start, i) &&
      s1.add(r.data_source, i) &&
      s2.add(r.namespace, i) &&
      s3.add(r.node, i) &&
      s4.add(r.resource_id, i) &&
      s5.add(r.pod_labels, i) &&
      s6.add(r.pod_usage_cpu_core_hours, i) &&
      s7.add(r.pod_request_cpu_core_hours, i) &&
      s8.add(r.pod_effective_usage_cpu_core_hours, i) &&
      s9.add(r.pod_limit_cpu_core_hours, i) &&
      s10.add(r.pod_usage_memory_gigabyte_hours, i) &&
      s11.add(r.pod_request_memory_gigabyte_hours, i) &&
      s12.add(r.pod_effective_usage_memory_gigabyte_hours, i) &&
      s13.add(r.pod_limit_memory_gigabyte_hours, i) &&
      s14.add(r.node_capacity_cpu_cores, i) &&
      s15.add(r.node_capacity_cpu_core_hours, i) &&
      s16.add(r.node_capacity_memory_gigabytes, i) &&
      s17.add(r.node_capacity_memory_gigabyte_hours, i) &&
      s18.add(r.cluster_capacity_cpu_core_hours, i) &&
      s19.add(r.cluster_capacity_memory_gigabyte_hours, i) &&
      s20.add(r.persistentvolumeclaim, i) &&
      s21.add(r.persistentvolume, i) &&
      s22.add(r.storageclass, i) &&
      s23.add(r.csi_volume_handle, i) &&
      s24.add(r.volume_labels, i) &&
      s25.add(r.all_labels, i) &&
      s26.add(r.persistentvolumeclaim_capacity_gigabyte, i) &&
      s27.add(r.persistentvolumeclaim_capacity_gigabyte_months, i) &&
      s28.add(r.volume_request_storage_gigabyte_months, i) &&
      s29.add(r.persistentvolumeclaim_usage_gigabyte_months, i) &&
      s30.add(r.infrastructure_usage_cost_zero, i) &&
      s31.add(r.cost_category_id, i);
    if (!ok) return false;
  }
  return true;
}

/** Row `i` from one reader per field in `SUMMARY_ROW_FIELDS` order, as one object literal (one hidden class). */
export function summaryRowOf(read: ReadonlyArray<(i: number) => unknown>, i: number): OcpSummaryRow {
  const r0 = read[0] as (i: number) => unknown;
  const r1 = read[1] as (i: number) => unknown;
  const r2 = read[2] as (i: number) => unknown;
  const r3 = read[3] as (i: number) => unknown;
  const r4 = read[4] as (i: number) => unknown;
  const r5 = read[5] as (i: number) => unknown;
  const r6 = read[6] as (i: number) => unknown;
  const r7 = read[7] as (i: number) => unknown;
  const r8 = read[8] as (i: number) => unknown;
  const r9 = read[9] as (i: number) => unknown;
  const r10 = read[10] as (i: number) => unknown;
  const r11 = read[11] as (i: number) => unknown;
  const r12 = read[12] as (i: number) => unknown;
  const r13 = read[13] as (i: number) => unknown;
  const r14 = read[14] as (i: number) => unknown;
  const r15 = read[15] as (i: number) => unknown;
  const r16 = read[16] as (i: number) => unknown;
  const r17 = read[17] as (i: number) => unknown;
  const r18 = read[18] as (i: number) => unknown;
  const r19 = read[19] as (i: number) => unknown;
  const r20 = read[20] as (i: number) => unknown;
  const r21 = read[21] as (i: number) => unknown;
  const r22 = read[22] as (i: number) => unknown;
  const r23 = read[23] as (i: number) => unknown;
  const r24 = read[24] as (i: number) => unknown;
  const r25 = read[25] as (i: number) => unknown;
  const r26 = read[26] as (i: number) => unknown;
  const r27 = read[27] as (i: number) => unknown;
  const r28 = read[28] as (i: number) => unknown;
  const r29 = read[29] as (i: number) => unknown;
  const r30 = read[30] as (i: number) => unknown;
  const r31 = read[31] as (i: number) => unknown;
  return {
    usage_start: r0(i),
    data_source: r1(i),
    namespace: r2(i),
    node: r3(i),
    resource_id: r4(i),
    pod_labels: r5(i),
    pod_usage_cpu_core_hours: r6(i),
    pod_request_cpu_core_hours: r7(i),
    pod_effective_usage_cpu_core_hours: r8(i),
    pod_limit_cpu_core_hours: r9(i),
    pod_usage_memory_gigabyte_hours: r10(i),
    pod_request_memory_gigabyte_hours: r11(i),
    pod_effective_usage_memory_gigabyte_hours: r12(i),
    pod_limit_memory_gigabyte_hours: r13(i),
    node_capacity_cpu_cores: r14(i),
    node_capacity_cpu_core_hours: r15(i),
    node_capacity_memory_gigabytes: r16(i),
    node_capacity_memory_gigabyte_hours: r17(i),
    cluster_capacity_cpu_core_hours: r18(i),
    cluster_capacity_memory_gigabyte_hours: r19(i),
    persistentvolumeclaim: r20(i),
    persistentvolume: r21(i),
    storageclass: r22(i),
    csi_volume_handle: r23(i),
    volume_labels: r24(i),
    all_labels: r25(i),
    persistentvolumeclaim_capacity_gigabyte: r26(i),
    persistentvolumeclaim_capacity_gigabyte_months: r27(i),
    volume_request_storage_gigabyte_months: r28(i),
    persistentvolumeclaim_usage_gigabyte_months: r29(i),
    infrastructure_usage_cost_zero: r30(i),
    cost_category_id: r31(i),
  } as OcpSummaryRow;
}
