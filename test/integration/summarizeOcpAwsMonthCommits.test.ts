/**
 * The CLI's OCP-on-AWS runner commits the month's days in one transaction; when PostgreSQL refuses it, each day goes
 * again on its own, so only the day that fails again is reported and the others are committed.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { freshSchema, type FreshSchema } from '../helpers/database.js';
import { runScenario } from '../helpers/ocpAwsScenario.js';
import { SCENARIOS_DIR } from '../helpers/scenarios.js';

describe('summarizeOcpAwsMonth commits', { concurrency: false }, () => {
  const schemas: FreshSchema[] = [];
  let dir = '';
  let MANIFEST = '';
  // Scenario 01 over three days instead of one, so the month has several AWS days to commit.
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'ocpaws-days-'));
    MANIFEST = join(dir, 'manifest.yml');
    const text = readFileSync(join(SCENARIOS_DIR, 'ocp-on-aws', '01-resource-matching', 'manifest.yml'), 'utf8');
    writeFileSync(MANIFEST, text.replaceAll('end_date: 2025-10-02', 'end_date: 2025-10-04'));
  });
  after(async () => {
    for (const db of schemas) await db.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Runs the scenario with the OCP-on-AWS commits failing or passing in turn (`outcomes`, in call order). */
  async function runWith(outcomes: Array<'pass' | 'fail'>) {
    const db = await freshSchema('org');
    schemas.push(db);
    let calls = 0;
    const afterDelete = () => (outcomes[calls++] === 'fail' ? Promise.reject(new Error('injected failure in a commit')) : Promise.resolve());
    return { run: await runScenario(MANIFEST, db, { hooks: { afterDelete } }), calls: () => calls };
  }

  it('reports only the day that fails on its own, and commits the others', async () => {
    const { run, calls } = await runWith(['fail', 'fail', 'pass', 'pass', 'pass']);
    const days = run.result.days;
    assert.ok(days.length >= 2, `the scenario has several AWS days: ${days.join(', ')}`);
    assert.equal(calls(), 1 + days.length, 'all days together, then each alone');
    assert.deepEqual(run.result.failures.map((f) => [f.day, (f.error as Error).message.replace(/ in \S+: /, ' in <schema>: ')]), [
      [days[0], `OCP on AWS source ${'a1000000-0000-4000-8000-0000000000aa'} ${days[0]} in <schema>: the transaction failed: injected failure in a commit`],
    ]);
    assert.deepEqual(run.result.finalize.committed, days.slice(1));
    assert.ok(run.logs.some((l) => l.message === 'OCP on AWS finalize of several days failed; committing them one by one'));
  });

  it('commits every day when each succeeds on its own', async () => {
    const { run } = await runWith(['fail', 'pass', 'pass', 'pass', 'pass']);
    assert.deepEqual(run.result.failures, []);
    assert.deepEqual(run.result.finalize.committed, run.result.days);
  });
});
