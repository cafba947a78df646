/**
 * `npm run bench:write [-- flags]`: what writing summary rows into PostgreSQL costs, and how much of it is Koku's
 * table (its GIN and b-tree indexes and deferred foreign keys) rather than our COPY encoding.
 *
 * One real day task (the day benchmark's 1M-row day, cached) gives a day of Pod + Storage + unallocated rows; those
 * rows are copied onto `--days` consecutive days and written with `replaceOcpDays` in one transaction, as finalize
 * does, into three fresh schemas: Koku's table as it is, without its three GIN indexes, and without any secondary
 * index or foreign key. Each variant is written twice: as finalize does (`replaceOcpDays`, encoding while the server
 * ingests), then from COPY text encoded beforehand, which times the server alone (COPY, and commit = the deferred FK
 * checks) apart from our encoder. It also prints the WAL written per row. See bench/README.md.
 */
import { Command, InvalidArgumentError } from 'commander';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type pg from 'pg';
import { silentLogger } from '../lib/common/logger.js';
import { startEmbeddedPostgres } from '../lib/db/embeddedPostgres.js';
import { createPool, ensureReportPeriod, ensureTenantSchema, qualifiedName, replaceOcpDays, withClient, withTransaction } from '../lib/db/index.js';
import { copyOcpText, encodeOcpCopyChunks } from '../lib/db/ocpSummaryWriter.js';
import { OCP_SUMMARY_TABLE } from '../lib/db/constants.js';
import { buildUnallocatedRows } from '../lib/ocp/index.js';
import type { OcpSummaryRow } from '../lib/ocp/types.js';
import { runOcpDayTask } from '../lib/pipeline/ocpDayTask.js';
import { readOcpPartialRows } from '../lib/pipeline/partials.js';
import { LocalObjectStore, MemoryObjectStore } from '../lib/store/index.js';
import { defaultCacheRoot } from './benchData.js';
import { BENCH_ACCOUNT, BENCH_DAY, BENCH_ENABLED_KEYS, BENCH_PROVIDER_UUID, DEFAULT_SEED } from './constants.js';
import { ensureBenchData } from './ensureBenchData.js';

const VARIANTS = {
  koku: { label: "Koku's table", drop: [] as string[] },
  noGin: { label: 'without the 3 GIN indexes', drop: ['gin'] },
  bare: { label: 'without secondary indexes and FKs', drop: ['gin', 'btree', 'fk'] },
} as const;

const log = (line: string) => process.stderr.write(`[bench:write] ${line}\n`);

async function main(): Promise<void> {
  const opts = new Command('bench:write')
    .option('--days <n>', 'days of rows written in one transaction', positiveInt, 5)
    .option('--db <url>', 'PostgreSQL (default: KOKU_AGG_DATABASE_URL, else a fresh embedded one)')
    .option('--cache-dir <dir>', 'where generated data is kept', defaultCacheRoot())
    .parse()
    .opts<{ days: number; db?: string; cacheDir: string }>();
  const rows = await oneDayOfRows(opts.cacheDir);
  const url = opts.db ?? process.env.KOKU_AGG_DATABASE_URL;
  const pgDir = join(opts.cacheDir, 'write-path-pg');
  rmSync(pgDir, { recursive: true, force: true });
  const server = url ? null : await startEmbeddedPostgres({ dataDir: pgDir });
  const pool = createPool({ connectionString: url ?? server!.url, max: 2 }, silentLogger);
  try {
    process.stdout.write(
      '| table | rows | as finalize writes: µs/row | server alone: COPY µs/row | + commit (FK checks) µs/row | WAL bytes/row | our encoder µs/row |\n'
      + '|---|---|---|---|---|---|---|\n',
    );
    for (const [name, variant] of Object.entries(VARIANTS)) {
      const r = await measure(pool, `bench_write_${name.toLowerCase()}`, variant.drop, rows, opts.days);
      const us = (ms: number) => ((1000 * ms) / r.rows).toFixed(1);
      process.stdout.write(`| ${variant.label} | ${r.rows.toLocaleString('en-US')} | ${us(r.finalizeMs)} | ${us(r.serverCopyMs)} | ${us(r.serverCommitMs)} | ${(r.walBytes / r.rows).toFixed(0)} | ${us(r.encodeMs)} |\n`);
    }
  } finally {
    await pool.end();
    await server?.stop();
    rmSync(pgDir, { recursive: true, force: true });
  }
}

