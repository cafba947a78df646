import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readNodeRoleLookup, readOcpSummaryConfig, upsertNodeRoles } from '../../lib/db/config.js';
import { ensureOcpCluster } from '../../lib/db/ocpCluster.js';
import { ensureReportPeriod } from '../../lib/db/reportPeriod.js';
import { UnknownClusterError } from '../../lib/db/errors.js';
import { withTransaction } from '../../lib/db/transaction.js';
import { freshSchema, type FreshSchema } from '../helpers/database.js';

const PROVIDER_A = '6795d5e6-951c-4382-a8d3-390515d7ec7d';
const PROVIDER_B = '0b8b4ad8-1a57-4a4a-9d51-1d3c6b2b8e4f';

describe('readOcpSummaryConfig', () => {
  let db: FreshSchema;
  before(async () => {
    db = await freshSchema('cfg');
  });
  after(async () => {
    await db?.cleanup();
  });

  it('reads nothing enabled and the seeded Platform patterns on a fresh schema', async () => {
    const client = await db.pool.connect();
    try {
      const config = await readOcpSummaryConfig(client, db.schema);
      assert.deepEqual(config.enabledKeys, []);
      const platform = (await client.query(`SELECT id FROM ${db.schema}.reporting_ocp_cost_category WHERE name = 'Platform'`)).rows[0].id;
      assert.deepEqual(config.costCategories, ['openshift-%', 'kube-%', 'openshift', 'Platform unallocated'].map((pattern) => ({ pattern, costCategoryId: platform })));
    } finally { client.release(); }
  });

  it('keeps only enabled OCP keys, sorted by code point; user categories come with their ids', async () => {
    await db.pool.query(
      `INSERT INTO ${db.schema}.reporting_enabledtagkeys (uuid, key, enabled, provider_type) VALUES
       (gen_random_uuid(), 'team', true, 'OCP'), (gen_random_uuid(), 'app', true, 'OCP'), (gen_random_uuid(), 'Zeta', true, 'OCP'),
       (gen_random_uuid(), 'disabled', false, 'OCP'), (gen_random_uuid(), 'env', true, 'AWS'), (gen_random_uuid(), 'app_kubernetes_io_name', true, 'OCP')`,
    );
    const cat = await db.pool.query(
      `INSERT INTO ${db.schema}.reporting_ocp_cost_category (name, description, source_type, system_default, label)
       VALUES ('Shop', 'user', 'OCP', false, '{}') RETURNING id`,
    );
    await db.pool.query(
      `INSERT INTO ${db.schema}.reporting_ocp_cost_category_namespace (namespace, system_default, cost_category_id) VALUES ('shop', false, $1)`,
      [cat.rows[0].id],
    );
    const client = await db.pool.connect();
    try {
      const config = await readOcpSummaryConfig(client, db.schema);
      assert.deepEqual(config.enabledKeys, ['Zeta', 'app', 'app_kubernetes_io_name', 'team']);
      assert.deepEqual(config.costCategories.at(-1), { pattern: 'shop', costCategoryId: cat.rows[0].id });
      assert.equal(config.costCategories.length, 5);
    } finally { client.release(); }
  });
});

