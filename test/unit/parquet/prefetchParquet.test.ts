// Reading ahead: an object's footer and first row group before its turn (prefetchParquet), and the next row group
// while one is consumed (readRecordBatches).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RecordBatch } from 'apache-arrow';
import { InvalidParquetObjectError } from '../../../lib/parquet/errors.js';
import { prefetchParquet } from '../../../lib/parquet/prefetchParquet.js';
import { readRecordBatches } from '../../../lib/parquet/readRecordBatches.js';
import { smallPodParquet } from '../../helpers/smallPodParquet.js';

const podFile = smallPodParquet;
const COLUMNS = ['interval_start', 'pod', 'pod_usage_cpu_core_seconds'];

/** A Blob over `bytes` that logs every read as [start, end), and can fail reads that start at or after `failFrom`. */
class LoggingBlob extends Blob {
  readonly reads: Array<[number, number]> = [];

  constructor(
    private readonly bytesOf: Uint8Array<ArrayBuffer>,
    private readonly failFrom = Number.POSITIVE_INFINITY,
    private readonly log: Array<[number, number]> | null = null,
    private readonly at = 0,
  ) {
    super([bytesOf]);
  }

  override slice(start = 0, end = this.bytesOf.length): Blob {
    const child = new LoggingBlob(this.bytesOf.subarray(start, end), this.failFrom, this.log ?? this.reads, this.at + start);
    return child;
  }

  override async arrayBuffer(): Promise<ArrayBuffer> {
    (this.log ?? this.reads).push([this.at, this.at + this.bytesOf.length]);
    if (this.at >= this.failFrom) throw new Error(`disk error at ${this.at}`);
    return this.bytesOf.slice().buffer;
  }
}

async function rowsOf(batches: AsyncIterable<RecordBatch>): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const batch of batches) for (const row of batch) out.push(row.toJSON());
  return out;
}

describe('prefetchParquet', () => {
  it('reads the footer and the first row group ahead; reading then gives the same rows, that row group from memory', async () => {
    const bytes = podFile();
    const direct = await rowsOf(readRecordBatches(new Blob([bytes]), { label: 'pods.parquet', columns: COLUMNS }));
    const blob = new LoggingBlob(bytes);
    const { footer, blob: ahead } = await prefetchParquet(blob, { label: 'pods.parquet', columns: COLUMNS });
    // One read of the tail (footer) and one of row group 0's chunks (adjacent ranges are coalesced).
    assert.equal(blob.reads.length, 2);
    const rowGroup0 = blob.reads[1] as [number, number];

    const batches = readRecordBatches(ahead, { label: 'pods.parquet', columns: COLUMNS, footer });
    const iterator = batches[Symbol.asyncIterator]();
    const first = await iterator.next();
    assert.equal(first.done, false);
    // Row group 0 came from memory; row group 1 is already being read while row group 0 is consumed.
    assert.equal(blob.reads.length, 3);
    const rest = await rowsOf({ [Symbol.asyncIterator]: () => iterator });
    assert.equal(blob.reads.length, 4, 'then row group 2; nothing read twice');
    assert.ok(blob.reads.slice(2).every(([start]) => start >= rowGroup0[1]), 'neither the footer nor row group 0 again');
    assert.deepEqual([...[...(first.value as RecordBatch)].map((row) => row.toJSON()), ...rest], direct);
  });

  it('names an object that is not Parquet', async () => {
    const blob = new Blob([new TextEncoder().encode('namespace,pod\nshop,web-1\n')]);
    await assert.rejects(prefetchParquet(blob, { label: 'pods.csv', columns: COLUMNS }), (err: unknown) => {
      assert.ok(err instanceof InvalidParquetObjectError);
      assert.equal(err.label, 'pods.csv');
      return true;
    });
  });

  it('leaves a chunk it cannot read ahead to the reader, which reports it naming the object', async () => {
    // The tail read (from offset 0 in a file this small) succeeds; every read of column chunks fails.
    const blob = new LoggingBlob(podFile(), 4);
    const { footer, blob: ahead } = await prefetchParquet(blob, { label: 'pods.parquet', columns: COLUMNS });
    await assert.rejects(rowsOf(readRecordBatches(ahead, { label: 'pods.parquet', columns: COLUMNS, footer })), (err: unknown) => {
      assert.ok(err instanceof InvalidParquetObjectError, String(err));
      assert.equal(err.label, 'pods.parquet');
      assert.match(err.message, /disk error/);
      return true;
    });
  });
});

describe('readRecordBatches between batches', () => {
  it('lets the event loop turn, so callbacks of reads started ahead run while the caller works', async () => {
    const batches = readRecordBatches(new Blob([podFile()]), { label: 'pods.parquet', columns: COLUMNS, batchSize: 1 });
    const iterator = batches[Symbol.asyncIterator]();
    await iterator.next();
    let ran = false;
    setImmediate(() => (ran = true));
    await iterator.next(); // the same row group: no read in between, only the turn of the loop
    assert.equal(ran, true);
    await iterator.return?.(undefined);
  });
});