/** The bench day's rows as finalize writes them: the partial's rows plus unallocated rows (no node roles known). */
async function oneDayOfRows(cacheRoot: string): Promise<OcpSummaryRow[]> {
  const data = await ensureBenchData({ cacheRoot, kind: 'day', rowsPerDay: 1_000_000, seed: DEFAULT_SEED, days: [BENCH_DAY], parallel: 1, log });
  const [year, month] = BENCH_DAY.split('-').map(Number) as [number, number];
  const partials = new MemoryObjectStore('partials');
  const manifest = await runOcpDayTask(
    { dataStore: new LocalObjectStore(data.dir), partialStore: partials, partialsPrefix: 'p/', config: { enabledKeys: BENCH_ENABLED_KEYS, costCategories: [] }, logger: silentLogger },
    { account: BENCH_ACCOUNT, providerType: 'OCP', providerUuid: BENCH_PROVIDER_UUID, year, month, day: BENCH_DAY },
  );
  const { rows } = await readOcpPartialRows(partials, manifest);
  return [...rows, ...buildUnallocatedRows(rows.filter((r) => r.data_source === 'Pod'), () => null, [])];
}

async function measure(pool: pg.Pool, schema: string, drop: readonly string[], dayRows: OcpSummaryRow[], dayCount: number) {
  const [year, month] = BENCH_DAY.split('-').map(Number) as [number, number];
  const days = Array.from({ length: dayCount }, (_, i) => `${BENCH_DAY.slice(0, 8)}${String(i + 1).padStart(2, '0')}`);
  const rows = days.flatMap((day) => dayRows.map((r) => ({ ...r, usage_start: day })));
  const reportPeriodId = await withClient(pool, async (client) => {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await ensureTenantSchema(client, schema);
    await dropFromSummaryTable(client, schema, drop);
    return ensureReportPeriod(client, schema, { providerUuid: BENCH_PROVIDER_UUID, clusterId: 'bench', clusterAlias: 'bench', year, month });
  });
  const input = { schema, reportPeriodId, clusterId: 'bench', clusterAlias: 'bench', providerUuid: BENCH_PROVIDER_UUID, days, rows };
  log(`${schema}: writing ${rows.length.toLocaleString('en-US')} rows (${dayCount} day(s)) as finalize does`);
  let started = performance.now();
  await withTransaction(pool, (client) => replaceOcpDays(client, input));
  const finalizeMs = performance.now() - started;

  log(`${schema}: encoding, then writing them again from the encoded text`);
  // Encoding is timed on its own, streamed as finalize streams it (holding 150 MB of text would time the GC instead).
  started = performance.now();
  for (const chunk of encodeOcpCopyChunks(input)) void chunk;
  const encodeMs = performance.now() - started;
  const chunks = [...encodeOcpCopyChunks(input)];
  const table = qualifiedName(schema, OCP_SUMMARY_TABLE);
  let serverCopyMs = 0;
  let walBytes = 0;
  await withTransaction(pool, async (client) => {
    // The same rows again into emptied storage (TRUNCATE, not DELETE, so the indexes start empty as in the first write).
    await client.query(`TRUNCATE ${table}`);
    const lsn = await client.query<{ at: string }>('SELECT pg_current_wal_insert_lsn()::text AS at');
    started = performance.now();
    await copyOcpText(client, table, chunks);
    serverCopyMs = performance.now() - started;
    const wal = await client.query<{ bytes: string }>('SELECT pg_wal_lsn_diff(pg_current_wal_insert_lsn(), $1::pg_lsn)::text AS bytes', [lsn.rows[0]!.at]);
    walBytes = Number(wal.rows[0]!.bytes);
    started = performance.now();
  });
  const serverCommitMs = performance.now() - started;
  await withClient(pool, (client) => client.query(`DROP SCHEMA ${schema} CASCADE`));
  return { rows: rows.length, finalizeMs, encodeMs, serverCopyMs, serverCommitMs, walBytes };
}

/** Drops the summary table's GIN indexes, other secondary indexes and/or foreign keys (the primary key stays). */
async function dropFromSummaryTable(client: pg.PoolClient, schema: string, drop: readonly string[]): Promise<void> {
  const table = qualifiedName(schema, OCP_SUMMARY_TABLE);
  const indexes = await client.query<{ name: string; method: string }>(
    `SELECT c.relname AS name, a.amname AS method FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam
     WHERE i.indrelid = $1::regclass AND NOT i.indisprimary`,
    [table],
  );
  for (const index of indexes.rows) {
    if ((index.method === 'gin' && drop.includes('gin')) || (index.method !== 'gin' && drop.includes('btree'))) {
      await client.query(`DROP INDEX ${qualifiedName(schema, index.name)}`);
    }
  }
  if (!drop.includes('fk')) return;
  const fks = await client.query<{ name: string }>(`SELECT conname AS name FROM pg_constraint WHERE conrelid = $1::regclass AND contype = 'f'`, [table]);
  for (const fk of fks.rows) await client.query(`ALTER TABLE ${table} DROP CONSTRAINT "${fk.name.replace(/"/g, '""')}"`);
}

function positiveInt(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 28) throw new InvalidArgumentError(`not a day count from 1 to 28: ${text}`);
  return n;
}


main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
