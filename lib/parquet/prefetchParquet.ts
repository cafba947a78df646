import { RangeBlob } from '../store/RangeBlob.js';
import { footerBytesOf } from './footerBytes.js';
import { fetchRowGroupChunks, planProjection } from './projectRowGroup.js';
import { readParquetFooter } from './readParquetFooter.js';
import type { ParquetFooter } from './types.js';

/** An object's footer and its first row group's projected chunks, read before they are needed. */
export interface PrefetchedParquet {
  footer: ParquetFooter;
  /** The object, with the ranges read ahead served once from memory; every other read goes to the object. */
  blob: Blob;
}

export interface PrefetchOptions {
  /** Names the object in errors (its key). */
  label: string;
  /** The columns the object will be read with (`ReadBatchesOptions.columns`). */
  columns: readonly string[];
  /** The row groups it will be read with; all when omitted. */
  rowGroups?: readonly number[];
}

/**
 * Reads a Parquet object's footer and the chunks of `columns` in the first row group it will be read with, so a
 * reader can do the next object's round trips while it decodes the current one (an S3 GET costs tens of ms, and a
 * day reads some 25 objects one after another). Then `readRecordBatches(prefetched.blob, { footer, columns, … })`
 * finds that row group in memory; it fetches each later row group while the one before is decoded.
 * Memory: one projected row group. A footer that cannot be read fails here, as `readParquetFooter` does; chunks
 * that cannot be read ahead are left for `readRecordBatches`, which reads them again and reports what is wrong.
 *
 * @example
 * const next = prefetchParquet(blob, { label: key, columns });
 * // … decode the current object …
 * const { footer, blob: ahead } = await next;
 * for await (const batch of readRecordBatches(ahead, { label: key, columns, footer })) use(batch);
 */
export async function prefetchParquet(blob: Blob, options: PrefetchOptions): Promise<PrefetchedParquet> {
  const footer = await readParquetFooter(blob, options.label);
  const ranges: Range[] = [];
  const rowGroup = firstRowGroup(footer, options.rowGroups);
  const columns = options.columns.filter((name) => footer.columns.includes(name));
  const raw = footerBytesOf(footer);
  if (rowGroup !== undefined && columns.length > 0 && raw !== undefined) {
    try {
      const plan = planProjection(raw, columns);
      if (plan !== null) await fetchRowGroupChunks(recordingBlob(blob, ranges), plan, rowGroup, options.label);
    } catch {
      ranges.length = 0; // read again, and reported in order, by readRecordBatches
    }
  }
  return { footer, blob: readAheadBlob(blob, ranges) };
}

/** The first non-empty row group `readRecordBatches` would read (it validates `requested` itself). */
function firstRowGroup(footer: ParquetFooter, requested: readonly number[] | undefined): number | undefined {
  const candidates = requested === undefined ? footer.rowGroups.map((g) => g.index) : [...requested].sort((a, b) => a - b);
  return candidates.find((i) => Number.isInteger(i) && (footer.rowGroups[i]?.numRows ?? 0) > 0);
}

interface Range {
  start: number;
  bytes: Uint8Array;
}

/** `base`, with every range read through it kept in `ranges`. */
function recordingBlob(base: Blob, ranges: Range[]): Blob {
  return new RangeBlob(base.size, async (start, end) => {
    const bytes = await readRange(base, start, end);
    ranges.push({ start, bytes });
    return bytes;
  });
}

/**
 * `base`, answering a read that lies inside one of `ranges` from that range, once (the range is then dropped, so
 * memory goes as soon as the bytes are used); every other read goes to `base`.
 */
function readAheadBlob(base: Blob, ranges: Range[]): Blob {
  return new RangeBlob(base.size, async (start, end) => {
    const at = ranges.findIndex((r) => r.start <= start && end <= r.start + r.bytes.length);
    if (at < 0) return readRange(base, start, end);
    const [range] = ranges.splice(at, 1) as [Range];
    return range.bytes.subarray(start - range.start, end - range.start);
  });
}

async function readRange(blob: Blob, start: number, end: number): Promise<Uint8Array> {
  return new Uint8Array(await blob.slice(start, end).arrayBuffer());
}
