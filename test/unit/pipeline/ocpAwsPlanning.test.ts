/**
 * The OCP-on-AWS side of planning and messages: AWS object events become AWS day tasks (the file-name date, else the
 * footer statistics of `lineitem_usagestartdate`), replays with `providerType: 'AWS'` list the AWS days, finalize
 * messages carry `summaryType`, and amortized columns convert to numeric(33,9) with one rounding.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Logger } from '../../../lib/common/logger.js';
import { toNumeric } from '../../../lib/db/numeric.js';
import { listAwsDayInputs, listAwsDaysWithData } from '../../../lib/pipeline/awsDayInputs.js';
import { InvalidMessageError } from '../../../lib/pipeline/errors.js';
import { parseFinalizeMessage, parseIngestMessage } from '../../../lib/pipeline/messages.js';
import { planDayTasks } from '../../../lib/pipeline/planDayTasks.js';
import { MemoryObjectStore } from '../../../lib/store/index.js';
import { writeAwsLines } from '../../helpers/ocpAwsMonthFixtures.js';

const quiet: Logger = { debug() {}, info() {}, warn() {}, error() {} };
const AWS = 'a3000000-0000-4000-8000-000000000001';
const line = (day: string) => ({ day, hours: [0, 1], resourceId: 'i-0abc', usageAmount: 1, unblendedCost: 0.1, unblendedRate: 0.1 });

async function month(): Promise<MemoryObjectStore> {
  const store = new MemoryObjectStore();
  await writeAwsLines(store, 'org1', AWS, [line('2025-10-01'), line('2025-10-03')]);
  return store;
}

function s3Event(key: string): string {
  return JSON.stringify({ Records: [{ eventSource: 'aws:s3', eventName: 'ObjectCreated:Put', s3: { bucket: { name: 'b' }, object: { key: encodeURIComponent(key) } } }] });
}

describe('OCP on AWS planning', () => {
  it('plans one AWS day task per dated daily or raw object', async () => {
    const store = await month();
    const keys = (await store.list('data/')).map((o) => o.key);
    assert.equal(keys.length, 4, 'raw and daily object of two days');
    for (const key of keys) {
      const { tasks, force } = await planDayTasks(store, parseIngestMessage('m1', s3Event(key)), quiet);
      assert.equal(force, false);
      assert.deepEqual(tasks, [{ account: 'org1', providerType: 'AWS', providerUuid: AWS, year: 2025, month: 10, day: key.includes('2025-10-01') ? '2025-10-01' : '2025-10-03' }]);
    }
  });

  it('reads the days of an undated AWS object from its footer statistics of lineitem_usagestartdate', async () => {
    const store = await month();
    const daily = (await store.list('data/parquet/daily/')).find((o) => o.key.includes('2025-10-03'))!;
    const undated = daily.key.replace(/2025-10-03_/, 'undated_');
    await store.put(undated, await store.get(daily.key));
    await store.delete(daily.key);
    const { tasks } = await planDayTasks(store, parseIngestMessage('m2', s3Event(undated)), quiet);
    assert.deepEqual(tasks.map((t) => t.day), ['2025-10-03']);
    const inputs = await listAwsDayInputs(store, { ...tasks[0] });
    assert.deepEqual(inputs.map((i) => [i.key, i.role, i.rowGroups]).filter(([k]) => k === undated), [[undated, 'awsDaily', [0]]]);
    assert.deepEqual(await listAwsDaysWithData(store, { account: 'org1', providerType: 'AWS', providerUuid: AWS, year: 2025, month: 10 }), ['2025-10-01', '2025-10-03']);
  });

  it('turns a replay with providerType AWS into forced AWS day tasks of every day with data, or the days given', async () => {
    const store = await month();
    const replay = { type: 'replay', account: 'org1', providerType: 'AWS', providerUuid: AWS, year: 2025, month: 10 };
    const all = await planDayTasks(store, parseIngestMessage('r1', JSON.stringify(replay)), quiet);
    assert.equal(all.force, true);
    assert.deepEqual(all.tasks.map((t) => [t.providerType, t.day]), [['AWS', '2025-10-01'], ['AWS', '2025-10-03']]);
    const some = await planDayTasks(store, parseIngestMessage('r2', JSON.stringify({ ...replay, days: [3] })), quiet);
    assert.deepEqual(some.tasks.map((t) => t.day), ['2025-10-03']);
  });
});

describe('finalize messages with summaryType', () => {
  const base = { type: 'finalize', account: 'org1', providerType: 'AWS', providerUuid: AWS, year: 2025, month: 10, days: ['2025-10-01'] };

  it('accepts ocp_aws_daily_summary and messages without a summaryType', () => {
    assert.equal(parseFinalizeMessage('f1', JSON.stringify({ ...base, summaryType: 'ocp_aws_daily_summary' })).summaryType, 'ocp_aws_daily_summary');
    assert.equal(parseFinalizeMessage('f2', JSON.stringify(base)).summaryType, undefined);
  });

  it('names the message and the problem for an unknown summaryType', () => {
    assert.throws(() => parseFinalizeMessage('f3', JSON.stringify({ ...base, summaryType: 'gcp' })), (err: unknown) => err instanceof InvalidMessageError && /message f3: .*summaryType/s.test(err.message));
  });
});

describe('toNumeric at the amortized columns’ scale', () => {
  it('rounds once, half away from zero, at 9 decimals', () => {
    assert.equal(toNumeric(0.12903225806451613, 9, 24), '0.129032258');
    assert.equal(toNumeric(0.0129032258064516, 9, 24), '0.012903226');
    // Rounding at 15 first would give …5000000 and then round up; one rounding keeps it down.
    assert.equal(toNumeric(0.1234567894999996, 9, 24), '0.123456789');
    assert.equal(toNumeric(-5e-10, 9, 24), '-0.000000001');
    assert.equal(toNumeric(-4e-10, 9, 24), '0.000000000');
    assert.equal(toNumeric(12, 9, 24), '12.000000000');
  });
});
