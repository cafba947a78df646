import { gunzipSync } from 'node:zlib';
import { DataType, Dictionary, Utf8, makeData, makeVector } from 'apache-arrow';
import type { Data } from 'apache-arrow';
import { copyBytes } from '../common/copyBytes.js';
import { BufferKind } from './decodeBuffers.js';
import type { DecodeBuffers } from './decodeBuffers.js';
import { decodeRleHybrid, leadingRunValue } from './rleHybrid.js';
import { snappyMaxUncompressedLength, snappyUncompress } from './snappy.js';
import { decodeThriftStructAt } from './thriftCompact.js';
import type { ThriftStruct } from './thriftCompact.js';

/** Parquet physical types the JS decoder reads. */
export const Physical = { INT32: 1, INT64: 2, FLOAT: 4, DOUBLE: 5, BYTE_ARRAY: 6 } as const;
/** Compression codecs the JS decoder reads. */
export const Codec = { UNCOMPRESSED: 0, SNAPPY: 1, GZIP: 2 } as const;
const Encoding = { PLAIN: 0, PLAIN_DICTIONARY: 2, RLE: 3, RLE_DICTIONARY: 8 } as const;
const PageType = { DATA_PAGE: 0, INDEX_PAGE: 1, DICTIONARY_PAGE: 2, DATA_PAGE_V2: 3 } as const;

/** How one flat column chunk is decoded and what Arrow data it becomes. */
export interface ColumnDecodeSpec {
  physical: number;
  codec: number;
  /** 1 for an OPTIONAL column (definition levels present), 0 for REQUIRED. */
  maxDefinitionLevel: 0 | 1;
  /** The Arrow type to produce: Utf8 or Dictionary<Int32, Utf8> for BYTE_ARRAY, else a fixed-width type of the same width. */
  type: DataType;
}

/** Where a column's output arrays come from when they are reused: the pool and this column's slot in it. */
export interface ColumnBuffers {
  pool: DecodeBuffers;
  column: number;
}

/** Raised for a page feature the JS decoder does not implement; the caller falls back to parquet-wasm. */
export class UnsupportedPageError extends Error {}

/**
 * Decodes one flat (non-nested) column chunk: its dictionary page and data pages (v1 and v2; PLAIN and dictionary
 * encodings; UNCOMPRESSED, SNAPPY or GZIP) into one Arrow `Data` of `numRows` rows. Dictionary-encoded strings stay
 * dictionary-encoded when `spec.type` is a Dictionary (values are never turned into JS strings here).
 * Throws `UnsupportedPageError` for anything else, and a plain Error for corrupt input.
 * With `buffers`, the Data is built on arrays that the next chunk decoded with the same slot overwrites.
 */
export function decodeColumnChunk(bytes: Uint8Array, spec: ColumnDecodeSpec, numRows: number, sizeHint = 0, buffers?: ColumnBuffers): Data {
  const out = new ColumnOutput(spec, numRows, sizeHint, buffers);
  let pos = 0;
  while (out.rows < numRows) {
    if (pos >= bytes.length) throw new Error(`column chunk ends after ${out.rows} of ${numRows} rows`);
    const { struct: header, end } = decodeThriftStructAt(bytes, pos);
    const type = int(header, 1);
    const uncompressedSize = int(header, 2);
    const compressedSize = int(header, 3);
    if (compressedSize < 0 || end + compressedSize > bytes.length) throw new Error('page runs past the column chunk');
    const page = bytes.subarray(end, end + compressedSize);
    pos = end + compressedSize;
    if (type === PageType.DICTIONARY_PAGE) {
      const dph = struct(header, 7);
      const encoding = int(dph, 2);
      if (encoding !== Encoding.PLAIN && encoding !== Encoding.PLAIN_DICTIONARY) throw new UnsupportedPageError(`dictionary page encoding ${encoding}`);
      out.setDictionary(decompress(page, spec.codec, uncompressedSize), int(dph, 1));
    } else if (type === PageType.DATA_PAGE) {
      const dph = struct(header, 5);
      const data = decompress(page, spec.codec, uncompressedSize);
      const numValues = int(dph, 1);
      let at = 0;
      let defs: Levels = null;
      if (spec.maxDefinitionLevel > 0) {
        if (int(dph, 3) !== Encoding.RLE) throw new UnsupportedPageError(`definition level encoding ${int(dph, 3)}`);
        if (data.length < 4) throw new Error('data page too short for its definition levels');
        const length = readUint32(data, 0);
        if (4 + length > data.length) throw new Error('definition levels run past the page');
        defs = definitionLevels(data, 4, 4 + length, numValues);
        at = 4 + length;
      }
      out.addPage(data, at, data.length, int(dph, 2), numValues, defs);
    } else if (type === PageType.DATA_PAGE_V2) {
      const h = struct(header, 8);
      const numValues = int(h, 1);
      const defLength = int(h, 5);
      const repLength = int(h, 6);
      if (repLength !== 0) throw new UnsupportedPageError('repetition levels');
      if (defLength < 0 || defLength > page.length) throw new Error('definition levels run past the page');
      let defs: Levels = null;
      if (spec.maxDefinitionLevel > 0) defs = definitionLevels(page, 0, defLength, numValues);
      const compressed = h.get(7) !== false;
      const values = page.subarray(defLength);
      const data = compressed ? decompress(values, spec.codec, uncompressedSize - defLength) : values;
      out.addPage(data, 0, data.length, int(h, 4), numValues, defs);
    } else if (type !== PageType.INDEX_PAGE) {
      throw new UnsupportedPageError(`page type ${type}`);
    }
  }
  return out.finish();
}

