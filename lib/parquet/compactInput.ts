/**
 * Reading Thrift compact-protocol primitives from untrusted bytes: the one place that checks every read against the end
 * of the data, so both readers (`thriftCompact.ts`, `thriftTyped.ts`) fail the same way on truncated or corrupt input.
 */

// Real footers nest a few levels; a bound keeps corrupt input from recursing without end.
export const MAX_STRUCT_DEPTH = 64;

/** The bytes being decoded and the position of the next unread byte. */
export class CompactInput {
  pos: number;

  constructor(
    readonly bytes: Uint8Array,
    start = 0,
  ) {
    this.pos = start;
  }

  /** How many bytes are left; a list or map announcing more elements than this is corrupt. */
  get remaining(): number {
    return this.bytes.length - this.pos;
  }

  byte(): number {
    return this.bytes[this.take(1)] as number;
  }

  /** Thrift's `byte`, which is signed. */
  int8(): number {
    return (this.byte() << 24) >> 24;
  }

  /** Consumes `count` bytes and returns the index of the first. */
  take(count: number): number {
    const start = this.pos;
    if (start + count > this.bytes.length) throw new RangeError(`thrift data ends at byte ${this.bytes.length}`);
    this.pos += count;
    return start;
  }

  /** A length-prefixed binary (string or bytes), as a view into the input rather than a copy. */
  binary(): Uint8Array {
    const length = this.varint();
    const start = this.take(length);
    return this.bytes.subarray(start, start + length);
  }

  // Multiplication instead of shifts so values above 2^31 (i64 offsets, row counts) stay exact up to 2^53.
  varint(): number {
    let result = 0;
    let scale = 1;
    for (let i = 0; i < 10; i += 1) {
      const b = this.byte();
      result += (b & 0x7f) * scale;
      if ((b & 0x80) === 0) return result;
      scale *= 128;
    }
    throw new Error(`thrift varint longer than 10 bytes at byte ${this.pos}`);
  }

  zigzag(): number {
    return unzigzag(this.varint());
  }

  /**
   * Unsigned varint: a number while exact (< 2^49, at most 7 bytes), a bigint beyond. For re-encoding a footer, where
   * an i64 must come back bit for bit.
   */
  exactVarint(): number | bigint {
    const start = this.pos;
    const value = this.varint();
    if (this.pos - start <= 7) return value;
    let big = 0n;
    for (let i = start; i < this.pos; i += 1) big |= BigInt((this.bytes[i] as number) & 0x7f) << BigInt(7 * (i - start));
    return big;
  }

  exactZigzag(): number | bigint {
    const n = this.exactVarint();
    if (typeof n === 'bigint') return (n & 1n) === 0n ? n >> 1n : -((n + 1n) >> 1n);
    return unzigzag(n);
  }
}

function unzigzag(n: number): number {
  return n % 2 === 0 ? n / 2 : -(n + 1) / 2;
}
