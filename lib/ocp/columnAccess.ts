import { DataType, RecordBatch, TimeUnit, makeVector } from 'apache-arrow';
import type { Data, Vector } from 'apache-arrow';
import { InvalidOcpInputError } from './errors.js';
import { NOT_FOUND, NULL_ID, sameBytesFromEnd } from './stringPool.js';
import type { StringPool } from './stringPool.js';
import type { ArrowInput } from './types.js';

/** A numeric column as doubles; `valid` is null when the column has no NULLs, else 1 = value, 0 = NULL. */
export interface NumberColumn {
  values: Float64Array;
  valid: Uint8Array | null;
}

/** The record batches of a Table, or the batch itself. */
export function batchesOf(input: ArrowInput): readonly RecordBatch[] {
  return input instanceof RecordBatch ? [input] : input.batches;
}

/** `ms = ticks × mul / div`, with integer factors so whole-ms instants stay exact. */
const TICK_TO_MS: Record<number, [mul: number, div: number]> = {
  [TimeUnit.SECOND]: [1000, 1],
  [TimeUnit.MILLISECOND]: [1, 1],
  [TimeUnit.MICROSECOND]: [1, 1000],
  [TimeUnit.NANOSECOND]: [1, 1_000_000],
};
const DAY_TO_MS: [number, number] = [86_400_000, 1];

/**
 * Minimal private column reader for the OCP aggregator (until `lib/parquet/columns.ts` exists): turns one batch's
 * column into interned string ids, doubles or epoch milliseconds, whatever the Arrow encoding (Dictionary or Utf8
 * strings, any timestamp unit, Null-typed "new" columns). Dictionaries are remapped once per dictionary object.
 */
export class ColumnAccess {
  private readonly dictionaryIds = new WeakMap<object, Int32Array>();
  private readonly decoder = new TextDecoder();

  /**
   * Per column name, an output buffer reused batch after batch: results are only read while the batch is processed,
   * and a fresh typed array per column per batch is external memory that triggers old-space collections.
   */
  private readonly buffers = new Map<string, { ids?: Int32Array; numbers?: Float64Array; valid?: Uint8Array }>();

  /**
   * With `lookupOnly`, `strings` gives the ids of values already in the pool and NOT_FOUND for the others, and adds
   * nothing: checking a large column against a small set touches only that set's memory.
   */
  constructor(
    private readonly pool: StringPool,
    private readonly options: { lookupOnly?: boolean } = {},
  ) {}

  /**
   * Interned ids (NULL_ID for NULL); a missing optional column reads as all NULL. The array is reused by the next
   * call for the same column name: read it before then.
   */
  strings(batch: RecordBatch, name: string, subject: string, required = true): Int32Array {
    const out = this.buffer(name, 'ids', batch.numRows);
    const vector = this.column(batch, name, subject, required);
    if (!vector) return out.fill(NULL_ID);
    let at = 0;
    for (const data of vector.data) {
      this.decodeStrings(data, out, at, `${subject} column ${name}`);
      at += data.length;
    }
    return out;
  }

  /**
   * Doubles; a missing optional column reads as all NULL, a missing required one is an error. Arrays may be the
   * column's own data or buffers reused by the next call for the same name: read them before then.
   */
  numbers(batch: RecordBatch, name: string, subject: string, required = true): NumberColumn {
    const vector = this.column(batch, name, subject, required);
    if (!vector) return { values: this.buffer(name, 'numbers', batch.numRows).fill(0), valid: this.buffer(name, 'valid', batch.numRows).fill(0) };
    const only = vector.data.length === 1 ? vector.data[0] : undefined;
    if (only && DataType.isFloat(only.type) && only.values instanceof Float64Array && only.nullCount === 0) {
      return { values: assertFinite(only.values.subarray(0, only.length), `${subject} column ${name}`), valid: null };
    }
    const values = this.buffer(name, 'numbers', batch.numRows).fill(0);
    let valid: Uint8Array | null = null;
    let at = 0;
    for (const data of vector.data) {
      if (data.nullCount > 0 || DataType.isNull(data.type)) valid ??= this.buffer(name, 'valid', batch.numRows).fill(1);
      this.decodeNumbers(data, values, valid, at, `${subject} column ${name}`);
      at += data.length;
    }
    // NULLs were left at 0, so only real values can fail.
    return { values: assertFinite(values, `${subject} column ${name}`), valid };
  }

