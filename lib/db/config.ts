/**
 * Settings Koku keeps in the tenant schema that change the OCP summary (spec §5.1, §5.3, §8.1).
 */
import type { NodeRoleLookup, NodeRoleObservation, OcpSummaryConfig } from '../ocp/types.js';
import {
  COST_CATEGORY_NAMESPACE_TABLE,
  ENABLED_TAG_KEYS_TABLE,
  OCP_NODES_TABLE,
} from './constants.js';
import { InvalidSettingError } from '../common/errors.js';
import { qualifiedName } from './identifiers.js';
import { acquireXactLock } from './locks.js';
import { resolveOcpClusterUuid } from './ocpCluster.js';
import type { DbClient } from './types.js';

/**
 * Enabled OCP tag keys (sorted by code point, as Trino's `array_agg(key ORDER BY key)`) and the cost-category
 * LIKE patterns with their category ids.
 *
 * @example const { enabledKeys, costCategories } = await readOcpSummaryConfig(client, 'org1234567')
 */
export async function readOcpSummaryConfig(client: DbClient, schema: string): Promise<OcpSummaryConfig> {
  const keys = await client.query<{ key: string }>(
    `SELECT key FROM ${qualifiedName(schema, ENABLED_TAG_KEYS_TABLE)}
     WHERE enabled AND provider_type = 'OCP' ORDER BY key COLLATE "C"`,
  );
  const categories = await client.query<{ pattern: string; cost_category_id: number }>(
    `SELECT namespace AS pattern, cost_category_id FROM ${qualifiedName(schema, COST_CATEGORY_NAMESPACE_TABLE)} ORDER BY id`,
  );
  return {
    enabledKeys: keys.rows.map((r) => r.key),
    costCategories: categories.rows.map((r) => ({ pattern: r.pattern, costCategoryId: r.cost_category_id })),
  };
}

/**
 * Koku's `populate_node_table` with its sticky semantics (spec §8.1): a new `reporting_ocp_nodes` row for each
 * new (node, resource_id, node_capacity_cpu_cores rounded to numeric(18,2), cluster); an existing row's role is only
 * filled when it is NULL. Within one call the first observation of a key wins, as in Koku's loop.
 * The cluster row is found by `clusterId` (created from its report period when Koku has none yet).
 *
 * @example await upsertNodeRoles(client, 'org1234567', 'my-cluster', [{ node: 'n1', resource_id: 'i-1', node_capacity_cpu_cores: 4, node_role: 'worker' }])
 */
export async function upsertNodeRoles(
  client: DbClient,
  schema: string,
  clusterId: string,
  observations: readonly NodeRoleObservation[],
): Promise<void> {
  if (observations.length === 0) return;
  for (const o of observations) {
    if (!Number.isFinite(o.node_capacity_cpu_cores)) {
      throw new InvalidSettingError(`node ${o.node}`, `node_capacity_cpu_cores ${o.node_capacity_cpu_cores} is not a finite number`);
    }
  }
  const clusterUuid = await resolveOcpClusterUuid(client, schema, clusterId);
  const nodes = qualifiedName(schema, OCP_NODES_TABLE);
  const params = [
    clusterUuid,
    observations.map((o) => o.node),
    observations.map((o) => o.resource_id),
    observations.map((o) => o.node_capacity_cpu_cores),
    observations.map((o) => o.node_role),
  ];
  // The first observation of each key, as the upsert keeps it.
  const obs = `SELECT DISTINCT ON (o.node, o.resource_id, o.cores) o.node, o.resource_id, o.cores, o.role
       FROM (SELECT node, resource_id, cores::numeric(18,2) AS cores, role, ord
             FROM unnest($2::text[], $3::text[], $4::float8[], $5::text[]) WITH ORDINALITY AS u(node, resource_id, cores, role, ord)) o
       ORDER BY o.node, o.resource_id, o.cores, o.ord`;
  const same = `n.cluster_id = $1::uuid AND n.node = obs.node AND n.resource_id IS NOT DISTINCT FROM obs.resource_id
         AND n.node_capacity_cpu_cores IS NOT DISTINCT FROM obs.cores`;
  // The table has no unique key: two transactions adding the same node would both insert it. So a change waits for a
  // per-cluster lock (the upsert then sees what the previous holder committed); the usual case, every node known
  // with its role, changes nothing and takes no lock, so finalizes of different days do not queue here.
  const pending = await client.query<{ changes: boolean }>(
    `WITH obs AS (${obs})
     SELECT EXISTS (SELECT 1 FROM obs WHERE NOT EXISTS (SELECT 1 FROM ${nodes} n WHERE ${same}))
         OR EXISTS (SELECT 1 FROM obs JOIN ${nodes} n ON ${same} WHERE n.node_role IS NULL AND obs.role IS NOT NULL) AS changes`,
    params,
  );
  if (!pending.rows[0].changes) return;
  await acquireXactLock(client, `koku-agg:ocp-nodes:${schema}:${clusterUuid}`);
  await client.query(
    `WITH obs AS (${obs}),
     filled AS (
       UPDATE ${nodes} n SET node_role = obs.role FROM obs
       WHERE ${same} AND n.node_role IS NULL
       RETURNING n.uuid)
     INSERT INTO ${nodes} (uuid, node, resource_id, node_capacity_cpu_cores, cluster_id, node_role)
     SELECT gen_random_uuid(), obs.node, obs.resource_id, obs.cores, $1::uuid, obs.role FROM obs
     WHERE NOT EXISTS (SELECT 1 FROM ${nodes} n WHERE ${same})`,
    params,
  );
}

/**
 * `max(node_role)` per (node, resource_id) over every `reporting_ocp_nodes` row of the schema, all clusters
 * (spec §8.1 step 2), compared by code point as Trino does. Like the SQL join on `resource_id`, a null resource id
 * never matches.
 *
 * @example const roleOf = await readNodeRoleLookup(client, 'org1234567'); roleOf('node-a', 'i-0abc') // 'worker'
 */
export async function readNodeRoleLookup(client: DbClient, schema: string): Promise<NodeRoleLookup> {
  const r = await client.query<{ node: string; resource_id: string; node_role: string | null }>(
    `SELECT node, resource_id, max(node_role COLLATE "C") AS node_role FROM ${qualifiedName(schema, OCP_NODES_TABLE)}
     WHERE resource_id IS NOT NULL GROUP BY node, resource_id`,
  );
  const roles = new Map<string, string | null>();
  for (const row of r.rows) roles.set(roleKey(row.node, row.resource_id), row.node_role);
  return (node, resourceId) => (resourceId === null ? null : roles.get(roleKey(node, resourceId)) ?? null);
}

function roleKey(node: string, resourceId: string): string {
  return `${node}\u0000${resourceId}`;
}
