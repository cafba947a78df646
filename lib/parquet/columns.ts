/**
 * Fast, allocation-light access to the Arrow columns aggregation reads, whatever the file's encoding:
 * strings as `Dictionary<int, Utf8>`, `Utf8` or `LargeUtf8` (files without an embedded Arrow schema decode
 * as plain Utf8), numbers of any int/float width, timestamps in any unit, and "new" columns that are absent
 * or Null-typed (read as all NULL). Per-row BigInt and `vector.get()` are avoided (tooling notes, gotcha 6).
 */
import { DataType, DateUnit, TimeUnit, makeVector } from 'apache-arrow';
import type { Data, Dictionary, Vector } from 'apache-arrow';
import { UnsupportedColumnTypeError } from './errors.js';
import type { ColumnSource } from './types.js';

export const NULL_STRING_ID = -1;

/** A string column read row by row. */
export interface StringColumn {
  readonly length: number;
  /** The value at `row`, or null. */
  get(row: number): string | null;
  /** Every row's id in `interner` (`NULL_STRING_ID` for NULL); dictionary entries are interned once each. */
  ids(interner: StringInterner): Int32Array;
}

/** A numeric column as doubles. `valid` is null when nothing is NULL, else 1 = value, 0 = NULL (value 0). */
export interface NumberColumn {
  values: Float64Array;
  valid: Uint8Array | null;
}

/**
 * Maps strings to dense integer ids, so group keys can be numbers. One interner per aggregation, shared by
 * all batches; it remembers each Arrow dictionary it has mapped.
 *
 * @example
 * const interner = new StringInterner();
 * const podIds = stringColumn(batch, 'pod').ids(interner); // interner.value(podIds[0]) === 'pod-a'
 */
export class StringInterner {
  private readonly idsByValue = new Map<string, number>();
  private readonly values: string[] = [];
  /** Arrow dictionary vector → id of each entry; dictionaries change per batch, so the map is weak. */
  readonly dictionaryIds = new WeakMap<object, Int32Array>();

  get size(): number {
    return this.values.length;
  }

  intern(value: string): number {
    let id = this.idsByValue.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(value);
      this.idsByValue.set(value, id);
    }
    return id;
  }

  value(id: number): string {
    const value = this.values[id];
    if (value === undefined) throw new RangeError(`no interned string with id ${id}`);
    return value;
  }
}

/**
 * Reads column `name` of a batch or table as strings; a missing or Null-typed column reads as all NULL.
 *
 * @example
 * const pods = stringColumn(batch, 'pod');
 * for (let row = 0; row < batch.numRows; row += 1) pods.get(row);
 */
export function stringColumn(source: ColumnSource, name: string): StringColumn {
  const chunks = chunksOf(source, name).map((data) => stringChunk(data, name));
  return chunks.length === 1 ? (chunks[0] as StringColumn) : joinStringChunks(chunks, source.numRows);
}

/** Reads column `name` as doubles (any int or float width); missing or Null-typed reads as all NULL. */
export function numberColumn(source: ColumnSource, name: string): NumberColumn {
  const datas = chunksOf(source, name);
  const only = datas.length === 1 ? datas[0] : undefined;
  if (only !== undefined && DataType.isFloat(only.type) && only.values instanceof Float64Array && only.nullCount === 0) {
    return { values: only.values.subarray(0, only.length), valid: null };
  }
  const values = new Float64Array(source.numRows);
  let valid: Uint8Array | null = null;
  let at = 0;
  for (const data of datas) {
    if (DataType.isNull(data.type)) {
      valid ??= new Uint8Array(source.numRows).fill(1);
      valid.fill(0, at, at + data.length);
    } else {
      readNumbers(data, values, at, name);
      if (data.nullCount > 0) {
        valid ??= new Uint8Array(source.numRows).fill(1);
        markNulls(data, values, valid, at);
      }
    }
    at += data.length;
  }
  if (datas.length === 0) valid = new Uint8Array(source.numRows);
  return { values, valid };
}

/**
 * Reads column `name` (Timestamp in any unit, Date32 or Date64) as epoch milliseconds, floored to whole
 * milliseconds; NULL rows (and a missing column) are NaN, so range tests drop them.
 */
export function timestampMsColumn(source: ColumnSource, name: string): Float64Array {
  const out = new Float64Array(source.numRows).fill(Number.NaN);
  let at = 0;
  for (const data of chunksOf(source, name)) {
    readTimestamps(data, out, at, name);
    const valid = validity(data);
    if (valid !== ALWAYS_VALID) for (let i = 0; i < data.length; i += 1) if (!valid(i)) out[at + i] = Number.NaN;
    at += data.length;
  }
  return out;
}

// ---- internals ------------------------------------------------------------------------------------------

