import { OCP_CLUSTERS_TABLE, REPORT_PERIOD_TABLE } from './constants.js';
import { UnknownClusterError } from './errors.js';
import { qualifiedName } from './identifiers.js';
import { acquireXactLock } from './locks.js';
import type { DbClient, OcpClusterInput } from './types.js';

/**
 * Koku's `populate_cluster_table`: the provider's `reporting_ocp_clusters` row (uuid), created when missing, its
 * alias updated when it changed.
 *
 * @example const clusterUuid = await ensureOcpCluster(client, 'org1234567', { providerUuid, clusterId: 'c1', clusterAlias: 'C1' })
 */
export async function ensureOcpCluster(client: DbClient, schema: string, input: OcpClusterInput): Promise<string> {
  const table = qualifiedName(schema, OCP_CLUSTERS_TABLE);
  // The table has no unique key on the provider: two transactions creating the row would both insert it. Creating
  // waits for a per-provider lock and looks again; finding the row, the usual case, takes no lock.
  let row = await findCluster(client, table, input.providerUuid);
  if (row === null) {
    await acquireXactLock(client, `koku-agg:ocp-cluster:${schema}:${input.providerUuid}`);
    row = await findCluster(client, table, input.providerUuid);
  }
  if (row === null) {
    const created = await client.query<{ uuid: string }>(
      `INSERT INTO ${table} (uuid, cluster_id, cluster_alias, provider_id) VALUES (gen_random_uuid(), $1, $2, $3::uuid)
       RETURNING uuid::text AS uuid`,
      [input.clusterId, input.clusterAlias, input.providerUuid],
    );
    return created.rows[0].uuid;
  }
  if (row.cluster_alias !== input.clusterAlias) {
    await client.query(`UPDATE ${table} SET cluster_alias = $2 WHERE uuid = $1::uuid`, [row.uuid, input.clusterAlias]);
  }
  return row.uuid;
}

async function findCluster(client: DbClient, table: string, providerUuid: string): Promise<{ uuid: string; cluster_alias: string | null } | null> {
  const found = await client.query<{ uuid: string; cluster_alias: string | null }>(
    `SELECT uuid::text AS uuid, cluster_alias FROM ${table} WHERE provider_id = $1::uuid ORDER BY uuid LIMIT 1`,
    [providerUuid],
  );
  return found.rows[0] ?? null;
}

/**
 * The `reporting_ocp_clusters` uuid for an OCP cluster id. When Koku has no row yet, one is created from the
 * newest report period of that cluster (which names its provider and alias).
 */
export async function resolveOcpClusterUuid(client: DbClient, schema: string, clusterId: string): Promise<string> {
  const found = await client.query<{ uuid: string }>(
    `SELECT uuid::text AS uuid FROM ${qualifiedName(schema, OCP_CLUSTERS_TABLE)} WHERE cluster_id = $1 ORDER BY uuid LIMIT 1`,
    [clusterId],
  );
  if (found.rows.length) return found.rows[0].uuid;
  const period = await client.query<{ provider_id: string; cluster_alias: string | null }>(
    `SELECT provider_id::text AS provider_id, cluster_alias FROM ${qualifiedName(schema, REPORT_PERIOD_TABLE)}
     WHERE cluster_id = $1 ORDER BY report_period_start DESC, id DESC LIMIT 1`,
    [clusterId],
  );
  if (!period.rows.length) {
    throw new UnknownClusterError(clusterId, `no ${OCP_CLUSTERS_TABLE} row and no report period in schema ${schema}`);
  }
  const { provider_id: providerUuid, cluster_alias: clusterAlias } = period.rows[0];
  return ensureOcpCluster(client, schema, { providerUuid, clusterId, clusterAlias });
}
