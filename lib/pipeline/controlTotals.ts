import { POD_SUM } from '../ocp/index.js';
import type { PodRowColumns } from '../ocp/index.js';
import type { OcpDayRows, OcpSummaryRow } from '../ocp/types.js';

const SUMMED: Array<keyof OcpSummaryRow> = [
  'pod_usage_cpu_core_hours',
  'pod_request_cpu_core_hours',
  'pod_effective_usage_cpu_core_hours',
  'pod_usage_memory_gigabyte_hours',
  'pod_request_memory_gigabyte_hours',
  'pod_effective_usage_memory_gigabyte_hours',
  'persistentvolumeclaim_capacity_gigabyte_months',
  'volume_request_storage_gigabyte_months',
  'persistentvolumeclaim_usage_gigabyte_months',
];

/**
 * Row counts per data source and sums of the usage columns: cheap checks an operator can compare with Koku.
 * Keys appear in the order they are first met (rows, then row kinds and columns as rows reach them).
 */
export function ocpControlTotals(rows: OcpSummaryRow[]): Record<string, number> {
  const totals = new ControlTotals();
  for (const row of rows) totals.addRow(row);
  return totals.result();
}

/** `ocpControlTotals` of the day's sorted rows, read from the Pod-row columns without building row objects. */
export function ocpDayControlTotals(day: OcpDayRows): Record<string, number> {
  const totals = new ControlTotals();
  for (let i = 0; i < day.podOrder.length; i++) totals.addPodRow(day.pod, day.podOrder[i] as number);
  for (const row of day.storage) totals.addRow(row);
  return totals.result();
}

/** The running totals, fed row by row in the rows' order (the sums' order of additions is part of the result). */
class ControlTotals {
  private rows = 0;
  // Sums at fixed positions, read by plain property reads (row[col] with a variable key is megamorphic): a large
  // day has ~100k rows.
  private readonly order: string[] = ['rows'];
  private readonly sums = new Float64Array(SUMMED.length);
  private readonly seen = new Uint8Array(SUMMED.length);
  private readonly kinds = new Map<string, number>();

  addRow(row: OcpSummaryRow): void {
    this.count(row.data_source === 'Pod' && isUnallocatedNamespace(row.namespace) && row.pod_labels === null ? 'Unallocated' : row.data_source);
    this.add(0, row.pod_usage_cpu_core_hours);
    this.add(1, row.pod_request_cpu_core_hours);
    this.add(2, row.pod_effective_usage_cpu_core_hours);
    this.add(3, row.pod_usage_memory_gigabyte_hours);
    this.add(4, row.pod_request_memory_gigabyte_hours);
    this.add(5, row.pod_effective_usage_memory_gigabyte_hours);
    this.add(6, row.persistentvolumeclaim_capacity_gigabyte_months);
    this.add(7, row.volume_request_storage_gigabyte_months);
    this.add(8, row.persistentvolumeclaim_usage_gigabyte_months);
  }

  /** Output `o` of `pod`, as `addRow(pod.row(o))` would add it (a Pod row's storage columns are NULL). */
  addPodRow(pod: PodRowColumns, o: number): void {
    this.count(isUnallocatedNamespace(pod.namespaces[o] as string | null) && pod.podLabels(o) === null ? 'Unallocated' : 'Pod');
    this.add(0, pod.coreHours(o, POD_SUM.usageCpu));
    this.add(1, pod.coreHours(o, POD_SUM.requestCpu));
    this.add(2, pod.coreHours(o, POD_SUM.effectiveCpu));
    this.add(3, pod.gibHours(o, POD_SUM.usageMem));
    this.add(4, pod.gibHours(o, POD_SUM.requestMem));
    this.add(5, pod.gibHours(o, POD_SUM.effectiveMem));
  }

  result(): Record<string, number> {
    const totals: Record<string, number> = {};
    for (const key of this.order) {
      if (key === 'rows') totals.rows = this.rows;
      else if (key.startsWith('rows_') && this.kinds.has(key.slice(5))) totals[key] = this.kinds.get(key.slice(5)) as number;
      else totals[key] = this.sums[SUMMED.indexOf(key as keyof OcpSummaryRow)] as number;
    }
    return totals;
  }

  private count(kind: string): void {
    this.rows++;
    const count = this.kinds.get(kind);
    if (count === undefined) {
      this.kinds.set(kind, 1);
      this.order.push(`rows_${kind}`);
    } else this.kinds.set(kind, count + 1);
  }

  private add(j: number, v: number | null): void {
    if (typeof v !== 'number') return;
    if (this.seen[j] === 0) {
      this.seen[j] = 1;
      this.order.push(SUMMED[j] as string);
      this.sums[j] = 0 + v; // as `(undefined ?? 0) + v`: -0 becomes 0
    } else this.sums[j] = (this.sums[j] as number) + v;
  }
}

function isUnallocatedNamespace(namespace: string | null): boolean {
  return namespace !== null && namespace.endsWith(' unallocated');
}
