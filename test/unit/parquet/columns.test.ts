import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  DateDay,
  DateMillisecond,
  Dictionary,
  Float32,
  Float64,
  Int32,
  Int64,
  LargeUtf8,
  Null,
  Table,
  TimestampMicrosecond,
  TimestampMillisecond,
  TimestampNanosecond,
  TimestampSecond,
  Utf8,
  vectorFromArray,
} from 'apache-arrow';
import { NULL_STRING_ID, StringInterner, numberColumn, stringColumn, timestampMsColumn } from '../../../lib/parquet/columns.js';
import { UnsupportedColumnTypeError } from '../../../lib/parquet/errors.js';
import type { ColumnSource } from '../../../lib/parquet/types.js';

const values = (source: ColumnSource, name: string) => {
  const column = stringColumn(source, name);
  return Array.from({ length: source.numRows }, (_, row) => column.get(row));
};

describe('stringColumn', () => {
  const words = ['pod-a', null, 'pod-b', 'pod-a', 'ü-pod', 'pod-a'];
  const table = new Table({
    dict: vectorFromArray(words, new Dictionary(new Utf8(), new Int32())),
    utf8: vectorFromArray(words, new Utf8()),
    large: vectorFromArray(words, new LargeUtf8()),
    nothing: vectorFromArray(words.map(() => null), new Null()),
  });

  it('reads Dictionary, Utf8 and LargeUtf8 alike, with NULLs', () => {
    for (const name of ['dict', 'utf8', 'large']) assert.deepEqual(values(table, name), words, name);
  });

  it('reads Null-typed and absent columns as all NULL', () => {
    assert.deepEqual(values(table, 'nothing'), words.map(() => null));
    assert.deepEqual(values(table, 'csi_driver'), words.map(() => null));
    assert.deepEqual([...stringColumn(table, 'csi_driver').ids(new StringInterner())], words.map(() => NULL_STRING_ID));
  });

  it('respects slice offsets and spans several chunks', () => {
    const sliced = table.slice(1, 5);
    for (const name of ['dict', 'utf8', 'large']) assert.deepEqual(values(sliced, name), words.slice(1, 5), name);
    const chunked = table.concat(table);
    for (const name of ['dict', 'utf8']) assert.deepEqual(values(chunked, name), [...words, ...words], name);
  });

  it('maps rows to shared interned ids; NULL is NULL_STRING_ID', () => {
    const interner = new StringInterner();
    const fromDict = stringColumn(table, 'dict').ids(interner);
    const fromUtf8 = stringColumn(table, 'utf8').ids(interner);
    assert.deepEqual([...fromDict], [...fromUtf8]);
    assert.equal(fromDict[1], NULL_STRING_ID);
    assert.equal(interner.value(fromDict[0]!), 'pod-a');
    assert.equal(fromDict[0], fromDict[3]);
    assert.equal(interner.size, 3);
    const chunked = stringColumn(table.concat(table), 'dict').ids(interner);
    assert.deepEqual([...chunked], [...fromDict, ...fromDict]);
  });

  it('refuses non-string columns, naming the column', () => {
    const numbers = new Table({ usage: vectorFromArray([1], new Float64()) });
    assert.throws(() => stringColumn(numbers, 'usage'), (err: unknown) => err instanceof UnsupportedColumnTypeError && /usage/.test(err.message));
  });
});

describe('numberColumn', () => {
  it('returns Float64 data without copying when there are no NULLs', () => {
    const vector = vectorFromArray([1.5, 2.5, 3.5], new Float64());
    const column = numberColumn(new Table({ x: vector }), 'x');
    assert.equal(column.valid, null);
    assert.deepEqual([...column.values], [1.5, 2.5, 3.5]);
    assert.equal(column.values.buffer, vector.data[0]!.values.buffer);
  });

  it('marks NULLs (value 0) and converts int and float widths', () => {
    const table = new Table({
      f64: vectorFromArray([1.5, null, -3], new Float64()),
      f32: vectorFromArray([0.5, 2, null], new Float32()),
      i32: vectorFromArray([1, -2, null], new Int32()),
      i64: vectorFromArray([2n ** 40n, -5n, null], new Int64()),
    });
    assert.deepEqual(numberColumn(table, 'f64'), { values: Float64Array.of(1.5, 0, -3), valid: Uint8Array.of(1, 0, 1) });
    assert.deepEqual(numberColumn(table, 'f32'), { values: Float64Array.of(0.5, 2, 0), valid: Uint8Array.of(1, 1, 0) });
    assert.deepEqual(numberColumn(table, 'i32'), { values: Float64Array.of(1, -2, 0), valid: Uint8Array.of(1, 1, 0) });
    assert.deepEqual(numberColumn(table, 'i64'), { values: Float64Array.of(2 ** 40, -5, 0), valid: Uint8Array.of(1, 1, 0) });
    assert.deepEqual(numberColumn(table.slice(1), 'f64'), { values: Float64Array.of(0, -3), valid: Uint8Array.of(0, 1) });
  });

  it('reads absent and Null-typed columns as all NULL', () => {
    const table = new Table({ n: vectorFromArray([null, null], new Null()) });
    assert.deepEqual(numberColumn(table, 'n'), { values: new Float64Array(2), valid: new Uint8Array(2) });
    assert.deepEqual(numberColumn(table, 'missing'), { values: new Float64Array(2), valid: new Uint8Array(2) });
  });
});

describe('timestampMsColumn', () => {
  const t0 = Date.UTC(2024, 2, 15, 13, 45, 30, 123);
  const instants = [t0, null, Date.UTC(1969, 11, 31, 23, 59, 59, 999), Date.UTC(2262, 3, 11)];

  it('gives epoch ms for every timestamp unit, NaN for NULL', () => {
    const table = new Table({
      ms: vectorFromArray(instants, new TimestampMillisecond()),
      us: vectorFromArray(instants, new TimestampMicrosecond()),
      ns: vectorFromArray(instants.slice(0, 3), new TimestampNanosecond()).concat(vectorFromArray([Date.UTC(2262, 3, 11)], new TimestampNanosecond())),
    });
    for (const name of ['ms', 'us', 'ns']) assert.deepEqual([...timestampMsColumn(table, name)], [t0, NaN, instants[2], instants[3]], name);
    const seconds = new Table({ s: vectorFromArray([Date.UTC(2024, 2, 15, 1)], new TimestampSecond()) });
    assert.deepEqual([...timestampMsColumn(seconds, 's')], [Date.UTC(2024, 2, 15, 1)]);
  });

  it('floors sub-millisecond ticks and reads dates', () => {
    const day = Date.UTC(2024, 2, 15);
    const table = new Table({
      us: vectorFromArray([day + 0.999], new TimestampMicrosecond()),
      ns: vectorFromArray([day + 0.999999], new TimestampNanosecond()),
      d32: vectorFromArray([new Date(day)], new DateDay()),
      d64: vectorFromArray([new Date(day)], new DateMillisecond()),
    });
    for (const name of ['us', 'ns', 'd32', 'd64']) assert.deepEqual([...timestampMsColumn(table, name)], [day], name);
  });

  it('reads an absent column as NaN and refuses strings', () => {
    const table = new Table({ s: vectorFromArray(['2024-03-15'], new Utf8()) });
    assert.deepEqual([...timestampMsColumn(table, 'interval_start')], [NaN]);
    assert.throws(() => timestampMsColumn(table, 's'), UnsupportedColumnTypeError);
  });
});
