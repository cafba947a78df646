import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvalidOcpInputError } from '../../../lib/ocp/errors.js';
import { compareSummaryRows, sortSummaryRows } from '../../../lib/ocp/sortSummaryRows.js';
import { NOT_FOUND, NULL_ID, StringPool } from '../../../lib/ocp/stringPool.js';
import { blankSummaryRow } from '../../../lib/ocp/summaryRow.js';
import type { OcpSummaryRow } from '../../../lib/ocp/types.js';

describe('StringPool', () => {
  it('gives a string the same id from text and from UTF-8 bytes at any alignment, and finds without adding', () => {
    const pool = new StringPool();
    const words = ['', 'a', 'pod-1', 'δέλτα', '😀', 'x'.repeat(1000), '{"app": "web"}'];
    const ids = words.map((w) => pool.id(w));
    assert.equal(new Set(ids).size, words.length);
    for (const [i, w] of words.entries()) {
      const encoded = new TextEncoder().encode(w);
      for (let shift = 0; shift < 5; shift++) {
        const buffer = new Uint8Array(encoded.length + 10);
        buffer.set(encoded, shift);
        assert.equal(pool.idOfUtf8(buffer, shift, shift + encoded.length), ids[i], `${w} at ${shift}`);
      }
      assert.equal(pool.value(ids[i] as number), w);
      assert.equal(pool.find(w), ids[i]);
    }
    assert.equal(pool.find('missing'), undefined);
    const size = pool.size;
    const missing = new TextEncoder().encode('xpod-1x');
    assert.equal(pool.findUtf8(missing, 1, 6), ids[2], 'findUtf8 finds a slice');
    assert.equal(pool.findUtf8(missing), NOT_FOUND);
    assert.equal(pool.size, size, 'findUtf8 never adds');
    assert.equal(pool.id(null), NULL_ID);
    assert.equal(pool.value(NULL_ID), null);
  });

  it('refuses to decode bytes that are not UTF-8 (PostgreSQL would refuse them), showing the text', () => {
    const pool = new StringPool();
    const id = pool.idOfUtf8(Uint8Array.of(0x61, 0xe1, 0x28, 0x62));
    for (const read of [() => pool.value(id), () => pool.transientValue(id)]) {
      assert.throws(read, (e: unknown) => e instanceof InvalidOcpInputError && e.message === 'text "a\ufffd(b": is not valid UTF-8');
    }
  });

  it('refuses to decode a text with a NUL character, which PostgreSQL cannot store', () => {
    const pool = new StringPool();
    const id = pool.idOfUtf8(new TextEncoder().encode('sh\u0000op'));
    assert.throws(() => pool.value(id), (e: unknown) => e instanceof InvalidOcpInputError && e.message === 'text "sh\\u0000op": holds a NUL character, which PostgreSQL cannot store');
  });

  it('reads each source array at its own offset, and a reused array as it is now', () => {
    // The pool keeps a view of the last source array: views of one buffer at other offsets, and an array rewritten
    // between calls (decode buffers are reused across row groups), must still be read where and as they are.
    const pool = new StringPool();
    const shared = new Uint8Array(64);
    const encode = (text: string, into: Uint8Array, at = 0) => into.set(new TextEncoder().encode(text), at);
    encode('node-a', shared, 0);
    encode('node-b', shared, 16);
    const first = shared.subarray(0, 16);
    const second = shared.subarray(16, 32);
    const a = pool.idOfUtf8(first, 0, 6);
    const b = pool.idOfUtf8(second, 0, 6);
    assert.deepEqual([pool.value(a), pool.value(b)], ['node-a', 'node-b']);
    assert.equal(pool.findUtf8(first, 0, 6), a);
    encode('node-b', first, 0); // same array object, new contents
    assert.equal(pool.idOfUtf8(first, 0, 6), b);
    assert.equal(pool.id('node-c'), pool.idOfUtf8(new TextEncoder().encode('node-c')));
    assert.equal(pool.findUtf8(second, 0, 6), b);
  });

  it('keeps ids stable across growth and rehashing, decoding byte-interned values lazily', () => {
    const pool = new StringPool();
    const enc = new TextEncoder();
    const ids: number[] = [];
    for (let i = 0; i < 20_000; i++) ids.push(pool.idOfUtf8(enc.encode(`value-${i}-${'z'.repeat(i % 50)}`)));
    for (let i = 0; i < 20_000; i += 997) {
      assert.equal(pool.id(`value-${i}-${'z'.repeat(i % 50)}`), ids[i]);
      assert.equal(pool.value(ids[i] as number), `value-${i}-${'z'.repeat(i % 50)}`);
    }
    assert.equal(pool.size, 20_001);
  });
});

