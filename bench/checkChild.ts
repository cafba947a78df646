/**
 * Child process: the parity check. Runs the TS day task once and DuckDB's `koku` query once on the same files, and
 * compares their Pod rows row by row (`comparePodRows`). Prints one JSON line (`PodRowsComparison`). Not timed.
 * argv: <dataDir> <day>
 */
import { readOcpPartialRows } from '../lib/pipeline/partials.js';
import { ensureParquetWasm } from '../lib/parquet/index.js';
import { MemoryObjectStore } from '../lib/store/index.js';
import { runBenchDayTask } from './benchDayTask.js';
import { comparePodRows } from './comparePodRows.js';
import type { ComparablePodRow } from './comparePodRows.js';
import { loadDuckdb } from './loadDuckdb.js';
import { benchPodRowsSql } from './podRowsSql.js';

const [dataDir, day] = process.argv.slice(2);
if (!dataDir || !day) throw new Error('usage: checkChild <dataDir> <YYYY-MM-DD>');

ensureParquetWasm();
const partialStore = new MemoryObjectStore('partials');
const { manifest } = await runBenchDayTask(dataDir, day, partialStore);
const ours = (await readOcpPartialRows(partialStore, manifest)).rows.filter((r) => r.data_source === 'Pod') as unknown as ComparablePodRow[];

const { DuckDBInstance } = await loadDuckdb();
const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
const connection = await instance.connect();
// The JSON form gives dates as YYYY-MM-DD and DOUBLEs as numbers, the shapes of the partial's rows.
const reference = (await connection.runAndReadAll(benchPodRowsSql('koku', dataDir, day))).getRowObjectsJson() as unknown as ComparablePodRow[];
connection.closeSync();

process.stdout.write(`${JSON.stringify(comparePodRows(ours, reference))}\n`);
