import type { Readable } from 'node:stream';
import type { Logger } from '../common/logger.js';
import type { OcpReportType } from '../layout/types.js';
import type { ObjectStore } from '../store/types.js';

export type { OcpReportType } from '../layout/types.js';

/** The four OCP report types the daily summary reads (spec §2.4); the only ones this package converts. */
export type SummaryReportType = Extract<OcpReportType, 'pod_usage' | 'storage_usage' | 'node_labels' | 'namespace_labels'>;

/**
 * A dictionary-encoded string column: `codes[i]` indexes `dictionary`, `-1` is NULL.
 * Koku's string columns are never NULL except the "new" columns it adds to daily frames (spec §2.2).
 */
export interface StringColumn {
  kind: 'string';
  dictionary: string[];
  codes: Int32Array;
}

/** A DOUBLE column. NaN stands for pandas' NaN (only reachable from a literal `nan` cell). */
export interface Float64Column {
  kind: 'float64';
  values: Float64Array;
}

/** A TIMESTAMP(MILLIS) column as epoch milliseconds; `utc` marks a time-zone-aware column (AWS CUR dates). */
export interface TimestampColumn {
  kind: 'timestamp';
  values: Float64Array;
  utc: boolean;
}

export type Column = StringColumn | Float64Column | TimestampColumn;

/**
 * A block of rows in Koku's Parquet semantics (labels as JSON text, timestamps as ms, identifiers escaped),
 * column-oriented so millions of rows cost a few typed arrays. `names` is the column order of the file.
 */
export interface ColumnarChunk {
  length: number;
  names: string[];
  columns: Record<string, Column>;
}

/** An input CSV: a path, or a named stream/text for callers that have no file. */
export type CsvInput = string | { name: string; stream: Readable } | { name: string; text: string };

export type IngestProviderType = 'OCP' | 'AWS';

export interface ConvertOptions {
  inputs: CsvInput[];
  store: ObjectStore;
  /** Tenant schema (`org1234567`, `acct10001`); the key's `{account}` segment is derived from it (spec §2.1). */
  schema: string;
  providerType: IngestProviderType;
  providerUuid: string;
  /** Koku's manifest id; names the files and goes into the `ManifestId` metadata. Default 1. */
  manifestId?: number;
  /** CSV rows per Parquet file pair (Koku's PARQUET_PROCESSING_BATCH_SIZE). Default 200,000. */
  chunkSize?: number;
  /**
   * OCP only. `true` (default): the operator sends daily reports, so rows are split by UTC day and superseded
   * same-day objects are replaced (spec §1 steps 3, 5). `false`: an additive payload, written unsplit, never replacing.
   */
  dailyReports?: boolean;
  /** OCP daily reports: the manifest's `hours_per_day` (`YYYY-MM-DD` → hours); else the distinct intervals are counted. */
  hoursPerDay?: Record<string, number>;
  /** OCP, additive payloads: the manifest date `YYYY-MM-DD` (else the first row's day). */
  reportDate?: string;
  /** Also run Koku's optional post-write dedup (spec §1 step 5, last sentence). Default false. */
  postWriteDedup?: boolean;
  /** Not Koku: replace existing same-day OCP objects whatever their hours (re-running a conversion). Default false. */
  replaceExisting?: boolean;
  /** AWS `row_uuid` source; default `crypto.randomUUID` (Koku draws uuid4). Tests pass a deterministic one. */
  rowUuid?: () => string;
  logger?: Logger;
}

/** One Parquet object written. */
export interface WrittenObject {
  key: string;
  rows: number;
  granularity: 'hourly' | 'daily';
  reportType: OcpReportType | 'aws';
  /** `YYYY-MM-DD` of the day file, or null for additive OCP files and AWS raw files spanning days. */
  day: string | null;
  metadata: Record<string, string>;
}

/** A day file Koku would skip because same-day objects with as many hours exist (`ReportsAlreadyProcessed`). */
export interface SkippedReport {
  reportType: OcpReportType;
  day: string;
  reason: string;
}

export interface ConvertSummary {
  written: WrittenObject[];
  /** Keys deleted as superseded (spec §1 step 5) or replaced by a newer AWS manifest. */
  deleted: string[];
  skipped: SkippedReport[];
  /** Data rows read from the CSVs. */
  rowsRead: number;
  /** Rows dropped by the anomaly filter (spec §2.2). */
  rowsDropped: number;
}
