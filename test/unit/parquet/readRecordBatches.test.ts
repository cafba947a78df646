import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RecordBatch } from 'apache-arrow';
import { InvalidParquetObjectError } from '../../../lib/parquet/errors.js';
import { readRecordBatches } from '../../../lib/parquet/readRecordBatches.js';
import { stringColumn } from '../../../lib/parquet/columns.js';
import type { ReadBatchesOptions } from '../../../lib/parquet/types.js';
import { SMALL_POD_DAY0, SMALL_POD_HOUR, smallPodParquet } from '../../helpers/smallPodParquet.js';

const HOUR = SMALL_POD_HOUR;
const DAY0 = SMALL_POD_DAY0;
const podFile = smallPodParquet;

async function collect(bytes: Uint8Array, options: Partial<ReadBatchesOptions> = {}): Promise<RecordBatch[]> {
  const out: RecordBatch[] = [];
  for await (const batch of readRecordBatches(new Blob([bytes as Uint8Array<ArrayBuffer>]), { label: 'test.parquet', ...options })) out.push(batch);
  return out;
}

const rows = (batches: RecordBatch[]) => batches.reduce((sum, b) => sum + b.numRows, 0);

async function rejectsNaming(bytes: Uint8Array, label: string, pattern: RegExp): Promise<void> {
  await assert.rejects(
    async () => {
      for await (const _ of readRecordBatches(new Blob([bytes as Uint8Array<ArrayBuffer>]), { label })) {
        // drain
      }
    },
    (err: unknown) => {
      assert.ok(err instanceof InvalidParquetObjectError, `got ${String(err)}`);
      assert.equal(err.label, label);
      assert.ok(err.message.startsWith(`${label}: `), err.message);
      assert.match(err.message, pattern);
      return true;
    },
  );
}

describe('readRecordBatches', () => {
  it('reads every row, one row group per batch at most', async () => {
    const batches = await collect(podFile());
    assert.deepEqual(batches.map((b) => b.numRows), [4, 4, 2]);
    assert.deepEqual(batches[0]?.schema.fields.map((f) => f.name), ['interval_start', 'pod', 'namespace', 'pod_usage_cpu_core_seconds']);
  });

  it('splits row groups into batchSize batches', async () => {
    const batches = await collect(podFile(), { batchSize: 3 });
    assert.deepEqual(batches.map((b) => b.numRows), [3, 1, 3, 1, 2]);
  });

  it('projects columns and skips requested columns the file lacks', async () => {
    const batches = await collect(podFile(), { columns: ['pod', 'node_role', 'csi_driver', 'interval_start'] });
    assert.equal(rows(batches), 10);
    for (const batch of batches) {
      assert.deepEqual(batch.schema.fields.map((f) => f.name), ['interval_start', 'pod']);
      assert.equal(batch.getChild('node_role'), null);
    }
    const pods = batches.flatMap((b) => Array.from({ length: b.numRows }, (_, i) => stringColumn(b, 'pod').get(i)));
    assert.deepEqual(pods, Array.from({ length: 10 }, (_, i) => `pod-${i % 3}`));
    assert.equal(Number(batches[0]?.getChild('interval_start')?.get(1)), DAY0 + HOUR);
  });

  it('returns row counts even when no requested column exists', async () => {
    const batches = await collect(podFile(), { columns: ['node_role'] });
    assert.equal(rows(batches), 10);
    assert.equal(batches[0]?.numCols, 0);
  });

  it('reads only the selected row groups, in file order', async () => {
    const batches = await collect(podFile(), { rowGroups: [2, 0, 2] });
    assert.deepEqual(batches.map((b) => b.numRows), [4, 2]);
    const pods = batches.flatMap((b) => Array.from({ length: b.numRows }, (_, i) => stringColumn(b, 'namespace').get(i)));
    assert.deepEqual(pods, ['ns-0', 'ns-1', 'ns-2', 'ns-3', 'ns-8', 'ns-9']);
    assert.deepEqual(await collect(podFile(), { rowGroups: [] }), []);
  });

  it('names the object when a row group does not exist', async () => {
    await assert.rejects(collect(podFile(), { rowGroups: [3] }), /test\.parquet: row group 3 requested, object has 3/);
  });

  it('turns empty, non-Parquet, truncated and corrupt objects into InvalidParquetObjectError', async () => {
    const good = podFile();
    await rejectsNaming(new Uint8Array(0), 'empty.parquet', /empty \(0 bytes\)/);
    await rejectsNaming(new TextEncoder().encode('namespace,pod\nns,pod-1\n'), 'csv.parquet', /not Parquet/);
    await rejectsNaming(good.subarray(0, good.length - 100), 'truncated.parquet', /not Parquet|truncated/);
    await rejectsNaming(good.subarray(0, 6), 'tiny.parquet', /too small/);
    const footerCut = good.slice();
    footerCut.set([0xff, 0xff, 0xff, 0x7f], good.length - 8);
    await rejectsNaming(footerCut, 'footer-length.parquet', /footer length/);
    const pageNoise = good.slice();
    for (let i = 40; i < 56; i += 1) pageNoise[i] = (pageNoise[i] as number) ^ 0x5a;
    await rejectsNaming(pageNoise, 'corrupt-page.parquet', /cannot read Parquet: row group 0/);
  });

  it('keeps working after a corrupt object', async () => {
    assert.equal(rows(await collect(podFile())), 10);
  });
});