// Pages are decoded one at a time and copied out, so one growing scratch buffer serves every page (no per-page
// ArrayBuffer, whose external memory would trigger old-space collections).
let pageScratch = new Uint8Array(1 << 20);
let levelScratch = new Int32Array(1 << 14);
let indexScratch = new Int32Array(1 << 14);

/** A page's definition levels: none (a REQUIRED column), every value defined (no NULL), or one level per value. */
type Levels = Int32Array | null | typeof ALL_DEFINED;
const ALL_DEFINED = 'all defined';

/** The levels of `numValues` values; a page without NULLs (one run of 1s, the usual case) is neither decoded nor scanned. */
function definitionLevels(bytes: Uint8Array, pos: number, end: number, numValues: number): Int32Array | typeof ALL_DEFINED {
  if (leadingRunValue(bytes, pos, end, 1, numValues) === 1) return ALL_DEFINED;
  const defs = scratchLevels(numValues);
  decodeRleHybrid(bytes, pos, end, 1, numValues, defs, 0);
  return defs;
}

function scratchLevels(n: number): Int32Array {
  if (levelScratch.length < n) levelScratch = new Int32Array(Math.max(n, levelScratch.length * 2));
  return levelScratch;
}

function decompress(page: Uint8Array, codec: number, uncompressedSize: number): Uint8Array {
  switch (codec) {
    case Codec.UNCOMPRESSED:
      return page;
    case Codec.SNAPPY:
      // A corrupt header must not make us allocate its claimed size first.
      if (uncompressedSize > snappyMaxUncompressedLength(page.length)) {
        throw new Error(`snappy page of ${page.length} bytes cannot hold the ${uncompressedSize} bytes its header says`);
      }
      if (pageScratch.length < uncompressedSize) pageScratch = new Uint8Array(Math.max(uncompressedSize, pageScratch.length * 2));
      return snappyUncompress(page, uncompressedSize, pageScratch);
    case Codec.GZIP: {
      const out = gunzipAtMost(page, uncompressedSize);
      if (out.length !== uncompressedSize) throw new Error(`gzip page is ${out.length} bytes, header says ${uncompressedSize}`);
      return out;
    }
    default:
      throw new UnsupportedPageError(`codec ${codec}`);
  }
}

/** Inflates no further than the page header says, so a corrupt or hostile page cannot make us allocate more. */
function gunzipAtMost(page: Uint8Array, uncompressedSize: number): Uint8Array {
  try {
    return new Uint8Array(gunzipSync(page, { maxOutputLength: Math.max(1, uncompressedSize) }));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new Error(`gzip page inflates past the ${uncompressedSize} bytes its header says`);
    }
    throw err;
  }
}

/** Accumulates decoded pages into full-length arrays, then builds the Arrow Data. */
class ColumnOutput {
  rows = 0;
  private readonly width: number;
  private readonly fixed: Uint8Array | null;
  private readonly validity: Uint8Array | null;
  private nullCount = 0;
  // Fixed-width dictionary: raw little-endian entries.
  private fixedDictionary: Uint8Array | null = null;
  // String dictionary (dictionary page entries, then one entry per PLAIN-encoded value when writing Dictionary).
  private readonly strings: ByteArrays | null;
  private dictionaryEntries = 0;
  private readonly indices: Int32Array | null;
  private readonly asDictionary: boolean;
  private pageDictionary: { offsets: Int32Array; bytes: Uint8Array; count: number } | null = null;

