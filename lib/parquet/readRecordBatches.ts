import { tableFromIPC } from 'apache-arrow';
import type { RecordBatch } from 'apache-arrow';
import { KokuAggError } from '../common/errors.js';
import { DEFAULT_BATCH_SIZE } from './constants.js';
import { InvalidParquetObjectError } from './errors.js';
import { readParquetFooter } from './readParquetFooter.js';
import type { ParquetFooter, ReadBatchesOptions } from './types.js';
import { ensureParquetWasm } from './wasm.js';
import type { ParquetWasm } from './wasm.js';

/**
 * Streams a Parquet object as Arrow record batches, one batch of at most `batchSize` rows at a time, reading
 * only the requested columns and row groups. Requested columns the file lacks are skipped (Koku added
 * `node_role`, `csi_driver`, … later), so callers must treat a missing child as all-null.
 * Any read failure becomes `InvalidParquetObjectError(label, …)`.
 *
 * @example
 * for await (const batch of readRecordBatches(blob, { label: key, columns: ['interval_start', 'pod'], rowGroups: [0] })) {
 *   const pods = stringColumn(batch, 'pod');
 * }
 */
export async function* readRecordBatches(blob: Blob, options: ReadBatchesOptions): AsyncGenerator<RecordBatch> {
  const { label, batchSize = DEFAULT_BATCH_SIZE } = options;
  const footer = options.footer ?? (await readParquetFooter(blob, label));
  const rowGroups = checkedRowGroups(footer, options.rowGroups, label);
  if (rowGroups !== undefined && rowGroups.length === 0) return;
  // parquet-wasm panics (and can take the process down) on a column name the file lacks, so filter first.
  const columns = options.columns?.filter((name) => footer.columns.includes(name));

  const wasm = ensureParquetWasm();
  let reader: ReadableStreamDefaultReader | undefined;
  let file: Awaited<ReturnType<typeof wasm.ParquetFile.fromFile>> | undefined;
  try {
    file = await wasm.ParquetFile.fromFile(blob);
    const stream = (await file.stream({ batchSize, columns, rowGroups, concurrency: 1 })) as ReadableStream<
      ParquetWasm['RecordBatch']['prototype']
    >;
    reader = stream.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      yield* tableFromIPC(value.intoIPCStream()).batches;
    }
  } catch (err) {
    if (err instanceof KokuAggError) throw err;
    throw new InvalidParquetObjectError(label, err);
  } finally {
    // A consumer that stops early must not leave the wasm reader running.
    await reader?.cancel().catch(() => undefined);
    file?.free();
  }
}

function checkedRowGroups(footer: ParquetFooter, rowGroups: number[] | undefined, label: string): number[] | undefined {
  if (rowGroups === undefined) return undefined;
  // An index past the end is a Rust panic inside parquet-wasm, not an error, so it never gets there.
  const bad = rowGroups.find((i) => !Number.isInteger(i) || i < 0 || i >= footer.rowGroups.length);
  if (bad !== undefined) {
    throw new InvalidParquetObjectError(label, `row group ${bad} requested, object has ${footer.rowGroups.length}`);
  }
  return [...new Set(rowGroups)].sort((a, b) => a - b);
}
