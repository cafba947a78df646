import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { lambdaBundling, projectRoot } from '../infra/lambdaBundling.js';

const BENCH_DIR = fileURLToPath(new URL('.', import.meta.url));
// Under node_modules, so the packages the code loads at run time (parquet-wasm's wasm, the native snappy, DuckDB) resolve.
const OUT_DIR = join(projectRoot, 'node_modules', '.cache', 'koku-bench');
const built = new Map<string, Promise<string>>();

/**
 * Bundles `bench/<script>` with the day-aggregator Lambda's esbuild settings (`lambdaBundling`: ESM, minified, names
 * kept, the `require` banner) and returns the file, built once per process. Measured children run as what is
 * deployed instead of under tsx, whose loader adds ~35–70 MB to a process's RSS.
 */
export function bundleChild(script: string): Promise<string> {
  let file = built.get(script);
  if (file === undefined) {
    file = buildOnce(script);
    built.set(script, file);
  }
  return file;
}

async function buildOnce(script: string): Promise<string> {
  const lambda = lambdaBundling('x86_64');
  const outfile = join(OUT_DIR, script.replace(/\.ts$/, '.mjs'));
  await build({
    entryPoints: [join(BENCH_DIR, script)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: lambda.target,
    minify: lambda.minify,
    keepNames: lambda.keepNames,
    mainFields: lambda.mainFields,
    banner: lambda.banner === undefined ? undefined : { js: lambda.banner },
    logLevel: 'warning',
  });
  return outfile;
}
