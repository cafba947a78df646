/**
 * Child process: the parity check. Runs the TS day task once, then DuckDB's `koku` and `trino` queries once each on
 * the same files, and compares the TS Pod rows with each's row by row (`comparePodRows`). Prints one JSON line
 * (`{ koku, trino }`, each a `PodRowsComparison`). Not timed.
 * argv: <dataDir> <day>
 */
import { readOcpPartialRows } from '../lib/pipeline/partials.js';
import { ensureParquetWasm } from '../lib/parquet/index.js';
import { MemoryObjectStore } from '../lib/store/index.js';
import { runBenchDayTask } from './benchDayTask.js';
import { comparePodRows } from './comparePodRows.js';
import type { ComparablePodRow, PodRowsComparison } from './comparePodRows.js';
import { loadDuckdb } from './loadDuckdb.js';
import { benchPodRowsSql } from './podRowsSql.js';
import type { LabelledQuery } from './types.js';

const [dataDir, day] = process.argv.slice(2);
if (!dataDir || !day) throw new Error('usage: checkChild <dataDir> <YYYY-MM-DD>');

ensureParquetWasm();
const partialStore = new MemoryObjectStore('partials');
const { manifest } = await runBenchDayTask(dataDir, day, partialStore);
const ours = (await readOcpPartialRows(partialStore, manifest)).rows.filter((r) => r.data_source === 'Pod') as unknown as ComparablePodRow[];

const { DuckDBInstance } = await loadDuckdb();
const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
const connection = await instance.connect();
const checks: Partial<Record<LabelledQuery, PodRowsComparison>> = {};
for (const query of ['koku', 'trino'] as const) {
  // The JSON form gives dates as YYYY-MM-DD and DOUBLEs as numbers, the shapes of the partial's rows.
  const reference = (await connection.runAndReadAll(benchPodRowsSql(query, dataDir, day))).getRowObjectsJson() as unknown as ComparablePodRow[];
  checks[query] = comparePodRows(ours, reference);
}
connection.closeSync();

process.stdout.write(`${JSON.stringify(checks)}\n`);