function chunksOf(source: ColumnSource, name: string): Data[] {
  const vector: Vector | null = source.getChild(name);
  return vector === null ? [] : (vector.data as Data[]);
}

const ALWAYS_VALID = (): boolean => true;

/** A row → "not NULL" test for one chunk, resolved once so hot loops do not re-read `nullCount`. */
function validity(data: Data): (i: number) => boolean {
  const bitmap = data.nullBitmap;
  if (data.nullCount === 0 || bitmap === undefined || bitmap.length === 0) return ALWAYS_VALID;
  const offset = data.offset;
  return (i) => ((bitmap[(offset + i) >> 3] as number) & (1 << ((offset + i) & 7))) !== 0;
}

const utf8 = new TextDecoder('utf-8');

function stringChunk(data: Data, name: string): StringColumn {
  if (DataType.isNull(data.type)) return nullStrings(data.length);
  if (DataType.isDictionary(data.type)) return dictionaryStrings(data as Data<Dictionary>, name);
  if (DataType.isUtf8(data.type) || DataType.isLargeUtf8(data.type)) return offsetStrings(data, name);
  if (DataType.isUtf8View(data.type)) {
    // Never seen from parquet-wasm; the slow generic path keeps it correct if it ever appears.
    const vector = makeVector(data);
    const valid = validity(data);
    return fromGetter(data.length, (row) => (valid(row) ? (vector.get(row) as string) : null));
  }
  throw new UnsupportedColumnTypeError(name, `is ${String(data.type)}, expected a string column`);
}

function nullStrings(length: number): StringColumn {
  return {
    length,
    get: () => null,
    ids: () => new Int32Array(length).fill(NULL_STRING_ID),
  };
}

function fromGetter(length: number, get: (row: number) => string | null): StringColumn {
  return {
    length,
    get,
    ids(interner) {
      const out = new Int32Array(length);
      for (let row = 0; row < length; row += 1) {
        const value = get(row);
        out[row] = value === null ? NULL_STRING_ID : interner.intern(value);
      }
      return out;
    },
  };
}

/** Decoded dictionary entries, shared by every column that uses the same dictionary object. */
const decodedDictionaries = new WeakMap<object, (string | null | undefined)[]>();

function dictionaryStrings(data: Data<Dictionary>, name: string): StringColumn {
  const dictionary = data.dictionary as Vector | undefined;
  if (dictionary === undefined) throw new UnsupportedColumnTypeError(name, 'dictionary column without a dictionary');
  const dictionaryColumn = stringColumn({ numRows: dictionary.length, getChild: () => dictionary }, name);
  const indices = data.values as ArrayLike<number>;
  let decoded = decodedDictionaries.get(dictionary);
  if (decoded === undefined) {
    decoded = new Array<string | null | undefined>(dictionary.length);
    decodedDictionaries.set(dictionary, decoded);
  }
  const entries = decoded;
  const entry = (index: number): string | null => {
    let value = entries[index];
    if (value === undefined) {
      value = dictionaryColumn.get(index);
      entries[index] = value;
    }
    return value;
  };
  const valid = validity(data);
  return {
    length: data.length,
    get: (row) => (valid(row) ? entry(indices[row] as number) : null),
    ids(interner) {
      let mapped = interner.dictionaryIds.get(dictionary);
      if (mapped === undefined) {
        mapped = dictionaryColumn.ids(interner);
        interner.dictionaryIds.set(dictionary, mapped);
      }
      const out = new Int32Array(data.length);
      for (let row = 0; row < data.length; row += 1) out[row] = mapped[indices[row] as number] as number;
      if (valid !== ALWAYS_VALID) for (let row = 0; row < data.length; row += 1) if (!valid(row)) out[row] = NULL_STRING_ID;
      return out;
    },
  };
}

function offsetStrings(data: Data, name: string): StringColumn {
  const bytes = data.values as Uint8Array;
  const start = offsetReader(data.valueOffsets as Int32Array | BigInt64Array, name);
  // Rows of one pod or node come in runs; comparing bytes with the previous row skips most decodes.
  let lastStart = -1;
  let lastEnd = -1;
  let lastValue = '';
  const valid = validity(data);
  const get = (row: number): string | null => {
    if (!valid(row)) return null;
    const from = start(row);
    const to = start(row + 1);
    if (lastStart >= 0 && to - from === lastEnd - lastStart && sameBytes(bytes, from, lastStart, to - from)) {
      return lastValue;
    }
    lastValue = utf8.decode(bytes.subarray(from, to));
    lastStart = from;
    lastEnd = to;
    return lastValue;
  };
  return fromGetter(data.length, get);
}

function sameBytes(bytes: Uint8Array, a: number, b: number, length: number): boolean {
  if (a === b) return true;
  for (let i = 0; i < length; i += 1) if (bytes[a + i] !== bytes[b + i]) return false;
  return true;
}

