import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CompactInput } from '../../../lib/parquet/compactInput.js';

/** Unsigned LEB128 bytes of `n`. */
function varintBytes(n: bigint): number[] {
  const out: number[] = [];
  let v = n;
  while (v >= 0x80n) {
    out.push(Number(v & 0x7fn) | 0x80);
    v >>= 7n;
  }
  out.push(Number(v));
  return out;
}

const zigzagOf = (n: bigint): bigint => (n >= 0n ? n << 1n : (-n << 1n) - 1n);

describe('CompactInput', () => {
  it('reads varints as numbers, exact ones as numbers below 2^49 and bigints from 8 bytes on', () => {
    for (const n of [0n, 1n, 127n, 128n, 2n ** 31n, 2n ** 49n - 1n, 2n ** 49n, 2n ** 53n, 2n ** 63n + 5n, 2n ** 64n - 1n]) {
      const bytes = Uint8Array.from([...varintBytes(n), 0xaa]);
      const plain = new CompactInput(bytes);
      if (n <= 2n ** 53n) assert.equal(plain.varint(), Number(n));
      else plain.varint();
      assert.equal(plain.pos, bytes.length - 1);

      const exact = new CompactInput(bytes);
      assert.equal(exact.exactVarint(), n < 2n ** 49n ? Number(n) : n);
      assert.equal(exact.pos, bytes.length - 1);
    }
  });

  it('undoes zigzag in both widths', () => {
    for (const n of [0n, -1n, 1n, -64n, 2n ** 31n - 1n, -(2n ** 31n), 2n ** 48n - 1n, -(2n ** 48n), 2n ** 62n, -(2n ** 63n)]) {
      const bytes = Uint8Array.from(varintBytes(zigzagOf(n)));
      if (n > -(2n ** 48n) && n < 2n ** 48n) assert.equal(new CompactInput(bytes).zigzag(), Number(n));
      assert.equal(new CompactInput(bytes).exactZigzag(), zigzagOf(n) < 2n ** 49n ? Number(n) : n);
    }
  });

  it('reads signed bytes and length-prefixed binaries as views', () => {
    const bytes = Uint8Array.from([0xff, 0x7f, 3, 10, 20, 30, 40]);
    const input = new CompactInput(bytes);
    assert.equal(input.int8(), -1);
    assert.equal(input.int8(), 127);
    const binary = input.binary();
    assert.deepEqual([...binary], [10, 20, 30]);
    assert.equal(binary.buffer, bytes.buffer);
    assert.equal(input.remaining, 1);
  });

  it('starts where told and fails on truncated or overlong data', () => {
    const input = new CompactInput(Uint8Array.from([9, 9, 0x80]), 2);
    assert.throws(() => input.varint(), { name: 'RangeError', message: 'thrift data ends at byte 3' });
    assert.throws(() => new CompactInput(Uint8Array.from([2, 1])).binary(), { name: 'RangeError', message: 'thrift data ends at byte 2' });
    const overlong = Uint8Array.from([...Array(10).fill(0x80), 1]);
    assert.throws(() => new CompactInput(overlong).varint(), { message: 'thrift varint longer than 10 bytes at byte 10' });
    assert.throws(() => new CompactInput(overlong).exactVarint(), { message: 'thrift varint longer than 10 bytes at byte 10' });
  });
});
