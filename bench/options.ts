import { Command, InvalidArgumentError } from 'commander';
import { defaultCacheRoot } from './benchData.js';
import { DEFAULT_E2E_ROWS_PER_DAY, DEFAULT_SEED, DEFAULT_SIZES, LARGE_SIZE } from './constants.js';
import { DEFAULT_POD_ROWS_QUERIES, POD_ROWS_QUERIES } from './podRowsSql.js';
import type { PodRowsQuery } from './podRowsSql.js';

export interface BenchOptions {
  sizes: number[];
  seed: number;
  repeat: number;
  warm: number;
  /** > 0: also run the TS day task with this many ms added to every read of its inputs (S3 round trips). */
  readLatencyMs: number;
  threads: number[];
  duckdb: boolean;
  /** DuckDB queries to time (`bench/podRowsSql.ts`): `raw`, `koku`, `trino`. */
  queries: PodRowsQuery[];
  /**
   * With DuckDB: once per size, the TS Pod rows against the `koku` and `trino` queries' and its Storage rows against
   * Koku's Storage SQL's; after the month, the rows in PostgreSQL against DuckDB's.
   */
  check: boolean;
  day: boolean;
  e2e: boolean;
  e2eRowsPerDay: number;
  e2eWorkers?: number;
  e2eCommitConcurrency?: number;
  databaseUrl?: string;
  cacheDir: string;
  out?: string;
  /** Node binary for the measured children (day tasks, DuckDB, the month's CLI); default: the one running the bench. */
  node: string;
}

/** `250k`, `0.5M`, `2M`, `1000000` → a row count. */
export function parseRows(text: string): number {
  const m = /^(\d+(?:\.\d+)?)([kKmM]?)$/.exec(text.trim());
  if (!m) throw new InvalidArgumentError(`not a row count: ${text} (e.g. 250k, 0.5M, 2000000)`);
  const scale = m[2] === '' ? 1 : m[2]!.toLowerCase() === 'k' ? 1e3 : 1e6;
  return Math.round(Number(m[1]) * scale);
}

function queryList(text: string): PodRowsQuery[] {
  const queries = text.split(',').filter(Boolean);
  const unknown = queries.filter((q) => !POD_ROWS_QUERIES.includes(q as PodRowsQuery));
  if (unknown.length > 0 || queries.length === 0) throw new InvalidArgumentError(`not a list of DuckDB queries: ${text} (${POD_ROWS_QUERIES.join(', ')})`);
  return [...new Set(queries)] as PodRowsQuery[];
}

const rowList = (text: string) => text.split(',').filter(Boolean).map(parseRows);
const intList = (text: string) => text.split(',').filter(Boolean).map((t) => positiveInt(t));
function nonNegativeInt(text: string): number {
  return text === '0' ? 0 : positiveInt(text);
}
function positiveInt(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`not a positive integer: ${text}`);
  return n;
}

/** Parses `npm run bench -- …` flags. `env` supplies the default database URL (KOKU_AGG_DATABASE_URL). */
export function parseBenchOptions(argv: string[], env: NodeJS.ProcessEnv): BenchOptions {
  const program = new Command('bench')
    .description('Day aggregation (TypeScript vs DuckDB, fresh process per run) and a 30-day month end to end')
    .option('--sizes <list>', 'hourly pod rows per day to benchmark, e.g. 250k,1M', rowList, DEFAULT_SIZES)
    .option('--large', `also benchmark ${LARGE_SIZE / 1e6}M rows`, false)
    .option('--seed <n>', 'generator seed (part of the data cache key)', positiveInt, DEFAULT_SEED)
    .option('--repeat <n>', 'runs per engine and size; medians are reported', positiveInt, 1)
    .option('--warm <n>', 'after each measured (cold) run, run the same work n more times in that process and report the median (0: none)', nonNegativeInt, 2)
    .option('--read-latency-ms <n>', 'also run the TS day task with n ms added to every listing and ranged read of its inputs, as S3 round trips from Lambda (0: not)', nonNegativeInt, 0)
    .option('--threads <list>', 'DuckDB thread counts', intList, [1, 2])
    .option('--no-duckdb', 'skip DuckDB')
    .option('--queries <list>', 'DuckDB queries to time: raw (groups on the raw label text), koku (labels as Koku, grouped on the text first), trino (labels as Koku, merged per row as Trino does)', queryList, [...DEFAULT_POD_ROWS_QUERIES])
    .option('--no-check', "skip the parity checks: the day task's and the month's Pod and Storage rows against DuckDB's, row by row")
    .option('--no-day', 'skip the day benchmark')
    .option('--no-e2e', 'skip the month end to end')
    .option('--e2e-rows-per-day <rows>', 'hourly pod rows per day of the end-to-end month', parseRows, DEFAULT_E2E_ROWS_PER_DAY)
    .option('--e2e-workers <n>', 'day worker threads of the CLI (default: what the CLI picks: CPU count, one fewer with the embedded PostgreSQL)', positiveInt)
    .option('--e2e-commit-concurrency <n>', "the CLI's --commit-concurrency: finalize transactions at once (default: the CLI's)", positiveInt)
    .option('--db <url>', 'PostgreSQL for the end-to-end run (default: KOKU_AGG_DATABASE_URL, else embedded)')
    .option('--cache-dir <dir>', 'where generated data is kept between runs', defaultCacheRoot())
    .option('--out <file>', 'results JSON (default: bench/results/<timestamp>.json)')
    .option('--node <path>', 'Node binary that runs the measured children, e.g. a Node 22 as Lambda runs (default: this one)', process.execPath)
    .exitOverride();
  program.parse(argv, { from: 'user' });
  const o = program.opts();
  const sizes = [...(o.sizes as number[])];
  if (o.large && !sizes.includes(LARGE_SIZE)) sizes.push(LARGE_SIZE);
  return {
    sizes: sizes.sort((a, b) => a - b),
    seed: o.seed as number,
    repeat: o.repeat as number,
    warm: o.warm as number,
    readLatencyMs: o.readLatencyMs as number,
    threads: o.threads as number[],
    duckdb: o.duckdb as boolean,
    queries: o.queries as PodRowsQuery[],
    check: o.check as boolean,
    day: o.day as boolean,
    e2e: o.e2e as boolean,
    e2eRowsPerDay: o.e2eRowsPerDay as number,
    e2eWorkers: o.e2eWorkers as number | undefined,
    e2eCommitConcurrency: o.e2eCommitConcurrency as number | undefined,
    databaseUrl: (o.db as string | undefined) ?? env.KOKU_AGG_DATABASE_URL,
    cacheDir: o.cacheDir as string,
    out: o.out as string | undefined,
    node: o.node as string,
  };
}
