import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { copyBytes } from '../../../lib/common/copyBytes.js';

describe('copyBytes', () => {
  it('copies a range between views at their own offsets, as set(subarray) does', () => {
    const source = new Uint8Array(16).map((_, i) => i).subarray(3);
    const target = new Uint8Array(12).subarray(2);
    copyBytes(source, 2, 7, target, 1);
    assert.deepEqual([...target], [0, 5, 6, 7, 8, 9, 0, 0, 0, 0]);
  });
});