  /** Epoch milliseconds, NaN for NULL (so range tests drop the row). */
  timestampsMs(batch: RecordBatch, name: string, subject: string): Float64Array {
    const vector = this.column(batch, name, subject, true) as Vector;
    const out = this.buffer(name, 'numbers', batch.numRows);
    let at = 0;
    for (const data of vector.data) {
      this.decodeTimestamps(data, out, at, `${subject} column ${name}`);
      at += data.length;
    }
    return out;
  }

  private buffer(name: string, kind: 'ids', n: number): Int32Array;
  private buffer(name: string, kind: 'numbers', n: number): Float64Array;
  private buffer(name: string, kind: 'valid', n: number): Uint8Array;
  private buffer(name: string, kind: 'ids' | 'numbers' | 'valid', n: number): Int32Array | Float64Array | Uint8Array {
    let slot = this.buffers.get(name);
    if (slot === undefined) this.buffers.set(name, (slot = {}));
    const current = slot[kind];
    if (current !== undefined && current.length >= n) return current.subarray(0, n);
    const size = Math.max(n, 1024);
    const fresh = kind === 'ids' ? new Int32Array(size) : kind === 'numbers' ? new Float64Array(size) : new Uint8Array(size);
    (slot as Record<string, Int32Array | Float64Array | Uint8Array>)[kind] = fresh;
    return fresh.subarray(0, n);
  }

  has(batch: RecordBatch, name: string): boolean {
    return batch.schema.fields.some((f) => f.name === name);
  }

  private column(batch: RecordBatch, name: string, subject: string, required: boolean): Vector | null {
    const vector = batch.getChild(name);
    if (!vector) {
      if (required) throw new InvalidOcpInputError(`${subject} column ${name}`, 'is missing');
      return null;
    }
    return vector;
  }

  private decodeStrings(data: Data, out: Int32Array, at: number, subject: string): void {
    const n = data.length;
    // A column no row fills says nothing about its type (a writer may type an all-empty column as anything).
    if (DataType.isNull(data.type) || (n > 0 && data.nullCount === n)) {
      out.fill(NULL_ID, at, at + n);
      return;
    }
    if (DataType.isDictionary(data.type)) {
      const ids = this.idsOfDictionary(data.dictionary as Vector, subject);
      const indices = data.values as ArrayLike<number | bigint>;
      if (data.nullCount === 0 && !(indices instanceof BigInt64Array) && !(indices instanceof BigUint64Array)) {
        const small = indices as ArrayLike<number>;
        for (let i = 0; i < n; i++) out[at + i] = ids[small[i] as number] as number;
        return;
      }
      for (let i = 0; i < n; i++) {
        out[at + i] = data.nullCount > 0 && !data.getValid(i) ? NULL_ID : (ids[Number(indices[i])] as number);
      }
      return;
    }
    if (DataType.isUtf8(data.type) || DataType.isLargeUtf8(data.type)) {
      this.decodeUtf8(data, out, at);
      return;
    }
    if (!DataType.isUtf8View(data.type)) throw new InvalidOcpInputError(subject, `has type ${String(data.type)}, expected text`);
    // Never seen from our decoder or parquet-wasm; the slow generic path keeps it correct if it ever appears.
    const vector = makeVector(data);
    for (let i = 0; i < n; i++) {
      const v = vector.get(i) as string | null;
      out[at + i] = v === null ? NULL_ID : this.idOf(v);
    }
  }

  /** Interns each row's UTF-8 bytes directly (no JS string); runs of equal values cost one comparison each. */
  private decodeUtf8(data: Data, out: Int32Array, at: number): void {
    const offsets = data.valueOffsets as Int32Array | BigInt64Array;
    const bytes = data.values as Uint8Array;
    if (!(offsets instanceof BigInt64Array) && data.nullCount === 0) {
      this.pool.idsOfUtf8(bytes, offsets, data.length, out, at, this.options.lookupOnly);
      return;
    }
    const large = offsets instanceof BigInt64Array;
    const words = large ? new Int32Array(offsets.buffer, offsets.byteOffset, offsets.length * 2) : null;
    const small = large ? null : (offsets as Int32Array);
    const checkNulls = data.nullCount > 0;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let prevStart = -1;
    let prevEnd = -1;
    let prevId = NULL_ID;
    for (let i = 0; i < data.length; i++) {
      if (checkNulls && !data.getValid(i)) {
        out[at + i] = NULL_ID;
        continue;
      }
      // LargeUtf8 offsets are read as two Int32 words (little-endian) instead of a BigInt per row.
      const start = small ? (small[i] as number) : (words![2 * i + 1] as number) * 4294967296 + ((words![2 * i] as number) >>> 0);
      const end = small ? (small[i + 1] as number) : (words![2 * i + 3] as number) * 4294967296 + ((words![2 * i + 2] as number) >>> 0);
      // Sorted files repeat values in runs: compare bytes with the previous row before hashing.
      if (!(prevStart >= 0 && end - start === prevEnd - prevStart && sameBytesFromEnd(view, start, prevStart, end - start))) {
        prevId = this.options.lookupOnly ? this.pool.findUtf8(bytes, start, end) : this.pool.idOfUtf8(bytes, start, end);
      }
      out[at + i] = prevId;
      prevStart = start;
      prevEnd = end;
    }
  }

