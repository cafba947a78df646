import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { tenantSchemaForAccount } from '../../../lib/koku/index.js';
import { accountForSchema } from '../../../lib/layout/index.js';

describe('tenantSchemaForAccount', () => {
  it('keeps org ids and prefixes account numbers with acct, the inverse of accountForSchema', () => {
    assert.equal(tenantSchemaForAccount('org1234567'), 'org1234567');
    assert.equal(tenantSchemaForAccount('10001'), 'acct10001');
    for (const schema of ['org1234567', 'acct10001']) assert.equal(tenantSchemaForAccount(accountForSchema(schema)), schema);
  });
});
