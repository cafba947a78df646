/**
 * Child process: DuckDB computes the day's Pod rows (`podRowsSql`: the `raw`, `koku` or `trino` query) from the same
 * Parquet files and materialises them as JS objects, in a fresh process, then `warm` more times on the same instance
 * (`warmRuns`). Prints one JSON line (`DayResult`). argv: <dataDir> <day> <threads> [warm runs] [raw|koku|trino]
 */
import { benchPodRowsSql, POD_ROWS_QUERIES } from './podRowsSql.js';
import type { PodRowsQuery } from './podRowsSql.js';
import { cpuMsSince, peakRssMb } from './processStats.js';
import type { DayResult } from './types.js';
import { loadDuckdb } from './loadDuckdb.js';
import { warmRuns } from './warmRuns.js';

const { DuckDBInstance } = await loadDuckdb();

const [dataDir, day, threadsArg, warmArg = '0', queryArg = 'raw'] = process.argv.slice(2);
if (!dataDir || !day || !threadsArg) throw new Error('usage: duckdbChild <dataDir> <YYYY-MM-DD> <threads> [warm runs] [raw|koku|trino]');
if (!POD_ROWS_QUERIES.includes(queryArg as PodRowsQuery)) throw new Error(`duckdbChild: unknown query ${queryArg} (${POD_ROWS_QUERIES.join(', ')})`);
const query = queryArg as PodRowsQuery;
const threads = Number(threadsArg);
const sql = benchPodRowsSql(query, dataDir, day);

const cpu = process.cpuUsage();
const started = performance.now();
const instance = await DuckDBInstance.create(':memory:', { threads: String(threads) });
const connection = await instance.connect();
const podRows = async () => (await connection.runAndReadAll(sql)).getRowObjects();
const rows = await podRows();
const wallMs = performance.now() - started;
const coldCpuMs = cpuMsSince(cpu);
const coldPeakRssMb = peakRssMb();
const { warmWallMs, warmCpuMs } = await warmRuns(Number(warmArg), podRows);
const result: DayResult = {
  engine: 'duckdb',
  query,
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
