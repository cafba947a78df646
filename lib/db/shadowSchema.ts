import { ensureTenantSchema } from './ddl.js';
import { qualifiedName } from './identifiers.js';
import { OCP_SUMMARY_TABLE } from './constants.js';
import type { DbClient } from './types.js';

/**
 * Creates a shadow schema: Koku's DDL, minus the summary table's foreign key to cost categories. Shadow rows carry the
 * tenant's cost_category_id values (the settings come from the tenant schema), and those ids need not exist in the
 * shadow's own category table; `koku-agg compare` matches categories by name anyway.
 */
export async function ensureShadowSchema(client: DbClient, schema: string): Promise<void> {
  await ensureTenantSchema(client, schema);
  await client.query(`ALTER TABLE ${qualifiedName(schema, OCP_SUMMARY_TABLE)} DROP CONSTRAINT IF EXISTS reporting_ocpusagelineitem_daily_summary_cost_category_fk`);
}