  private idOf(value: string): number {
    return this.options.lookupOnly ? (this.pool.find(value) ?? NOT_FOUND) : this.pool.id(value);
  }

  private idsOfDictionary(dictionary: Vector, subject: string): Int32Array {
    let ids = this.dictionaryIds.get(dictionary);
    if (!ids) {
      ids = new Int32Array(dictionary.length);
      let at = 0;
      for (const data of dictionary.data) {
        this.decodeStrings(data, ids, at, subject);
        at += data.length;
      }
      this.dictionaryIds.set(dictionary, ids);
    }
    return ids;
  }

  private decodeNumbers(data: Data, out: Float64Array, valid: Uint8Array | null, at: number, subject: string): void {
    const n = data.length;
    if (DataType.isNull(data.type)) {
      valid?.fill(0, at, at + n);
      return;
    }
    if (!DataType.isFloat(data.type) && !DataType.isInt(data.type) && !DataType.isDecimal(data.type)) {
      throw new InvalidOcpInputError(subject, `has type ${String(data.type)}, expected a number`);
    }
    const direct = DataType.isFloat(data.type) && !(data.values instanceof Uint16Array);
    const values = data.values as ArrayLike<number | bigint>;
    const vector = direct ? null : makeVector(data);
    // Arrow hands a decimal out unscaled (1.50 as decimal(10,2) is 150).
    const divisor = DataType.isDecimal(data.type) ? 10 ** data.type.scale : 1;
    for (let i = 0; i < n; i++) {
      if (valid && data.nullCount > 0 && !data.getValid(i)) {
        valid[at + i] = 0;
        continue;
      }
      out[at + i] = direct ? (values[i] as number) : Number(vector!.get(i)) / divisor;
    }
  }

  private decodeTimestamps(data: Data, out: Float64Array, at: number, subject: string): void {
    const n = data.length;
    let mul: number;
    let div: number;
    if (DataType.isTimestamp(data.type)) [mul, div] = TICK_TO_MS[data.type.unit];
    else if (DataType.isDate(data.type)) [mul, div] = data.type.unit === 0 ? DAY_TO_MS : TICK_TO_MS[TimeUnit.MILLISECOND];
    else throw new InvalidOcpInputError(subject, `has type ${String(data.type)}, expected a timestamp`);
    const raw = data.values as ArrayLike<number | bigint> & { buffer: ArrayBuffer; byteOffset: number };
    const wide = raw instanceof BigInt64Array;
    const halves = wide ? new Int32Array(raw.buffer, raw.byteOffset, n * 2) : null;
    for (let i = 0; i < n; i++) {
      if (data.nullCount > 0 && !data.getValid(i)) {
        out[at + i] = Number.NaN;
        continue;
      }
      // Int32 halves avoid a BigInt per row (little-endian: low word first).
      const v = halves ? halves[2 * i + 1] * 4294967296 + (halves[2 * i] >>> 0) : (raw[i] as number);
      out[at + i] = (v * mul) / div;
    }
  }
}

/**
 * `values`, after checking that none is NaN or ±Infinity. Koku's copy of such a sum into numeric(33,15) fails, and
 * our partials would carry it as NULL (a silently smaller total); one multiply-add per value finds it.
 */
function assertFinite(values: Float64Array, subject: string): Float64Array {
  let probe = 0;
  for (let i = 0; i < values.length; i++) probe += (values[i] as number) * 0;
  if (probe === 0) return values;
  let bad = 0;
  let first = -1;
  for (let i = 0; i < values.length; i++) {
    if (Number.isFinite(values[i])) continue;
    bad++;
    if (first < 0) first = i;
  }
  throw new InvalidOcpInputError(subject, `has ${bad} value(s) that are not finite numbers (first: ${values[first]} in row ${first} of the batch)`);
}
