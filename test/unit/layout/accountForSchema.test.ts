import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { accountForSchema } from '../../../lib/layout/accountForSchema.js';
import { schemaForAccount } from '../../../lib/layout/schemaForAccount.js';

describe('accountForSchema / schemaForAccount', () => {
  it('drops and restores the acct prefix, leaves org schemas alone', () => {
    assert.equal(accountForSchema('acct10001'), '10001');
    assert.equal(accountForSchema('org1234567'), 'org1234567');
    assert.equal(schemaForAccount('10001'), 'acct10001');
    assert.equal(schemaForAccount('org1234567'), 'org1234567');
    for (const schema of ['acct10001', 'org1234567']) assert.equal(schemaForAccount(accountForSchema(schema)), schema);
  });
});
