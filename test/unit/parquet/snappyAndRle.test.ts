import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bitWidthOf, decodeRleHybrid, leadingRunValue } from '../../../lib/parquet/rleHybrid.js';
import { compressSync } from 'snappy';
import { snappyBackend, snappyMaxUncompressedLength, snappyUncompress, snappyUncompressJs } from '../../../lib/parquet/snappy.js';

const bytes = (...b: number[]) => Uint8Array.from(b);
const text = (b: Uint8Array) => new TextDecoder().decode(b);

describe('snappyUncompress', () => {
  it('uses the native decoder on linux x64 (what CI and x86_64 Lambdas run)', (t) => {
    if (process.platform !== 'linux' || process.arch !== 'x64') return t.skip('no expectation for this platform');
    assert.equal(snappyBackend, 'native');
  });

  it('native and JS decoders agree on real blocks, including from views into larger buffers', () => {
    const texts = ['', 'a', '{"app": "web", "env": "prod"}'.repeat(500), Array.from({ length: 5000 }, (_, i) => `pod-${(i * 7919) % 613}`).join(',')];
    const random = new Uint8Array(70_000);
    for (let i = 0, x = 1; i < random.length; i++) random[i] = (x = Math.imul(x, 48271) % 2147483647) & (i % 3 === 0 ? 0xff : 0x0f);
    for (const plain of [...texts.map((t) => new TextEncoder().encode(t)), random]) {
      const block = compressSync(plain);
      const padded = new Uint8Array(block.length + 10);
      padded.set(block, 5);
      const view = padded.subarray(5, 5 + block.length);
      assert.deepEqual(snappyUncompressJs(view, plain.length), plain);
      assert.deepEqual(new Uint8Array(snappyUncompress(view, plain.length)), plain);
    }
  });

  it('hands back a plain Uint8Array, not a Buffer (whose subarray, called per string value, costs several times more)', () => {
    const plain = new TextEncoder().encode('{"app": "web"}'.repeat(100));
    const out = snappyUncompress(compressSync(plain), plain.length);
    assert.equal(Buffer.isBuffer(out), false);
    assert.equal(Object.getPrototypeOf(out), Uint8Array.prototype);
    assert.deepEqual(out, plain);
  });

  it('refuses a length no block of that size can decode to, before allocating it (both decoders)', () => {
    const claim = Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0x07, 0, 97]); // says 2 GiB from 7 bytes
    for (const decode of [snappyUncompress, snappyUncompressJs]) {
      assert.throws(() => decode(claim), /^Error: snappy: block says 2147483647 bytes, more than 7 compressed bytes can hold/);
    }
    // The densest real block (64-byte copies) stays under the bound.
    const dense = compressSync(new Uint8Array(100_000));
    assert.ok(100_000 <= snappyMaxUncompressedLength(dense.length), `${dense.length} bytes`);
    assert.equal(snappyUncompress(dense, 100_000).length, 100_000);
  });

  it('native path: checks the length against the page header and names snappy in errors', () => {
    const block = compressSync(new TextEncoder().encode('abcdabcdabcd'));
    assert.throws(() => snappyUncompress(block, 13), /^Error: snappy: block says 12 bytes, page header says 13/);
    assert.throws(() => snappyUncompress(Uint8Array.from([8, 0, 97, ((5 - 1) << 2) | 2, 9, 0])), /^Error: snappy: /);
  });

  it('JS decoder: decodes literals and 1-, 2- and 4-byte-offset copies, including overlapping runs', () => {
    const snappyUncompress = snappyUncompressJs;
    // "abcd" literal, then copy len 8 offset 4 (tag kind 1: ((8-4)<<2)|1, offset 4) → "abcdabcdabcd"
    assert.equal(text(snappyUncompress(bytes(12, 3 << 2, 97, 98, 99, 100, ((8 - 4) << 2) | 1, 4))), 'abcdabcdabcd');
    // "a" literal then an overlapping copy len 5 offset 1 (kind 2: ((5-1)<<2)|2, offset 1, 0) → "aaaaaa"
    assert.equal(text(snappyUncompress(bytes(6, 0, 97, ((5 - 1) << 2) | 2, 1, 0))), 'aaaaaa');
    // kind 3 (4-byte offset): "xy" then copy len 2 offset 2 → "xyxy"
    assert.equal(text(snappyUncompress(bytes(4, 1 << 2, 120, 121, ((2 - 1) << 2) | 3, 2, 0, 0, 0))), 'xyxy');
    // a literal whose length needs an extra byte (tag 60 << 2): 70 bytes of "z"
    const long = new Uint8Array(3 + 70).fill(122);
    long.set([70, 60 << 2, 69], 0);
    assert.equal(text(snappyUncompress(long)), 'z'.repeat(70));
  });

  it('JS decoder: rejects corrupt blocks instead of reading or writing out of bounds', () => {
    const snappyUncompress = snappyUncompressJs;
    assert.throws(() => snappyUncompress(bytes(4, 3 << 2, 97)), /literal overruns/);
    assert.throws(() => snappyUncompress(bytes(8, 0, 97, ((5 - 1) << 2) | 2, 9, 0)), /copy outside/);
    assert.throws(() => snappyUncompress(bytes(5, 0, 97)), /decodes to 1 of 5/);
    assert.throws(() => snappyUncompress(bytes(2, 1 << 2, 97, 98), 3), /page header says 3/);
  });
});

