// Corrupt or hostile pages must fail with a clear error before we allocate what their headers claim.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { Dictionary, Float64, Int32, Utf8, makeVector } from 'apache-arrow';
import { Codec, Physical, decodeColumnChunk } from '../../../lib/parquet/decodeColumnChunk.js';
import { T, encodeTypedStruct } from '../../../lib/parquet/thriftTyped.js';
import type { TStruct } from '../../../lib/parquet/thriftTyped.js';

const i32 = (id: number, value: number) => ({ id, type: T.I32, value });

/** One DATA_PAGE (v1, REQUIRED, PLAIN unless told) whose header says `uncompressedSize`, followed by `body`. */
function dataPage(body: Uint8Array, uncompressedSize: number, numValues: number, encoding = 0): Uint8Array {
  const dataPageHeader: TStruct = { kind: 'struct', fields: [i32(1, numValues), i32(2, encoding), i32(3, 3), i32(4, 3)] };
  const header = encodeTypedStruct({
    kind: 'struct',
    fields: [i32(1, 0), i32(2, uncompressedSize), i32(3, body.length), { id: 5, type: T.Struct, value: dataPageHeader }],
  });
  const out = new Uint8Array(header.length + body.length);
  out.set(header);
  out.set(body, header.length);
  return out;
}

const spec = (codec: number) => ({ physical: Physical.DOUBLE, codec, maxDefinitionLevel: 0 as const, type: new Float64() });

describe('decodeColumnChunk on hostile pages', () => {
  it('decodes an honest gzip page', () => {
    const values = Float64Array.of(1.5, -2, 3.25);
    const bytes = new Uint8Array(values.buffer);
    const data = decodeColumnChunk(dataPage(gzipSync(bytes), bytes.length, 3), spec(Codec.GZIP), 3);
    assert.deepEqual([...(data.values as Float64Array)], [1.5, -2, 3.25]);
  });

  it('stops inflating a gzip page at the size its header says', () => {
    const bomb = gzipSync(new Uint8Array(50_000_000)); // ~50 KB that inflate to 50 MB
    assert.throws(() => decodeColumnChunk(dataPage(bomb, 24, 3), spec(Codec.GZIP), 3), /^Error: gzip page inflates past the 24 bytes its header says$/);
  });

  it('refuses a snappy page whose header claims more than its bytes can hold', () => {
    const page = dataPage(Uint8Array.from([24, 0x5c, ...new Uint8Array(24)]), 2_000_000_000, 3);
    assert.throws(() => decodeColumnChunk(page, spec(Codec.SNAPPY), 3), /^Error: snappy page of 26 bytes cannot hold the 2000000000 bytes its header says$/);
  });
});

/** An uncompressed v1 PLAIN page of UTF-8 strings (each a 4-byte length, then its bytes). */
function stringPage(texts: readonly string[]): Uint8Array {
  const encoded = texts.map((text) => new TextEncoder().encode(text));
  const body = new Uint8Array(encoded.reduce((size, bytes) => size + 4 + bytes.length, 0));
  let at = 0;
  for (const bytes of encoded) {
    new DataView(body.buffer).setUint32(at, bytes.length, true);
    body.set(bytes, at + 4);
    at += 4 + bytes.length;
  }
  return dataPage(body, body.length, texts.length);
}

describe('decodeColumnChunk on PLAIN strings', () => {
  // Lengths 0-80 cover the word-copy path (under 32 bytes, each tail length 0-3) and the native one; multi-byte UTF-8
  // and a page starting at an odd offset of a larger buffer check that copies use the source's own byte offsets.
  const texts = Array.from({ length: 81 }, (_, n) => Array.from({ length: n }, (_, k) => (k % 7 === 3 ? 'é' : String.fromCharCode(97 + ((n + k) % 26)))).join('').slice(0, n));
  const page = stringPage(texts);
  const shifted = new Uint8Array(page.length + 3);
  shifted.set(page, 3);
  const chunk = shifted.subarray(3);
  const strings = (type: Utf8 | Dictionary) => ({ physical: Physical.BYTE_ARRAY, codec: Codec.UNCOMPRESSED, maxDefinitionLevel: 0 as const, type });

  it('copies every length exactly into Utf8 output', () => {
    const data = decodeColumnChunk(chunk, strings(new Utf8()), texts.length);
    assert.deepEqual([...makeVector(data)], texts);
  });

  it('copies every length exactly into Dictionary output', () => {
    const data = decodeColumnChunk(chunk, strings(new Dictionary(new Utf8(), new Int32())), texts.length);
    assert.deepEqual([...makeVector(data)], texts);
  });
});

