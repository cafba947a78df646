import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { assertIdentifier, qualifiedName, quoteIdentifier } from '../../../lib/db/identifiers.js';
import { InvalidIdentifierError } from '../../../lib/db/errors.js';

describe('identifiers', () => {
  it('accepts and quotes plain lower-case identifiers', () => {
    assert.equal(assertIdentifier('org1234567'), 'org1234567');
    assert.equal(quoteIdentifier('acct10001'), '"acct10001"');
    assert.equal(quoteIdentifier('_x'), '"_x"');
    assert.equal(qualifiedName('org1', 'reporting_ocp_nodes'), '"org1"."reporting_ocp_nodes"');
    assert.equal(assertIdentifier('a'.repeat(63)), 'a'.repeat(63));
  });

  const bad = [
    '', 'Org1', '1abc', 'a-b', 'a b', 'a"; drop table x; --', 'x"', 'public.x', 'a'.repeat(64), 'é', 'a\u0000', "o'neil",
    'org1"."reporting_ocp_nodes',
  ];
  for (const name of bad) {
    it(`rejects ${JSON.stringify(name)}`, () => {
      assert.throws(() => quoteIdentifier(name), InvalidIdentifierError);
      assert.throws(() => qualifiedName('ok', name), InvalidIdentifierError);
      assert.throws(() => qualifiedName(name, 'ok'), InvalidIdentifierError);
    });
  }

  it('rejects non-strings', () => {
    assert.throws(() => assertIdentifier(undefined as unknown as string), InvalidIdentifierError);
  });
});
