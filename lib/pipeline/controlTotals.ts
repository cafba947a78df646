import type { OcpSummaryRow } from '../ocp/types.js';

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
  // Plain locals instead of row[col] with a variable key (megamorphic): a large day has ~50k rows.
  const order: string[] = ['rows'];
  const sums = new Float64Array(SUMMED.length);
  const seen = new Uint8Array(SUMMED.length);
  const kinds = new Map<string, number>();
  for (const row of rows) {
    const kind = row.data_source === 'Pod' && row.namespace !== null && row.namespace.endsWith(' unallocated') && row.pod_labels === null ? 'Unallocated' : row.data_source;
    const count = kinds.get(kind);
    if (count === undefined) {
      kinds.set(kind, 1);
      order.push(`rows_${kind}`);
    } else kinds.set(kind, count + 1);
    add(0, row.pod_usage_cpu_core_hours);
    add(1, row.pod_request_cpu_core_hours);
    add(2, row.pod_effective_usage_cpu_core_hours);
    add(3, row.pod_usage_memory_gigabyte_hours);
    add(4, row.pod_request_memory_gigabyte_hours);
    add(5, row.pod_effective_usage_memory_gigabyte_hours);
    add(6, row.persistentvolumeclaim_capacity_gigabyte_months);
    add(7, row.volume_request_storage_gigabyte_months);
    add(8, row.persistentvolumeclaim_usage_gigabyte_months);
  }
  const totals: Record<string, number> = {};
  for (const key of order) {
    if (key === 'rows') totals.rows = rows.length;
    else if (key.startsWith('rows_') && kinds.has(key.slice(5))) totals[key] = kinds.get(key.slice(5)) as number;
    else totals[key] = sums[SUMMED.indexOf(key as keyof OcpSummaryRow)] as number;
  }
  return totals;

  function add(j: number, v: number | null): void {
    if (typeof v !== 'number') return;
    if (seen[j] === 0) {
      seen[j] = 1;
      order.push(SUMMED[j] as string);
      sums[j] = 0 + v; // as `(undefined ?? 0) + v`: -0 becomes 0
    } else sums[j] = (sums[j] as number) + v;
  }
}
