import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { tableFromIPC } from 'apache-arrow';
import type { RecordBatch } from 'apache-arrow';
import { KokuAggError } from '../common/errors.js';
import { markHandled } from '../common/markHandled.js';
import { DEFAULT_BATCH_SIZE } from './constants.js';
import { InvalidParquetObjectError } from './errors.js';
import { footerBytesOf } from './footerBytes.js';
import { decodeRowGroupJs, jsDecodePlan } from './decodeRowGroupJs.js';
import { assembleProjectedFile, fetchRowGroupChunks, planProjection } from './projectRowGroup.js';
import type { FetchedRowGroup, ProjectionPlan } from './projectRowGroup.js';
import { readParquetFooter } from './readParquetFooter.js';
import type { ParquetFooter, ReadBatchesOptions } from './types.js';
import { ensureParquetWasm } from './wasm.js';

/**
 * Reads a Parquet object as Arrow record batches, one row group at a time (each split into batches of at most
 * `batchSize` rows), of the requested row groups and with only the requested columns. Requested columns the file lacks
 * are skipped (Koku added `node_role`, `csi_driver`, … later), so callers treat a missing child as all NULL.
 * Any read failure becomes `InvalidParquetObjectError(label, …)`.
 *
 * How, per row group: only the requested columns' chunks are fetched (ranged reads of `blob` at the footer's
 * offsets, nearby ranges coalesced, so an S3 object is never downloaded whole), then decoded by the pure-JS page
 * decoder (`decodeRowGroupJs`: PLAIN/dictionary pages, v1/v2, UNCOMPRESSED/SNAPPY/GZIP, flat columns) straight into
 * Arrow data, dictionary-encoded strings staying dictionaries. Anything else, and any page the JS decoder rejects, goes
 * to parquet-wasm's synchronous `readParquet` on a small standalone file holding just those chunks with a rewritten
 * footer (`projectRowGroup.ts`), so the wasm reader also decodes only what was asked for. (parquet-wasm's own lazy
 * reader is not used: it `unwrap()`s errors into uncatchable wasm traps, and `readParquet` ignores `columns`.)
 * While a row group is decoded and its batches consumed, the next one's chunks are fetched, so memory is bounded by one
 * projected row group decoded plus the next one's compressed chunks. A footer that cannot be projected falls back to
 * fetching the object whole and decoding one row group per `readParquet` call, projecting in JS.
 *
 * @example
 * for await (const batch of readRecordBatches(blob, { label: key, columns: ['interval_start', 'pod'], rowGroups: [0] })) {
 *   const pods = stringColumn(batch, 'pod');
 * }
 */
export async function* readRecordBatches(blob: Blob, options: ReadBatchesOptions): AsyncGenerator<RecordBatch> {
  const { label, batchSize = DEFAULT_BATCH_SIZE } = options;
  const footer = options.footer ?? (await readParquetFooter(blob, label));
  const rowGroups = selectedRowGroups(footer, options.rowGroups, label);
  if (rowGroups.length === 0) return;
  const columns = options.columns?.filter((name) => footer.columns.includes(name));

  const wanted = columns ?? footer.columns;
  const rawFooter = wanted.length === 0 ? undefined : footerBytesOf(footer) ?? (await readFooterBytes(blob, label));
  const plan = rawFooter === undefined ? null : projectionPlan(rawFooter, wanted, label);
  const jsPlan = plan === null ? null : jsDecodePlan(plan);
  let bytes: Uint8Array | undefined;
  // The next row group's chunks are fetched while this one is decoded and consumed (S3 round trips overlap work).
  let next = plan === null ? null : fetchAhead(blob, plan, rowGroups[0] as number, label);
  for (let r = 0; r < rowGroups.length; r++) {
    const rowGroup = rowGroups[r] as number;
    if (plan === null) {
      bytes ??= await readAll(blob, label);
      const batches = decodeWithWasm(bytes, { rowGroups: [rowGroup], batchSize }, label, rowGroup);
      yield* columns === undefined ? batches : batches.map((batch) => project(batch, columns));
      continue;
    }
    const fetched = await (next ?? fetchAhead(blob, plan, rowGroup, label));
    next = r + 1 < rowGroups.length ? fetchAhead(blob, plan, rowGroups[r + 1] as number, label) : null;
    let batch: RecordBatch | null = null;
    if (jsPlan !== null) {
      try {
        batch = decodeRowGroupJs(fetched, jsPlan, options.buffers);
      } catch {
        // A page feature the JS decoder lacks, or corrupt bytes: parquet-wasm decides (and names the problem).
        batch = null;
      }
    }
    if (batch === null) {
      yield* decodeWithWasm(assembleProjectedFile(plan, fetched), { batchSize }, label, rowGroup);
      continue;
    }
    for (let from = 0; from < batch.numRows; from += batchSize) {
      // A turn of the event loop per batch: the responses of reads started ahead (the next row group, the caller's
      // next object) are handled and their next reads sent while the caller works on this batch's successors.
      await yieldToEventLoop();
      yield batch.numRows <= batchSize ? batch : batch.slice(from, from + batchSize);
    }
  }
}