describe('decodeColumnChunk on OPTIONAL pages', () => {
  /** A v1 PLAIN page of an OPTIONAL DOUBLE column: RLE/bit-packed definition levels, then the defined values. */
  function optionalPage(levels: Uint8Array, values: number[], numValues: number): Uint8Array {
    const doubles = new Uint8Array(Float64Array.from(values).buffer);
    const body = new Uint8Array(4 + levels.length + doubles.length);
    new DataView(body.buffer).setUint32(0, levels.length, true);
    body.set(levels, 4);
    body.set(doubles, 4 + levels.length);
    return dataPage(body, body.length, numValues);
  }
  const concat = (...pages: Uint8Array[]) => Uint8Array.from(pages.flatMap((p) => [...p]));
  const optional = { physical: Physical.DOUBLE, codec: Codec.UNCOMPRESSED, maxDefinitionLevel: 1 as const, type: new Float64() };
  // Levels of 3 values: one RLE run of three 1s (header 3 << 1), or a bit-packed group (header 1 << 1 | 1) of 1, 0, 1.
  const allDefined = Uint8Array.of(6, 1);
  const middleNull = Uint8Array.of(3, 0b101);

  it('marks the rows of a page without NULLs valid when a later page of the chunk has NULLs', () => {
    const chunk = concat(optionalPage(allDefined, [1, 2, 3], 3), optionalPage(middleNull, [4, 5], 3));
    assert.deepEqual([...makeVector(decodeColumnChunk(chunk, optional, 6))], [1, 2, 3, 4, null, 5]);
  });

  it('marks them valid when an earlier page has NULLs', () => {
    const chunk = concat(optionalPage(middleNull, [4, 5], 3), optionalPage(allDefined, [1, 2, 3], 3));
    assert.deepEqual([...makeVector(decodeColumnChunk(chunk, optional, 6))], [4, null, 5, 1, 2, 3]);
  });
});

describe('decodeColumnChunk on PLAIN strings across pages', () => {
  // Uncompressed pages are views of the chunk: one buffer, a different offset per page. Each page's short strings
  // must be copied from its own offset.
  it('reads each page of one chunk at its own offset', () => {
    const first = ['pod-a-1', 'pod-a-2', 'pod-a-3'];
    const second = ['other-1', 'x', 'a-longer-pod-name-9'];
    const pages = [stringPage(first), stringPage(second)];
    const chunk = Uint8Array.from(pages.flatMap((p) => [...p]));
    const spec = { physical: Physical.BYTE_ARRAY, codec: Codec.UNCOMPRESSED, maxDefinitionLevel: 0 as const, type: new Utf8() };
    assert.deepEqual([...makeVector(decodeColumnChunk(chunk, spec, 6))], [...first, ...second]);
  });
});

/** A DICTIONARY_PAGE of `count` PLAIN entries (`entryBytes`), then a RLE_DICTIONARY data page of 2-bit indices. */
function dictionaryChunk(entryBytes: Uint8Array, count: number, indices: readonly number[]): Uint8Array {
  const dictionaryHeader = encodeTypedStruct({
    kind: 'struct',
    fields: [
      i32(1, 2),
      i32(2, entryBytes.length),
      i32(3, entryBytes.length),
      { id: 7, type: T.Struct, value: { kind: 'struct', fields: [i32(1, count), i32(2, 0)] } },
    ],
  });
  let packed = 0;
  indices.forEach((index, k) => (packed |= index << (2 * k)));
  const body = Uint8Array.of(2, (1 << 1) | 1, packed & 0xff, (packed >> 8) & 0xff);
  return Uint8Array.from([...dictionaryHeader, ...entryBytes, ...dataPage(body, body.length, indices.length, 8)]);
}

describe('decodeColumnChunk on dictionary-encoded doubles', () => {
  const entries = new Uint8Array(Float64Array.of(0.5, -1, 1e300).buffer);
  const doubles = { physical: Physical.DOUBLE, codec: Codec.UNCOMPRESSED, maxDefinitionLevel: 0 as const, type: new Float64() };

  it('copies each row its entry', () => {
    const data = decodeColumnChunk(dictionaryChunk(entries, 3, [2, 0, 1, 2]), doubles, 4);
    assert.deepEqual([...(data.values as Float64Array)], [1e300, 0.5, -1, 1e300]);
  });

  it('refuses an index past the dictionary', () => {
    assert.throws(() => decodeColumnChunk(dictionaryChunk(entries, 3, [0, 3, 1, 2]), doubles, 4), /^Error: dictionary index 3 out of 3$/);
  });
});

describe('decodeColumnChunk on dictionary-encoded strings', () => {
  /** `dictionaryChunk` of string entries (each a 4-byte length, then its bytes). */
  function stringDictionaryChunk(entries: readonly string[], indices: readonly number[]): Uint8Array {
    const plain = stringPage(entries);
    const entryBytes = plain.subarray(plain.length - entries.reduce((n, e) => n + 4 + new TextEncoder().encode(e).length, 0));
    return dictionaryChunk(entryBytes, entries.length, indices);
  }
  const spec = { physical: Physical.BYTE_ARRAY, codec: Codec.UNCOMPRESSED, maxDefinitionLevel: 0 as const, type: new Dictionary(new Utf8(), new Int32()) };

  it('takes the indices as they are', () => {
    const data = decodeColumnChunk(stringDictionaryChunk(['a', 'bb', 'ccc'], [0, 2, 1, 2]), spec, 4);
    assert.deepEqual([...makeVector(data)], ['a', 'ccc', 'bb', 'ccc']);
  });

  it('refuses an index past the dictionary that the bit width allows', () => {
    assert.throws(() => decodeColumnChunk(stringDictionaryChunk(['a', 'bb', 'ccc'], [0, 2, 3, 1]), spec, 4), /^Error: dictionary index 3 out of 3$/);
  });
});
