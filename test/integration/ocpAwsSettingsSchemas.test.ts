/**
 * Where the day-aggregator finds our registry beside Koku: Koku's own tenant schema has none (no OCP record may fail
 * for it), and in shadow mode it lives in the shadow schema the finalizer writes, while Koku's settings stay in the
 * tenant's.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ensureOcpCluster, ensureShadowSchema, upsertNodeRoles, upsertProvider, withClient } from '../../lib/db/index.js';
import { addOcpAwsPairings } from '../../lib/ocp-aws/pairings.js';
import { listTenantAwsSources, loadOcpAwsSettings } from '../../lib/pipeline/ocpAwsSettings.js';
import { freshSchema, type FreshSchema } from '../helpers/database.js';

const OCP = '5d0c7a1e-3f42-4b8e-9a6d-0e1f2a3b4c5d';
const AWS = '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

describe('OCP-on-AWS settings: which schema holds the registry', () => {
  let db: FreshSchema;
  const bare = () => `${db.schema}_bare`;
  const shadow = () => `${db.schema}_shadow`;

  before(async () => {
    db = await freshSchema('ocpawsreg');
    await withClient(db.pool, async (c) => {
      await c.query(`CREATE SCHEMA "${bare()}"`);
      await ensureShadowSchema(c, shadow());
      await upsertProvider(c, shadow(), { providerUuid: OCP, providerType: 'OCP', clusterId: 'c1', clusterAlias: 'C1' });
      await addOcpAwsPairings(c, shadow(), AWS, [OCP]);
      await ensureOcpCluster(c, shadow(), { providerUuid: OCP, clusterId: 'c1', clusterAlias: 'C1' });
      await upsertNodeRoles(c, shadow(), 'c1', [{ node: 'n1', resource_id: 'i-1', node_capacity_cpu_cores: 4, node_role: 'infra' }]);
    });
  });
  after(async () => {
    await db.pool.query(`DROP SCHEMA IF EXISTS "${bare()}" CASCADE`);
    await db.pool.query(`DROP SCHEMA IF EXISTS "${shadow()}" CASCADE`);
    await db.cleanup();
  });

  it('lists no AWS sources for a schema without our registry (Koku tenant schema), instead of failing', async () => {
    assert.deepEqual(await withClient(db.pool, (c) => listTenantAwsSources(c, bare())), []);
  });

  it('reads sources, pairings and node roles from the target (shadow) schema, and nothing from the tenant', async () => {
    assert.deepEqual(await withClient(db.pool, (c) => listTenantAwsSources(c, shadow())), [AWS]);
    const inShadow = await withClient(db.pool, (c) => loadOcpAwsSettings(c, db.schema, AWS, { targetSchema: shadow() }));
    assert.deepEqual(inShadow.ocpSources, [{ providerUuid: OCP, clusterId: 'c1', clusterAlias: 'C1' }]);
    assert.deepEqual(inShadow.registeredPairings, [OCP]);
    assert.equal(inShadow.roleOf('n1', 'i-1'), 'infra');
    const inTenant = await withClient(db.pool, (c) => loadOcpAwsSettings(c, db.schema, AWS));
    assert.deepEqual([inTenant.ocpSources, inTenant.registeredPairings, inTenant.roleOf('n1', 'i-1')], [[], [], null]);
  });
});
