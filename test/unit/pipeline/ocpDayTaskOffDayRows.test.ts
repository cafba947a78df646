// Koku splits each operator report by day, and Trino sums a row under its own interval_start: a row of another day in
// an object named for this day would be summed by Koku on that other day, and would be lost here. The day fails.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { accountForSchema } from '../../../lib/layout/index.js';
import { runOcpDayTask } from '../../../lib/pipeline/ocpDayTask.js';
import type { DayTask } from '../../../lib/pipeline/types.js';
import { MemoryObjectStore } from '../../../lib/store/index.js';
import { dayObjects, putObjects, sampleDay } from '../../helpers/kokuFixtures.js';

const PROVIDER = '3c1a2b4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d';
const account = accountForSchema('org1234567');
const task: DayTask = { account, providerType: 'OCP', providerUuid: PROVIDER, year: 2025, month: 9, day: '2025-09-10' };
const silent = { debug() {}, info() {}, warn() {}, error() {} };

describe('OCP day task: rows outside the day its object is named for', () => {
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
});
