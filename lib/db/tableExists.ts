import type { DbClient } from './types.js';

/**
 * True when `table` (already qualified and quoted, as `qualifiedName` gives it) exists. Our registry tables, Koku's
 * optional ones and the OCP-on-AWS tables may be missing from a schema, and reading them there is not an error.
 *
 * @example if (!(await tableExists(client, qualifiedName(schema, PROVIDER_TABLE)))) return [];
 */
export async function tableExists(client: DbClient, table: string): Promise<boolean> {
  const r = await client.query<{ present: boolean }>('SELECT to_regclass($1) IS NOT NULL AS present', [table]);
  return r.rows[0]?.present === true;
}
