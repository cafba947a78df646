import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { SYNTHETIC_DATA_VERSION } from '../lib/generate/constants.js';
import { dataDirFor, podsForRows, readBenchData, writeBenchData } from './benchData.js';
import type { BenchDataInfo } from './benchData.js';
import { lastJsonLine, runTsChild } from './runChild.js';

export interface EnsureDataOptions {
  cacheRoot: string;
  kind: 'day' | 'month';
  rowsPerDay: number;
  seed: number;
  days: string[];
  /** Generator processes to run side by side (days are split between them). */
  parallel: number;
  log: (line: string) => void;
}

/**
 * The cached data set for (kind, rows per day, seed), generated first when missing, made for other days or made by
 * another version of the generator (`SYNTHETIC_DATA_VERSION`).
 * Generation runs in child processes (lib/generate's Arrow fast path), `parallel` of them over disjoint days.
 */
export async function ensureBenchData(options: EnsureDataOptions): Promise<BenchDataInfo> {
  const dir = dataDirFor(options.cacheRoot, options.kind, options.rowsPerDay, options.seed);
  const cached = readBenchData(dir);
  if (cached !== null && cached.generatorVersion === SYNTHETIC_DATA_VERSION && cached.days.join(',') === options.days.join(',')) {
    options.log(`using cached data ${dir}`);
    return cached;
  }
  options.log(`generating ${options.days.length} day(s) × ${options.rowsPerDay.toLocaleString('en-US')} hourly pod rows (${podsForRows(options.rowsPerDay)} pods, seed ${options.seed}) into ${dir}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const started = performance.now();
  const groups = Array.from({ length: Math.max(1, Math.min(options.parallel, options.days.length)) }, (_, g) =>
    options.days.filter((_, i) => i % Math.max(1, Math.min(options.parallel, options.days.length)) === g),
  );
  const outcomes = await Promise.all(
    groups.map((days) => runTsChild('generateChild.ts', [dir, String(options.rowsPerDay), String(options.seed), days.join(',')], { inheritStderr: true })),
  );
  const rows: Record<string, number> = {};
  for (const outcome of outcomes) {
    for (const [k, v] of Object.entries(lastJsonLine<Record<string, number>>(outcome, 'data generation'))) rows[k] = (rows[k] ?? 0) + v;
  }
  const files = parquetFiles(join(dir, 'data'));
  const info: BenchDataInfo = {
    dir,
    rowsPerDay: options.rowsPerDay,
    seed: options.seed,
    generatorVersion: SYNTHETIC_DATA_VERSION,
    pods: podsForRows(options.rowsPerDay),
    days: options.days,
    rows,
    objects: files.length,
    bytes: files.reduce((sum, f) => sum + statSync(f).size, 0),
    generateMs: Math.round(performance.now() - started),
  };
  writeBenchData(info);
  options.log(`generated in ${(info.generateMs / 1000).toFixed(1)} s: ${JSON.stringify(rows)}`);
  return info;
}

function parquetFiles(root: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(root)) {
    const path = join(root, name);
    if (statSync(path).isDirectory()) out.push(...parquetFiles(path));
    else if (name.endsWith('.parquet')) out.push(path);
  }
  return out;
}
