/**
 * Parquet's RLE / bit-packing hybrid encoding (definition levels and dictionary indices): decodes exactly `count`
 * values of `bitWidth` bits from `bytes[pos, end)` into `out[outAt…]` and returns the position after the last run
 * read. Bounds-checked: corrupt input throws.
 *
 * @example
 * const defs = new Int32Array(numValues);
 * decodeRleHybrid(page, 4, 4 + length, 1, numValues, defs, 0);
 */
export function decodeRleHybrid(
  bytes: Uint8Array,
  pos: number,
  end: number,
  bitWidth: number,
  count: number,
  out: Int32Array,
  outAt: number,
): number {
  if (bitWidth < 0 || bitWidth > 32) throw new Error(`RLE: bit width ${bitWidth}`);
  let done = 0;
  const valueBytes = (bitWidth + 7) >> 3;
  while (done < count) {
    // Run header: ULEB128.
    let header = 0;
    let scale = 1;
    for (let i = 0; ; i++) {
      if (pos >= end || i >= 5) throw new Error('RLE: truncated run header');
      const b = bytes[pos++] as number;
      header += (b & 0x7f) * scale;
      if ((b & 0x80) === 0) break;
      scale *= 128;
    }
    if (header % 2 === 0) {
      const runLength = header / 2;
      if (pos + valueBytes > end) throw new Error('RLE: truncated run value');
      let value = 0;
      for (let k = 0; k < valueBytes; k++) value += (bytes[pos + k] as number) * 2 ** (8 * k);
      pos += valueBytes;
      const n = Math.min(runLength, count - done);
      out.fill(value | 0, outAt + done, outAt + done + n);
      done += n;
    } else {
      const groups = (header - 1) / 2;
      const byteLength = groups * bitWidth;
      if (pos + byteLength > end) {
        // Writers may end the last bit-packed run early when it holds only the values still missing.
        if (pos + Math.ceil(((count - done) * bitWidth) / 8) > end) throw new Error('RLE: truncated bit-packed run');
      }
      const n = Math.min(groups * 8, count - done);
      unpack(bytes, pos, bitWidth, n, out, outAt + done);
      pos += byteLength;
      done += n;
    }
  }
  return Math.min(pos, end);
}

/**
 * The value of the run-length run that `bytes[pos, end)` starts with when that run covers at least `count` values,
 * else -1 (a bit-packed run, a shorter run, or malformed data, which `decodeRleHybrid` then reports). Definition levels
 * of a page without NULLs are one such run of 1s, so callers can skip decoding and scanning them.
 *
 * @example
 * if (leadingRunValue(page, 4, 4 + length, 1, numValues) === 1) { ... } // every value defined
 */
export function leadingRunValue(bytes: Uint8Array, pos: number, end: number, bitWidth: number, count: number): number {
  let header = 0;
  let scale = 1;
  for (let i = 0; ; i++) {
    if (pos >= end || i >= 5) return -1;
    const b = bytes[pos++] as number;
    header += (b & 0x7f) * scale;
    if ((b & 0x80) === 0) break;
    scale *= 128;
  }
  const valueBytes = (bitWidth + 7) >> 3;
  if (header % 2 !== 0 || header / 2 < count || pos + valueBytes > end) return -1;
  let value = 0;
  for (let k = 0; k < valueBytes; k++) value += (bytes[pos + k] as number) * 2 ** (8 * k);
  return value | 0;
}

/** `n` little-endian bit-packed values of `bitWidth` bits starting at `bytes[pos]`. */
function unpack(bytes: Uint8Array, pos: number, bitWidth: number, n: number, out: Int32Array, at: number): void {
  if (bitWidth === 0) {
    out.fill(0, at, at + n);
    return;
  }
  const mask = bitWidth >= 32 ? -1 : (1 << bitWidth) - 1;
  if (bitWidth <= 25 && pos + Math.ceil((n * bitWidth) / 8) + 3 <= bytes.length) {
    // Four bytes always hold a value of at most 25 bits at any bit offset: one little-endian word read per value,
    // while the last word read stays inside `bytes`.
    const view = viewOf(bytes);
    const base = bytes.byteOffset + pos;
    for (let i = 0, bit = 0; i < n; i++, bit += bitWidth) {
      out[at + i] = (view.getUint32(base + (bit >>> 3), true) >>> (bit & 7)) & mask;
    }
    return;
  }
  if (bitWidth <= 24) {
    let acc = 0;
    let bits = 0;
    let p = pos;
    for (let i = 0; i < n; i++) {
      while (bits < bitWidth) {
        acc |= (bytes[p++] ?? 0) << bits;
        bits += 8;
      }
      out[at + i] = acc & mask;
      acc >>>= bitWidth;
      bits -= bitWidth;
    }
    return;
  }
  // Wide values: plain arithmetic keeps all 32 bits exact.
  let bit = pos * 8;
  for (let i = 0; i < n; i++) {
    let value = 0;
    for (let k = 0; k < bitWidth; k++, bit++) {
      if (((bytes[bit >> 3] ?? 0) >> (bit & 7)) & 1) value += 2 ** k;
    }
    out[at + i] = value | 0;
  }
}

let lastBytes: Uint8Array | null = null;
let lastView: DataView = new DataView(new ArrayBuffer(0));

/** A DataView over `bytes`' buffer, kept while pages come from the same buffer. */
function viewOf(bytes: Uint8Array): DataView {
  if (bytes !== lastBytes) {
    lastView = new DataView(bytes.buffer, 0, bytes.byteOffset + bytes.length);
    lastBytes = bytes;
  }
  return lastView;
}

/** Bits needed for values up to `max` (Parquet's level bit width). */
export function bitWidthOf(max: number): number {
  let width = 0;
  while (2 ** width <= max) width++;
  return width;
}
