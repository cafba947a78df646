/**
 * Finalize serialises per source-day, not per source-month: two finalizes of different days of one month commit at
 * the same time, two of the same day queue, and the rows a month shares (cluster, nodes) are never inserted twice when
 * two transactions want to create them at once.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { silentLogger } from '../../lib/common/logger.js';
import { ensureMonthPartition, ensureOcpCluster, ensureReportPeriod, readOcpSummaryConfig, upsertProvider, withClient, withTransaction } from '../../lib/db/index.js';
import { accountForSchema } from '../../lib/layout/index.js';
import { DEFAULT_PARTIALS_PREFIX } from '../../lib/pipeline/constants.js';
import { finalizeOcp, type FinalizeDeps, type FinalizeResult } from '../../lib/pipeline/finalizeOcp.js';
import { runOcpDayTask } from '../../lib/pipeline/ocpDayTask.js';
import type { DayTask } from '../../lib/pipeline/types.js';
import { OCP_SUMMARY_TABLE } from '../../lib/db/constants.js';
import type { ReplaceOcpDaysHooks } from '../../lib/db/types.js';
import { MemoryObjectStore } from '../../lib/store/index.js';
import { freshSchema, type FreshSchema } from '../helpers/database.js';
import { dayObjects, putObjects, sampleDay } from '../helpers/kokuFixtures.js';
import { readSummaryRows } from '../helpers/summaryRows.js';
import { settlesWithin } from '../helpers/settlesWithin.js';

const PROVIDER = '3b9f1c2d-4e5a-4b6c-8d7e-9f0a1b2c3d4e';
/** A second cluster, whose first commits of a month meet the first cluster's. */
const OTHER = '5c6d7e8f-9a0b-4c1d-8e2f-3a4b5c6d7e8f';
const DAYS = ['2025-09-01', '2025-09-02', '2025-09-03'];
/** A month no test has committed to: no report period, no partition. */
const NEW_MONTH_DAYS = ['2025-10-01', '2025-10-02'];
/** The other cluster's days: a month nobody has committed to yet, and one that only it will start. */
const OTHER_DAYS = ['2025-11-01', '2025-12-01'];

