import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  Dictionary,
  Float32,
  Float64,
  Int32,
  Int64,
  Table,
  TimestampMicrosecond,
  TimestampMillisecond,
  Utf8,
  makeData,
  makeVector,
  tableFromIPC,
  tableToIPC,
  vectorFromArray,
} from 'apache-arrow';
import type { RecordBatch, Vector } from 'apache-arrow';
import { DecodeBuffers } from '../../../lib/parquet/decodeBuffers.js';
import { decodeRowGroupJs, jsDecodePlan } from '../../../lib/parquet/decodeRowGroupJs.js';
import { fetchRowGroupChunks, planProjection } from '../../../lib/parquet/projectRowGroup.js';
import { readParquetFooter } from '../../../lib/parquet/readParquetFooter.js';
import { readRecordBatches } from '../../../lib/parquet/readRecordBatches.js';
import { T, decodeTypedStruct, encodeTypedStruct, fieldOf } from '../../../lib/parquet/thriftTyped.js';
import type { TList, TStruct } from '../../../lib/parquet/thriftTyped.js';
import { ensureParquetWasm } from '../../../lib/parquet/wasm.js';

const N = 3000;
const DAY0 = Date.UTC(2024, 2, 15);

/**
 * A table with every type the JS decoder reads, NULLs sprinkled in (row i is NULL when i % nullEvery === 3), and
 * strings that overflow a small dictionary.
 */
function sampleTable(N = 3000, nullEvery = 7): Table {
  const pick = <T,>(i: number, f: (i: number) => T): T | null => (i % nullEvery === 3 ? null : f(i));
  const dictValues = ['alpha', 'beta', 'gamma', 'δέλτα', '😀 emoji', ''];
  const indices = Int32Array.from({ length: N }, (_, i) => i % dictValues.length);
  const validity = new Uint8Array(Math.ceil(N / 8));
  let nulls = 0;
  for (let i = 0; i < N; i++) {
    if (i % 11 === 5) nulls++;
    else validity[i >> 3] |= 1 << (i & 7);
  }
  const dictionary = makeVector(
    makeData({
      type: new Dictionary(new Utf8(), new Int32()),
      length: N,
      nullCount: nulls,
      nullBitmap: validity,
      data: indices,
      dictionary: vectorFromArray(dictValues, new Utf8()),
    }),
  );
  return new Table({
    f64: vectorFromArray(Array.from({ length: N }, (_, i) => pick(i, (k) => k * 0.25 - 100)), new Float64()),
    f64_required: vectorFromArray(Array.from({ length: N }, (_, i) => (i % 13) * 1.5), new Float64()),
    f32: vectorFromArray(Array.from({ length: N }, (_, i) => pick(i, (k) => k / 8)), new Float32()),
    i32: vectorFromArray(Array.from({ length: N }, (_, i) => pick(i, (k) => k - 1500)), new Int32()),
    i64: vectorFromArray(Array.from({ length: N }, (_, i) => pick(i, (k) => BigInt(k) * 4_000_000_000n)), new Int64()),
    ts_ms: vectorFromArray(Array.from({ length: N }, (_, i) => pick(i, (k) => DAY0 + (k % 24) * 3_600_000)), new TimestampMillisecond()),
    ts_us_utc: vectorFromArray(Array.from({ length: N }, (_, i) => pick(i, (k) => DAY0 + k)), new TimestampMicrosecond('UTC')),
    text: vectorFromArray(Array.from({ length: N }, (_, i) => pick(i, (k) => `pod-${k % 97}-${'x'.repeat(k % 5)}`)), new Utf8()),
    unique_text: vectorFromArray(Array.from({ length: N }, (_, i) => pick(i, (k) => `unique-value-${k}-${'y'.repeat(k % 40)}`)), new Utf8()),
    dict: dictionary,
  });
}

interface WriteOptions {
  compression?: 'SNAPPY' | 'GZIP' | 'UNCOMPRESSED' | 'ZSTD';
  v2?: boolean;
  dictionary?: boolean;
  pageBytes?: number;
  rowGroupSize?: number;
}

function write(table: Table, o: WriteOptions = {}): Uint8Array {
  const wasm = ensureParquetWasm();
  let b = new wasm.WriterPropertiesBuilder().setCompression(wasm.Compression[o.compression ?? 'SNAPPY']);
  if (o.v2) b = b.setWriterVersion(wasm.WriterVersion.V2);
  if (o.dictionary === false) b = b.setDictionaryEnabled(false);
  if (o.pageBytes !== undefined) b = b.setDataPageSizeLimit(o.pageBytes).setDictionaryPageSizeLimit(o.pageBytes).setWriteBatchSize(64);
  if (o.rowGroupSize !== undefined) b = b.setMaxRowGroupSize(o.rowGroupSize);
  return wasm.writeParquet(wasm.Table.fromIPCStream(tableToIPC(table, 'stream')), b.build());
}