describe('decodeRleHybrid', () => {
  it('decodes RLE runs and bit-packed groups of any width', () => {
    // RLE run: header (5 << 1) = 10, value 3 (1 byte for width 2) → five 3s; then bit-packed 1 group (header 3) of width 2.
    const out = new Int32Array(9);
    const end = decodeRleHybrid(bytes(10, 3, 3, 0b11100100, 0b00000001), 0, 5, 2, 9, out, 0);
    assert.deepEqual([...out], [3, 3, 3, 3, 3, 0, 1, 2, 3]);
    assert.equal(end, 5);
    for (const width of [1, 3, 7, 8, 13, 20, 24, 25, 31, 32]) {
      const values = Array.from({ length: 8 }, (_, i) => Math.floor(((i * 2654435761) >>> 0) % 2 ** width));
      const packed = new Uint8Array(width);
      values.forEach((v, i) => {
        for (let bit = 0; bit < width; bit++) if (Math.floor(v / 2 ** bit) % 2 === 1) packed[(i * width + bit) >> 3] |= 1 << ((i * width + bit) & 7);
      });
      const decoded = new Int32Array(8);
      decodeRleHybrid(Uint8Array.from([3, ...packed]), 0, 1 + width, width, 8, decoded, 0);
      assert.deepEqual([...decoded].map((v) => v >>> 0), values, `width ${width}`);
    }
  });

  it('unpacks long bit-packed runs of every width, with and without bytes after the run, inside a larger buffer', () => {
    let seed = 5;
    const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
    for (let width = 1; width <= 32; width++) {
      for (const n of [8, 64, 1000]) {
        const values = Array.from({ length: n }, () => random() % 2 ** width);
        const packed = new Uint8Array((n / 8) * width);
        values.forEach((v, i) => {
          for (let bit = 0; bit < width; bit++) if (Math.floor(v / 2 ** bit) % 2 === 1) packed[(i * width + bit) >> 3] |= 1 << ((i * width + bit) & 7);
        });
        const header = n / 8 === 125 ? [0xfb, 0x01] : [((n / 8) << 1) | 1]; // ULEB128 of groups * 2 + 1
        for (const slack of [0, 1, 5]) {
          // The run sits at an odd offset of a larger buffer, with `slack` unrelated bytes after it.
          const buffer = new Uint8Array(3 + header.length + packed.length + slack).fill(0xa5);
          buffer.set(header, 3);
          buffer.set(packed, 3 + header.length);
          const page = buffer.subarray(1);
          const decoded = new Int32Array(n + 2).fill(-7);
          decodeRleHybrid(page, 2, 2 + header.length + packed.length, width, n, decoded, 1);
          assert.deepEqual([...decoded.subarray(1, n + 1)].map((v) => v >>> 0), values, `width ${width}, ${n} values, slack ${slack}`);
          assert.equal(decoded[0], -7);
          assert.equal(decoded[n + 1], -7);
        }
      }
    }
  });

  it('rejects truncated runs', () => {
    assert.throws(() => decodeRleHybrid(bytes(10), 0, 1, 2, 5, new Int32Array(5), 0), /truncated run value/);
    assert.throws(() => decodeRleHybrid(bytes(3, 1), 0, 2, 8, 8, new Int32Array(8), 0), /truncated bit-packed/);
  });

  it('reports a leading run-length run only when it covers the values asked for', () => {
    // Header = run length << 1 (even: RLE). 300 values of 1 need a two-byte ULEB header (600 = 0xd8 0x04).
    assert.equal(leadingRunValue(bytes(0xd8, 0x04, 1), 0, 3, 1, 300), 1);
    assert.equal(leadingRunValue(bytes(0xd8, 0x04, 1), 0, 3, 1, 299), 1, 'a longer run covers fewer values');
    assert.equal(leadingRunValue(bytes(0xd8, 0x04, 1), 0, 3, 1, 301), -1, 'a shorter run does not');
    assert.equal(leadingRunValue(bytes(9, 8, 0), 1, 3, 1, 4), 0, 'at an offset, value 0');
    assert.equal(leadingRunValue(bytes(0xd8, 0x04, 0x34, 0x12), 0, 4, 16, 300), 0x1234, 'two value bytes');
    assert.equal(leadingRunValue(bytes(3, 0xff), 0, 2, 1, 8), -1, 'bit-packed');
    assert.equal(leadingRunValue(bytes(8), 0, 1, 1, 4), -1, 'no value byte');
    assert.equal(leadingRunValue(bytes(0x80, 0x80), 0, 2, 1, 4), -1, 'truncated header');
    // Whatever it reports, decoding the same bytes agrees.
    const levels = new Int32Array(300);
    decodeRleHybrid(bytes(0xd8, 0x04, 1), 0, 3, 1, 300, levels, 0);
    assert.ok(levels.every((v) => v === 1));
  });

  it('computes level bit widths', () => {
    assert.deepEqual([0, 1, 2, 3, 4, 7, 8].map(bitWidthOf), [0, 1, 2, 2, 3, 3, 4]);
  });
});