describe('StringPool.idsOfUtf8', () => {
  /** The texts as one byte array and Arrow-style offsets, starting at an odd offset of a larger buffer. */
  function utf8Column(texts: readonly string[]): { bytes: Uint8Array; offsets: Int32Array } {
    const encoded = texts.map((t) => new TextEncoder().encode(t));
    const buffer = new Uint8Array(3 + encoded.reduce((n, e) => n + e.length, 0));
    const offsets = new Int32Array(texts.length + 1);
    encoded.forEach((e, i) => {
      buffer.set(e, 3 + (offsets[i] as number));
      offsets[i + 1] = (offsets[i] as number) + e.length;
    });
    return { bytes: buffer.subarray(3), offsets };
  }
  // More texts than one batch (256), runs of equal texts across a batch's edge, texts new to the pool in the middle
  // of a batch and again later in it, and enough distinct ones to rehash the table mid-batch.
  const texts = Array.from({ length: 5000 }, (_, i) => (i >= 250 && i < 262 ? 'run' : `label-${(i * 7919) % 1300}-${'é'.repeat(i % 3)}`));

  it('gives every text the id idOfUtf8 gives it, in the same order of first use', () => {
    const { bytes, offsets } = utf8Column(texts);
    const batched = new StringPool();
    const out = new Int32Array(texts.length + 2).fill(-7);
    batched.idsOfUtf8(bytes, offsets, texts.length, out, 2);
    const single = new StringPool();
    const expected = texts.map((t) => single.idOfUtf8(new TextEncoder().encode(t)));
    assert.deepEqual([...out.subarray(2)], expected);
    assert.deepEqual([out[0], out[1]], [-7, -7]);
    assert.equal(batched.size, single.size);
    assert.equal(batched.value(out[2 + 4999] as number), texts[4999]);
  });

  it('only looks up with lookupOnly: NOT_FOUND for new texts, nothing added', () => {
    const pool = new StringPool();
    const known = pool.id('run');
    const { bytes, offsets } = utf8Column(['x', 'run', 'run', 'y', 'run']);
    const out = new Int32Array(5);
    pool.idsOfUtf8(bytes, offsets, 5, out, 0, true);
    assert.deepEqual([...out], [NOT_FOUND, known, known, NOT_FOUND, known]);
    assert.equal(pool.size, 2);
  });
});

describe('sortSummaryRows', () => {
  it('orders exactly like sorting with compareSummaryRows (NULLs, surrogates, ties, labels)', () => {
    const texts = [null, '', 'a', 'b', 'ab', '\uffff', '😀', 'Z'];
    const rows: OcpSummaryRow[] = [];
    let seed = 7;
    const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
    for (let i = 0; i < 400; i++) {
      const row = blankSummaryRow('2025-11-03', next(2) ? 'Pod' : 'Storage');
      row.namespace = texts[next(texts.length)] ?? null;
      row.node = texts[next(3)] ?? null;
      row.resource_id = texts[next(texts.length)] ?? null;
      row.pod_labels = next(3) === 0 ? null : { [texts[next(texts.length)] ?? 'k']: texts[next(texts.length)] ?? 'v' };
      row.volume_labels = next(2) ? null : { v: String(next(3)) };
      row.cost_category_id = next(3) === 0 ? null : next(3);
      rows.push(row);
    }
    const want = [...rows].sort(compareSummaryRows);
    assert.deepEqual(sortSummaryRows([...rows]), want);
  });
});