  constructor(
    private readonly spec: ColumnDecodeSpec,
    private readonly numRows: number,
    sizeHint: number,
    buffers: ColumnBuffers | undefined,
  ) {
    this.width = widthOf(spec.physical);
    this.asDictionary = DataType.isDictionary(spec.type);
    const bytes = (kind: BufferKind, size: number) => (buffers ? buffers.pool.bytes(buffers.column, kind, size) : new Uint8Array(size));
    this.fixed = this.width > 0 ? bytes(BufferKind.fixed, numRows * this.width) : null;
    this.validity = spec.maxDefinitionLevel > 0 ? bytes(BufferKind.validity, (numRows + 7) >> 3).fill(0) : null;
    this.strings = this.width === 0 ? new ByteArrays(this.asDictionary ? 1024 : numRows + 1, sizeHint, buffers ? bytes : undefined) : null;
    this.indices = this.width === 0 && this.asDictionary ? int32s(bytes(BufferKind.indices, numRows * 4)) : null;
  }

  setDictionary(data: Uint8Array, count: number): void {
    if (this.width > 0) {
      if (data.length < count * this.width) throw new Error('dictionary page too short');
      this.fixedDictionary = data.slice(0, count * this.width); // a copy: `data` may be the shared page scratch
      return;
    }
    // Dictionary output: the entries go straight into the output dictionary; Utf8 output keeps them for lookups.
    if (this.asDictionary && this.dictionaryEntries !== 0) throw new UnsupportedPageError('second dictionary page');
    const target = this.asDictionary ? this.strings! : new ByteArrays(count + 1, data.length);
    let pos = 0;
    for (let i = 0; i < count; i++) {
      if (pos + 4 > data.length) throw new Error('dictionary page too short');
      const length = readUint32(data, pos);
      pos += 4;
      if (pos + length > data.length) throw new Error('dictionary entry runs past the page');
      target.push(data, pos, pos + length);
      pos += length;
    }
    if (this.asDictionary) {
      this.pageDictionary = { offsets: EMPTY_OFFSETS, bytes: EMPTY_BYTES, count };
      this.dictionaryEntries = count;
    } else this.pageDictionary = { offsets: target.offsets(), bytes: target.bytes(), count };
  }

  addPage(data: Uint8Array, pos: number, end: number, encoding: number, numValues: number, levels: Levels): void {
    if (this.rows + numValues > this.numRows) throw new Error(`pages hold more than the row group's ${this.numRows} rows`);
    let present = numValues;
    let defs = levels === ALL_DEFINED ? null : levels;
    if (levels === ALL_DEFINED || (defs !== null && allOnes(defs, numValues))) {
      // No NULL on this page (the usual case): mark the rows valid a byte at a time and take the dense paths.
      setBits(this.validity!, this.rows, numValues);
      defs = null;
    }
    if (defs !== null) {
      present = 0;
      const validity = this.validity!;
      for (let i = 0; i < numValues; i++) {
        const d = defs[i] as number;
        if (d === 1) {
          present++;
          const row = this.rows + i;
          validity[row >> 3] = (validity[row >> 3] as number) | (1 << (row & 7));
        } else if (d !== 0) throw new Error(`definition level ${d} above the maximum 1`);
      }
      this.nullCount += numValues - present;
      // NULL slots are skipped below; reused arrays would show the previous row group's values there.
      this.fixed?.fill(0, this.rows * this.width, (this.rows + numValues) * this.width);
    }
    if (encoding === Encoding.PLAIN) this.plain(data, pos, end, present, numValues, defs);
    else if (encoding === Encoding.RLE_DICTIONARY || encoding === Encoding.PLAIN_DICTIONARY) this.dictionary(data, pos, end, present, numValues, defs);
    else throw new UnsupportedPageError(`data page encoding ${encoding}`);
    this.rows += numValues;
  }