/** The same file with the ARROW:schema footer entry removed (as DuckDB or pandas-without-arrow files look). */
function withoutArrowSchema(bytes: Uint8Array): Uint8Array {
  const length = new DataView(bytes.buffer, bytes.byteOffset).getUint32(bytes.length - 8, true);
  const footerStart = bytes.length - 8 - length;
  const meta = decodeTypedStruct(bytes.subarray(footerStart, bytes.length - 8));
  const kv = fieldOf(meta, 5);
  if (kv) (kv.value as TList).items = (kv.value as TList).items.filter((item) => new TextDecoder().decode(fieldOf(item as TStruct, 1)?.value as Uint8Array) !== 'ARROW:schema');
  const footer = encodeTypedStruct(meta);
  const out = new Uint8Array(footerStart + footer.length + 8);
  out.set(bytes.subarray(0, footerStart));
  out.set(footer, footerStart);
  new DataView(out.buffer).setUint32(footerStart + footer.length, footer.length, true);
  out.set(new TextEncoder().encode('PAR1'), footerStart + footer.length + 4);
  return out;
}

function reference(bytes: Uint8Array): Table {
  return tableFromIPC(ensureParquetWasm().readParquet(bytes, { batchSize: 1 << 20 }).intoIPCStream());
}

/** Decodes every row group with the JS decoder only (no fallback), asserting it applies. */
async function decodeJs(bytes: Uint8Array, columns?: string[]): Promise<RecordBatch[]> {
  const blob = new Blob([bytes as Uint8Array<ArrayBuffer>]);
  const footer = await readParquetFooter(blob, 't.parquet');
  const length = new DataView(bytes.buffer, bytes.byteOffset).getUint32(bytes.length - 8, true);
  const plan = planProjection(bytes.subarray(bytes.length - 8 - length, bytes.length - 8), columns ?? footer.columns);
  assert.ok(plan, 'projection plan');
  const js = jsDecodePlan(plan);
  assert.ok(js, 'JS decoder applies');
  const out: RecordBatch[] = [];
  for (const rg of footer.rowGroups) out.push(decodeRowGroupJs(await fetchRowGroupChunks(blob, plan, rg.index, 't.parquet'), js));
  return out;
}

function assertSameColumns(batches: RecordBatch[], ref: Table, columns = ref.schema.fields.map((f) => f.name)): void {
  assert.equal(batches.reduce((s, b) => s + b.numRows, 0), ref.numRows);
  for (const name of columns) {
    const want = ref.getChild(name) as Vector;
    let at = 0;
    for (const batch of batches) {
      const got = batch.getChild(name) as Vector;
      assert.equal(String(got.type), String(want.type), `${name} type`);
      for (let i = 0; i < batch.numRows; i++) {
        const a = got.get(i);
        const b = want.get(at + i);
        assert.ok(a === b || (Number.isNaN(a) && Number.isNaN(b)), `${name}[${at + i}]: ${String(a)} !== ${String(b)}`);
      }
      at += batch.numRows;
    }
  }
}

