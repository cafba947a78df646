import { writeParquet } from '../parquet/writeParquet.js';
import { buildArrowTable } from './buildArrowTable.js';
import type { ColumnarChunk } from './types.js';

/** One chunk's hourly ("raw") and daily Parquet bytes, ready to put. */
export interface EncodedChunk {
  hourly: Uint8Array;
  daily: Uint8Array;
  hourlyRows: number;
  dailyRows: number;
}

/**
 * Encodes a chunk and its daily frame as Parquet (snappy, as pandas writes). Kept apart from the store writes so
 * a caller can encode while reading and put later, when the file's metadata is known.
 */
export function encodeChunk(hourly: ColumnarChunk, daily: ColumnarChunk): EncodedChunk {
  return {
    hourly: writeParquet(buildArrowTable(hourly)),
    daily: writeParquet(buildArrowTable(daily)),
    hourlyRows: hourly.length,
    dailyRows: daily.length,
  };
}
