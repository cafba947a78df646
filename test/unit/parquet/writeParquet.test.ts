import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DataType, Dictionary, Float64, Int32, Table, TimestampMillisecond, Utf8, vectorFromArray } from 'apache-arrow';
import type { RecordBatch } from 'apache-arrow';
import { readParquetFooter } from '../../../lib/parquet/readParquetFooter.js';
import { readRecordBatches } from '../../../lib/parquet/readRecordBatches.js';
import { writeParquet } from '../../../lib/parquet/writeParquet.js';

const blobOf = (bytes: Uint8Array) => new Blob([bytes as Uint8Array<ArrayBuffer>]);

async function readBack(bytes: Uint8Array): Promise<RecordBatch[]> {
  const out: RecordBatch[] = [];
  for await (const batch of readRecordBatches(blobOf(bytes), { label: 'round-trip' })) out.push(batch);
  return out;
}

describe('writeParquet', () => {
  const table = new Table({
    interval_start: vectorFromArray([Date.UTC(2024, 2, 15), Date.UTC(2024, 2, 15, 1), null], new TimestampMillisecond()),
    namespace: vectorFromArray(['ns-a', null, 'ns-a'], new Dictionary(new Utf8(), new Int32())),
    pod_labels: vectorFromArray(['{"app":"x"}', '{}', null], new Utf8()),
    usage: vectorFromArray([0.25, null, 1e-12], new Float64()),
  });

  it('round-trips values, NULLs and column types (Dictionary stays Dictionary, Utf8 stays Utf8)', async () => {
    const batches = await readBack(writeParquet(table));
    assert.equal(batches.length, 1);
    const batch = batches[0]!;
    assert.ok(DataType.isDictionary(batch.getChild('namespace')!.type));
    assert.ok(DataType.isUtf8(batch.getChild('pod_labels')!.type));
    assert.ok(DataType.isTimestamp(batch.getChild('interval_start')!.type));
    assert.deepEqual(batch.getChild('namespace')!.toArray(), ['ns-a', null, 'ns-a']);
    assert.deepEqual([...batch.getChild('pod_labels')!], ['{"app":"x"}', '{}', null]);
    assert.deepEqual([...batch.getChild('usage')!], [0.25, null, 1e-12]);
    assert.deepEqual([...batch.getChild('interval_start')!], [Date.UTC(2024, 2, 15), Date.UTC(2024, 2, 15, 1), null]);
  });

  it('honours row group size, compression and key-value metadata', async () => {
    const big = new Table({ x: vectorFromArray(Array.from({ length: 1000 }, (_, i) => i % 7), new Float64()) });
    for (const compression of ['snappy', 'zstd', 'gzip', 'lz4_raw', 'uncompressed'] as const) {
      const bytes = writeParquet(big, { rowGroupSize: 300, compression, keyValueMetadata: { 'koku:manifest': '42' } });
      const footer = await readParquetFooter(blobOf(bytes), compression);
      assert.deepEqual(footer.rowGroups.map((g) => g.numRows), [300, 300, 300, 100], compression);
      assert.equal(footer.keyValueMetadata['koku:manifest'], '42');
      const rows = (await readBack(bytes)).reduce((n, b) => n + b.numRows, 0);
      assert.equal(rows, 1000, compression);
    }
  });

  it('writes an empty table as a readable file with no rows', async () => {
    const empty = new Table({ x: vectorFromArray([], new Float64()) });
    const bytes = writeParquet(empty);
    assert.equal((await readParquetFooter(blobOf(bytes), 'empty')).numRows, 0);
    assert.deepEqual(await readBack(bytes), []);
  });
});
