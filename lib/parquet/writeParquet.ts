import { tableToIPC } from 'apache-arrow';
import type { Table } from 'apache-arrow';
import type { ParquetCompression, WriteParquetOptions } from './types.js';
import { ensureParquetWasm } from './wasm.js';
import type { ParquetWasm } from './wasm.js';

/**
 * Encodes an Arrow table as Parquet bytes (snappy unless told otherwise). Dictionary-typed string columns stay
 * dictionary-typed: parquet-wasm embeds the Arrow schema, so readers get `Dictionary<Int32, Utf8>` back.
 *
 * @example
 * const bytes = writeParquet(tableFromArrays({ pod: ['a', 'b'], usage: Float64Array.of(1, 2) }), { rowGroupSize: 100_000 });
 */
export function writeParquet(table: Table, options: WriteParquetOptions = {}): Uint8Array {
  const wasm = ensureParquetWasm();
  let builder = new wasm.WriterPropertiesBuilder().setCompression(compressionOf(wasm, options.compression ?? 'snappy'));
  if (options.rowGroupSize !== undefined) builder = builder.setMaxRowGroupSize(options.rowGroupSize);
  if (options.keyValueMetadata !== undefined) {
    builder = builder.setKeyValueMetadata(new Map(Object.entries(options.keyValueMetadata)));
  }
  // Both the wasm table and the properties are consumed by writeParquet, so nothing is left to free.
  return wasm.writeParquet(wasm.Table.fromIPCStream(tableToIPC(table, 'stream')), builder.build());
}

function compressionOf(wasm: ParquetWasm, compression: ParquetCompression): number {
  const codes: Record<ParquetCompression, number> = {
    snappy: wasm.Compression.SNAPPY,
    zstd: wasm.Compression.ZSTD,
    gzip: wasm.Compression.GZIP,
    lz4_raw: wasm.Compression.LZ4_RAW,
    uncompressed: wasm.Compression.UNCOMPRESSED,
  };
  return codes[compression];
}
