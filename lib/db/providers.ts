import { PROVIDER_TABLE } from './constants.js';
import { qualifiedName } from './identifiers.js';
import { tableExists } from './tableExists.js';
import type { DbClient, ProviderRecord, UpsertProviderInput } from './types.js';

interface ProviderRow {
  provider_uuid: string;
  provider_type: string;
  cluster_id: string | null;
  cluster_alias: string | null;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = 'provider_uuid::text AS provider_uuid, provider_type, cluster_id, cluster_alias, created_at, updated_at';

function toRecord(r: ProviderRow): ProviderRecord {
  return {
    providerUuid: r.provider_uuid,
    providerType: r.provider_type,
    clusterId: r.cluster_id,
    clusterAlias: r.cluster_alias,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

/**
 * Registers a source in `koku_agg_provider` (standalone runs have no Koku `api_provider`), or updates its type,
 * cluster id and alias. Omitted cluster fields keep their stored values.
 *
 * @example await upsertProvider(client, 'org1234567', { providerUuid, providerType: 'OCP', clusterId: 'my-cluster', clusterAlias: 'My cluster' })
 */
export async function upsertProvider(client: DbClient, schema: string, input: UpsertProviderInput): Promise<ProviderRecord> {
  const r = await client.query<ProviderRow>(
    `INSERT INTO ${qualifiedName(schema, PROVIDER_TABLE)} AS p (provider_uuid, provider_type, cluster_id, cluster_alias)
     VALUES ($1::uuid, $2, $3, $4)
     ON CONFLICT (provider_uuid) DO UPDATE SET
       provider_type = EXCLUDED.provider_type,
       cluster_id = CASE WHEN $5 THEN EXCLUDED.cluster_id ELSE p.cluster_id END,
       cluster_alias = CASE WHEN $6 THEN EXCLUDED.cluster_alias ELSE p.cluster_alias END,
       updated_at = now()
     RETURNING ${COLUMNS}`,
    [
      input.providerUuid,
      input.providerType,
      input.clusterId ?? null,
      input.clusterAlias ?? null,
      input.clusterId !== undefined,
      input.clusterAlias !== undefined,
    ],
  );
  return toRecord(r.rows[0]);
}

/**
 * The registered source, or null.
 *
 * @example const provider = await findProvider(client, 'org1234567', providerUuid)
 */
export async function findProvider(client: DbClient, schema: string, providerUuid: string): Promise<ProviderRecord | null> {
  const r = await client.query<ProviderRow>(
    `SELECT ${COLUMNS} FROM ${qualifiedName(schema, PROVIDER_TABLE)} WHERE provider_uuid = $1::uuid`,
    [providerUuid],
  );
  return r.rows.length ? toRecord(r.rows[0]) : null;
}

/**
 * Every registered source, ordered by uuid; none when the schema has no registry (Koku's own tenant schema, beside
 * Koku, or a shadow schema no finalize has created yet).
 */
export async function listProviders(client: DbClient, schema: string): Promise<ProviderRecord[]> {
  const table = qualifiedName(schema, PROVIDER_TABLE);
  if (!(await tableExists(client, table))) return [];
  const r = await client.query<ProviderRow>(`SELECT ${COLUMNS} FROM ${table} ORDER BY provider_uuid`);
  return r.rows.map(toRecord);
}
