// Input the day task cannot use fails the day, and the error names the objects it comes from (the CLI prints it after
// "FAILED <day>:", the Lambda logs it before the record's retries and DLQ).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { accountForSchema } from '../../../lib/layout/index.js';
import { writeParquet } from '../../../lib/parquet/index.js';
import { readOcpPartialRows } from '../../../lib/pipeline/partials.js';
import { runOcpDayTask } from '../../../lib/pipeline/ocpDayTask.js';
import type { DayTask } from '../../../lib/pipeline/types.js';
import { MemoryObjectStore } from '../../../lib/store/index.js';
import { dayObjects, putObjects, sampleDay } from '../../helpers/kokuFixtures.js';
import { podDailyTable } from '../../helpers/ocpArrow.js';

const PROVIDER = '3c1a2b4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d';
const account = accountForSchema('org1234567');
const task: DayTask = { account, providerType: 'OCP', providerUuid: PROVIDER, year: 2025, month: 9, day: '2025-09-10' };
const silent = { debug() {}, info() {}, warn() {}, error() {} };

describe('OCP day task: bad input', () => {
  // Koku splits each operator report by day, and Trino sums a row under its own interval_start: a row of another day in
  // an object named for this day would be summed by Koku on that other day, and would be lost here.
  it("fails the day, naming the object and counting the rows, when a dated object holds another day's rows", async () => {
    const dataStore = new MemoryObjectStore();
    const day = dayObjects({ account, providerUuid: PROVIDER }, sampleDay('2025-09-10'));
    const nextDay = dayObjects({ account, providerUuid: PROVIDER }, sampleDay('2025-09-11'));
    const podDaily = day.findIndex((o) => o.key.includes('/daily/') && o.key.includes('/pod_usage/'));
    const misdated = { key: day[podDaily]!.key, body: nextDay[podDaily]!.body };
    await putObjects(dataStore, day.map((o, i) => (i === podDaily ? misdated : o)));
    await assert.rejects(
      runOcpDayTask({ dataStore, partialStore: new MemoryObjectStore(), partialsPrefix: 'partials/', config: { enabledKeys: [], costCategories: [] }, logger: silent }, task),
      (err: unknown) => err instanceof Error && err.message.includes(`${misdated.key}: 3 of its 3 rows have an interval_start outside 2025-09-10, the date in its name`),
    );
  });

  it('reads only the day from an object whose name has no date (additive reports hold several days)', async () => {
    const dataStore = new MemoryObjectStore();
    const day = dayObjects({ account, providerUuid: PROVIDER }, sampleDay('2025-09-10'));
    const podDaily = day.findIndex((o) => o.key.includes('/daily/') && o.key.includes('/pod_usage/'));
    const undatedKey = `${day[podDaily]!.key.slice(0, day[podDaily]!.key.lastIndexOf('/'))}/pod_usage_additive_daily_0.parquet`;
    const row = { namespace: 'shop', pod: 'web-1', node: 'worker-1', resource_id: 'i-worker1', pod_usage_cpu_core_seconds: 3600, pod_request_cpu_core_seconds: 3600 };
    // One row group holding both days: the row of 2025-09-11 is read and left out, not refused.
    const body = writeParquet(podDailyTable([{ ...row, interval_start: '2025-09-10' }, { ...row, interval_start: '2025-09-11' }]));
    await putObjects(dataStore, [...day.filter((_, i) => i !== podDaily), { key: undatedKey, body }]);
    const partialStore = new MemoryObjectStore();
    const manifest = await runOcpDayTask({ dataStore, partialStore, partialsPrefix: 'partials/', config: { enabledKeys: [], costCategories: [] }, logger: silent }, task);
    const pods = (await readOcpPartialRows(partialStore, manifest)).rows.filter((r) => r.data_source === 'Pod');
    assert.deepEqual(pods.map((r) => [r.usage_start, r.namespace, r.pod_usage_cpu_core_hours]), [['2025-09-10', 'shop', 1]]);
  });

  it('fails the day on a storage pod name PostgreSQL cannot store, naming the objects (decoded when storage is sealed)', async () => {
    const dataStore = new MemoryObjectStore();
    const sample = sampleDay('2025-09-10');
    const pod = 'web\u00001';
    sample.pods[0] = { ...sample.pods[0]!, pod };
    sample.volumes = (sample.volumes ?? []).map((v) => ({ ...v, pod }));
    const objects = dayObjects({ account, providerUuid: PROVIDER }, sample);
    await putObjects(dataStore, objects);
    const storage = objects.filter((o) => o.key.includes('/storage_usage/') && o.key.includes('/daily/')).map((o) => o.key);
    await assert.rejects(
      runOcpDayTask({ dataStore, partialStore: new MemoryObjectStore(), partialsPrefix: 'partials/', config: { enabledKeys: [], costCategories: [] }, logger: silent }, task),
      (err: unknown) => err instanceof Error
        && err.message === `OCP source ${PROVIDER} day 2025-09-10: text "web\\u00001": holds a NUL character, which PostgreSQL cannot store; previous rows kept; the text is in one of: ${storage.join(', ')}`,
    );
  });

  it('fails the day on a label text that is no JSON object, naming the daily objects it can come from', async () => {
    const dataStore = new MemoryObjectStore();
    const sample = sampleDay('2025-09-10');
    sample.pods[0] = { ...sample.pods[0]!, labels: '[1,2]' as never };
    const objects = dayObjects({ account, providerUuid: PROVIDER }, sample);
    await putObjects(dataStore, objects);
    const daily = objects.filter((o) => o.key.includes('/daily/')).map((o) => o.key);
    await assert.rejects(
      runOcpDayTask({ dataStore, partialStore: new MemoryObjectStore(), partialsPrefix: 'partials/', config: { enabledKeys: [], costCategories: [] }, logger: silent }, task),
      (err: unknown) => err instanceof Error
        && err.message.startsWith(`OCP source ${PROVIDER} day 2025-09-10: pod_labels of shop/worker-1: is not a JSON object: "[1,2]"; previous rows kept; the text is in one of: `)
        && daily.every((key) => err.message.includes(key)),
    );
  });
});
