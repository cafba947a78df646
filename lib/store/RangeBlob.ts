/** Reads bytes `[start, endExclusive)` of the underlying object. */
export type RangeReader = (start: number, endExclusive: number) => Promise<Uint8Array>;

// Enough to keep a stream() consumer busy without holding the object in memory.
const STREAM_CHUNK_BYTES = 8 * 1024 * 1024;

/**
 * A Blob whose bytes are fetched by range on demand. parquet-wasm's `ParquetFile.fromFile` only uses `size`,
 * `slice()` and `arrayBuffer()`, so a Parquet object in S3 can be read column chunk by column chunk without
 * a download (verified in test/integration/s3ObjectStore.test.ts).
 */
export class RangeBlob implements Blob {
  readonly type: string;

  constructor(
    readonly size: number,
    private readonly read: RangeReader,
    private readonly offset = 0,
    type = '',
  ) {
    this.type = type;
  }

  slice(start?: number, end?: number, contentType?: string): Blob {
    const from = clamp(start ?? 0, this.size);
    const to = clamp(end ?? this.size, this.size);
    return new RangeBlob(Math.max(0, to - from), this.read, this.offset + from, contentType ?? '');
  }

  async bytes(): Promise<Uint8Array<ArrayBuffer>> {
    if (this.size === 0) return new Uint8Array(0);
    const bytes = await this.read(this.offset, this.offset + this.size);
    // A reader's fresh buffer that holds exactly these bytes is handed on; anything else (a view into a larger or
    // shared buffer) is copied, so `arrayBuffer()` never exposes bytes outside the range.
    const exact = bytes.buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
    return (exact ? bytes : new Uint8Array(bytes)) as Uint8Array<ArrayBuffer>;
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    return (await this.bytes()).buffer;
  }

  async text(): Promise<string> {
    return new TextDecoder().decode(await this.bytes());
  }

  stream(): ReadableStream<Uint8Array<ArrayBuffer>> {
    let at = 0;
    return new ReadableStream<Uint8Array<ArrayBuffer>>({
      pull: async (controller) => {
        if (at >= this.size) {
          controller.close();
          return;
        }
        const end = Math.min(this.size, at + STREAM_CHUNK_BYTES);
        controller.enqueue(await (this.slice(at, end) as RangeBlob).bytes());
        at = end;
      },
    });
  }
}

/** Blob.slice's index rule: negative counts from the end, then clamp to [0, size]. */
function clamp(index: number, size: number): number {
  const i = Math.trunc(index);
  return i < 0 ? Math.max(0, size + i) : Math.min(i, size);
}
