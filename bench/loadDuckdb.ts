/**
 * DuckDB is the benchmark's yardstick, not a dependency: this registry lacks its non-Linux native bindings, which
 * made `npm ci` fail, so it is installed on demand (`npm install --no-save`) the first time the benchmark needs it.
 */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const MODULE = '@duckdb/node-api';

/** The minimal surface the benchmark uses. */
export interface DuckDbApi {
  DuckDBInstance: {
    create(path: string, options: Record<string, string>): Promise<{
      connect(): Promise<{ runAndReadAll(sql: string): Promise<{ getRowObjects(): Array<Record<string, unknown>>; getRowObjectsJson(): Array<Record<string, unknown>> }>; closeSync(): void }>;
      closeSync(): void;
    }>;
  };
}

export function ensureDuckdbInstalled(): void {
  try {
    createRequire(`${root}/package.json`).resolve(MODULE);
  } catch {
    const version = (createRequire(import.meta.url)('../package.json') as { config?: { duckdbVersion?: string } }).config?.duckdbVersion ?? 'latest';
    process.stderr.write(`bench: installing ${MODULE}@${version} (not saved to package.json)\n`);
    execFileSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', `${MODULE}@${version}`], { cwd: root, stdio: 'inherit' });
  }
}

/**
 * Loads the installed module. The parent (`bench/run.ts`) installs it first: children run as bundles outside `bench/`,
 * where this file's location no longer says where the repository is.
 */
export async function loadDuckdb(): Promise<DuckDbApi> {
  try {
    return (await import(MODULE as string)) as DuckDbApi;
  } catch (cause) {
    throw new Error(`${MODULE} is not installed; npm run bench installs it on first use`, { cause });
  }
}
