/**
 * The CLI's in-process month runner against a real PostgreSQL: it commits whatever days are done as soon as the
 * database is free (group commit), so the first day is committed while later days are still running, and a day
 * whose task or commit failed is reported while the others are committed.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { readOcpSummaryConfig, upsertProvider, withClient } from '../../lib/db/index.js';
import { DEFAULT_PARTIALS_PREFIX } from '../../lib/pipeline/constants.js';
import { runOcpDayTask } from '../../lib/pipeline/ocpDayTask.js';
import { summarizeOcpMonth, type SummarizeOcpMonthDeps } from '../../lib/pipeline/summarizeOcpMonth.js';
import type { DayTask, PartialManifest } from '../../lib/pipeline/types.js';
import { accountForSchema } from '../../lib/layout/index.js';
import { MemoryObjectStore } from '../../lib/store/index.js';
import { freshSchema, type FreshSchema } from '../helpers/database.js';
import { dayObjects, putObjects, sampleDay } from '../helpers/kokuFixtures.js';
import { capturingLogger, type LogLine } from '../helpers/pipelineHarness.js';
import { readSummaryRows } from '../helpers/summaryRows.js';

const PROVIDER = '5d0c7a1e-3f42-4b8e-9a6d-0e1f2a3b4c5d';
const DAYS = ['2025-06-01', '2025-06-02', '2025-06-03'];

/** A promise with its resolve and reject outside. */
function gate<T>() {
  let open!: (value: T) => void;
  let fail!: (err: unknown) => void;
  const promise = new Promise<T>((resolve, reject) => {
    open = resolve;
    fail = reject;
  });
  // A gate may fail before its day task awaits it (the task first reads its objects): not an unhandled rejection.
  promise.catch(() => undefined);
  return { promise, open, fail };
}

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 500 && !condition(); i++) await new Promise((r) => setTimeout(r, 10));
  assert.ok(condition(), `timed out waiting for ${what}`);
}