  finish(): Data {
    const { type } = this.spec;
    const nullBitmap = this.nullCount > 0 ? this.validity! : undefined;
    const base = { length: this.numRows, nullCount: this.nullCount, nullBitmap };
    if (this.fixed !== null) {
      const { buffer, byteOffset } = this.fixed;
      const n = this.numRows;
      const data =
        this.spec.physical === Physical.DOUBLE ? new Float64Array(buffer, byteOffset, n)
        : this.spec.physical === Physical.FLOAT ? new Float32Array(buffer, byteOffset, n)
        : this.spec.physical === Physical.INT64 ? new BigInt64Array(buffer, byteOffset, n)
        : new Int32Array(buffer, byteOffset, n);
      return makeData({ type, ...base, data } as never);
    }
    const strings = this.strings!;
    if (this.asDictionary) {
      const dictionary = makeVector(makeData({ type: new Utf8(), length: strings.count, valueOffsets: strings.offsets(), data: strings.bytes() }));
      return makeData({ type: type as Dictionary, ...base, data: this.indices!, dictionary });
    }
    return makeData({ type: type as Utf8, ...base, valueOffsets: strings.offsets(), data: strings.bytes() });
  }

  /** Values of `present` non-null rows, scattered to their rows when some are NULL. */
  private plain(data: Uint8Array, pos: number, end: number, present: number, numValues: number, defs: Int32Array | null): void {
    if (this.fixed !== null) {
      const width = this.width;
      if (pos + present * width > end) throw new Error('PLAIN values run past the page');
      if (defs === null) {
        this.fixed.set(data.subarray(pos, pos + present * width), this.rows * width);
        return;
      }
      let v = pos;
      for (let i = 0; i < numValues; i++) {
        if (defs[i] !== 1) continue;
        this.fixed.set(data.subarray(v, v + width), (this.rows + i) * width);
        v += width;
      }
      return;
    }
    const strings = this.strings!;
    let p = pos;
    for (let i = 0; i < numValues; i++) {
      const row = this.rows + i;
      if (defs !== null && defs[i] !== 1) {
        if (this.asDictionary) this.indices![row] = 0;
        else strings.pushEmpty();
        continue;
      }
      if (p + 4 > end) throw new Error('PLAIN byte array runs past the page');
      const length = readUint32(data, p);
      p += 4;
      if (p + length > end) throw new Error('PLAIN byte array runs past the page');
      if (this.asDictionary) {
        this.indices![row] = this.dictionaryEntries++;
      }
      strings.push(data, p, p + length);
      p += length;
    }
  }

  /**
   * A page without NULLs into Dictionary output: its indices are the output's, so they are decoded in place. Indices
   * of fewer bits than the dictionary has entries cannot be out of range, so only wider ones are checked one by one.
   */
  private dictionaryIndices(data: Uint8Array, pos: number, end: number, present: number, bitWidth: number): void {
    const page = this.pageDictionary;
    if (page === null) throw new Error('dictionary-encoded page before any dictionary page');
    if (present === 0) return;
    decodeRleHybrid(data, pos + 1, end, bitWidth, present, this.indices!, this.rows);
    if (bitWidth > 30 || 2 ** bitWidth > page.count) checkIndices(this.indices!, this.rows, present, page.count);
  }

