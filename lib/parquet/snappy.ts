import { nativeSnappyUncompress } from './nativeSnappy.js';

/**
 * The most bytes a raw Snappy block of `compressedLength` bytes can decode to: the densest element is a 3-byte copy of
 * 64 bytes. A page header or preamble claiming more is corrupt, and is refused before anything that large is allocated.
 */
export function snappyMaxUncompressedLength(compressedLength: number): number {
  return Math.ceil((compressedLength * 64) / 3);
}

/** Which decoder `snappyUncompress` uses in this process. */
export const snappyBackend: 'native' | 'js' = nativeSnappyUncompress === null ? 'js' : 'native';

/**
 * Raw Snappy block decompression (the format Parquet's SNAPPY codec uses: no framing): the native `snappy` package
 * where it loads, else `snappyUncompressJs`. Either way the block's length preamble is checked against
 * `expectedLength` first, and a corrupt block throws an error that starts with "snappy:".
 *
 * @example
 * const page = snappyUncompress(compressed, header.uncompressedPageSize);
 *
 * With `scratch` (large enough), the JS decoder writes into it and returns a view of it (no allocation).
 */
export function snappyUncompress(input: Uint8Array, expectedLength?: number, scratch?: Uint8Array): Uint8Array {
  if (nativeSnappyUncompress === null) return snappyUncompressJs(input, expectedLength, scratch);
  const { length } = snappyPreamble(input, expectedLength);
  let out: Uint8Array;
  try {
    out = nativeSnappyUncompress(input);
  } catch (err) {
    throw new Error(`snappy: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (out.length !== length) throw new Error(`snappy: block decodes to ${out.length} of ${length} bytes`);
  return out;
}

/** The pure-JS decoder, bounds-checked: a corrupt block throws instead of reading or writing outside its buffers. */
export function snappyUncompressJs(input: Uint8Array, expectedLength?: number, scratch?: Uint8Array): Uint8Array {
  const { length, pos: start } = snappyPreamble(input, expectedLength);
  let pos = start;
  const out = scratch !== undefined && scratch.length >= length ? scratch.subarray(0, length) : new Uint8Array(length);
  let at = 0;
  const end = input.length;
  while (pos < end) {
    const tag = input[pos++] as number;
    const kind = tag & 3;
    if (kind === 0) {
      let len = tag >>> 2;
      if (len >= 60) {
        const extra = len - 59;
        if (pos + extra > end) throw new Error('snappy: truncated literal length');
        len = 0;
        for (let k = 0; k < extra; k++) len += (input[pos + k] as number) * 2 ** (8 * k);
        pos += extra;
      }
      len += 1;
      if (pos + len > end || at + len > length) throw new Error('snappy: literal overruns its buffers');
      if (len < 64) {
        // Short literals: a loop beats allocating a subarray for set().
        for (let k = 0; k < len; k++) out[at + k] = input[pos + k] as number;
      } else out.set(input.subarray(pos, pos + len), at);
      pos += len;
      at += len;
      continue;
    }
    let len: number;
    let offset: number;
    if (kind === 1) {
      if (pos + 1 > end) throw new Error('snappy: truncated copy');
      len = ((tag >>> 2) & 7) + 4;
      offset = ((tag >>> 5) << 8) | (input[pos++] as number);
    } else if (kind === 2) {
      if (pos + 2 > end) throw new Error('snappy: truncated copy');
      len = (tag >>> 2) + 1;
      offset = (input[pos] as number) | ((input[pos + 1] as number) << 8);
      pos += 2;
    } else {
      if (pos + 4 > end) throw new Error('snappy: truncated copy');
      len = (tag >>> 2) + 1;
      offset = ((input[pos] as number) | ((input[pos + 1] as number) << 8) | ((input[pos + 2] as number) << 16)) + (input[pos + 3] as number) * 2 ** 24;
      pos += 4;
    }
    if (offset === 0 || offset > at || at + len > length) throw new Error('snappy: copy outside the output');
    let from = at - offset;
    // copyWithin is the fast path even for short copies (measured ~2× over a byte loop); runs need the loop.
    if (offset >= len) {
      out.copyWithin(at, from, from + len);
      at += len;
    } else {
      // Overlapping copy (a run): byte by byte, each byte may be one just written.
      for (let k = 0; k < len; k++) out[at++] = out[from++] as number;
    }
  }
  if (at !== length) throw new Error(`snappy: block decodes to ${at} of ${length} bytes`);
  return out;
}

/** The block's uncompressed length (a little-endian varint) and where its tags start. */
function snappyPreamble(input: Uint8Array, expectedLength: number | undefined): { length: number; pos: number } {
  let pos = 0;
  let length = 0;
  let shift = 1;
  for (let i = 0; ; i++) {
    if (pos >= input.length || i >= 5) throw new Error('snappy: bad length preamble');
    const b = input[pos++] as number;
    length += (b & 0x7f) * shift;
    if ((b & 0x80) === 0) break;
    shift *= 128;
  }
  if (expectedLength !== undefined && length !== expectedLength) {
    throw new Error(`snappy: block says ${length} bytes, page header says ${expectedLength}`);
  }
  if (length > snappyMaxUncompressedLength(input.length)) {
    throw new Error(`snappy: block says ${length} bytes, more than ${input.length} compressed bytes can hold`);
  }
  return { length, pos };
}
