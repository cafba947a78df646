/** What a listing says of one object. `etag` is unquoted. */
export interface ObjectInfo {
  key: string;
  etag: string;
  size: number;
  lastModified: Date;
}

export interface ObjectHead extends ObjectInfo {
  /** User metadata, keys lower-cased as S3 returns them (`manifestid`, `reportdatestart`, `reportnumhours`). */
  metadata: Record<string, string>;
}

export interface PutOptions {
  metadata?: Record<string, string>;
  contentType?: string;
}

/**
 * The object-store port: a bucket (S3) or a directory standing for one (local filesystem).
 * Keys are plain, decoded strings (`data/parquet/org1/OCP/pod_usage/source=…/year=2025/month=10/x.parquet`).
 */
export interface ObjectStore {
  /** A human-readable location (`s3://bucket/prefix` or a directory path) for messages. */
  readonly location: string;
  /** Every object whose key starts with `prefix`, in key order. */
  list(prefix: string): Promise<ObjectInfo[]>;
  head(key: string): Promise<ObjectHead>;
  get(key: string): Promise<Uint8Array>;
  /** Bytes `[start, endInclusive]`; a suffix read when `start` is negative (`-8` = the last 8 bytes). */
  getRange(key: string, start: number, endInclusive?: number): Promise<Uint8Array>;
  /**
   * A Blob over the object that reads lazily by range where the backend allows it, for parquet-wasm's
   * `ParquetFile.fromFile`. The caller must call `release()` when done (S3 may have spooled to a temp file).
   */
  openBlob(key: string, size?: number): Promise<{ blob: Blob; release: () => Promise<void> }>;
  put(key: string, body: Uint8Array | string, options?: PutOptions): Promise<{ etag: string }>;
  delete(key: string): Promise<void>;
}
