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
  const ahead = new ReadAheadBlob(blob);
  const rowGroup = firstRowGroup(footer, options.rowGroups);
  const columns = options.columns.filter((name) => footer.columns.includes(name));
  const raw = footerBytesOf(footer);
  if (rowGroup !== undefined && columns.length > 0 && raw !== undefined) {
    try {
      const plan = planProjection(raw, columns);
      if (plan !== null) await fetchRowGroupChunks(ahead.recorder(), plan, rowGroup, options.label);
    } catch {
      ahead.forget(); // read again, and reported in order, by readRecordBatches
    }
  }
  return { footer, blob: ahead };
}

/** The first non-empty row group `readRecordBatches` would read (it validates `requested` itself). */
function firstRowGroup(footer: ParquetFooter, requested: readonly number[] | undefined): number | undefined {
  const candidates = requested === undefined ? footer.rowGroups.map((g) => g.index) : [...requested].sort((a, b) => a - b);
  return candidates.find((i) => Number.isInteger(i) && (footer.rowGroups[i]?.numRows ?? 0) > 0);
}

interface Range {
  start: number;
  bytes: Uint8Array<ArrayBuffer>;
}

/**
 * A Blob over `base` that answers a read lying inside a range recorded by `recorder()` from that range, once (the
 * range is then dropped, so memory goes as soon as the bytes are used), and sends every other read to `base`.
 */
class ReadAheadBlob implements Blob {
  readonly type = '';
  private ranges: Range[] = [];

  /** `root`: the blob whose ranges a slice reads from (itself when null). */
  constructor(
    private readonly base: Blob,
    private readonly offset = 0,
    readonly size = base.size,
    private readonly root: ReadAheadBlob | null = null,
  ) {}

  /** A Blob over the same object whose reads go to `base` and are kept for later reads through this one. */
  recorder(): Blob {
    const keep = (range: Range) => this.ranges.push(range);
    return new RecordingBlob(this.base, 0, this.base.size, keep);
  }

  forget(): void {
    this.ranges = [];
  }

  slice(start?: number, end?: number): Blob {
    const from = clamp(start ?? 0, this.size);
    const to = Math.max(from, clamp(end ?? this.size, this.size));
    return new ReadAheadBlob(this.base, this.offset + from, to - from, this.root ?? this);
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    const bytes = await this.bytes();
    return bytes.buffer;
  }

  async bytes(): Promise<Uint8Array<ArrayBuffer>> {
    const root = this.root ?? this;
    const start = this.offset;
    const end = start + this.size;
    const at = root.ranges.findIndex((r) => r.start <= start && end <= r.start + r.bytes.length);
    if (at < 0) return new Uint8Array(await this.base.slice(start, end).arrayBuffer());
    const range = root.ranges[at] as Range;
    root.ranges.splice(at, 1);
    const whole = start === range.start && end === range.start + range.bytes.length;
    return whole ? range.bytes : range.bytes.slice(start - range.start, end - range.start);
  }

  async text(): Promise<string> {
    return new TextDecoder().decode(await this.bytes());
  }

  stream(): ReadableStream<Uint8Array<ArrayBuffer>> {
    return new ReadableStream({
      pull: async (controller) => {
        controller.enqueue(await this.bytes());
        controller.close();
      },
    });
  }
}

/** A Blob over `base` that hands each range it reads to `keep`. */
class RecordingBlob implements Blob {
  readonly type = '';

  constructor(
    private readonly base: Blob,
    private readonly offset: number,
    readonly size: number,
    private readonly keep: (range: Range) => void,
  ) {}

  slice(start?: number, end?: number): Blob {
    const from = clamp(start ?? 0, this.size);
    const to = Math.max(from, clamp(end ?? this.size, this.size));
    return new RecordingBlob(this.base, this.offset + from, to - from, this.keep);
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    return (await this.bytes()).buffer;
  }

  async bytes(): Promise<Uint8Array<ArrayBuffer>> {
    const bytes = new Uint8Array(await this.base.slice(this.offset, this.offset + this.size).arrayBuffer());
    this.keep({ start: this.offset, bytes });
    return bytes;
  }

  async text(): Promise<string> {
    return new TextDecoder().decode(await this.bytes());
  }

  stream(): ReadableStream<Uint8Array<ArrayBuffer>> {
    return new ReadableStream({
      pull: async (controller) => {
        controller.enqueue(await this.bytes());
        controller.close();
      },
    });
  }
}

/** Blob.slice's index rule: negative counts from the end, then clamp to [0, size]. */
function clamp(index: number, size: number): number {
  const i = Math.trunc(index);
  return i < 0 ? Math.max(0, size + i) : Math.min(i, size);
}
