/**
 * Output arrays the JS page decoder reuses from one row group to the next, for a reader whose batches are read before
 * the next row group is decoded (`ReadBatchesOptions.buffers`). A fresh array per column per row group is
 * external memory: at millions of rows it triggers an old-space collection every few row groups and the kernel zeroes
 * every page of it again.
 *
 * Arrays come back with stale contents: the decoder writes every slot it exposes.
 */
export class DecodeBuffers {
  private readonly slots: ArrayBuffer[] = [];

  /** `size` bytes for `(column, kind)`: a view of the previous array when that is large enough, else a new one. */
  bytes(column: number, kind: BufferKind, size: number): Uint8Array {
    const slot = column * KINDS + kind;
    let buffer = this.slots[slot];
    if (buffer === undefined || buffer.byteLength < size) {
      // Exactly the size asked for: what is kept is the largest row group's columns, nothing more.
      buffer = new ArrayBuffer(size);
      this.slots[slot] = buffer;
    }
    return new Uint8Array(buffer, 0, size);
  }

  /** Lets the arrays go (for the next collection to free) once no more row groups will be read. */
  release(): void {
    this.slots.length = 0;
  }
}

/** Which of a column's output arrays. */
export const BufferKind = { fixed: 0, validity: 1, indices: 2, offsets: 3, strings: 4 } as const;
export type BufferKind = (typeof BufferKind)[keyof typeof BufferKind];
const KINDS = 5;
