/**
 * The one place that loads parquet-wasm. We use the package's `esm` build and instantiate it synchronously from
 * the `.wasm` bytes, because its `node` build finds the bytes through `__dirname`, which breaks in an ESM
 * bundle (tooling notes §3, gotcha 2). The bytes are found through the package's `exports` map, so the same
 * lookup works under tsx and in Lambda, where infra/lambdaBundling.ts ships `node_modules/parquet-wasm/`'s
 * package.json files and `esm/parquet_wasm_bg.wasm` beside the bundle. (Alternative: swap this file for one
 * that imports the bytes with esbuild's `--loader:.wasm=binary`.)
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as parquetWasm from 'parquet-wasm/esm';

export type ParquetWasm = typeof parquetWasm;

let ready = false;

/** parquet-wasm, instantiated on first use. */
export function ensureParquetWasm(): ParquetWasm {
  if (!ready) {
    const wasmPath = createRequire(import.meta.url).resolve('parquet-wasm/esm/parquet_wasm_bg.wasm');
    parquetWasm.initSync({ module: readFileSync(wasmPath) });
    ready = true;
  }
  return parquetWasm;
}
