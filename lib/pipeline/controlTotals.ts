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

/** Row counts per data source and sums of the usage columns: cheap checks an operator can compare with Koku. */
export function ocpControlTotals(rows: OcpSummaryRow[]): Record<string, number> {
  const totals: Record<string, number> = { rows: rows.length };
  for (const row of rows) {
    const k = `rows_${row.data_source === 'Pod' && row.namespace !== null && row.namespace.endsWith(' unallocated') && row.pod_labels === null ? 'Unallocated' : row.data_source}`;
    totals[k] = (totals[k] ?? 0) + 1;
    for (const col of SUMMED) {
      const v = row[col];
      if (typeof v === 'number') totals[col] = (totals[col] ?? 0) + v;
    }
  }
  return totals;
}
