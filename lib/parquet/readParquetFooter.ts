import { KokuAggError } from '../common/errors.js';
import { MAX_FOOTER_BYTES, PARQUET_MAGIC, PARQUET_TRAILER_BYTES } from './constants.js';
import { decodeFooter } from './decodeFooter.js';
import { rememberFooterBytes } from './footerBytes.js';
import { InvalidParquetObjectError } from './errors.js';
import type { ParquetFooter } from './types.js';

// One read usually covers trailer and footer; on S3 that saves a round trip.
const TAIL_GUESS_BYTES = 64 * 1024;
// A file is at least the leading magic, the trailer, and a footer of a few bytes.
const MIN_PARQUET_BYTES = PARQUET_MAGIC.length + PARQUET_TRAILER_BYTES;

/**
 * Reads only the footer of a Parquet object (one or two ranged reads of `blob`): row counts, column names,
 * key-value metadata and per-row-group min/max, with timestamps and dates as epoch milliseconds.
 * Throws `InvalidParquetObjectError(label, …)` for anything that is not a readable Parquet footer.
 *
 * @example
 * const footer = await readParquetFooter(await fs.openAsBlob(path), key);
 * footer.rowGroups[0].stats.interval_start; // { min: 1710460800000, max: 1710543600000, nullCount: 0 }
 */
export async function readParquetFooter(blob: Blob, label: string): Promise<ParquetFooter> {
  const size = blob.size;
  if (size === 0) throw new InvalidParquetObjectError(label, 'object is empty (0 bytes), not Parquet');
  if (size < MIN_PARQUET_BYTES) {
    throw new InvalidParquetObjectError(label, `object is ${size} bytes, too small to be Parquet`);
  }

  const tailStart = Math.max(0, size - TAIL_GUESS_BYTES);
  const tail = await readRange(blob, tailStart, size, label);
  const trailer = tail.subarray(tail.length - PARQUET_TRAILER_BYTES);
  const magic = String.fromCharCode(...trailer.subarray(4));
  if (magic === 'PARE') throw new InvalidParquetObjectError(label, 'encrypted Parquet footers are not supported');
  if (magic !== PARQUET_MAGIC) {
    throw new InvalidParquetObjectError(label, `not Parquet (ends in ${JSON.stringify(magic)}, expected "PAR1")`);
  }

  const footerLength = new DataView(trailer.buffer, trailer.byteOffset, 4).getUint32(0, true);
  const footerEnd = size - PARQUET_TRAILER_BYTES;
  const footerStart = footerEnd - footerLength;
  if (footerLength > MAX_FOOTER_BYTES || footerStart < PARQUET_MAGIC.length) {
    throw new InvalidParquetObjectError(
      label,
      `truncated or corrupt: footer length ${footerLength} does not fit in ${size} bytes`,
    );
  }
  const footerBytes =
    footerStart >= tailStart
      ? tail.subarray(footerStart - tailStart, footerEnd - tailStart)
      : await readRange(blob, footerStart, footerEnd, label);

  try {
    const footer = decodeFooter(footerBytes);
    rememberFooterBytes(footer, footerBytes);
    return footer;
  } catch (err) {
    throw new InvalidParquetObjectError(label, new Error(`corrupt footer: ${(err as Error).message}`, { cause: err }));
  }
}

async function readRange(blob: Blob, start: number, end: number, label: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await blob.slice(start, end).arrayBuffer());
  } catch (err) {
    // A store failure (network, permissions) is not a property of the object; let it say what it is.
    if (err instanceof KokuAggError) throw err;
    throw new InvalidParquetObjectError(label, err);
  }
}
