import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvalidSummaryRowError } from '../../../lib/db/errors.js';
import { FinalizeError, namedFinalizeError } from '../../../lib/pipeline/errors.js';

describe('namedFinalizeError', () => {
  it("gives a driver error the finalize's source and days, with PostgreSQL's SQLSTATE, and keeps it as the cause", () => {
    const driver = Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { code: '22021' });
    const named = namedFinalizeError(driver, 'OCP source s1 2025-10-02 in org1');
    assert.ok(named instanceof FinalizeError);
    assert.equal(named.message, 'OCP source s1 2025-10-02 in org1: the transaction failed: invalid byte sequence for encoding "UTF8": 0x00 (SQLSTATE 22021)');
    assert.equal(named.cause, driver);
  });

  it('leaves our own errors, which already name what is wrong, as they are', () => {
    const ours = new InvalidSummaryRowError('org1.table', 'row 0: bad');
    assert.equal(namedFinalizeError(ours, 'OCP source s1 2025-10-02 in org1'), ours);
  });
});
