import assert from 'node:assert/strict';
import { availableParallelism } from 'node:os';
import { describe, it } from 'node:test';
import { defaultDayWorkers } from '../../../cli/dayWorkerPool.js';

describe('defaultDayWorkers', () => {
  it('leaves one core to the embedded PostgreSQL (never fewer than one worker) and uses every core with a remote one', () => {
    assert.equal(defaultDayWorkers({ embedded: true }), Math.max(1, availableParallelism() - 1));
    assert.equal(defaultDayWorkers({ embedded: false }), availableParallelism());
  });
});
