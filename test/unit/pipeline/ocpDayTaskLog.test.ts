// The OCP day task's one info line is what an operator reads in CloudWatch or the CLI's log: it must say what was read,
// what came out, and where the time went.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Logger } from '../../../lib/common/logger.js';
import { accountForSchema } from '../../../lib/layout/index.js';
import { runOcpDayTask } from '../../../lib/pipeline/ocpDayTask.js';
import type { DayTask } from '../../../lib/pipeline/types.js';
import { MemoryObjectStore } from '../../../lib/store/index.js';
import { dayObjects, putObjects, sampleDay } from '../../helpers/kokuFixtures.js';

const DAY = '2025-09-10';
const PROVIDER = '3c1a2b4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d';
const account = accountForSchema('org1234567');
const task: DayTask = { account, providerType: 'OCP', providerUuid: PROVIDER, year: 2025, month: 9, day: DAY };

describe('OCP day task log line', () => {
  it('says what was read and written, and the time of each phase', async () => {
    const dataStore = new MemoryObjectStore();
    await putObjects(dataStore, dayObjects({ account, providerUuid: PROVIDER }, sampleDay(DAY)));
    const lines: Array<{ message: string; extra?: Record<string, unknown> }> = [];
    const info = (message: string, extra?: Record<string, unknown>) => void lines.push({ message, extra });
    const logger: Logger = { debug() {}, info, warn() {}, error() {} };

    const manifest = await runOcpDayTask(
      { dataStore, partialStore: new MemoryObjectStore(), partialsPrefix: 'partials/', config: { enabledKeys: ['app'], costCategories: [] }, logger },
      task,
    );

    const line = lines.find((l) => l.message === 'day summarised');
    assert.ok(line?.extra, JSON.stringify(lines));
    const { phasesMs, ms, inputRows, ...rest } = line.extra as { phasesMs: Record<string, number>; ms: number; inputRows: number };
    assert.deepEqual(rest, {
      providerUuid: PROVIDER,
      day: DAY,
      inputObjects: manifest.inputs.length,
      outputRows: manifest.rowCount,
      partial: manifest.rowsKey,
    });
    assert.ok(inputRows > 0, `inputRows ${inputRows}`);
    assert.deepEqual(Object.keys(phasesMs), ['list', 'read', 'summarise', 'partial']);
    const sum = Object.values(phasesMs).reduce((a, b) => a + b, 0);
    // Each phase is rounded on its own: the sum can be off the total by up to half a millisecond per phase.
    assert.ok(Math.abs(sum - ms) <= 2, `phases ${JSON.stringify(phasesMs)} vs ${ms} ms`);
  });
});
