import { REPORT_PERIOD_TABLE } from './constants.js';
import { InvalidSettingError } from '../common/errors.js';
import { qualifiedName } from './identifiers.js';
import { monthBounds } from './partitions.js';
import type { DbClient, EnsureReportPeriodInput } from './types.js';

const MONTH_START = /^(\d{4})-(\d{2})-01$/;

/**
 * Koku's report period of a provider for the month starting `monthStart` (`YYYY-MM-01`, UTC midnight as Koku
 * stores it), or null; Koku skips summarising a month without one. With several (cluster id changed), the oldest.
 *
 * @example const id = await findReportPeriod(client, 'org1234567', providerUuid, '2025-10-01')
 */
export async function findReportPeriod(
  client: DbClient,
  schema: string,
  providerUuid: string,
  monthStart: string,
): Promise<number | null> {
  if (!MONTH_START.test(monthStart)) throw new InvalidSettingError(monthStart, 'report period month must be YYYY-MM-01');
  const r = await client.query<{ id: number }>(
    `SELECT id FROM ${qualifiedName(schema, REPORT_PERIOD_TABLE)}
     WHERE provider_id = $1::uuid AND report_period_start = ($2::date)::timestamp AT TIME ZONE 'UTC'
     ORDER BY id LIMIT 1`,
    [providerUuid, monthStart],
  );
  return r.rows.length ? r.rows[0].id : null;
}

/**
 * The provider's report period for the month, created when missing (standalone use: Koku normally creates it when
 * the operator's manifest arrives). Start is the 1st of the month and end the 1st of the next, UTC.
 *
 * @example const id = await ensureReportPeriod(client, 'org1234567', { providerUuid, clusterId: 'c1', clusterAlias: 'C1', year: 2025, month: 10 })
 */
export async function ensureReportPeriod(client: DbClient, schema: string, input: EnsureReportPeriodInput): Promise<number> {
  if (!Number.isInteger(input.year) || !Number.isInteger(input.month) || input.month < 1 || input.month > 12) {
    throw new InvalidSettingError(`${input.year}-${input.month}`, 'report period needs an integer year and a month 1-12');
  }
  const { from, to } = monthBounds(input.year, input.month);
  const existing = await findReportPeriod(client, schema, input.providerUuid, from);
  if (existing !== null) return existing;
  const r = await client.query<{ id: number }>(
    `INSERT INTO ${qualifiedName(schema, REPORT_PERIOD_TABLE)}
       (cluster_id, cluster_alias, report_period_start, report_period_end, provider_id)
     VALUES ($1, $2, ($3::date)::timestamp AT TIME ZONE 'UTC', ($4::date)::timestamp AT TIME ZONE 'UTC', $5::uuid)
     ON CONFLICT (cluster_id, report_period_start, provider_id) DO NOTHING
     RETURNING id`,
    [input.clusterId, input.clusterAlias, from, to, input.providerUuid],
  );
  if (r.rows.length) return r.rows[0].id;
  // Lost a race with a concurrent creator: its row is now visible.
  const created = await findReportPeriod(client, schema, input.providerUuid, from);
  if (created === null) throw new InvalidSettingError(input.providerUuid, `report period ${from} could not be created`);
  return created;
}
