import { randomUUID } from 'node:crypto';
import { ENABLED_TAG_KEYS_TABLE } from './constants.js';
import { qualifiedName } from './identifiers.js';
import type { DbClient } from './types.js';

/** Enables label keys for a provider type (standalone use; in Koku the UI does this). Returns the keys changed. */
export async function enableTagKeys(client: DbClient, schema: string, providerType: string, keys: readonly string[]): Promise<number> {
  let changed = 0;
  for (const key of keys) {
    const { rowCount } = await client.query(
      `INSERT INTO ${qualifiedName(schema, ENABLED_TAG_KEYS_TABLE)} (uuid, key, enabled, provider_type) VALUES ($1, $2, true, $3)
       ON CONFLICT (key, provider_type) DO UPDATE SET enabled = true WHERE NOT ${qualifiedName(schema, ENABLED_TAG_KEYS_TABLE)}.enabled`,
      [randomUUID(), key, providerType],
    );
    changed += rowCount ?? 0;
  }
  return changed;
}
