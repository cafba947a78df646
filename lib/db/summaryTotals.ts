import { OCP_SUMMARY_TABLE } from './constants.js';
import { qualifiedName } from './identifiers.js';
import type { DbClient } from './types.js';

export interface SummaryTotalsRow {
  /** `Pod`, `Storage`, or `Unallocated` (Pod rows with an unallocated namespace or role-less NULL namespace). */
  kind: string;
  rows: number;
  cpuUsageCoreHours: number;
  cpuRequestCoreHours: number;
  memoryUsageGigabyteHours: number;
  memoryRequestGigabyteHours: number;
  pvcCapacityGigabyteMonths: number;
  pvcUsageGigabyteMonths: number;
}

/** Row counts and usage totals of one source's summary rows over `[from, to]`, for the CLI's closing table. */
export async function readSummaryTotals(client: DbClient, schema: string, providerUuid: string, from: string, to: string): Promise<SummaryTotalsRow[]> {
  const { rows } = await client.query(
    `SELECT CASE WHEN data_source = 'Pod' AND pod_labels IS NULL THEN 'Unallocated' ELSE data_source END AS kind,
            count(*)::int AS rows,
            coalesce(sum(pod_usage_cpu_core_hours), 0)::float8 AS cpu_usage,
            coalesce(sum(pod_request_cpu_core_hours), 0)::float8 AS cpu_request,
            coalesce(sum(pod_usage_memory_gigabyte_hours), 0)::float8 AS mem_usage,
            coalesce(sum(pod_request_memory_gigabyte_hours), 0)::float8 AS mem_request,
            coalesce(sum(persistentvolumeclaim_capacity_gigabyte_months), 0)::float8 AS pvc_capacity,
            coalesce(sum(persistentvolumeclaim_usage_gigabyte_months), 0)::float8 AS pvc_usage
       FROM ${qualifiedName(schema, OCP_SUMMARY_TABLE)}
      WHERE source_uuid = $1 AND usage_start BETWEEN $2 AND $3
        AND (infrastructure_raw_cost IS NULL OR infrastructure_raw_cost = 0)
      GROUP BY 1 ORDER BY 1`,
    [providerUuid, from, to],
  );
  return rows.map((r) => ({
    kind: r.kind,
    rows: r.rows,
    cpuUsageCoreHours: r.cpu_usage,
    cpuRequestCoreHours: r.cpu_request,
    memoryUsageGigabyteHours: r.mem_usage,
    memoryRequestGigabyteHours: r.mem_request,
    pvcCapacityGigabyteMonths: r.pvc_capacity,
    pvcUsageGigabyteMonths: r.pvc_usage,
  }));
}
