import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { pairClosest } from '../../../lib/compare/index.js';

describe('pairClosest', () => {
  const d = (a: number, b: number) => Math.abs(a - b);

  it('pairs duplicates with their closest counterpart, whatever the order', () => {
    assert.deepEqual(pairClosest([20, 10], [10.1, 20.5], d).pairs.sort(), [[10, 10.1], [20, 20.5]]);
  });

  it('leaves the unmatched ones on their side', () => {
    assert.deepEqual(pairClosest([10, 20, 30], [29], d), { pairs: [[30, 29]], leftOnly: [10, 20], rightOnly: [] });
    assert.deepEqual(pairClosest([], [1], d), { pairs: [], leftOnly: [], rightOnly: [1] });
  });
});
