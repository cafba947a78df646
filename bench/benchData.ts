import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BENCH_ACCOUNT, BENCH_PROVIDER_UUID, HOURLY_ROWS_PER_POD } from './constants.js';

/** What a generated data set holds; written as `bench-data.json` once generation has finished. */
export interface BenchDataInfo {
  dir: string;
  /** Requested hourly pod rows per day. */
  rowsPerDay: number;
  seed: number;
  /** The generator's `SYNTHETIC_DATA_VERSION`; a data set of another version is generated again. */
  generatorVersion: number;
  pods: number;
  days: string[];
  /** Rows written per report type and granularity, summed over days. */
  rows: Record<string, number>;
  objects: number;
  bytes: number;
  generateMs: number;
}

const MARKER = 'bench-data.json';

/** Default cache root: generated data is kept between runs, keyed by size, seed and days. */
export function defaultCacheRoot(): string {
  return join(tmpdir(), 'koku-agg-bench');
}

export function podsForRows(rows: number): number {
  return Math.max(10, Math.round(rows / HOURLY_ROWS_PER_POD));
}

/** The cache directory of one data set. */
export function dataDirFor(root: string, kind: 'day' | 'month', rowsPerDay: number, seed: number): string {
  return join(root, `${kind}-${rowsPerDay}-s${seed}`);
}

export function readBenchData(dir: string): BenchDataInfo | null {
  const marker = join(dir, MARKER);
  if (!existsSync(marker)) return null;
  return JSON.parse(readFileSync(marker, 'utf8')) as BenchDataInfo;
}

export function writeBenchData(info: BenchDataInfo): void {
  mkdirSync(info.dir, { recursive: true });
  writeFileSync(join(info.dir, MARKER), `${JSON.stringify(info, null, 2)}\n`);
}

/** Koku prefixes (hourly and daily) of one report type in the bench source's month. */
export function reportPrefixes(dir: string, reportType: string, year: number, month: number): { hourly: string; daily: string } {
  const tail = `OCP/${reportType}/source=${BENCH_PROVIDER_UUID}/year=${year}/month=${String(month).padStart(2, '0')}`;
  return {
    hourly: join(dir, 'data/parquet', BENCH_ACCOUNT, tail),
    daily: join(dir, 'data/parquet/daily', BENCH_ACCOUNT, tail),
  };
}
