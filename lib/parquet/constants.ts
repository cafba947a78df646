/** Rows per Arrow batch when reading; parquet-wasm's default of 1024 is about 2× slower and far hungrier. */
export const DEFAULT_BATCH_SIZE = 65_536;

/** The 4 bytes that open and close every (unencrypted) Parquet file. */
export const PARQUET_MAGIC = 'PAR1';

/** Trailer: 4-byte little-endian footer length, then the magic. */
export const PARQUET_TRAILER_BYTES = 8;

/** Largest footer we accept; a corrupt length field must not make us read the whole object. */
export const MAX_FOOTER_BYTES = 64 * 1024 * 1024;