  private dictionary(data: Uint8Array, pos: number, end: number, present: number, numValues: number, defs: Int32Array | null): void {
    if (pos >= end && present > 0) throw new Error('dictionary-encoded page without indices');
    const bitWidth = present > 0 ? (data[pos] as number) : 0;
    if (this.asDictionary && defs === null) {
      this.dictionaryIndices(data, pos, end, present, bitWidth);
      return;
    }
    if (indexScratch.length < present) indexScratch = new Int32Array(Math.max(present, indexScratch.length * 2));
    const indices = indexScratch;
    if (present > 0) decodeRleHybrid(data, pos + 1, end, bitWidth, present, indices, 0);
    if (this.fixed !== null) {
      const dictionary = this.fixedDictionary;
      if (dictionary === null) throw new Error('dictionary-encoded page before any dictionary page');
      const width = this.width;
      const count = dictionary.length / width;
      const out = this.fixed;
      let v = 0;
      if (width === 8) {
        // Copy 8-byte entries as two 32-bit words (no BigInt, no per-byte loop).
        const words = new Int32Array(out.buffer, out.byteOffset, out.length / 4);
        const dict = int32s(dictionary); // a copy made by setDictionary, so aligned
        if (defs === null) {
          copyDictionaryWords(words, 2 * this.rows, dict, count, indices, numValues);
          return;
        }
        for (let i = 0; i < numValues; i++) {
          if (defs[i] !== 1) continue; // NULL row: no index
          const index = indices[v++] as number;
          if (index < 0 || index >= count) throw new Error(`dictionary index ${index} out of ${count}`);
          const row = this.rows + i;
          words[2 * row] = dict[2 * index] as number;
          words[2 * row + 1] = dict[2 * index + 1] as number;
        }
        return;
      }
      for (let i = 0; i < numValues; i++) {
        if (defs !== null && defs[i] !== 1) continue;
        const index = indices[v++] as number;
        if (index < 0 || index >= count) throw new Error(`dictionary index ${index} out of ${count}`);
        out.set(dictionary.subarray(index * width, index * width + width), (this.rows + i) * width);
      }
      return;
    }
    const page = this.pageDictionary;
    if (page === null) throw new Error('dictionary-encoded page before any dictionary page');
    let v = 0;
    if (this.asDictionary) {
      const out = this.indices!;
      for (let i = 0; i < numValues; i++) {
        const row = this.rows + i;
        if (defs !== null && defs[i] !== 1) {
          out[row] = 0;
          continue;
        }
        const index = indices[v++] as number;
        if (index < 0 || index >= page.count) throw new Error(`dictionary index ${index} out of ${page.count}`);
        out[row] = index;
      }
      return;
    }
    const strings = this.strings!;
    for (let i = 0; i < numValues; i++) {
      if (defs !== null && defs[i] !== 1) {
        strings.pushEmpty();
        continue;
      }
      const index = indices[v++] as number;
      if (index < 0 || index >= page.count) throw new Error(`dictionary index ${index} out of ${page.count}`);
      strings.push(page.bytes, page.offsets[index] as number, page.offsets[index + 1] as number);
    }
  }
}

/**
 * `words[at + 2i, at + 2i + 2)` = entry `indices[i]` of `dict` (two words an entry), for i < n. The indices are range
 * checked once, after the loop (an index out of range reads undefined, written as 0, and then throws): a branch per
 * value made this loop twice as slow, and it runs for every 8-byte dictionary value of a day.
 */
function copyDictionaryWords(words: Int32Array, at: number, dict: Int32Array, count: number, indices: Int32Array, n: number): void {
  let outside = 0;
  for (let i = 0; i < n; i++) {
    const index = indices[i] as number;
    outside |= (count - 1 - index) | index;
    const w = at + 2 * i;
    words[w] = dict[2 * index] as number;
    words[w + 1] = dict[2 * index + 1] as number;
  }
  if (outside < 0) checkIndices(indices, 0, n, count);
}

/** Throws when one of `indices[from, from + n)` is not below `count`. */
function checkIndices(indices: Int32Array, from: number, n: number, count: number): void {
  for (let i = from; i < from + n; i++) {
    const index = indices[i] as number;
    if (index < 0 || index >= count) throw new Error(`dictionary index ${index} out of ${count}`);
  }
}

const EMPTY_OFFSETS = new Int32Array(1);
const EMPTY_BYTES = new Uint8Array(0);

type Allocate = (kind: BufferKind, size: number) => Uint8Array;
const allocateFresh: Allocate = (_kind, size) => new Uint8Array(size);

/** From this length on (bytes), a value is copied natively (`copyBytes`); shorter ones are cheaper in JS. */
const LONG_VALUE = 32;

/** Growable Arrow-style (offsets, bytes) string storage. */
class ByteArrays {
  count = 0;
  private data: Uint8Array;
  private dataView: DataView;
  private used = 0;
  private ends: Int32Array;
  // A view of the last source array, kept per array (as `StringPool` does): reading `.buffer` per value costs ~40 ns.
  private sourceBytes: Uint8Array | null = null;
  private sourceView: DataView = new DataView(new ArrayBuffer(0));
  private sourceOffset = 0;

  /** `bytes`: expected total size (e.g. the chunk's uncompressed size), to avoid regrowing. */
  constructor(capacity: number, bytes = 0, private readonly allocate: Allocate = allocateFresh) {
    this.ends = int32s(allocate(BufferKind.offsets, 4 * Math.max(2, capacity + 1)));
    this.ends[0] = 0;
    this.data = allocate(BufferKind.strings, Math.max(1 << 12, Math.min(bytes, 1 << 30)));
    this.dataView = new DataView(this.data.buffer, this.data.byteOffset, this.data.length);
  }

