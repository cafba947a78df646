/**
 * Invariant 4 at the finalizer: a partial computed from an older input set never replaces rows from the newer one,
 * even when it is written last (a slow day task that listed the bucket before the second object landed).
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { silentLogger } from '../../lib/common/logger.js';
import { readOcpSummaryConfig, upsertProvider, withClient } from '../../lib/db/index.js';
import { accountForSchema } from '../../lib/layout/index.js';
import { DEFAULT_PARTIALS_PREFIX } from '../../lib/pipeline/constants.js';
import { finalizeOcp } from '../../lib/pipeline/finalizeOcp.js';
import { runOcpDayTask } from '../../lib/pipeline/ocpDayTask.js';
import type { DayTask } from '../../lib/pipeline/types.js';
import { MemoryObjectStore } from '../../lib/store/index.js';
import type { ObjectStore } from '../../lib/store/types.js';
import { freshSchema, type FreshSchema } from '../helpers/database.js';
import { dayObjects, putObjects, sampleDay } from '../helpers/kokuFixtures.js';
import { readSummaryRows } from '../helpers/summaryRows.js';

const PROVIDER = '7d3c2b1a-0f9e-4d8c-b7a6-5f4e3d2c1b0a';
const DAY = '2025-11-03';
let db: FreshSchema;

before(async () => {
  db = await freshSchema('org');
  await withClient(db.pool, (c) => upsertProvider(c, db.schema, { providerUuid: PROVIDER, providerType: 'OCP', clusterId: 'c1', clusterAlias: 'c1' }));
});
after(() => db.cleanup());

/** The same bucket as seen by a task that listed it before `hidden` objects arrived. */
function staleView(store: ObjectStore, hidden: Set<string>): ObjectStore {
  return new Proxy(store, {
    get(target, prop, receiver) {
      if (prop === 'list') return async (prefix: string) => (await target.list(prefix)).filter((o) => !hidden.has(o.key));
      const v = Reflect.get(target, prop, receiver);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
}

it('commits the partial of the objects present now, not the one written last', async () => {
  const data = new MemoryObjectStore();
  const partials = new MemoryObjectStore();
  const account = accountForSchema(db.schema);
  const first = dayObjects({ account, providerUuid: PROVIDER }, sampleDay(DAY), 0);
  const second = dayObjects({ account, providerUuid: PROVIDER }, { ...sampleDay(DAY), pods: [{ namespace: 'late', pod: 'l-1', node: 'worker-1', hours: [9], cpuUsage: 1, cpuRequest: 1, memUsageGiB: 1, memRequestGiB: 1 }], volumes: [] }, 1).filter((o) => o.key.includes('pod_usage'));
  await putObjects(data, [...first, ...second]);

  const config = await withClient(db.pool, (c) => readOcpSummaryConfig(c, db.schema));
  const task: DayTask = { account, providerType: 'OCP', providerUuid: PROVIDER, year: 2025, month: 11, day: DAY };
  const deps = { partialStore: partials, partialsPrefix: DEFAULT_PARTIALS_PREFIX, config, logger: silentLogger };
  const newer = await runOcpDayTask({ ...deps, dataStore: data }, task);
  await new Promise((r) => setTimeout(r, 5));
  const stale = await runOcpDayTask({ ...deps, dataStore: staleView(data, new Set(second.map((o) => o.key))) }, task);
  assert.ok(stale.createdAt > newer.createdAt && stale.inputsFingerprint !== newer.inputsFingerprint);

  const result = await finalizeOcp(
    { pool: db.pool, dataStore: data, partialStore: partials, partialsPrefix: DEFAULT_PARTIALS_PREFIX, schema: db.schema, logger: silentLogger, createReportPeriods: true },
    { type: 'finalize', ...task, days: [DAY] },
  );
  assert.deepEqual(result.committed, [DAY]);
  const namespaces = (await readSummaryRows(db.pool, db.schema, `data_source = 'Pod' AND pod_labels IS NOT NULL`)).map((r) => r.namespace).sort();
  assert.deepEqual(namespaces, ['late', 'openshift-monitoring', 'shop']);

  // While the newer objects' partial is missing, the day waits instead of committing the stale one.
  const third = dayObjects({ account, providerUuid: PROVIDER }, sampleDay(DAY), 2).filter((o) => o.key.includes('node_labels'));
  await putObjects(data, third);
  const waiting = await finalizeOcp(
    { pool: db.pool, dataStore: data, partialStore: partials, partialsPrefix: DEFAULT_PARTIALS_PREFIX, schema: db.schema, logger: silentLogger, createReportPeriods: true },
    { type: 'finalize', ...task, days: [DAY] },
  );
  assert.deepEqual(waiting.waiting, [DAY]);
  assert.deepEqual(waiting.committed, []);
});
