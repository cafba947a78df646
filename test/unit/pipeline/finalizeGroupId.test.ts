import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { OCP_AWS_SUMMARY_TYPE, OCP_SUMMARY_TYPE } from '../../../lib/pipeline/constants.js';
import { finalizeGroupId } from '../../../lib/pipeline/sqsFinalizeSink.js';

describe('finalizeGroupId', () => {
  const base = { account: 'org1234567', providerUuid: 'p-1', year: 2025, month: 3, days: ['2025-03-04'] };

  it('gives each OCP source-day its own group (finalize locks per source-day)', () => {
    assert.equal(finalizeGroupId(base), 'org1234567:p-1:2025-03-04');
    assert.equal(finalizeGroupId({ ...base, summaryType: OCP_SUMMARY_TYPE }), 'org1234567:p-1:2025-03-04');
    assert.notEqual(finalizeGroupId(base), finalizeGroupId({ ...base, days: ['2025-03-05'] }));
    assert.notEqual(finalizeGroupId(base), finalizeGroupId({ ...base, providerUuid: 'p-2' }));
  });

  it('keeps the source-month group for OCP on AWS (locked per AWS source-month) and for several days at once', () => {
    assert.equal(finalizeGroupId({ ...base, summaryType: OCP_AWS_SUMMARY_TYPE }), 'org1234567:p-1:2025-03');
    assert.equal(finalizeGroupId({ ...base, days: ['2025-03-04', '2025-03-05'] }), 'org1234567:p-1:2025-03');
  });
});
