import { qualifiedName } from '../db/identifiers.js';
import { OCP_AWS_SUMMARY_TABLE } from './constants.js';
import type { ClientBase } from 'pg';

export interface OcpAwsTotalsRow {
  clusterId: string | null;
  /** `Pod`, `Storage`, or the synthetic namespace (`Worker unallocated`, `Storage unattributed`, …) its rows carry. */
  kind: string;
  rows: number;
  unblendedCost: number;
  markupCost: number;
  amortizedCost: number;
}

const SYNTHETIC = `namespace IN ('Worker unallocated', 'Platform unallocated', 'Storage unattributed', 'Network unattributed')`;

/**
 * Row counts and cost totals of one AWS source's OCP-on-AWS rows over `[from, to]`, per cluster and kind of row,
 * for the CLI's closing table.
 *
 * @example await readOcpAwsTotals(client, 'org1234567', awsUuid, '2025-10-01', '2025-10-31')
 */
export async function readOcpAwsTotals(client: ClientBase, schema: string, awsProviderUuid: string, from: string, to: string): Promise<OcpAwsTotalsRow[]> {
  const { rows } = await client.query<{ cluster_id: string | null; kind: string; rows: number; unblended: number; markup: number; amortized: number }>(
    `SELECT cluster_id, CASE WHEN ${SYNTHETIC} THEN namespace ELSE data_source END AS kind, count(*)::int AS rows,
            coalesce(sum(unblended_cost), 0)::float8 AS unblended, coalesce(sum(markup_cost), 0)::float8 AS markup,
            coalesce(sum(calculated_amortized_cost), 0)::float8 AS amortized
       FROM ${qualifiedName(schema, OCP_AWS_SUMMARY_TABLE)}
      WHERE source_uuid = $1::uuid AND usage_start BETWEEN $2::date AND $3::date
      GROUP BY 1, 2 ORDER BY 1, 2`,
    [awsProviderUuid, from, to],
  );
  return rows.map((r) => ({ clusterId: r.cluster_id, kind: r.kind, rows: r.rows, unblendedCost: r.unblended, markupCost: r.markup, amortizedCost: r.amortized }));
}
