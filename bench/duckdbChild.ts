/**
 * Child process: DuckDB computes the day's Pod rows (`podRowsSql`) from the same Parquet files and materialises them
 * as JS objects, in a fresh process, then `warm` more times on the same instance (`warmRuns`). Prints one JSON line
 * (`DayResult`). argv: <dataDir> <day> <threads> [warm]
 */
import { join } from 'node:path';
import { reportPrefixes } from './benchData.js';
import { podRowsSql } from './podRowsSql.js';
import { cpuMsSince, peakRssMb } from './processStats.js';
import type { DayResult } from './types.js';
import { loadDuckdb } from './loadDuckdb.js';
import { warmRuns } from './warmRuns.js';

const { DuckDBInstance } = await loadDuckdb();

const [dataDir, day, threadsArg, warmArg = '0'] = process.argv.slice(2);
if (!dataDir || !day || !threadsArg) throw new Error('usage: duckdbChild <dataDir> <YYYY-MM-DD> <threads> [warm runs]');
const [year, month] = day.split('-').map(Number) as [number, number];
const threads = Number(threadsArg);
const pod = reportPrefixes(dataDir, 'pod_usage', year, month);

const cpu = process.cpuUsage();
const started = performance.now();
const instance = await DuckDBInstance.create(':memory:', { threads: String(threads) });
const connection = await instance.connect();
const podRows = async () => (await connection.runAndReadAll(podRowsSql(join(pod.hourly, '*.parquet'), join(pod.daily, '*.parquet'), day))).getRowObjects();
const rows = await podRows();
const wallMs = performance.now() - started;
const coldCpuMs = cpuMsSince(cpu);
const coldPeakRssMb = peakRssMb();
const { warmWallMs, warmCpuMs } = await warmRuns(Number(warmArg), podRows);
const result: DayResult = {
  engine: 'duckdb',
  threads,
  wallMs,
  cpuMs: coldCpuMs,
  peakRssMb: coldPeakRssMb,
  inputRows: 0,
  outputRows: rows.length,
  podRows: rows.length,
  warmWallMs,
  warmCpuMs,
};
connection.closeSync();
process.stdout.write(`${JSON.stringify(result)}\n`);