/** A promise with its resolve outside. */
function gate() {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

/** Where a held transaction stops: `reached` opens when it gets there, `release` lets it go on. */
interface Hold {
  reached: ReturnType<typeof gate>;
  release: ReturnType<typeof gate>;
}

const hold = (): Hold => ({ reached: gate(), release: gate() });

describe('finalize locks per source-day', { concurrency: false }, () => {
  let db: FreshSchema;
  const data = new MemoryObjectStore();
  const partials = new MemoryObjectStore();
  const account = () => accountForSchema(db.schema);
  const task = (day: string, providerUuid = PROVIDER): DayTask => ({ account: account(), providerType: 'OCP', providerUuid, year: Number(day.slice(0, 4)), month: Number(day.slice(5, 7)), day });

  before(async () => {
    db = await freshSchema('org');
    await withClient(db.pool, (c) => upsertProvider(c, db.schema, { providerUuid: PROVIDER, providerType: 'OCP', clusterId: 'c1', clusterAlias: 'C1' }));
    await withClient(db.pool, (c) => upsertProvider(c, db.schema, { providerUuid: OTHER, providerType: 'OCP', clusterId: 'c3', clusterAlias: 'C3' }));
    // Every day runs on the same nodes, so each first commit wants to insert the same reporting_ocp_nodes rows.
    for (const day of [...DAYS, ...NEW_MONTH_DAYS]) await putObjects(data, dayObjects({ account: account(), providerUuid: PROVIDER }, sampleDay(day)));
    for (const day of OTHER_DAYS) await putObjects(data, dayObjects({ account: account(), providerUuid: OTHER }, sampleDay(day)));
    const config = await withClient(db.pool, (c) => readOcpSummaryConfig(c, db.schema));
    const deps = { dataStore: data, partialStore: partials, partialsPrefix: DEFAULT_PARTIALS_PREFIX, config, logger: silentLogger };
    for (const day of [...DAYS, ...NEW_MONTH_DAYS]) await runOcpDayTask(deps, task(day));
    for (const day of OTHER_DAYS) await runOcpDayTask(deps, task(day, OTHER));
  });
  after(() => db.cleanup());

  /**
   * Starts a forced finalize of `days`. With `hold`, its transaction stops after its delete (or, with
   * `at: 'beforePartitions'`, before it creates the month's partition), says so by opening `hold.reached`, and goes on
   * when `hold.release` opens.
   */
  function finalize(days: string[], hold?: Hold, at: keyof ReplaceOcpDaysHooks = 'afterDelete', providerUuid = PROVIDER): Promise<FinalizeResult> {
    const stop = async () => {
      hold!.reached.open();
      await hold!.release.promise;
    };
    const deps: FinalizeDeps = {
      pool: db.pool, dataStore: data, partialStore: partials, partialsPrefix: DEFAULT_PARTIALS_PREFIX, schema: db.schema,
      logger: silentLogger, createReportPeriods: true, hooks: hold ? { [at]: stop } : undefined,
    };
    return finalizeOcp(deps, { type: 'finalize', ...task(days[0]!, providerUuid), days, force: true });
  }

  const count = async (sql: string): Promise<number> => Number((await db.pool.query<{ n: string }>(sql)).rows[0]!.n);
  const nodeRows = () => count(`SELECT count(*) AS n FROM "${db.schema}".reporting_ocp_nodes`);
  const distinctNodes = () => count(`SELECT count(DISTINCT (node, resource_id, node_capacity_cpu_cores)) AS n FROM "${db.schema}".reporting_ocp_nodes`);
  const daysInTable = async () => [...new Set((await readSummaryRows(db.pool, db.schema)).map((r) => r.usage_start as string))].sort();

  it('inserts each new node once when two first commits of a month want it at the same time', async () => {
    // The month's report period, partition and cluster row exist, so the second transaction meets the node step (not
    // the month or cluster step) while the first, which inserted the nodes, is still open.
    await withTransaction(db.pool, async (c) => {
      await ensureReportPeriod(c, db.schema, { providerUuid: PROVIDER, clusterId: 'c1', clusterAlias: 'C1', year: 2025, month: 9 });
      await ensureMonthPartition(c, db.schema, OCP_SUMMARY_TABLE, 2025, 9);
      await ensureOcpCluster(c, db.schema, { providerUuid: PROVIDER, clusterId: 'c1', clusterAlias: 'C1' });
    });
    const first = hold();
    const one = finalize([DAYS[0]!], first);
    await first.reached.promise;
    const two = finalize([DAYS[1]!]);
    assert.equal(await settlesWithin(two, 300), false, 'the second waits for the nodes the first is inserting');
    first.release.open();
    assert.deepEqual((await one).committed, [DAYS[0]]);
    assert.deepEqual((await two).committed, [DAYS[1]]);
    assert.ok((await nodeRows()) > 0);
    assert.equal(await nodeRows(), await distinctNodes(), 'no node row twice');
  });

  it('commits another day of the same month while a day is still in its transaction', async () => {
    const first = hold();
    const one = finalize([DAYS[0]!], first);
    await first.reached.promise;
    const other = finalize([DAYS[2]!]);
    const committedMeanwhile = await settlesWithin(other, 10_000);
    const oneStillOpen = !(await settlesWithin(one, 0));
    first.release.open();
    assert.ok(committedMeanwhile, 'day 3 committed while day 1 held its lock');
    assert.ok(oneStillOpen);
    assert.deepEqual((await other).committed, [DAYS[2]]);
    assert.deepEqual((await one).committed, [DAYS[0]]);
    assert.deepEqual(await daysInTable(), DAYS);
  });

  it('queues two finalizes of the same day, so the day holds one copy of its rows', async () => {
    const rowsBefore = (await readSummaryRows(db.pool, db.schema, `usage_start = '${DAYS[1]}'`)).length;
    const first = hold();
    const one = finalize([DAYS[1]!], first);
    await first.reached.promise;
    const two = finalize([DAYS[1]!, DAYS[2]!]);
    assert.equal(await settlesWithin(two, 300), false, 'the second waits for the day lock');
    first.release.open();
    await one;
    assert.deepEqual((await two).committed, [DAYS[1], DAYS[2]]);
    assert.equal((await readSummaryRows(db.pool, db.schema, `usage_start = '${DAYS[1]}'`)).length, rowsBefore);
    assert.equal(await nodeRows(), await distinctNodes());
  });

  it('creates a missing cluster row once when two transactions need it at the same time', async () => {
    const provider = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
    const input = { providerUuid: provider, clusterId: 'c2', clusterAlias: 'C2' };
    const first = gate();
    const inserted = gate();
    const one = withTransaction(db.pool, async (c) => {
      const uuid = await ensureOcpCluster(c, db.schema, input);
      inserted.open();
      await first.promise;
      return uuid;
    });
    await inserted.promise;
    const two = withTransaction(db.pool, (c) => ensureOcpCluster(c, db.schema, input));
    assert.equal(await settlesWithin(two, 300), false, 'the second waits for the first to commit its row');
    first.open();
    assert.equal(await two, await one);
    assert.equal(await count(`SELECT count(*) AS n FROM "${db.schema}".reporting_ocp_clusters WHERE provider_id = '${provider}'`), 1);
  });

  it('creates a new month once when two first commits of it run at the same time (no deadlock)', async () => {
    // The first holds its new report period while it has yet to create the partition, whose foreign-key trigger
    // needs a lock the second's report-period insert would hold: the second must wait before inserting.
    const first = hold();
    const one = finalize([NEW_MONTH_DAYS[0]!], first, 'beforePartitions');
    await first.reached.promise;
    const two = finalize([NEW_MONTH_DAYS[1]!]);
    const waited = !(await settlesWithin(two, 300));
    first.release.open();
    const [a, b] = await Promise.allSettled([one, two]);
    assert.equal(a.status, 'fulfilled', a.status === 'rejected' ? String(a.reason) : '');
    assert.equal(b.status, 'fulfilled', b.status === 'rejected' ? String(b.reason) : '');
    assert.ok(waited, 'the second waited for the first to set up the month');
    assert.equal(await count(`SELECT count(*) AS n FROM "${db.schema}".reporting_ocpusagereportperiod WHERE provider_id = '${PROVIDER}' AND report_period_start >= '2025-10-01'`), 1);
    assert.deepEqual(await daysInTable(), [...DAYS, ...NEW_MONTH_DAYS]);
    assert.equal(await nodeRows(), await distinctNodes(), 'no node row twice');
  });

  it('sets up months one transaction at a time across sources and months (no deadlock)', async () => {
    // A partition's creation locks the whole report-period table against inserts, whichever source or month they are
    // for. Each case: the other cluster's first commit of a month is held after inserting its report period, before
    // creating its partition, while this cluster starts a month: the same month, then another one.
    const cases: Array<[held: string, other: string]> = [
      [OTHER_DAYS[0]!, '2025-11-02'],
      [OTHER_DAYS[1]!, '2026-01-01'],
    ];
    for (const [heldDay, otherDay] of cases) {
      await putObjects(data, dayObjects({ account: account(), providerUuid: PROVIDER }, sampleDay(otherDay)));
      const config = await withClient(db.pool, (c) => readOcpSummaryConfig(c, db.schema));
      await runOcpDayTask({ dataStore: data, partialStore: partials, partialsPrefix: DEFAULT_PARTIALS_PREFIX, config, logger: silentLogger }, task(otherDay));
      const first = hold();
      const one = finalize([heldDay], first, 'beforePartitions', OTHER);
      await first.reached.promise;
      const two = finalize([otherDay]);
      const waited = !(await settlesWithin(two, 300));
      first.release.open();
      const [a, b] = await Promise.allSettled([one, two]);
      assert.equal(a.status, 'fulfilled', a.status === 'rejected' ? String(a.reason) : '');
      assert.equal(b.status, 'fulfilled', b.status === 'rejected' ? String(b.reason) : '');
      assert.ok(waited, `${otherDay} waited for ${heldDay} to set up its month`);
      const rows = await db.pool.query<{ day: string }>(`SELECT DISTINCT usage_start::text AS day FROM "${db.schema}".${OCP_SUMMARY_TABLE} WHERE usage_start IN ($1, $2)`, [heldDay, otherDay]);
      assert.deepEqual(rows.rows.map((r) => r.day).sort(), [heldDay, otherDay]);
    }
  });
});
