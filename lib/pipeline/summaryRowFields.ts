import { POD_SUM } from '../ocp/index.js';
import type { PodRowColumns } from '../ocp/index.js';
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
 * Feeds every row's fields to `sinks` (one per field, `SUMMARY_ROW_FIELDS` order) as rows `first`, `first + 1`, …,
 * with plain property reads: one monomorphic read and call site per field, where `row[name]` or `Object.values(row)`
 * would be megamorphic or allocate. False as soon as a sink rejects a value.
 */
export function feedSummaryRows(rows: readonly OcpSummaryRow[], sinks: readonly FieldSink[], first = 0): boolean {
  const [
    s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, s11, s12, s13, s14, s15, s16, s17, s18, s19, s20, s21, s22, s23, s24, s25, s26, s27, s28, s29, s30, s31,
  ] = fieldSinks(sinks);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i] as OcpSummaryRow;
    const row = first + i;
    const ok =
      s0.add(r.usage_start, row) &&
      s1.add(r.data_source, row) &&
      s2.add(r.namespace, row) &&
      s3.add(r.node, row) &&
      s4.add(r.resource_id, row) &&
      s5.add(r.pod_labels, row) &&
      s6.add(r.pod_usage_cpu_core_hours, row) &&
      s7.add(r.pod_request_cpu_core_hours, row) &&
      s8.add(r.pod_effective_usage_cpu_core_hours, row) &&
      s9.add(r.pod_limit_cpu_core_hours, row) &&
      s10.add(r.pod_usage_memory_gigabyte_hours, row) &&
      s11.add(r.pod_request_memory_gigabyte_hours, row) &&
      s12.add(r.pod_effective_usage_memory_gigabyte_hours, row) &&
      s13.add(r.pod_limit_memory_gigabyte_hours, row) &&
      s14.add(r.node_capacity_cpu_cores, row) &&
      s15.add(r.node_capacity_cpu_core_hours, row) &&
      s16.add(r.node_capacity_memory_gigabytes, row) &&
      s17.add(r.node_capacity_memory_gigabyte_hours, row) &&
      s18.add(r.cluster_capacity_cpu_core_hours, row) &&
      s19.add(r.cluster_capacity_memory_gigabyte_hours, row) &&
      s20.add(r.persistentvolumeclaim, row) &&
      s21.add(r.persistentvolume, row) &&
      s22.add(r.storageclass, row) &&
      s23.add(r.csi_volume_handle, row) &&
      s24.add(r.volume_labels, row) &&
      s25.add(r.all_labels, row) &&
      s26.add(r.persistentvolumeclaim_capacity_gigabyte, row) &&
      s27.add(r.persistentvolumeclaim_capacity_gigabyte_months, row) &&
      s28.add(r.volume_request_storage_gigabyte_months, row) &&
      s29.add(r.persistentvolumeclaim_usage_gigabyte_months, row) &&
      s30.add(r.infrastructure_usage_cost_zero, row) &&
      s31.add(r.cost_category_id, row);
    if (!ok) return false;
  }
  return true;
}

/**
 * Feeds the Pod rows `pod` holds, in `order`, to `sinks` as rows 0, 1, …: the same values `feedSummaryRows` would
 * feed for `pod.row(o)` of each, read from the columns (so no row objects are built). Pod rows fit their fields by
 * construction; false only if a sink rejects a value anyway.
 */
export function feedPodRows(pod: PodRowColumns, order: Int32Array, sinks: readonly FieldSink[]): boolean {
  const [
    s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, s11, s12, s13, s14, s15, s16, s17, s18, s19, s20, s21, s22, s23, s24, s25, s26, s27, s28, s29, s30, s31,
  ] = fieldSinks(sinks);
  for (let i = 0; i < order.length; i++) {
    const o = order[i] as number;
    const labels = pod.podLabels(o);
    const ok =
      s0.add(pod.day, i) &&
      s1.add('Pod', i) &&
      s2.add(pod.namespaces[o], i) &&
      s3.add(pod.nodes[o], i) &&
      s4.add(pod.resourceIds[o], i) &&
      s5.add(labels, i) &&
      s6.add(pod.coreHours(o, POD_SUM.usageCpu), i) &&
      s7.add(pod.coreHours(o, POD_SUM.requestCpu), i) &&
      s8.add(pod.coreHours(o, POD_SUM.effectiveCpu), i) &&
      s9.add(pod.coreHours(o, POD_SUM.limitCpu), i) &&
      s10.add(pod.gibHours(o, POD_SUM.usageMem), i) &&
      s11.add(pod.gibHours(o, POD_SUM.requestMem), i) &&
      s12.add(pod.gibHours(o, POD_SUM.effectiveMem), i) &&
      s13.add(pod.gibHours(o, POD_SUM.limitMem), i) &&
      s14.add(pod.nodeCapacityCpuCores(o), i) &&
      s15.add(pod.nodeCapacityCpuCoreHours(o), i) &&
      s16.add(pod.nodeCapacityMemoryGigabytes(o), i) &&
      s17.add(pod.nodeCapacityMemoryGigabyteHours(o), i) &&
      s18.add(pod.clusterCapacityCpuCoreHours(), i) &&
      s19.add(pod.clusterCapacityMemoryGigabyteHours(), i) &&
      s20.add(null, i) &&
      s21.add(null, i) &&
      s22.add(null, i) &&
      s23.add(null, i) &&
      s24.add(null, i) &&
      // A fresh {} per NULL map, as `row` builds it (the codec shares maps by identity).
      s25.add(labels ?? {}, i) &&
      s26.add(null, i) &&
      s27.add(null, i) &&
      s28.add(null, i) &&
      s29.add(null, i) &&
      s30.add(true, i) &&
      s31.add(pod.costCategoryIds[o], i);
    if (!ok) return false;
  }
  return true;
}

/** `sinks` as one typed local per field (plain locals keep each field's call site monomorphic). */
function fieldSinks(sinks: readonly FieldSink[]): FieldSinks {
  if (sinks.length !== SUMMARY_ROW_FIELDS.length) throw new Error(`expected ${SUMMARY_ROW_FIELDS.length} field sinks, got ${sinks.length}`);
  return sinks as unknown as FieldSinks;
}

/** One sink per field: a tuple as long as `SUMMARY_ROW_FIELDS`. */
type SinkPerField<Fields extends readonly unknown[]> = { readonly [K in keyof Fields]: FieldSink };
type FieldSinks = SinkPerField<typeof SUMMARY_ROW_FIELDS>;

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