describe('node roles (reporting_ocp_nodes)', () => {
  let db: FreshSchema;
  before(async () => {
    db = await freshSchema('nodes');
    await withTransaction(db.pool, async (client) => {
      await ensureReportPeriod(client, db.schema, { providerUuid: PROVIDER_A, clusterId: 'cluster-a', clusterAlias: 'A', year: 2024, month: 3 });
      await ensureReportPeriod(client, db.schema, { providerUuid: PROVIDER_B, clusterId: 'cluster-b', clusterAlias: 'B', year: 2024, month: 3 });
    });
  });
  after(async () => {
    await db?.cleanup();
  });

  const nodeRows = async () =>
    (await db.pool.query(
      `SELECT c.cluster_id, n.node, n.resource_id, n.node_capacity_cpu_cores::text AS cores, n.node_role
       FROM ${db.schema}.reporting_ocp_nodes n JOIN ${db.schema}.reporting_ocp_clusters c ON c.uuid = n.cluster_id
       ORDER BY c.cluster_id, n.node, n.resource_id, n.node_capacity_cpu_cores`,
    )).rows;

  it('creates the cluster row from the report period and one node row per new key', async () => {
    await withTransaction(db.pool, (client) => upsertNodeRoles(client, db.schema, 'cluster-a', [
      { node: 'n1', resource_id: 'i-1', node_capacity_cpu_cores: 4, node_role: 'worker' },
      { node: 'n1', resource_id: 'i-1', node_capacity_cpu_cores: 4, node_role: 'master' },
      { node: 'm1', resource_id: 'i-m', node_capacity_cpu_cores: 8, node_role: 'master' },
    ]));
    const clusters = await db.pool.query(`SELECT cluster_id, cluster_alias, provider_id::text AS p FROM ${db.schema}.reporting_ocp_clusters`);
    assert.deepEqual(clusters.rows, [{ cluster_id: 'cluster-a', cluster_alias: 'A', p: PROVIDER_A }]);
    assert.deepEqual(await nodeRows(), [
      { cluster_id: 'cluster-a', node: 'm1', resource_id: 'i-m', cores: '8.00', node_role: 'master' },
      { cluster_id: 'cluster-a', node: 'n1', resource_id: 'i-1', cores: '4.00', node_role: 'worker' },
    ]);
  });

  it('is sticky: an existing role is kept; a NULL role gets filled; a new capacity makes a new row', async () => {
    await db.pool.query(
      `INSERT INTO ${db.schema}.reporting_ocp_nodes (uuid, node, resource_id, node_capacity_cpu_cores, cluster_id, node_role)
       SELECT gen_random_uuid(), 'legacy', 'i-l', 2, uuid, NULL FROM ${db.schema}.reporting_ocp_clusters WHERE cluster_id = 'cluster-a'`,
    );
    await withTransaction(db.pool, (client) => upsertNodeRoles(client, db.schema, 'cluster-a', [
      { node: 'n1', resource_id: 'i-1', node_capacity_cpu_cores: 4, node_role: 'infra' },
      { node: 'legacy', resource_id: 'i-l', node_capacity_cpu_cores: 2, node_role: 'infra' },
      { node: 'n1', resource_id: 'i-1', node_capacity_cpu_cores: 6, node_role: 'infra' },
    ]));
    // Running it again changes nothing.
    await withTransaction(db.pool, (client) => upsertNodeRoles(client, db.schema, 'cluster-a', [
      { node: 'n1', resource_id: 'i-1', node_capacity_cpu_cores: 6, node_role: 'master' },
      { node: 'legacy', resource_id: 'i-l', node_capacity_cpu_cores: 2.001, node_role: 'master' },
    ]));
    assert.deepEqual(await nodeRows(), [
      { cluster_id: 'cluster-a', node: 'legacy', resource_id: 'i-l', cores: '2.00', node_role: 'infra' },
      { cluster_id: 'cluster-a', node: 'm1', resource_id: 'i-m', cores: '8.00', node_role: 'master' },
      { cluster_id: 'cluster-a', node: 'n1', resource_id: 'i-1', cores: '4.00', node_role: 'worker' },
      { cluster_id: 'cluster-a', node: 'n1', resource_id: 'i-1', cores: '6.00', node_role: 'infra' },
    ]);
  });

  it('looks roles up as max(node_role) per (node, resource_id) across all clusters of the schema', async () => {
    await withTransaction(db.pool, (client) => upsertNodeRoles(client, db.schema, 'cluster-b', [
      { node: 'm1', resource_id: 'i-m', node_capacity_cpu_cores: 8, node_role: 'infra' },
      { node: 'b1', resource_id: '', node_capacity_cpu_cores: 2, node_role: 'control-plane' },
    ]));
    const client = await db.pool.connect();
    try {
      const roleOf = await readNodeRoleLookup(client, db.schema);
      assert.equal(roleOf('n1', 'i-1'), 'worker'); // worker > infra (string max)
      assert.equal(roleOf('m1', 'i-m'), 'master'); // master (cluster a) > infra (cluster b)
      assert.equal(roleOf('legacy', 'i-l'), 'infra');
      assert.equal(roleOf('b1', ''), 'control-plane');
      assert.equal(roleOf('n1', null), null);
      assert.equal(roleOf('n1', 'i-other'), null);
      assert.equal(roleOf('unknown', 'i-1'), null);
    } finally { client.release(); }
  });

  it('names a cluster it cannot resolve', async () => {
    await assert.rejects(
      withTransaction(db.pool, (client) => upsertNodeRoles(client, db.schema, 'nowhere', [{ node: 'x', resource_id: 'y', node_capacity_cpu_cores: 1, node_role: 'worker' }])),
      (err: unknown) => err instanceof UnknownClusterError && /nowhere/.test(err.message),
    );
  });

  it("ensureOcpCluster follows Koku's populate_cluster_table (one row per provider, alias updated)", async () => {
    const first = await withTransaction(db.pool, (client) => ensureOcpCluster(client, db.schema, { providerUuid: PROVIDER_B, clusterId: 'cluster-b', clusterAlias: 'B' }));
    const again = await withTransaction(db.pool, (client) => ensureOcpCluster(client, db.schema, { providerUuid: PROVIDER_B, clusterId: 'cluster-b', clusterAlias: 'B renamed' }));
    assert.equal(first, again);
    const r = await db.pool.query(`SELECT cluster_alias FROM ${db.schema}.reporting_ocp_clusters WHERE provider_id = $1`, [PROVIDER_B]);
    assert.deepEqual(r.rows, [{ cluster_alias: 'B renamed' }]);
  });
});
