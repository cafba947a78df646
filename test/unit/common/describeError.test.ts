import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeError, KokuAggError } from '../../../lib/common/errors.js';

describe('describeError', () => {
  it("adds the cause's message once: not when the message already quotes it", () => {
    const cause = new Error('object is 11 bytes, too small to be Parquet');
    assert.equal(describeError(new KokuAggError('day 2025-10-01', 'unreadable', { cause })), 'day 2025-10-01: unreadable (caused by: object is 11 bytes, too small to be Parquet)');
    assert.equal(describeError(new KokuAggError('day 2025-10-01', `unreadable: ${cause.message}`, { cause })), 'day 2025-10-01: unreadable: object is 11 bytes, too small to be Parquet');
    assert.equal(describeError('plain'), 'plain');
  });
});
