/**
 * Runs Koku-layout Parquet in a local directory through `koku-agg summarize` (the CLI function) into a fresh tenant
 * schema, for the scenario and round-trip integration tests.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { summarize } from '../../cli/commands/summarize.js';
import { enableTagKeys, withClient } from '../../lib/db/index.js';
import { LocalObjectStore } from '../../lib/store/index.js';
import { freshSchema, testDatabaseUrl, type FreshSchema } from './database.js';
import { readSummaryRows } from './summaryRows.js';

export interface SummarizedRun {
  db: FreshSchema;
  /** `summarize`'s exit code (0 = every day committed). */
  code: number;
  /** What `summarize` printed, for assertion messages. */
  output: string[];
  rows: Array<Record<string, unknown>>;
}

export interface SummarizeStoreOptions {
  providerUuid: string;
  clusterId: string;
  month: { year: number; month: number };
  /** OCP label keys to enable before summarising; none = Koku's default (every key disabled). */
  enableKeys?: readonly string[];
  /** Runs after the schema exists and before the data is written or summarised (cost categories, …). */
  prepare?: (db: FreshSchema) => Promise<void>;
}

/**
 * A fresh schema and a temp `LocalObjectStore`; `write` fills the store (the account is the schema's), then
 * `summarize()` runs on it with one worker. The caller owns `db` and must call `db.cleanup()`.
 */
export async function summarizeFreshStore(options: SummarizeStoreOptions, write: (store: LocalObjectStore, schema: string) => Promise<unknown>): Promise<SummarizedRun> {
  const db = await freshSchema('org');
  const dir = mkdtempSync(join(tmpdir(), 'koku-agg-scenario-'));
  try {
    const keys = options.enableKeys ?? [];
    if (keys.length > 0) await withClient(db.pool, (client) => enableTagKeys(client, db.schema, 'OCP', keys));
    await options.prepare?.(db);
    await write(new LocalObjectStore(dir), db.schema);
    const output: string[] = [];
    const code = await summarize(
      {
        source: dir,
        schema: db.schema,
        providerUuid: options.providerUuid,
        clusterId: options.clusterId,
        month: options.month,
        db: testDatabaseUrl(),
        dataDir: join(dir, '.unused'),
        workers: 0, // in-process: no worker-thread start-up per scenario
        logLevel: 'error',
      },
      (line) => output.push(line),
    );
    return { db, code, output, rows: await readSummaryRows(db.pool, db.schema) };
  } catch (err) {
    await db.cleanup();
    throw err;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
