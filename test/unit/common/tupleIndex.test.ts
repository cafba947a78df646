// TupleIndex keys every accumulator of the day task: an id must always be the id of exactly its tuple, whatever
// shortcut (the previous id, the id after it, the hash) found it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TupleIndex } from '../../../lib/common/tupleIndex.js';

function intern(index: TupleIndex, tuple: readonly number[]): number {
  tuple.forEach((v, j) => (index.key[j] = v));
  return index.intern();
}

function find(index: TupleIndex, tuple: readonly number[]): number {
  tuple.forEach((v, j) => (index.key[j] = v));
  return index.find();
}

/** A reference: the same first-seen numbering with a Map of joined keys. */
function referenceIds(tuples: ReadonlyArray<readonly number[]>): number[] {
  const ids = new Map<string, number>();
  return tuples.map((t) => {
    const key = t.join(',');
    if (!ids.has(key)) ids.set(key, ids.size);
    return ids.get(key) as number;
  });
}

describe('TupleIndex', () => {
  it('numbers tuples in first-seen order, in runs, in the same order again, and in other orders', () => {
    const first = Array.from({ length: 3000 }, (_, i) => [i % 7, i, i % 3]);
    const sameOrder = first.map((t) => [...t]);
    const shuffled = first.map((t, i) => first[(i * 1237) % first.length] as number[]);
    // Runs, neighbours that differ in the last component only, and new tuples between known ones.
    const mixed = first.flatMap((t, i) => (i % 5 === 0 ? [t, t, [t[0] as number, t[1] as number, 99], [-1, i, 0]] : [t]));
    const tuples = [...first, ...sameOrder, ...shuffled, ...mixed, ...first.slice().reverse()];
    const index = new TupleIndex(3, 16); // small, so it rehashes many times
    const ids = tuples.map((t) => intern(index, t));
    assert.deepEqual(ids, referenceIds(tuples));
    for (const [i, t] of tuples.entries()) {
      assert.equal(find(index, t), ids[i]);
      assert.deepEqual([0, 1, 2].map((j) => index.get(ids[i] as number, j)), t);
    }
    assert.equal(find(index, [5, 5, 5]), -1);
    assert.equal(index.size, new Set(tuples.map((t) => t.join(','))).size);
  });

  it('does not answer the id after the previous one when only part of its tuple matches', () => {
    const index = new TupleIndex(2);
    assert.deepEqual([[1, 1], [1, 2], [1, 3]].map((t) => intern(index, t)), [0, 1, 2]);
    assert.equal(intern(index, [1, 1]), 0);
    assert.equal(intern(index, [1, 4]), 3, 'id 1 is next after 0 but holds (1, 2)');
    assert.equal(intern(index, [1, 2]), 1);
    assert.equal(intern(index, [1, 3]), 2);
  });
});
