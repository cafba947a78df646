import { monthBounds } from '../db/partitions.js';
import { qualifiedName } from '../db/identifiers.js';
import { AWS_BILL_TABLE } from './constants.js';
import { InvalidOcpAwsInputError } from './errors.js';
import type { ClientBase } from 'pg';

/**
 * The `reporting_awscostentrybill` id of an AWS source's month (spec §0 `bill_id`: the first bill of the month),
 * created when missing for standalone use. Koku creates bills while processing the CUR manifest.
 *
 * @example const billId = await ensureAwsBill(client, 'org1234567', { providerUuid, year: 2025, month: 10 })
 */
export async function ensureAwsBill(
  client: ClientBase,
  schema: string,
  input: { providerUuid: string; year: number; month: number; payerAccountId?: string | null },
): Promise<number> {
  if (!Number.isInteger(input.year) || !Number.isInteger(input.month) || input.month < 1 || input.month > 12) {
    throw new InvalidOcpAwsInputError(`${input.year}-${input.month}`, 'an AWS bill needs an integer year and a month 1-12');
  }
  const { from, to } = monthBounds(input.year, input.month);
  const table = qualifiedName(schema, AWS_BILL_TABLE);
  const start = `($2::date)::timestamp AT TIME ZONE 'UTC'`;
  const r = await client.query<{ id: number }>(
    `WITH existing AS (
       SELECT id FROM ${table} WHERE provider_id = $1::uuid AND billing_period_start = ${start} ORDER BY id LIMIT 1
     ), created AS (
       INSERT INTO ${table} (billing_resource, bill_type, payer_account_id, billing_period_start, billing_period_end, provider_id)
       SELECT 'aws', 'Anniversary', $4, ${start}, ($3::date)::timestamp AT TIME ZONE 'UTC', $1::uuid
        WHERE NOT EXISTS (SELECT 1 FROM existing)
       RETURNING id
     )
     SELECT id FROM existing UNION ALL SELECT id FROM created`,
    [input.providerUuid, from, to, input.payerAccountId ?? null],
  );
  return r.rows[0].id;
}

/**
 * The first `reporting_awscostentrybill` id of an AWS source's month, or null when Koku has none yet (beside Koku,
 * where bills are Koku's to create).
 *
 * @example const billId = await findAwsBill(client, 'org1234567', { providerUuid, year: 2025, month: 10 })
 */
export async function findAwsBill(
  client: ClientBase,
  schema: string,
  input: { providerUuid: string; year: number; month: number },
): Promise<number | null> {
  const { from } = monthBounds(input.year, input.month);
  const r = await client.query<{ id: number }>(
    `SELECT id FROM ${qualifiedName(schema, AWS_BILL_TABLE)}
     WHERE provider_id = $1::uuid AND billing_period_start = ($2::date)::timestamp AT TIME ZONE 'UTC' ORDER BY id LIMIT 1`,
    [input.providerUuid, from],
  );
  return r.rows[0]?.id ?? null;
}
