import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { compareValue, decimalToNumber, parseDecimal, subtractDecimal } from '../../../lib/compare/index.js';

describe('decimal', () => {
  it('subtracts numeric text exactly, even beyond double precision', () => {
    const a = parseDecimal('123456789012345.000000000000001');
    const b = parseDecimal('123456789012345.000000000000000');
    assert.ok(a && b);
    assert.equal(decimalToNumber(subtractDecimal(a, b)), 1e-15);
    assert.equal(decimalToNumber(parseDecimal('1.5e-3') ?? { m: 0n, e: 0 }), 0.0015);
    assert.equal(parseDecimal('NaN'), null);
  });
});

describe('compareValue', () => {
  it('compares numbers within an absolute tolerance and reports ours − reference', () => {
    assert.deepEqual(compareValue('number', '2.000000000000000', '2.0000000005', 1e-9), { status: 'equal', difference: null });
    assert.deepEqual(compareValue('number', '2.5', '2', 1e-9), { status: 'different', difference: -0.5 });
  });

  it('tells NULL against zero from NULL against a value', () => {
    assert.equal(compareValue('number', null, '0.000000000000000', 1e-9).status, 'null-vs-zero');
    assert.equal(compareValue('number', '0.1', null, 1e-9).status, 'different');
    assert.equal(compareValue('json', null, { cpu: 0, memory: 0 }, 1e-9).status, 'null-vs-zero');
    assert.equal(compareValue('json', {}, null, 1e-9).status, 'null-vs-zero');
    assert.equal(compareValue('text', null, '', 1e-9).status, 'different');
    assert.equal(compareValue('number', null, null, 1e-9).status, 'equal');
  });

  it('compares JSON as objects: key order ignored, numbers within tolerance, NULL distinct from {}', () => {
    assert.equal(compareValue('json', { a: '1', b: '2' }, { b: '2', a: '1' }, 0).status, 'equal');
    assert.equal(compareValue('json', { cpu: 0.1 }, { cpu: 0.1 + 1e-12 }, 1e-9).status, 'equal');
    assert.equal(compareValue('json', { a: '1' }, { a: '1', b: '2' }, 1e-9).status, 'different');
    assert.equal(compareValue('json', { a: '1' }, null, 1e-9).status, 'different');
  });
});