/** Offsets as numbers; LargeUtf8's 64-bit offsets are read through an Int32 view instead of BigInt. */
function offsetReader(offsets: Int32Array | BigInt64Array, name: string): (i: number) => number {
  if (offsets instanceof Int32Array) return (i) => offsets[i] as number;
  if (offsets instanceof BigInt64Array) {
    const words = new Int32Array(offsets.buffer, offsets.byteOffset, offsets.length * 2);
    return (i) => (words[2 * i + 1] as number) * 4294967296 + ((words[2 * i] as number) >>> 0);
  }
  throw new UnsupportedColumnTypeError(name, 'string column without offsets');
}

function joinStringChunks(chunks: StringColumn[], length: number): StringColumn {
  if (chunks.length === 0) return nullStrings(length);
  const starts: number[] = [];
  let total = 0;
  for (const chunk of chunks) {
    starts.push(total);
    total += chunk.length;
  }
  let current = 0;
  const get = (row: number): string | null => {
    // Rows are usually read in order, so the chunk of the previous row is the first guess.
    if (row < (starts[current] as number) || row >= (starts[current] as number) + (chunks[current] as StringColumn).length) {
      current = 0;
      while (current < chunks.length - 1 && row >= (starts[current + 1] as number)) current += 1;
    }
    return (chunks[current] as StringColumn).get(row - (starts[current] as number));
  };
  return {
    length: total,
    get,
    ids(interner) {
      const out = new Int32Array(total);
      chunks.forEach((chunk, i) => out.set(chunk.ids(interner), starts[i]));
      return out;
    },
  };
}

function readNumbers(data: Data, out: Float64Array, at: number, name: string): void {
  const values = data.values as ArrayLike<number> | BigInt64Array | BigUint64Array;
  if (values instanceof BigInt64Array || values instanceof BigUint64Array) {
    const words = new Int32Array(values.buffer, values.byteOffset, data.length * 2);
    const signed = values instanceof BigInt64Array;
    for (let i = 0; i < data.length; i += 1) {
      const hi = words[2 * i + 1] as number;
      out[at + i] = (signed ? hi : hi >>> 0) * 4294967296 + ((words[2 * i] as number) >>> 0);
    }
    return;
  }
  if ((DataType.isFloat(data.type) && !(values instanceof Uint16Array)) || DataType.isInt(data.type)) {
    for (let i = 0; i < data.length; i += 1) out[at + i] = values[i] as number;
    return;
  }
  throw new UnsupportedColumnTypeError(name, `is ${String(data.type)}, expected a numeric column`);
}

function markNulls(data: Data, values: Float64Array, valid: Uint8Array, at: number): void {
  const isValidRow = validity(data);
  for (let i = 0; i < data.length; i += 1) {
    if (!isValidRow(i)) {
      valid[at + i] = 0;
      values[at + i] = 0;
    }
  }
}

const MS_PER_DAY = 86_400_000;
const TWO_POW_32 = 4294967296;

function readTimestamps(data: Data, out: Float64Array, at: number, name: string): void {
  const type = data.type as DataType;
  if (DataType.isNull(type)) return;
  if (DataType.isDate(type) && type.unit === DateUnit.DAY) {
    const days = data.values as Int32Array;
    for (let i = 0; i < data.length; i += 1) out[at + i] = (days[i] as number) * MS_PER_DAY;
    return;
  }
  let unit: TimeUnit;
  if (DataType.isTimestamp(type)) unit = type.unit;
  else if (DataType.isDate(type)) unit = TimeUnit.MILLISECOND;
  else throw new UnsupportedColumnTypeError(name, `is ${String(type)}, expected a timestamp or date column`);

  const values = data.values as BigInt64Array;
  const words = new Int32Array(values.buffer, values.byteOffset, data.length * 2);
  for (let i = 0; i < data.length; i += 1) {
    out[at + i] = ticksToMs(words[2 * i + 1] as number, (words[2 * i] as number) >>> 0, unit);
  }
}

/**
 * Epoch ms of a 64-bit tick count given as high word and unsigned low word, floored. Nanosecond counts exceed
 * 2^53, so they are split as hi·2^32 = hi·4294·10^6 + hi·967296 to keep the division exact.
 */
function ticksToMs(hi: number, lo: number, unit: TimeUnit): number {
  switch (unit) {
    case TimeUnit.SECOND:
      return (hi * TWO_POW_32 + lo) * 1000;
    case TimeUnit.MILLISECOND:
      return hi * TWO_POW_32 + lo;
    case TimeUnit.MICROSECOND:
      return Math.floor((hi * TWO_POW_32 + lo) / 1000);
    case TimeUnit.NANOSECOND:
      return hi * 4294 + Math.floor((hi * 967296 + lo) / 1_000_000);
    default:
      return Number.NaN;
  }
}
