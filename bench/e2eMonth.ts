import { rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { defaultDayWorkers } from '../cli/dayWorkerPool.js';
import { BENCH_CLUSTER_ID, BENCH_ENABLED_KEYS, BENCH_MONTH, BENCH_PROVIDER_UUID, BENCH_SCHEMA } from './constants.js';
import { ensureBenchData } from './ensureBenchData.js';
import { lastJsonLine, runCommand, runTsChild } from './runChild.js';
import type { E2eResult, MonthParityCheck } from './types.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface E2eOptions {
  cacheRoot: string;
  rowsPerDay: number;
  seed: number;
  workers?: number;
  /** The CLI's --commit-concurrency; its default when absent. */
  commitConcurrency?: number;
  /** PostgreSQL URL; when absent the CLI starts an embedded PostgreSQL (fresh data directory each run). */
  databaseUrl?: string;
  /** Node binary that runs the CLI. */
  node: string;
  /** After the run, compare the month's Pod, Storage and unallocated rows in PostgreSQL with DuckDB's (`checkMonthChild`). */
  check: boolean;
  log: (line: string) => void;
}

/**
 * The month end to end: 30 days of Koku-layout Parquet through the CLI's `summarize` (day tasks on worker threads,
 * partials, finalize with COPY into reporting_ocpusagelineitem_daily_summary), timed from process start to exit.
 * The tenant schema is dropped (URL) or the embedded database is new, so every run inserts all rows afresh.
 */
export async function runE2eMonth(options: E2eOptions): Promise<E2eResult> {
  const { year, month } = BENCH_MONTH;
  const mm = String(month).padStart(2, '0');
  const days = Array.from({ length: 30 }, (_, i) => `${year}-${mm}-${String(i + 1).padStart(2, '0')}`);
  const data = await ensureBenchData({ cacheRoot: options.cacheRoot, kind: 'month', rowsPerDay: options.rowsPerDay, seed: options.seed, days, parallel: availableParallelism(), log: options.log });
  // What the CLI picks by itself unless told (one core is left to an embedded PostgreSQL).
  const workers = options.workers ?? defaultDayWorkers({ embedded: !options.databaseUrl });
  const pgDir = join(options.cacheRoot, 'e2e-embedded');
  if (options.databaseUrl) await dropSchema(options.databaseUrl);
  else rmSync(pgDir, { recursive: true, force: true });

  const args = [
    join(ROOT, 'bin/koku-agg.js'), 'summarize',
    '--source', data.dir,
    '--schema', BENCH_SCHEMA,
    '--provider-uuid', BENCH_PROVIDER_UUID,
    '--cluster-id', BENCH_CLUSTER_ID,
    '--month', `${year}-${mm}`,
    '--workers', String(workers),
    // The day benchmark's keys, so labels are filtered and merged (and GIN-indexed) as there.
    '--enable-tag-keys', BENCH_ENABLED_KEYS.join(','),
    '--data-dir', pgDir,
    '--log-level', 'info',
    ...(options.commitConcurrency ? ['--commit-concurrency', String(options.commitConcurrency)] : []),
    ...(options.databaseUrl ? ['--db', options.databaseUrl] : []),
  ];
  options.log(`end to end: koku-agg summarize, ${days.length} days × ${options.rowsPerDay.toLocaleString('en-US')} hourly pod rows, ${workers} worker(s), ${options.databaseUrl ? 'PostgreSQL from URL' : 'embedded PostgreSQL'}`);
  const started = Date.now();
  const outcome = await runCommand(options.node, args, { measureRss: true, cwd: ROOT });
  let check: MonthParityCheck | undefined;
  try {
    if (options.check && outcome.code === 0) {
      options.log(`end to end: the month's rows in PostgreSQL against DuckDB's, row by row`);
      const from = days[0] as string;
      const to = days.at(-1) as string;
      check = lastJsonLine<MonthParityCheck>(await runTsChild('checkMonthChild.ts', [data.dir, from, to, options.databaseUrl ?? pgDir]), 'month parity check');
    }
  } finally {
    if (!options.databaseUrl) rmSync(pgDir, { recursive: true, force: true });
  }
  const phases = dayPhases(outcome.stderr, started, outcome.wallMs);
  return {
    ...phases,
    rowsPerDay: options.rowsPerDay,
    days: days.length,
    hourlyPodRows: data.rows['pod_usage.hourly'] ?? 0,
    wallMs: outcome.wallMs,
    peakRssMb: outcome.peakRssMb,
    workers,
    commitConcurrency: options.commitConcurrency ?? null,
    database: options.databaseUrl ? 'url' : 'embedded (includes initdb and start)',
    exitCode: outcome.code,
    outputTail: `${outcome.stdout}\n${outcome.stderr.split('\n').filter((l) => !l.includes(' INFO ')).join('\n')}`.trim().split('\n').slice(-25).join('\n'),
    ...(check ? { check } : {}),
  };
}

/**
 * From the CLI's info log: when the last day task finished (so: day phase, then finalize into PostgreSQL until exit)
 * and the mean of the day tasks' own timings.
 */
function dayPhases(stderr: string, startedAt: number, wallMs: number): Pick<E2eResult, 'dayPhaseMs' | 'finalizeMs' | 'dayTaskMeanMs'> {
  let last = 0;
  const taskMs: number[] = [];
  for (const line of stderr.split('\n')) {
    if (!line.includes('day summarised')) continue;
    const at = Date.parse(line.slice(0, line.indexOf(' ')));
    if (Number.isFinite(at)) last = Math.max(last, at);
    const ms = / ms=(\d+)/.exec(line);
    if (ms) taskMs.push(Number(ms[1]));
  }
  if (last === 0) return { dayPhaseMs: null, finalizeMs: null, dayTaskMeanMs: null };
  const dayPhaseMs = last - startedAt;
  return { dayPhaseMs, finalizeMs: wallMs - dayPhaseMs, dayTaskMeanMs: taskMs.reduce((a, b) => a + b, 0) / taskMs.length };
}

async function dropSchema(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${BENCH_SCHEMA} CASCADE`);
  } finally {
    await client.end();
  }
}
