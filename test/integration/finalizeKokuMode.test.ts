/**
 * Integration mode: cluster id and alias come from Koku's own provider tables, and an unknown or paused source is a
 * logged skip (as Koku does), not a failure.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { readOcpSummaryConfig } from '../../lib/db/index.js';
import { kokuProviderMetadata } from '../../lib/koku/index.js';
import { accountForSchema } from '../../lib/layout/index.js';
import { DEFAULT_PARTIALS_PREFIX } from '../../lib/pipeline/constants.js';
import { finalizeOcp } from '../../lib/pipeline/finalizeOcp.js';
import { runOcpDayTask } from '../../lib/pipeline/ocpDayTask.js';
import type { DayTask } from '../../lib/pipeline/types.js';
import { MemoryObjectStore } from '../../lib/store/index.js';
import { freshSchema, type FreshSchema } from '../helpers/database.js';
import { dayObjects, putObjects, sampleDay } from '../helpers/kokuFixtures.js';
import { createKokuPublicTables, kokuPublicSchemaName, seedKokuCustomer, seedKokuProvider } from '../helpers/kokuPublicSchema.js';
import { capturingLogger, type LogLine } from '../helpers/pipelineHarness.js';

const KNOWN = '5b0c3f7e-1d2a-4e8b-9c6d-0a1b2c3d4e5f';
const PAUSED = '5b0c3f7e-1d2a-4e8b-9c6d-0a1b2c3d4e60';
const UNKNOWN = '5b0c3f7e-1d2a-4e8b-9c6d-0a1b2c3d4e61';
const DAY = '2025-09-10';
let db: FreshSchema;
let publicSchema: string;

before(async () => {
  db = await freshSchema('org');
  publicSchema = kokuPublicSchemaName();
  await createKokuPublicTables(db.pool, publicSchema);
  const customer = await seedKokuCustomer(db.pool, publicSchema, { schemaName: db.schema, orgId: db.schema.slice(3) });
  await seedKokuProvider(db.pool, publicSchema, { uuid: KNOWN, name: 'Prod cluster', type: 'OCP', customerId: customer, credentials: { cluster_id: 'koku-cluster-7' } });
  await seedKokuProvider(db.pool, publicSchema, { uuid: PAUSED, name: 'Paused', type: 'OCP', customerId: customer, credentials: { cluster_id: 'p' }, paused: true });
});
after(async () => {
  await db.pool.query(`DROP SCHEMA IF EXISTS "${publicSchema}" CASCADE`);
  await db.cleanup();
});

async function run(providerUuid: string, logs: LogLine[]) {
  const data = new MemoryObjectStore();
  const partials = new MemoryObjectStore();
  const account = accountForSchema(db.schema);
  await putObjects(data, dayObjects({ account, providerUuid }, sampleDay(DAY)));
  const c = await db.pool.connect();
  const config = await readOcpSummaryConfig(c, db.schema).finally(() => c.release());
  const task: DayTask = { account, providerType: 'OCP', providerUuid, year: 2025, month: 9, day: DAY };
  const logger = capturingLogger(logs);
  await runOcpDayTask({ dataStore: data, partialStore: partials, partialsPrefix: DEFAULT_PARTIALS_PREFIX, config, logger }, task);
  return finalizeOcp(
    { pool: db.pool, dataStore: data, partialStore: partials, partialsPrefix: DEFAULT_PARTIALS_PREFIX, schema: db.schema, logger, createReportPeriods: true, providers: kokuProviderMetadata(db.pool, { publicSchema }) },
    { type: 'finalize', ...task, days: [DAY] },
  );
}

it("takes cluster id and alias from Koku's provider tables", async () => {
  const result = await run(KNOWN, []);
  assert.deepEqual(result.committed, [DAY]);
  const { rows } = await db.pool.query(`SELECT DISTINCT cluster_id, cluster_alias FROM "${db.schema}".reporting_ocpusagelineitem_daily_summary WHERE source_uuid = $1`, [KNOWN]);
  assert.deepEqual(rows, [{ cluster_id: 'koku-cluster-7', cluster_alias: 'Prod cluster' }]);
});

it('skips an unknown and a paused source with a log line, writing nothing', async () => {
  for (const uuid of [UNKNOWN, PAUSED]) {
    const logs: LogLine[] = [];
    const result = await run(uuid, logs);
    assert.deepEqual(result.skipped, [DAY]);
    assert.deepEqual(result.committed, []);
    const line = logs.find((l) => l.message === 'source skipped');
    assert.ok(line && String(line.extra?.reason).includes(uuid), `the skip names ${uuid}`);
    const { rows } = await db.pool.query(`SELECT count(*)::int AS n FROM "${db.schema}".reporting_ocpusagelineitem_daily_summary WHERE source_uuid = $1`, [uuid]);
    assert.equal(rows[0].n, 0);
  }
});
