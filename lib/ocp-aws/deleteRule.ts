import { daysInMonth } from '../common/days.js';
import { monthPartitionName } from '../db/partitions.js';
import { qualifiedName } from '../db/identifiers.js';
import { OCP_AWS_SUMMARY_TABLE } from './constants.js';
import { InvalidOcpAwsInputError } from './errors.js';
import type { ClientBase } from 'pg';

export interface OcpAwsDeleteScope {
  schema: string;
  /** First and last day replaced, `YYYY-MM-DD`, inclusive, in one month. */
  start: string;
  end: string;
  /** The AWS bill of the month (`cost_entry_bill_id`). */
  billId: number | null;
  /** Distinct infrastructure maps of the AWS type in the tenant (Koku's truncate guard). */
  awsInfraMapCount: number;
}

export interface OcpAwsDeleteStatement {
  kind: 'truncate' | 'delete';
  text: string;
  values: unknown[];
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Koku's delete before re-inserting OCP-on-AWS rows (spec §6, `trigger_ocp_on_cloud_summary`): TRUNCATE the month
 * partition when the range is a whole calendar month and the tenant has fewer than 2 AWS infrastructure maps;
 * otherwise DELETE the range's rows of the bill, every cluster at once. Koku compares `cost_entry_bill_id = bill`;
 * `IS NOT DISTINCT FROM` is used so rows written without a bill are replaced too, not duplicated.
 *
 * @example ocpAwsDeleteStatement({ schema: 'org1', start: '2025-10-01', end: '2025-10-05', billId: 3, awsInfraMapCount: 1 })
 * // { kind: 'delete', text: 'DELETE FROM "org1"."reporting_ocpawscostlineitem_project_daily_summary_p" WHERE …', values: [...] }
 */
export function ocpAwsDeleteStatement(scope: OcpAwsDeleteScope): OcpAwsDeleteStatement {
  const { year, month, startDay, endDay } = parseRange(scope);
  if (startDay === 1 && endDay === daysInMonth(year, month) && scope.awsInfraMapCount < 2) {
    return {
      kind: 'truncate',
      text: `TRUNCATE TABLE ${qualifiedName(scope.schema, monthPartitionName(OCP_AWS_SUMMARY_TABLE, year, month))}`,
      values: [],
    };
  }
  return {
    kind: 'delete',
    text: `DELETE FROM ${qualifiedName(scope.schema, OCP_AWS_SUMMARY_TABLE)}
      WHERE usage_start >= $1::date AND usage_start <= $2::date AND cost_entry_bill_id IS NOT DISTINCT FROM $3::integer`,
    values: [scope.start, scope.end, scope.billId],
  };
}

/**
 * Runs `ocpAwsDeleteStatement` on the caller's client (inside its transaction); a TRUNCATE of a month partition
 * that does not exist yet is a no-op. Returns the rows deleted (TRUNCATE reports 0).
 *
 * @example await deleteOcpAwsRows(client, { schema, start: '2025-10-03', end: '2025-10-03', billId, awsInfraMapCount: 1 })
 */
export async function deleteOcpAwsRows(client: ClientBase, scope: OcpAwsDeleteScope): Promise<number> {
  const statement = ocpAwsDeleteStatement(scope);
  if (statement.kind === 'truncate') {
    const partition = statement.text.slice('TRUNCATE TABLE '.length);
    const exists = await client.query<{ oid: string | null }>('SELECT to_regclass($1)::text AS oid', [partition]);
    if (exists.rows[0].oid === null) return 0;
  }
  const r = await client.query(statement.text, statement.values);
  return r.rowCount ?? 0;
}

function parseRange(scope: OcpAwsDeleteScope): { year: number; month: number; startDay: number; endDay: number } {
  const s = DAY.exec(scope.start);
  const e = DAY.exec(scope.end);
  if (!s || !e || s[1] !== e[1] || s[2] !== e[2] || scope.start > scope.end) {
    throw new InvalidOcpAwsInputError(`${scope.start}..${scope.end}`, 'the delete range must be YYYY-MM-DD days of one month, start <= end');
  }
  return { year: Number(s[1]), month: Number(s[2]), startDay: Number(s[3]), endDay: Number(e[3]) };
}
