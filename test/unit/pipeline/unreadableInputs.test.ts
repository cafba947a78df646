/**
 * A day task's unreadable objects: kept while reading goes on, then one DayTaskError that names them all; any other
 * error is not about an object and goes straight through.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvalidParquetObjectError } from '../../../lib/parquet/index.js';
import { DayTaskError } from '../../../lib/pipeline/errors.js';
import type { DayTask } from '../../../lib/pipeline/types.js';
import { UnreadableInputs } from '../../../lib/pipeline/unreadableInputs.js';

const task: DayTask = { account: '10001', providerType: 'AWS', providerUuid: 'a3000000-0000-4000-8000-000000000001', year: 2025, month: 10, day: '2025-10-03' };

describe('UnreadableInputs', () => {
  it('does nothing when every object was readable', () => {
    assert.doesNotThrow(() => new UnreadableInputs(task, 'AWS object').throwIfAny());
  });

  it('names every kept object in one DayTaskError caused by the first', () => {
    const unreadable = new UnreadableInputs(task, 'AWS object');
    const first = new InvalidParquetObjectError('a.parquet', 'not Parquet');
    unreadable.keep(first);
    unreadable.keep(new InvalidParquetObjectError('b.parquet', 'truncated'));
    assert.throws(
      () => unreadable.throwIfAny(),
      (err: unknown) => {
        assert.ok(err instanceof DayTaskError);
        assert.equal(err.subject, 'AWS source a3000000-0000-4000-8000-000000000001 day 2025-10-03');
        assert.equal(err.message, 'AWS source a3000000-0000-4000-8000-000000000001 day 2025-10-03: 2 unreadable AWS object(s), previous rows kept: a.parquet: not Parquet; b.parquet: truncated');
        assert.equal(err.cause, first);
        return true;
      },
    );
  });

  it('rethrows an error that is not about an unreadable object', () => {
    const other = new Error('store down');
    assert.throws(() => new UnreadableInputs(task, 'input object').keep(other), (err) => err === other);
  });
});
