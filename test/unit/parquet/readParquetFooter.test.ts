import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import {
  DateDay,
  Float64,
  Int32,
  Table,
  TimestampMicrosecond,
  TimestampMillisecond,
  TimestampNanosecond,
  Utf8,
  vectorFromArray,
} from 'apache-arrow';
import { fileURLToPath } from 'node:url';
import { readParquetFooter } from '../../../lib/parquet/readParquetFooter.js';
import { writeParquet } from '../../../lib/parquet/writeParquet.js';
import { InvalidParquetObjectError } from '../../../lib/parquet/errors.js';

const HOUR = 3_600_000;
const DAY0 = Date.UTC(2024, 2, 15);
const blobOf = (bytes: Uint8Array) => new Blob([bytes as Uint8Array<ArrayBuffer>]);

describe('readParquetFooter', () => {
  it('gives row counts, columns, metadata and min/max per row group; timestamps in ms for every unit', async () => {
    const times = Array.from({ length: 6 }, (_, i) => DAY0 + i * 10 * HOUR);
    const table = new Table({
      ms: vectorFromArray(times, new TimestampMillisecond()),
      us: vectorFromArray(times, new TimestampMicrosecond()),
      ns: vectorFromArray(times, new TimestampNanosecond()),
      day: vectorFromArray(times.map((t) => new Date(t)), new DateDay()),
      pod: vectorFromArray(['b', 'a', 'c', null, 'e', 'd']),
      plain: vectorFromArray(['x', 'y', 'z', 'w', 'v', 'u'], new Utf8()),
      usage: vectorFromArray([1.5, -2, 3, null, 5, 6], new Float64()),
      count: vectorFromArray([1, 2, 3, 4, 5, 6], new Int32()),
    });
    const footer = await readParquetFooter(blobOf(writeParquet(table, { rowGroupSize: 2, keyValueMetadata: { producer: 'test' } })), 'f');
    assert.equal(footer.numRows, 6);
    assert.deepEqual(footer.columns, ['ms', 'us', 'ns', 'day', 'pod', 'plain', 'usage', 'count']);
    assert.equal(footer.keyValueMetadata.producer, 'test');
    assert.ok('ARROW:schema' in footer.keyValueMetadata);
    assert.match(footer.createdBy ?? '', /parquet-rs/);
    assert.deepEqual(footer.rowGroups.map((g) => [g.index, g.numRows]), [[0, 2], [1, 2], [2, 2]]);
    const second = footer.rowGroups[1]!.stats;
    for (const unit of ['ms', 'us', 'ns']) {
      assert.deepEqual(second[unit], { min: times[2], max: times[3], nullCount: 0 }, unit);
    }
    assert.deepEqual(second.day, { min: DAY0, max: DAY0 + 86_400_000, nullCount: 0 });
    assert.deepEqual(second.pod, { min: 'c', max: 'c', nullCount: 1 });
    assert.deepEqual(footer.rowGroups[0]!.stats.usage, { min: -2, max: 1.5, nullCount: 0 });
    assert.deepEqual(footer.rowGroups[2]!.stats.count, { min: 5, max: 6, nullCount: 0 });
    assert.deepEqual(footer.rowGroups[2]!.stats.plain, { min: 'u', max: 'v', nullCount: 0 });
  });

  it('floors sub-millisecond timestamp stats', async () => {
    const table = new Table({ us: vectorFromArray([DAY0 + 0.999, DAY0 + 5.5], new TimestampMicrosecond()) });
    const footer = await readParquetFooter(blobOf(writeParquet(table)), 'f');
    assert.deepEqual(footer.rowGroups[0]!.stats.us, { min: DAY0, max: DAY0 + 5, nullCount: 0 });
  });

  it('reads a file written without an Arrow schema (DuckDB: plain strings, microsecond timestamps)', async () => {
    // Written once by DuckDB 1.5.6: `COPY (SELECT TIMESTAMP '2024-03-15 00:00:00' + INTERVAL (i) HOUR AS interval_start,
    // 'pod-' || (i % 3) AS pod FROM range(48) t(i)) TO '…' (FORMAT parquet)`.
    const bytes = new Uint8Array(await readFile(fileURLToPath(new URL('../../fixtures/parquet/duckdb-written.parquet', import.meta.url))));
    const footer = await readParquetFooter(blobOf(bytes), 'duck.parquet');
    assert.equal(footer.numRows, 48);
    assert.deepEqual(footer.columns, ['interval_start', 'pod']);
    assert.equal(footer.keyValueMetadata['ARROW:schema'], undefined);
    assert.deepEqual(
      footer.rowGroups.map((g) => [g.stats.interval_start?.min, g.stats.interval_start?.max]),
      [[DAY0, DAY0 + 47 * HOUR]],
    );
    assert.deepEqual([footer.rowGroups[0]!.stats.pod?.min, footer.rowGroups[0]!.stats.pod?.max], ['pod-0', 'pod-2']);
  });

  it('reads only the tail of the object', async () => {
    const bytes = writeParquet(new Table({ x: vectorFromArray(Array.from({ length: 50_000 }, (_, i) => i), new Float64()) }));
    const reads: Array<[number, number]> = [];
    const blob = blobOf(bytes);
    const spy = {
      size: blob.size,
      slice(start: number, end: number) {
        reads.push([start, end]);
        return blob.slice(start, end);
      },
    } as unknown as Blob;
    await readParquetFooter(spy, 'f');
    assert.ok(bytes.length > 200_000, `file is ${bytes.length} bytes`);
    assert.deepEqual(reads, [[bytes.length - 65_536, bytes.length]]);
  });

  it('names the object when it is not Parquet', async () => {
    for (const [label, bytes, pattern] of [
      ['empty', new Uint8Array(0), /empty/],
      ['csv', new TextEncoder().encode('namespace,pod\nns-1,pod-1\n'), /not Parquet/],
      ['encrypted', new TextEncoder().encode('PAR1xxxxxxxx\x04\x00\x00\x00PARE'), /encrypted/],
      ['garbage-footer', new Uint8Array([...new TextEncoder().encode('PAR1'), 0xff, 0xff, 0xff, 0xff, 4, 0, 0, 0, ...new TextEncoder().encode('PAR1')]), /corrupt footer/],
    ] as const) {
      await assert.rejects(readParquetFooter(blobOf(bytes), label), (err: unknown) => {
        assert.ok(err instanceof InvalidParquetObjectError);
        assert.equal(err.label, label);
        assert.match(err.message, pattern);
        return true;
      });
    }
  });
});