describe('JS Parquet page decoder (decodeRowGroupJs)', () => {
  const table = sampleTable();
  const cases: Array<[string, WriteOptions]> = [
    ['snappy, v1 pages, dictionaries', {}],
    ['gzip', { compression: 'GZIP' }],
    ['uncompressed', { compression: 'UNCOMPRESSED' }],
    ['v2 data pages', { v2: true }],
    ['v2, uncompressed', { v2: true, compression: 'UNCOMPRESSED' }],
    ['no dictionaries (PLAIN)', { dictionary: false }],
    ['small pages: many pages and dictionary fallback to PLAIN', { pageBytes: 512 }],
    ['several row groups', { rowGroupSize: 700 }],
  ];
  for (const [name, options] of cases) {
    it(`decodes exactly what parquet-wasm decodes: ${name}`, async () => {
      const bytes = write(table, options);
      assertSameColumns(await decodeJs(bytes), reference(bytes));
    });
  }

  it('decodes files without an embedded Arrow schema to arrow-rs types (Utf8 strings, UTC timestamps)', async () => {
    for (const options of [{}, { pageBytes: 512 }] as WriteOptions[]) {
      const bytes = withoutArrowSchema(write(table, options));
      const ref = reference(bytes);
      assert.equal(String(ref.getChild('dict')?.type), 'Utf8');
      assertSameColumns(await decodeJs(bytes), ref);
    }
  });

  it('decodes a projection (subset of columns, in file order)', async () => {
    const bytes = write(table, { rowGroupSize: 1000 });
    const batches = await decodeJs(bytes, ['dict', 'ts_ms', 'i64']);
    assert.deepEqual(batches[0]?.schema.fields.map((f) => f.name), ['i64', 'ts_ms', 'dict']);
    assertSameColumns(batches, reference(bytes), ['i64', 'ts_ms', 'dict']);
  });

  it('leaves codecs it lacks to parquet-wasm (readRecordBatches falls back and still reads)', async () => {
    const bytes = write(table, { compression: 'ZSTD' });
    await assert.rejects(decodeJs(bytes), /codec 6/);
    const batches: RecordBatch[] = [];
    for await (const b of readRecordBatches(new Blob([bytes as Uint8Array<ArrayBuffer>]), { label: 'z.parquet', batchSize: 1 << 20 })) batches.push(b);
    assertSameColumns(batches, reference(bytes));
  });

  it('leaves encodings it lacks (v2 DELTA fallbacks) to parquet-wasm', async () => {
    const bytes = write(table, { pageBytes: 512, v2: true });
    await assert.rejects(decodeJs(bytes), /data page encoding [5-7]/);
    const batches: RecordBatch[] = [];
    for await (const b of readRecordBatches(new Blob([bytes as Uint8Array<ArrayBuffer>]), { label: 'd.parquet', batchSize: 1 << 20 })) batches.push(b);
    assertSameColumns(batches, reference(bytes));
  });

  it('splits row groups into batchSize batches through readRecordBatches', async () => {
    const bytes = write(table, { rowGroupSize: 1000 });
    const batches: RecordBatch[] = [];
    for await (const b of readRecordBatches(new Blob([bytes as Uint8Array<ArrayBuffer>]), { label: 'b.parquet', batchSize: 400, columns: ['text', 'f64'] })) batches.push(b);
    assert.deepEqual(batches.map((b) => b.numRows), [400, 400, 200, 400, 400, 200, 400, 400, 200]);
    assertSameColumns(batches, reference(bytes), ['text', 'f64']);
  });

  it('reuses output buffers across row groups and objects: each batch, read before the next, is a fresh decode', async () => {
    // Larger then smaller row groups, NULLs moving between objects, dictionaries and PLAIN fallback, strings growing.
    const objects = [
      write(sampleTable(3000, 7), { rowGroupSize: 1200 }),
      write(sampleTable(5000, 5), { pageBytes: 512, rowGroupSize: 2500 }),
      write(sampleTable(800, 1_000_000), { dictionary: false }),
      write(sampleTable(2000, 2), { v2: true }),
    ];
    const buffers = new DecodeBuffers();
    let reused = 0;
    for (const [k, bytes] of objects.entries()) {
      const blob = new Blob([bytes as Uint8Array<ArrayBuffer>]);
      const fresh: RecordBatch[] = [];
      for await (const b of readRecordBatches(blob, { label: `fresh-${k}` })) fresh.push(b);
      let i = 0;
      for await (const batch of readRecordBatches(blob, { label: `reused-${k}`, buffers })) {
        const want = fresh[i++] as RecordBatch;
        assertSameColumns([batch], new Table(want));
        for (const field of batch.schema.fields) {
          const got = batch.getChild(field.name)!.data[0]!;
          const expected = want.getChild(field.name)!.data[0]!;
          // Slots under NULLs too: a reused buffer must not show the previous row group's values there.
          assert.deepEqual(got.values, expected.values, `${field.name}: raw values of object ${k}, batch ${i}`);
          if (got.values.buffer.byteLength > got.values.byteLength) reused++;
        }
      }
      assert.equal(i, fresh.length);
    }
    assert.ok(reused > 0, 'some batch was decoded into a buffer kept from an earlier, larger one');
  });

  it('round-trips footers through the typed Thrift codec byte for byte', () => {
    const bytes = write(table, { rowGroupSize: 1000 });
    const length = new DataView(bytes.buffer, bytes.byteOffset).getUint32(bytes.length - 8, true);
    const footer = bytes.subarray(bytes.length - 8 - length, bytes.length - 8);
    assert.deepEqual(encodeTypedStruct(decodeTypedStruct(footer)), footer);
    assert.equal(T.Struct, 12);
  });
});