  /**
   * Short values are copied 4 bytes per (unaligned) DataView access, then the tail: a typed-array byte loop costs
   * ~3.5 ns a byte. Longer ones (label texts) take one native copy, which costs the same whatever the length.
   */
  push(source: Uint8Array, start: number, end: number): void {
    const length = end - start;
    if (this.count + 2 > this.ends.length || this.used + length > this.data.length) this.reserve(length);
    if (source !== this.sourceBytes) {
      this.sourceBytes = source;
      this.sourceView = new DataView(source.buffer);
      this.sourceOffset = source.byteOffset;
    }
    let at = this.used;
    if (length >= LONG_VALUE) {
      copyBytes(source, start, end, this.data, at);
      at += length;
    } else {
      const from = this.sourceView;
      const to = this.dataView;
      const offset = this.sourceOffset;
      let i = start;
      for (const words = start + (length & ~3); i < words; i += 4, at += 4) to.setInt32(at, from.getInt32(offset + i, true), true);
      const data = this.data;
      for (; i < end; i++) data[at++] = source[i] as number;
    }
    this.used = at;
    this.ends[++this.count] = at;
  }

  pushEmpty(): void {
    this.reserve(0);
    this.ends[++this.count] = this.used;
  }

  offsets(): Int32Array {
    return this.ends.subarray(0, this.count + 1);
  }

  bytes(): Uint8Array {
    return this.data.subarray(0, this.used);
  }

  private reserve(length: number): void {
    // A reused slot may hand back the very buffer in use (it was larger than asked for): the copies are then no-ops.
    if (this.count + 2 > this.ends.length) {
      const grown = int32s(this.allocate(BufferKind.offsets, this.ends.length * 8));
      grown.set(this.ends.subarray(0, this.count + 1));
      this.ends = grown;
    }
    if (this.used + length > this.data.length) {
      let size = this.data.length * 2;
      while (size < this.used + length) size *= 2;
      if (size > 2 ** 31 - 1) throw new UnsupportedPageError('string column larger than 2 GiB');
      const grown = this.allocate(BufferKind.strings, size);
      grown.set(this.data.subarray(0, this.used));
      this.data = grown;
      this.dataView = new DataView(grown.buffer, grown.byteOffset, grown.length);
    }
  }
}

/** An Int32Array over the same bytes (`bytes` starts 4-byte aligned: offset 0 of its buffer). */
function int32s(bytes: Uint8Array): Int32Array {
  return new Int32Array(bytes.buffer, bytes.byteOffset, bytes.length >> 2);
}

function allOnes(defs: Int32Array, n: number): boolean {
  for (let i = 0; i < n; i++) if (defs[i] !== 1) return false;
  return true;
}

/** Sets bits [from, from + n) of a validity bitmap. */
function setBits(bitmap: Uint8Array, from: number, n: number): void {
  let i = from;
  const end = from + n;
  while (i < end && (i & 7) !== 0) {
    bitmap[i >> 3] = (bitmap[i >> 3] as number) | (1 << (i & 7));
    i++;
  }
  const fullEnd = end & ~7;
  if (i < fullEnd) {
    bitmap.fill(0xff, i >> 3, fullEnd >> 3);
    i = fullEnd;
  }
  while (i < end) {
    bitmap[i >> 3] = (bitmap[i >> 3] as number) | (1 << (i & 7));
    i++;
  }
}

function widthOf(physical: number): number {
  switch (physical) {
    case Physical.INT32:
    case Physical.FLOAT:
      return 4;
    case Physical.INT64:
    case Physical.DOUBLE:
      return 8;
    case Physical.BYTE_ARRAY:
      return 0;
    default:
      throw new UnsupportedPageError(`physical type ${physical}`);
  }
}

function readUint32(bytes: Uint8Array, pos: number): number {
  return ((bytes[pos] as number) | ((bytes[pos + 1] as number) << 8) | ((bytes[pos + 2] as number) << 16)) + (bytes[pos + 3] as number) * 2 ** 24;
}

function int(s: ThriftStruct, id: number): number {
  const value = s.get(id);
  if (typeof value !== 'number') throw new Error(`page header field ${id} missing`);
  return value;
}

function struct(s: ThriftStruct, id: number): ThriftStruct {
  const value = s.get(id);
  if (!(value instanceof Map)) throw new Error(`page header field ${id} missing`);
  return value;
}
