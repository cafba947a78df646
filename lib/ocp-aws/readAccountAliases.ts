import { qualifiedName } from '../db/identifiers.js';
import { tableExists } from '../db/tableExists.js';
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
  if (!(await tableExists(client, table))) return {};
  const r = await client.query<{ id: number; account_id: string }>(`SELECT id, account_id FROM ${table} ORDER BY id`);
  return Object.fromEntries(r.rows.map((row) => [row.account_id, row.id]));
}
