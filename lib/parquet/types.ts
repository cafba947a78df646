import type { Vector } from 'apache-arrow';
import type { DecodeBuffers } from './decodeBuffers.js';

/** Min and max of one column in one row group. Timestamps and dates are epoch milliseconds. */
export interface ColumnStats {
  min: number | string | null;
  max: number | string | null;
  /** Null values in the row group, when the writer recorded it. */
  nullCount: number | null;
}

export interface RowGroupInfo {
  index: number;
  numRows: number;
  /** Keyed by column name (dotted path for nested columns); absent when the writer kept no statistics. */
  stats: Record<string, ColumnStats | undefined>;
}

/** What the Parquet footer says, read without touching the data pages. */
export interface ParquetFooter {
  numRows: number;
  rowGroups: RowGroupInfo[];
  /** Top-level column names in file order. */
  columns: string[];
  /** File key-value metadata (`ARROW:schema`, `pandas`, …). */
  keyValueMetadata: Record<string, string>;
  createdBy: string | null;
}

export interface ReadBatchesOptions {
  /** Names the object in errors (its key). */
  label: string;
  /** Columns to read; names the file lacks are skipped. All columns when omitted. */
  columns?: string[];
  /** Row groups to read, in file order; all when omitted, none when empty. */
  rowGroups?: number[];
  /** Rows per batch; small batches make parquet-wasm slow and memory-hungry (tooling §1). */
  batchSize?: number;
  /** The footer, if the caller has read it already (saves the footer reads). */
  footer?: ParquetFooter;
  /**
   * Output arrays to reuse from one row group to the next (and across objects read one after another). Each batch is
   * then valid only until the next one is asked for: read it, do not keep it.
   */
  buffers?: DecodeBuffers;
}

export type ParquetCompression = 'snappy' | 'zstd' | 'gzip' | 'lz4_raw' | 'uncompressed';

export interface WriteParquetOptions {
  /** Rows per row group; parquet-wasm's default (1M) when omitted. */
  rowGroupSize?: number;
  compression?: ParquetCompression;
  /** Extra file key-value metadata. */
  keyValueMetadata?: Record<string, string>;
}

/** Anything with named columns: an Arrow `RecordBatch` or `Table`. */
export interface ColumnSource {
  readonly numRows: number;
  getChild(name: string): Vector | null;
}
