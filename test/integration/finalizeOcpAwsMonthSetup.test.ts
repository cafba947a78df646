/**
 * OCP on AWS finalize creates what a month needs (its partition, the AWS bill, OCP report periods) behind the schema's
 * month-setup lock, as OCP finalize does: an OCP finalize creating its partition meanwhile would otherwise deadlock
 * with it. A commit that finds all of them in place does not take the lock.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { acquireMonthSetupLock, withTransaction } from '../../lib/db/index.js';
import { accountForSchema } from '../../lib/layout/index.js';
import { AWS_BILL_TABLE, OCP_AWS_SUMMARY_TABLE } from '../../lib/ocp-aws/index.js';
import { DEFAULT_PARTIALS_PREFIX, OCP_AWS_SUMMARY_TYPE } from '../../lib/pipeline/constants.js';
import { finalizeOcpAws } from '../../lib/pipeline/finalizeOcpAws.js';
import { silentLogger } from '../../lib/common/logger.js';
import { freshSchema, type FreshSchema } from '../helpers/database.js';
import { runScenario, SCENARIO_AWS_UUID, type ScenarioRun } from '../helpers/ocpAwsScenario.js';
import { SCENARIOS_DIR } from '../helpers/scenarios.js';
import { settlesWithin } from '../helpers/settlesWithin.js';

describe('OCP on AWS finalize and the month-setup lock', { concurrency: false }, () => {
  let db: FreshSchema;
  let run: ScenarioRun;
  const DAY = '2025-10-01';

  before(async () => {
    db = await freshSchema('org');
    run = await runScenario(join(SCENARIOS_DIR, 'ocp-on-aws', '01-resource-matching', 'manifest.yml'), db);
  });
  after(() => db.cleanup());

  const finalize = () =>
    finalizeOcpAws(
      { pool: db.pool, dataStore: run.store, partialStore: run.partialStore, partialsPrefix: DEFAULT_PARTIALS_PREFIX, schema: db.schema, logger: silentLogger, createReportPeriods: true },
      { type: 'finalize', summaryType: OCP_AWS_SUMMARY_TYPE, account: accountForSchema(db.schema), providerType: 'AWS', providerUuid: SCENARIO_AWS_UUID, year: 2025, month: 10, days: [DAY], force: true },
    );

  /** Runs `body` while another transaction holds the month-setup lock of the schema. */
  async function whileSetupLocked(body: () => Promise<void>): Promise<void> {
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    let locked!: () => void;
    const held = new Promise<void>((r) => (locked = r));
    const holder = withTransaction(db.pool, async (c) => {
      await acquireMonthSetupLock(c, db.schema);
      locked();
      await released;
    });
    await held;
    try {
      await body();
    } finally {
      release();
      await holder;
    }
  }

  const rowsOfDay = async () =>
    Number((await db.pool.query<{ n: string }>(`SELECT count(*) AS n FROM "${db.schema}".${OCP_AWS_SUMMARY_TABLE} WHERE usage_start = $1`, [DAY])).rows[0]!.n);

  it('commits without the lock when the month is set up', async () => {
    const before = await rowsOfDay();
    assert.ok(before > 0, 'the scenario attributes costs to the day');
    await whileSetupLocked(async () => {
      const commit = finalize();
      assert.ok(await settlesWithin(commit, 10_000), 'committed while another transaction set up a month');
      assert.deepEqual((await commit).committed, [DAY]);
    });
    assert.equal(await rowsOfDay(), before);
  });

  it('waits for the lock before creating a missing AWS bill', async () => {
    const before = await rowsOfDay();
    // Deleting the bill cascades to its OCP-on-AWS rows; the next commit creates it again.
    await db.pool.query(`DELETE FROM "${db.schema}".${AWS_BILL_TABLE} WHERE provider_id = $1`, [SCENARIO_AWS_UUID]);
    let commit!: ReturnType<typeof finalize>;
    await whileSetupLocked(async () => {
      commit = finalize();
      assert.equal(await settlesWithin(commit, 300), false, 'waits while another transaction sets up a month');
    });
    assert.deepEqual((await commit).committed, [DAY]);
    assert.equal(await rowsOfDay(), before);
  });
});