describe('summarizeOcpMonth (in-process runner)', { concurrency: false }, () => {
  let db: FreshSchema;
  const data = new MemoryObjectStore();
  const account = () => accountForSchema(db.schema);

  before(async () => {
    db = await freshSchema('org');
    for (const day of DAYS) await putObjects(data, dayObjects({ account: account(), providerUuid: PROVIDER }, sampleDay(day)));
    await withClient(db.pool, (c) => upsertProvider(c, db.schema, { providerUuid: PROVIDER, providerType: 'OCP', clusterId: 'c1', clusterAlias: 'C1' }));
  });
  after(() => db.cleanup());

  /** Runs the month with day tasks that finish only when the test opens their gate. */
  async function start(options: Pick<SummarizeOcpMonthDeps, 'commitConcurrency' | 'hooks' | 'onDayDone'> = {}) {
    const lines: LogLine[] = [];
    const logger = capturingLogger(lines);
    const partials = new MemoryObjectStore();
    const config = await withClient(db.pool, (c) => readOcpSummaryConfig(c, db.schema));
    const gates = new Map(DAYS.map((d) => [d, gate<void>()]));
    const runDay = async (task: DayTask): Promise<PartialManifest> => {
      const manifest = await runOcpDayTask({ dataStore: data, partialStore: partials, partialsPrefix: DEFAULT_PARTIALS_PREFIX, config, logger }, task);
      await gates.get(task.day)!.promise;
      return manifest;
    };
    const run = summarizeOcpMonth(
      { pool: db.pool, dataStore: data, partialStore: partials, partialsPrefix: DEFAULT_PARTIALS_PREFIX, schema: db.schema, logger, createReportPeriods: true, runDay, ...options },
      { account: account(), providerUuid: PROVIDER, year: 2025, month: 6 },
    );
    const commits = () => lines.filter((l) => l.message === 'finalize done').map((l) => l.extra!.committed as string[]);
    return { run, gates, commits, lines };
  }

  it('commits the first finished day at once, while later days still run, then the rest', async () => {
    const { run, gates, commits } = await start();
    gates.get(DAYS[0])!.open();
    await until(() => commits().length === 1, 'the first commit');
    assert.deepEqual(commits(), [[DAYS[0]]]);
    const committedRows = await readSummaryRows(db.pool, db.schema);
    assert.deepEqual([...new Set(committedRows.map((r) => r.usage_start))], [DAYS[0]], 'day 1 is in the table before days 2 and 3 finish');

    gates.get(DAYS[2])!.open();
    gates.get(DAYS[1])!.open();
    const result = await run;
    assert.deepEqual(commits().flat().sort(), DAYS);
    assert.deepEqual(result.finalize.committed, DAYS, 'reported in day order, whatever order they were committed in');
    assert.deepEqual(result.manifests.map((m) => m.task.day), DAYS);
    assert.deepEqual(result.failures, []);
    assert.deepEqual([...new Set((await readSummaryRows(db.pool, db.schema)).map((r) => r.usage_start))].sort(), DAYS);
  });

  it('reports a failed day and commits the others', async () => {
    const { run, gates, commits } = await start();
    gates.get(DAYS[0])!.open();
    gates.get(DAYS[1])!.fail(new Error('object pod_usage.2025-06-02 is corrupt'));
    gates.get(DAYS[2])!.open();
    const result = await run;
    assert.deepEqual(result.failures.map((f) => [f.day, (f.error as Error).message]), [[DAYS[1], 'object pod_usage.2025-06-02 is corrupt']]);
    assert.deepEqual(result.finalize.committed, [DAYS[0], DAYS[2]]);
    assert.ok(commits().every((days) => !days.includes(DAYS[1])));
  });

  it('with two committers, commits a day while another day is still in its transaction', async () => {
    const firstCommit = gate<void>();
    let deletes = 0;
    // The first transaction stops after its delete until the test lets it go; later ones pass straight through.
    const hooks = { afterDelete: () => (deletes++ === 0 ? firstCommit.promise : Promise.resolve()) };
    const { run, gates, commits } = await start({ commitConcurrency: 2, hooks });
    gates.get(DAYS[0])!.open();
    await until(() => deletes === 1, 'the first transaction');
    gates.get(DAYS[1])!.open();
    await until(() => commits().length === 1, 'a commit beside the open transaction');
    assert.deepEqual(commits(), [[DAYS[1]]], 'day 2 committed while day 1 was still in its transaction');
    firstCommit.open();
    gates.get(DAYS[2])!.open();
    const result = await run;
    assert.deepEqual(result.finalize.committed, DAYS);
    assert.deepEqual(result.failures, []);
    assert.deepEqual([...new Set((await readSummaryRows(db.pool, db.schema)).map((r) => r.usage_start))].sort(), DAYS);
  });

  it('reports every day whose transaction fails, naming the source and day, and keeps their rows', async () => {
    const before = await readSummaryRows(db.pool, db.schema);
    const hooks = { afterDelete: () => Promise.reject(new Error('injected failure in a commit')) };
    const { run, gates } = await start({ commitConcurrency: 2, hooks });
    for (const g of gates.values()) g.open();
    const result = await run;
    assert.deepEqual(result.finalize.committed, []);
    assert.deepEqual(
      result.failures.map((f) => [f.day, (f.error as Error).message]),
      DAYS.map((day) => [day, `OCP source ${PROVIDER} ${day} in ${db.schema}: the transaction failed: injected failure in a commit`]),
    );
    assert.deepEqual(await readSummaryRows(db.pool, db.schema), before);
  });

  it('commits the days of a failed transaction one by one: only the day that fails again is reported', async () => {
    for (const [outcomes, failing] of [[['pass', 'fail', 'fail', 'pass'], [DAYS[1]]], [['pass', 'fail', 'pass', 'pass'], []]] as const) {
      const firstCommit = gate<void>();
      let deletes = 0;
      // The first transaction (day 1) waits until days 2 and 3 are done, so the one committer takes them together.
      const hooks = {
        afterDelete: () => {
          const outcome = outcomes[deletes++];
          if (deletes === 1) return firstCommit.promise;
          return outcome === 'fail' ? Promise.reject(new Error('injected failure in a commit')) : Promise.resolve();
        },
      };
      const done = new Set<string>();
      const { run, gates, commits, lines } = await start({ hooks, onDayDone: (t) => void done.add(t.day) });
      gates.get(DAYS[0])!.open();
      await until(() => deletes === 1, 'the first transaction');
      gates.get(DAYS[1])!.open();
      gates.get(DAYS[2])!.open();
      await until(() => done.size === 3, 'days 2 and 3 done while day 1 commits');
      firstCommit.open();
      const result = await run;
      assert.deepEqual(deletes, 4, 'day 1; days 2 and 3 together; then each alone');
      assert.deepEqual(commits().flat().sort(), DAYS.filter((d) => !(failing as readonly string[]).includes(d)), 'each committed once');
      assert.deepEqual(result.finalize.committed, DAYS.filter((d) => !(failing as readonly string[]).includes(d)));
      assert.deepEqual(result.failures.map((f) => [f.day, (f.error as Error).message]), failing.map((day) => [day, `OCP source ${PROVIDER} ${day} in ${db.schema}: the transaction failed: injected failure in a commit`]));
      assert.ok(lines.some((l) => l.message === 'finalize of several days failed; committing them one by one'), 'the retry is logged');
    }
  });

  it('fails the day a text PostgreSQL cannot store comes from, naming its objects, and commits the others', async () => {
    const bad = sampleDay(DAYS[1]);
    bad.pods[0] = { ...bad.pods[0], namespace: 'sh\u0000op' };
    await putObjects(data, dayObjects({ account: account(), providerUuid: PROVIDER }, bad));
    try {
      const dayTwoBefore = (await readSummaryRows(db.pool, db.schema)).filter((r) => r.usage_start === DAYS[1]);
      assert.ok(dayTwoBefore.length > 0, 'earlier tests committed day 2');
      const { run, gates } = await start();
      for (const g of gates.values()) g.open();
      const result = await run;
      assert.deepEqual(result.finalize.committed, [DAYS[0], DAYS[2]]);
      assert.deepEqual(result.failures.map((f) => f.day), [DAYS[1]]);
      assert.match((result.failures[0]!.error as Error).message, /day 2025-06-02: text "sh\\u0000op": holds a NUL character, which PostgreSQL cannot store; previous rows kept; the text is in one of: .*pod_usage\.2025-06-02/);
      assert.deepEqual((await readSummaryRows(db.pool, db.schema)).filter((r) => r.usage_start === DAYS[1]), dayTwoBefore, 'day 2 keeps its rows');
    } finally {
      await putObjects(data, dayObjects({ account: account(), providerUuid: PROVIDER }, sampleDay(DAYS[1])));
    }
  });
});
