import { ENABLED_TAG_KEYS_TABLE } from '../db/constants.js';
import { qualifiedName } from '../db/identifiers.js';
import type { EnabledTagKeys } from './types.js';
import type { ClientBase } from 'pg';

/**
 * The enabled rows of `reporting_enabledtagkeys` for AWS and for OCP (spec §1.3), each sorted by code point as
 * Trino's `array_agg(key ORDER BY key)`.
 *
 * @example const keys = await readEnabledTagKeys(client, 'org1234567') // { aws: ['env'], ocp: ['app'] }
 */
export async function readEnabledTagKeys(client: ClientBase, schema: string): Promise<EnabledTagKeys> {
  const r = await client.query<{ key: string; provider_type: string }>(
    `SELECT key, provider_type FROM ${qualifiedName(schema, ENABLED_TAG_KEYS_TABLE)}
     WHERE enabled AND provider_type IN ('AWS', 'OCP') ORDER BY key COLLATE "C"`,
  );
  return {
    aws: r.rows.filter((row) => row.provider_type === 'AWS').map((row) => row.key),
    ocp: r.rows.filter((row) => row.provider_type === 'OCP').map((row) => row.key),
  };
}
