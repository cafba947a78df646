/**
 * Child process: the month's parity check. After the end-to-end run, reads the Pod and Storage rows the CLI wrote
 * into `reporting_ocpusagelineitem_daily_summary` for the bench source and days, and the enabled keys and cost
 * categories it used, then computes the same rows with DuckDB (`koku` Pod query, Storage query) over the month's
 * Parquet, and compares them row by row (`compareRows`; numbers within 1e-9 relative or 1e-15 absolute, as the table
 * stores numeric(33,15)). Unallocated rows (§8) are left out. Prints one JSON line (`MonthParityCheck`). Not timed.
 * argv: <bench data dir> <first day> <last day> <embedded PostgreSQL data dir, or a postgres:// URL>
 */
import type pg from 'pg';
import { openDatabase } from '../cli/database.js';
import { silentLogger } from '../lib/common/logger.js';
import { readOcpSummaryConfig } from '../lib/db/config.js';
import { OCP_SUMMARY_TABLE } from '../lib/db/constants.js';
import { qualifiedName } from '../lib/db/identifiers.js';
import { PLATFORM_UNALLOCATED, WORKER_UNALLOCATED } from '../lib/ocp/constants.js';
import { compareRows, POD_ROW_SHAPE, STORAGE_TABLE_SHAPE } from './compareRows.js';
import type { ComparableRow } from './compareRows.js';
import { BENCH_PROVIDER_UUID, BENCH_SCHEMA } from './constants.js';
import { loadDuckdb } from './loadDuckdb.js';
import { podRowsSql } from './podRowsSql.js';
import { storageRowsSql } from './storageRowsSql.js';
import { benchSqlInput } from './summarySqlParts.js';
import type { MonthParityCheck } from './types.js';

/** numeric(33,15) keeps 15 decimals: a stored value is within 5e-16 of the double it came from. */
const NUMERIC_FLOOR = 1e-15;

const [dataDir, from, to, database] = process.argv.slice(2);
if (!dataDir || !from || !to || !database) throw new Error('usage: checkMonthChild <data dir> <first day> <last day> <pg data dir | postgres URL>');

const url = /^postgres(ql)?:\/\//.test(database) ? database : undefined;
const db = await openDatabase({ db: url, dataDir: database, logger: silentLogger });
let tableRows: ComparableRow[];
let config: Awaited<ReturnType<typeof readOcpSummaryConfig>>;
try {
  const client = await db.pool.connect();
  try {
    config = await readOcpSummaryConfig(client, BENCH_SCHEMA);
    tableRows = await readTableRows(client);
  } finally {
    client.release();
  }
} finally {
  await db.close();
}

const { DuckDBInstance } = await loadDuckdb();
const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
const connection = await instance.connect();
const input = benchSqlInput(dataDir, { from, to }, config);
// The JSON form gives dates as YYYY-MM-DD and DOUBLEs as numbers, the shapes of the rows read above.
const duckdbRows = async (sql: string) => (await connection.runAndReadAll(sql)).getRowObjectsJson() as unknown as ComparableRow[];
const options = { absoluteTolerance: NUMERIC_FLOOR };
const result: MonthParityCheck = {
  from,
  to,
  enabledKeys: config.enabledKeys,
  costCategoryPatterns: config.costCategories.map((c) => c.pattern),
  pod: compareRows(POD_ROW_SHAPE, tableRows.filter((r) => r.data_source === 'Pod'), await duckdbRows(podRowsSql('koku', input)), options),
  storage: compareRows(STORAGE_TABLE_SHAPE, tableRows.filter((r) => r.data_source === 'Storage'), await duckdbRows(storageRowsSql(input)), options),
};
connection.closeSync();
process.stdout.write(`${JSON.stringify(result)}\n`);

/** Pod and Storage rows of the bench source and days, numbers as doubles, labels parsed (jsonb), days as text. */
async function readTableRows(client: pg.PoolClient): Promise<ComparableRow[]> {
  const numbers = [...new Set([...POD_ROW_SHAPE.numbers, ...STORAGE_TABLE_SHAPE.numbers])].filter((c) => c !== 'cost_category_id');
  const { rows } = await client.query<ComparableRow>(
    `SELECT usage_start::text AS usage_start, data_source, namespace, node, resource_id, pod_labels, volume_labels,
       persistentvolumeclaim, persistentvolume, storageclass, cost_category_id,
       ${numbers.map((c) => `${c}::float8 AS ${c}`).join(', ')}
     FROM ${qualifiedName(BENCH_SCHEMA, OCP_SUMMARY_TABLE)}
     WHERE source_uuid = $1 AND usage_start BETWEEN $2::date AND $3::date
       AND data_source IN ('Pod', 'Storage') AND namespace NOT IN ($4, $5)`,
    [BENCH_PROVIDER_UUID, from, to, PLATFORM_UNALLOCATED, WORKER_UNALLOCATED],
  );
  return rows;
}