/**
 * Starts fetching a row group's chunks. A failure is kept in the promise for the `await` that needs it: marked as
 * handled now, so a reader that stops early leaves no unhandled rejection behind.
 */
function fetchAhead(blob: Blob, plan: ProjectionPlan, rowGroup: number, label: string): Promise<FetchedRowGroup> {
  return markHandled(fetchRowGroupChunks(blob, plan, rowGroup, label));
}

/** One row group decoded by parquet-wasm's synchronous reader; failures name the object. */
function decodeWithWasm(bytes: Uint8Array, options: { rowGroups?: number[]; batchSize: number }, label: string, rowGroup: number): RecordBatch[] {
  try {
    return tableFromIPC(ensureParquetWasm().readParquet(bytes, options).intoIPCStream()).batches;
  } catch (err) {
    throw new InvalidParquetObjectError(label, describeWasmFailure(err, rowGroup));
  }
}

function projectionPlan(rawFooter: Uint8Array, columns: string[], label: string): ProjectionPlan | null {
  try {
    return planProjection(rawFooter, columns);
  } catch (err) {
    throw new InvalidParquetObjectError(label, new Error(`corrupt footer: ${(err as Error).message}`, { cause: err }));
  }
}

/** A footer handed in by a caller that did not get it from `readParquetFooter`: read it again for its bytes. */
async function readFooterBytes(blob: Blob, label: string): Promise<Uint8Array | undefined> {
  return footerBytesOf(await readParquetFooter(blob, label));
}

/**
 * The batch with only `columns`, in file order. Not `RecordBatch.select`: in apache-arrow 21.2.0 it pairs the
 * kept fields with the wrong children (a sparse array), so values come back NULL.
 */
function project(batch: RecordBatch, columns: string[]): RecordBatch {
  const indices = batch.schema.fields.flatMap((field, i) => (columns.includes(field.name) ? [i] : []));
  return batch.selectAt(indices);
}

/** Requested row groups in file order, without empty ones; all when none were requested. */
function selectedRowGroups(footer: ParquetFooter, requested: number[] | undefined, label: string): number[] {
  const count = footer.rowGroups.length;
  // A row group index past the end is also a trap in parquet-wasm.
  const bad = requested?.find((i) => !Number.isInteger(i) || i < 0 || i >= count);
  if (bad !== undefined) throw new InvalidParquetObjectError(label, `row group ${bad} requested, object has ${count}`);
  const indices = requested === undefined ? footer.rowGroups.map((g) => g.index) : [...new Set(requested)];
  return indices.sort((a, b) => a - b).filter((i) => (footer.rowGroups[i]?.numRows ?? 0) > 0);
}

async function readAll(blob: Blob, label: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await blob.arrayBuffer());
  } catch (err) {
    // A store failure (network, permissions) is not a property of the object; let it say what it is.
    if (err instanceof KokuAggError) throw err;
    throw new InvalidParquetObjectError(label, err);
  }
}

function describeWasmFailure(err: unknown, rowGroup: number): Error {
  const text = err instanceof Error ? err.message : String(err);
  const trap = err instanceof WebAssembly.RuntimeError ? ' (parquet-wasm aborted; the object is probably corrupt)' : '';
  return new Error(`row group ${rowGroup}: ${text}${trap}`, { cause: err });
}
