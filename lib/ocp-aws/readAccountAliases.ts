import { qualifiedName } from '../db/identifiers.js';
import { AWS_ACCOUNT_ALIAS_TABLE } from './constants.js';
import type { ClientBase } from 'pg';

/**
 * `reporting_awsaccountalias` as `account_id` → `id`, for `account_alias_id` (spec §4.4); empty when the schema
 * has no such table.
 *
 * @example (await readAccountAliases(client, 'org1234567'))['111111111111'] // 3
 */
export async function readAccountAliases(client: ClientBase, schema: string): Promise<Record<string, number>> {
  const table = qualifiedName(schema, AWS_ACCOUNT_ALIAS_TABLE);
  const present = await client.query<{ present: boolean }>('SELECT to_regclass($1) IS NOT NULL AS present', [table]);
  if (!present.rows[0].present) return {};
  const r = await client.query<{ id: number; account_id: string }>(`SELECT id, account_id FROM ${table} ORDER BY id`);
  return Object.fromEntries(r.rows.map((row) => [row.account_id, row.id]));
}
