import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomInt, randomUUID } from 'node:crypto';
import pg from 'pg';
import { upsertProvider } from '../../lib/db/providers.js';
import { withClient } from '../../lib/db/transaction.js';
import {
  InvalidCostModelError,
  kokuProviderMetadata,
  MissingClusterIdError,
  ocpOnCloudCostParams,
  ProviderNotFoundError,
  providerSkipReason,
  requireClusterId,
  standaloneProviderMetadata,
  type ProviderMetadataSource,
} from '../../lib/koku/index.js';
import { freshSchema, testDatabaseUrl, type FreshSchema } from '../helpers/database.js';
import {
  createKokuCostModelTables,
  createKokuPublicTables,
  kokuPublicSchemaName,
  seedKokuCostModel,
  seedKokuCustomer,
  seedKokuInfrastructure,
  seedKokuProvider,
} from '../helpers/kokuPublicSchema.js';

const OCP = randomUUID();
const OCP_PAUSED = randomUUID();
const OCP_NO_CLUSTER = randomUUID();
const OCP_OTHER_TENANT = randomUUID();
const AWS = randomUUID();
const ORPHAN = randomUUID();
const UNKNOWN = randomUUID();

describe('kokuProviderMetadata (Koku mode)', () => {
  let pool: pg.Pool;
  const pub = kokuPublicSchemaName();
  const orgId = String(randomInt(1_000_000, 9_999_999));
  const accountNumber = String(randomInt(1_000_000, 9_999_999));
  const tenant = `org${orgId}`;
  const acctTenant = `acct${accountNumber}`;
  let metadata: ProviderMetadataSource;

  before(async () => {
    pool = new pg.Pool({ connectionString: testDatabaseUrl(), max: 2 });
    await createKokuPublicTables(pool, pub);
    await createKokuCostModelTables(pool, tenant);
    const customer = await seedKokuCustomer(pool, pub, { schemaName: tenant, orgId });
    const acctCustomer = await seedKokuCustomer(pool, pub, { schemaName: acctTenant, accountId: accountNumber });
    await seedKokuProvider(pool, pub, { uuid: OCP, name: 'Production cluster', type: 'OCP', customerId: customer, credentials: { cluster_id: 'prod-cluster' } });
    await seedKokuProvider(pool, pub, { uuid: OCP_PAUSED, name: 'Paused cluster', type: 'OCP', customerId: customer, credentials: { cluster_id: 'paused-cluster' }, paused: true });
    await seedKokuProvider(pool, pub, { uuid: OCP_NO_CLUSTER, name: 'Broken cluster', type: 'OCP', customerId: customer, credentials: {} });
    await seedKokuProvider(pool, pub, { uuid: OCP_OTHER_TENANT, name: 'Other tenant', type: 'OCP', customerId: acctCustomer, credentials: { cluster_id: 'other' } });
    await seedKokuProvider(pool, pub, { uuid: AWS, name: 'AWS account', type: 'AWS', customerId: customer, credentials: { role_arn: 'arn:aws:iam::1:role/x' } });
    await seedKokuProvider(pool, pub, { uuid: ORPHAN, name: 'No customer', type: 'OCP', customerId: null, credentials: { cluster_id: 'orphan' } });
    await seedKokuInfrastructure(pool, pub, OCP, AWS, 'AWS');
    await seedKokuCostModel(pool, tenant, { name: 'aws markup', sourceType: 'AWS', markup: { value: '10.5', unit: 'percent' }, providerUuids: [AWS] });
    await seedKokuCostModel(pool, tenant, { name: 'ocp rates', sourceType: 'OCP', distributionInfo: { distribution_type: 'memory', platform_cost: true }, providerUuids: [OCP] });
    metadata = kokuProviderMetadata(pool, { publicSchema: pub });
  });

  after(async () => {
    try {
      for (const s of [pub, tenant, acctTenant]) await pool?.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`);
    } finally {
      await pool?.end();
    }
  });

  it('derives the tenant schema from the key account with the org/acct rules', async () => {
    assert.equal(metadata.mode, 'koku');
    assert.equal(await metadata.tenantSchema(tenant), tenant);
    assert.equal(await metadata.tenantSchema(accountNumber), acctTenant);
    assert.equal(await metadata.tenantSchema('org0000000'), null);
  });

  it("reads an OCP source's tenant, cluster id, alias (its name), state and AWS pairing", async () => {
    const lookup = await metadata.lookupProvider(OCP, { schema: tenant });
    assert.ok(lookup.found);
    assert.deepEqual(lookup.provider, {
      providerUuid: OCP,
      providerType: 'OCP',
      name: 'Production cluster',
      schema: tenant,
      account: tenant,
      clusterId: 'prod-cluster',
      clusterAlias: 'Production cluster',
      active: true,
      paused: false,
      setupComplete: true,
      infrastructure: { providerUuid: AWS, providerType: 'AWS' },
    });
    assert.equal(providerSkipReason(lookup), null);
    assert.deepEqual(requireClusterId(lookup.provider), { clusterId: 'prod-cluster', clusterAlias: 'Production cluster' });
  });

  it('strips acct from the account of an account-number tenant', async () => {
    const lookup = await metadata.lookupProvider(OCP_OTHER_TENANT);
    assert.ok(lookup.found);
    assert.equal(lookup.provider.schema, acctTenant);
    assert.equal(lookup.provider.account, accountNumber);
  });

  it('reports a paused source as a skip reason, and a source without cluster_id as a failure', async () => {
    const paused = await metadata.lookupProvider(OCP_PAUSED);
    assert.ok(paused.found);
    assert.equal(paused.provider.paused, true);
    assert.match(providerSkipReason(paused) ?? '', /paused in Koku/);
    const broken = await metadata.lookupProvider(OCP_NO_CLUSTER);
    assert.ok(broken.found);
    assert.equal(broken.provider.clusterId, null);
    assert.equal(broken.provider.clusterAlias, null);
    assert.throws(() => requireClusterId(broken.provider), MissingClusterIdError);
  });

  it('returns unknown, customer-less and other-tenant sources as a ProviderNotFoundError to log and skip', async () => {
    const lines: string[] = [];
    const log = (message: string, extra: Record<string, unknown>) => lines.push(`${message} ${JSON.stringify(extra)}`);
    for (const [uuid, expected] of [
      [UNKNOWN, /not in .*api_provider/],
      [ORPHAN, /has no customer/],
      [OCP_OTHER_TENANT, /belongs to tenant acct/],
    ] as const) {
      const lookup = await metadata.lookupProvider(uuid, { schema: tenant });
      assert.equal(lookup.found, false);
      assert.ok(!lookup.found && lookup.error instanceof ProviderNotFoundError);
      assert.match(lookup.error.message, new RegExp(`^provider ${uuid}: `));
      assert.match(lookup.error.message, expected);
      const reason = providerSkipReason(lookup);
      assert.ok(reason);
      log('skipping source', { providerUuid: uuid, reason });
    }
    assert.equal(lines.length, 3);
    assert.match(lines[0], /skipping source .*not in/);
  });

  it('reads markup and distribution from the cost models, with defaults for a source without one', async () => {
    const aws = await metadata.costModelSettings(tenant, AWS);
    assert.equal(aws.markupPercent, '10.5');
    assert.equal(aws.markup, 0.105);
    assert.equal(aws.distribution, 'cpu');
    const ocp = await metadata.costModelSettings(tenant, OCP);
    assert.equal(ocp.markup, 0);
    assert.equal(ocp.distributionType, 'memory');
    assert.equal(ocp.distribution, 'memory');
    const none = await metadata.costModelSettings(tenant, OCP_PAUSED);
    assert.deepEqual(none, { costModelUuid: null, markupPercent: null, markup: 0, distributionType: 'cpu', distribution: 'cpu' });
    assert.deepEqual(await ocpOnCloudCostParams(metadata, tenant, AWS, OCP), { markup: 0.105, distributionType: 'memory', distribution: 'memory' });
  });

  it('lists the OCP sources paired with a cloud source', async () => {
    const paired = await metadata.ocpSourcesOn(AWS);
    assert.deepEqual(paired.map((p) => [p.providerUuid, p.clusterId]), [[OCP, 'prod-cluster']]);
    assert.deepEqual(await metadata.ocpSourcesOn(UNKNOWN), []);
  });

  it("uses Koku's alias rule: the first provider by name whose credentials are exactly the cluster id", async () => {
    const twin = randomUUID();
    await seedKokuProvider(pool, pub, { uuid: twin, name: 'A re-added cluster', type: 'OCP', customerId: null, credentials: { cluster_id: 'prod-cluster' } });
    try {
      const lookup = await metadata.lookupProvider(OCP);
      assert.ok(lookup.found);
      assert.equal(lookup.provider.clusterAlias, 'A re-added cluster');
    } finally {
      await pool.query(`DELETE FROM "${pub}".api_provider WHERE uuid = $1`, [twin]);
    }
  });

  it('names the cost model whose markup is not a number', async () => {
    const bad = randomUUID();
    await seedKokuCostModel(pool, tenant, { name: 'bad', sourceType: 'AWS', markup: { value: 'ten' }, providerUuids: [bad] });
    await assert.rejects(metadata.costModelSettings(tenant, bad), (err: unknown) => err instanceof InvalidCostModelError && /cost model .* markup value "ten"/.test(err.message));
  });
});

describe('standaloneProviderMetadata', () => {
  let db: FreshSchema;
  let metadata: ProviderMetadataSource;

  before(async () => {
    db = await freshSchema('org');
    await withClient(db.pool, (client) => upsertProvider(client, db.schema, { providerUuid: OCP, providerType: 'OCP', clusterId: 'my-cluster', clusterAlias: 'My cluster' }));
    metadata = standaloneProviderMetadata(db.pool, db.schema);
  });
  after(async () => {
    await db?.cleanup();
  });

  it('serves its one schema and the sources registered in koku_agg_provider', async () => {
    assert.equal(metadata.mode, 'standalone');
    assert.equal(await metadata.tenantSchema(db.schema), db.schema);
    assert.equal(await metadata.tenantSchema('org1'), null);
    const lookup = await metadata.lookupProvider(OCP, { schema: db.schema });
    assert.ok(lookup.found);
    assert.equal(lookup.provider.clusterId, 'my-cluster');
    assert.equal(lookup.provider.clusterAlias, 'My cluster');
    assert.equal(lookup.provider.account, db.schema);
    assert.equal(providerSkipReason(lookup), null);
    assert.deepEqual(await metadata.ocpSourcesOn(AWS), []);
  });

  it('maps a shadow schema to the account whose objects it holds', async () => {
    const shadow = standaloneProviderMetadata(db.pool, db.schema, { account: '10001' });
    assert.equal(await shadow.tenantSchema('10001'), db.schema);
    const lookup = await shadow.lookupProvider(OCP);
    assert.ok(lookup.found && lookup.provider.account === '10001');
  });

  it('returns an unregistered source as not found, with the command that fixes it', async () => {
    const lookup = await metadata.lookupProvider(UNKNOWN);
    assert.ok(!lookup.found);
    assert.match(lookup.error.message, /koku-agg provider add/);
  });

  it("uses defaults without cost-model tables, and reads them when the schema has Koku's", async () => {
    assert.equal((await metadata.costModelSettings(db.schema, AWS)).markup, 0);
    await createKokuCostModelTables(db.pool, db.schema);
    await seedKokuCostModel(db.pool, db.schema, { name: 'm', sourceType: 'AWS', markup: { value: 7, unit: 'percent' }, providerUuids: [AWS] });
    assert.equal((await metadata.costModelSettings(db.schema, AWS)).markup, 0.07);
  });
});
