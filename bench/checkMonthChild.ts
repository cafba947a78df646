/**
 * Child process: the month's parity check. After the end-to-end run, reads the Pod, Storage and unallocated rows the
 * CLI wrote into `reporting_ocpusagelineitem_daily_summary` for the bench source and days, and the enabled keys and
 * cost categories it used, then computes the same rows with DuckDB (`koku` Pod query, Storage query, unallocated
 * query) over the month's Parquet, and compares them row by row (`compareRows`; numbers within 1e-9 relative or 1e-15
 * absolute, as the table stores numeric(33,15); unallocated values within 1e-9 relative or 1e-9 absolute, see
 * `UNALLOCATED_FLOOR`).
 * Prints one JSON line (`MonthParityCheck`). Not timed.
 * argv: <bench data dir> <first day> <last day> <embedded PostgreSQL data dir, or a postgres:// URL>
 */
import type pg from 'pg';
import { openDatabase } from '../cli/database.js';
import { silentLogger } from '../lib/common/logger.js';
import { rowKind } from '../lib/compare/summaryRowKey.js';
import { readOcpSummaryConfig } from '../lib/db/config.js';
import { OCP_SUMMARY_TABLE } from '../lib/db/constants.js';
import { qualifiedName } from '../lib/db/identifiers.js';
import { compareRows, POD_ROW_SHAPE, STORAGE_TABLE_SHAPE, UNALLOCATED_ROW_SHAPE } from './compareRows.js';
import type { ComparableRow, RowShape } from './compareRows.js';
import { BENCH_PROVIDER_UUID, BENCH_SCHEMA } from './constants.js';
import { loadDuckdb } from './loadDuckdb.js';
import { podRowsSql } from './podRowsSql.js';
import { storageRowsSql } from './storageRowsSql.js';
import { benchSqlInput } from './summarySqlParts.js';
import { unallocatedRowsSql } from './unallocatedRowsSql.js';
import type { MonthParityCheck } from './types.js';

/** numeric(33,15) keeps 15 decimals: a stored value is within 5e-16 of the double it came from. */
const NUMERIC_FLOOR = 1e-15;
/**
 * An unallocated value is a node-day's capacity minus the sum of its Pod rows: two large numbers, each summed in
 * another order by each engine, whose difference keeps their rounding in absolute terms (up to 1.7e-10 on the
 * bench's month) however small the difference itself is.
 */
const UNALLOCATED_FLOOR = 1e-9;

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
// Rows sorted by kind as `koku-agg compare` sorts them (unallocated: Pod rows of a synthetic or NULL namespace).
const ofKind = (kind: RowShape['kind']) => tableRows.filter((r) => rowKind(r) === kind);
// The JSON form gives dates as YYYY-MM-DD and DOUBLEs as numbers, the shapes of the rows read above.
const duckdbRows = async (sql: string) => (await connection.runAndReadAll(sql)).getRowObjectsJson() as unknown as ComparableRow[];
const options = { absoluteTolerance: NUMERIC_FLOOR };
const result: MonthParityCheck = {
  from,
  to,
  enabledKeys: config.enabledKeys,
  costCategoryPatterns: config.costCategories.map((c) => c.pattern),
  pod: compareRows(POD_ROW_SHAPE, ofKind('Pod'), await duckdbRows(podRowsSql('koku', input)), options),
  storage: compareRows(STORAGE_TABLE_SHAPE, ofKind('Storage'), await duckdbRows(storageRowsSql(input)), options),
  unallocated: compareRows(UNALLOCATED_ROW_SHAPE, ofKind('Unallocated'), await duckdbRows(unallocatedRowsSql(input)), { absoluteTolerance: UNALLOCATED_FLOOR }),
};
connection.closeSync();
process.stdout.write(`${JSON.stringify(result)}\n`);

/** The bench source's rows of the days, numbers as doubles, labels parsed (jsonb), days as text. */
async function readTableRows(client: pg.PoolClient): Promise<ComparableRow[]> {
  const numbers = [...new Set([...POD_ROW_SHAPE.numbers, ...STORAGE_TABLE_SHAPE.numbers])].filter((c) => c !== 'cost_category_id');
  const { rows } = await client.query<ComparableRow>(
    `SELECT usage_start::text AS usage_start, data_source, namespace, node, resource_id, pod_labels, volume_labels,
       persistentvolumeclaim, persistentvolume, storageclass, cost_category_id,
       ${numbers.map((c) => `${c}::float8 AS ${c}`).join(', ')}
     FROM ${qualifiedName(BENCH_SCHEMA, OCP_SUMMARY_TABLE)}
     WHERE source_uuid = $1 AND usage_start BETWEEN $2::date AND $3::date
       AND data_source IN ('Pod', 'Storage')`,
    [BENCH_PROVIDER_UUID, from, to],
  );
  return rows;
}
