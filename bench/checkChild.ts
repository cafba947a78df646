/**
 * Child process: the parity check. Runs the TS day task once, then on the same files DuckDB's `koku` and `trino` Pod
 * queries and the Storage query once each, and compares the TS rows of each kind with DuckDB's row by row
 * (`compareRows`). Prints one JSON line (`ParityChecks`). Not timed.
 * argv: <dataDir> <day> [enabled keys, comma-separated, or "none"; default the bench's]. Both sides get those keys and
 * the check's cost categories (`CHECK_SUMMARY_CONFIG`: Koku's defaults and one overlapping pattern).
 */
import { readOcpPartialRows } from '../lib/pipeline/partials.js';
import { ensureParquetWasm } from '../lib/parquet/index.js';
import { MemoryObjectStore } from '../lib/store/index.js';
import type { OcpSummaryConfig } from '../lib/ocp/types.js';
import { runBenchDayTask } from './benchDayTask.js';
import { compareRows, POD_ROW_SHAPE, STORAGE_ROW_SHAPE } from './compareRows.js';
import type { ComparableRow } from './compareRows.js';
import { CHECK_SUMMARY_CONFIG } from './constants.js';
import { loadDuckdb } from './loadDuckdb.js';
import { benchPodRowsSql } from './podRowsSql.js';
import { storageRowsSql } from './storageRowsSql.js';
import { benchSqlInput } from './summarySqlParts.js';
import type { ParityChecks } from './types.js';

const [dataDir, day, keysArg] = process.argv.slice(2);
if (!dataDir || !day) throw new Error('usage: checkChild <dataDir> <YYYY-MM-DD> [enabled keys|none]');
const config: OcpSummaryConfig = {
  ...CHECK_SUMMARY_CONFIG,
  ...(keysArg === undefined ? {} : { enabledKeys: keysArg === 'none' ? [] : keysArg.split(',').filter(Boolean).sort() }),
};

ensureParquetWasm();
const partialStore = new MemoryObjectStore('partials');
const { manifest } = await runBenchDayTask(dataDir, day, partialStore, { config });
const rows = (await readOcpPartialRows(partialStore, manifest)).rows as unknown as ComparableRow[];
const ofKind = (kind: string) => rows.filter((r) => r.data_source === kind);

const { DuckDBInstance } = await loadDuckdb();
const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
const connection = await instance.connect();
// The JSON form gives dates as YYYY-MM-DD and DOUBLEs as numbers, the shapes of the partial's rows.
const duckdbRows = async (sql: string) => (await connection.runAndReadAll(sql)).getRowObjectsJson() as unknown as ComparableRow[];
const checks: ParityChecks = {};
for (const query of ['koku', 'trino'] as const) {
  checks[query] = compareRows(POD_ROW_SHAPE, ofKind('Pod'), await duckdbRows(benchPodRowsSql(query, dataDir, day, config)));
}
checks.storage = compareRows(STORAGE_ROW_SHAPE, ofKind('Storage'), await duckdbRows(storageRowsSql(benchSqlInput(dataDir, { from: day }, config))));
connection.closeSync();

process.stdout.write(`${JSON.stringify(checks)}\n`);
