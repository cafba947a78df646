import { PartitionError } from './errors.js';
import { qualifiedName } from './identifiers.js';
import { advisoryLockKey } from './locks.js';
import type { DbClient } from './types.js';

/** Name Koku gives a monthly partition: `{table}_YYYY_MM`. */
export function monthPartitionName(table: string, year: number, month: number): string {
  return `${table}_${String(year).padStart(4, '0')}_${String(month).padStart(2, '0')}`;
}

/** `YYYY-MM-01` of the month and of the next one: a partition's FROM (inclusive) and TO (exclusive) bounds. */
export function monthBounds(year: number, month: number): { from: string; to: string } {
  const next = month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
  const first = (y: number, m: number): string => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-01`;
  return { from: first(year, month), to: first(next.year, next.month) };
}

/** Whether `schema.table`'s partition `{table}_YYYY_MM` exists (as this transaction sees the catalog). */
export async function monthPartitionExists(client: DbClient, schema: string, table: string, year: number, month: number): Promise<boolean> {
  const partition = qualifiedName(schema, monthPartitionName(table, year, month));
  const exists = await client.query<{ oid: string | null }>('SELECT to_regclass($1)::text AS oid', [partition]);
  return exists.rows[0].oid !== null;
}

/**
 * Creates the monthly RANGE partition `{table}_YYYY_MM` of `schema.table` (partitioned on a date column, e.g.
 * `usage_start`) when missing. Rows of that month already sitting in the `{table}_default` partition are moved
 * into the new partition (PostgreSQL would otherwise refuse to create it).
 *
 * Idempotent and safe under concurrency: the work is one multi-statement query (atomic on its own, or part of the
 * caller's transaction) behind a transaction-scoped advisory lock. Creating a partition takes an ACCESS EXCLUSIVE
 * lock on the parent until the surrounding transaction ends.
 *
 * @example await ensureMonthPartition(client, 'org1234567', 'reporting_ocpusagelineitem_daily_summary', 2025, 10)
 */
export async function ensureMonthPartition(
  client: DbClient,
  schema: string,
  table: string,
  year: number,
  month: number,
): Promise<void> {
  if (!Number.isInteger(year) || year < 1 || year > 9999 || !Number.isInteger(month) || month < 1 || month > 12) {
    throw new PartitionError(`${schema}.${table}`, `invalid partition month ${year}-${month}`);
  }
  const parent = qualifiedName(schema, table);
  const partition = qualifiedName(schema, monthPartitionName(table, year, month));
  if (await monthPartitionExists(client, schema, table, year, month)) return;
  const sql = createPartitionSql(parent, partition, qualifiedName(schema, `${table}_default`), monthBounds(year, month));
  const lockKey = advisoryLockKey(`koku-agg:partition:${schema}.${table}`).toString();
  try {
    await client.query(`SELECT pg_advisory_xact_lock('${lockKey}'::bigint);\n${sql}`);
  } catch (err) {
    throw new PartitionError(`${schema}.${monthPartitionName(table, year, month)}`, 'could not create the monthly partition', {
      cause: err,
    });
  }
}

/**
 * A DO block (identifiers already validated and quoted, bounds built from integers) that re-checks existence under
 * the lock, then either creates the partition directly or, when the default partition holds rows of the month,
 * builds it beside the parent, moves those rows and attaches it.
 */
function createPartitionSql(parent: string, partition: string, defaultPartition: string, b: { from: string; to: string }): string {
  const lit = (s: string): string => `'${s.replace(/'/g, "''")}'`;
  return `DO $koku_agg$
DECLARE
  parent regclass := ${lit(parent)}::regclass;
  default_part regclass := to_regclass(${lit(defaultPartition)});
  key_column text;
  cols text;
  has_rows boolean := false;
BEGIN
  IF to_regclass(${lit(partition)}) IS NOT NULL THEN
    RETURN;
  END IF;
  SELECT quote_ident(a.attname) INTO key_column
    FROM pg_partitioned_table p
    JOIN pg_attribute a ON a.attrelid = p.partrelid AND a.attnum = p.partattrs[0]
   WHERE p.partrelid = parent AND p.partstrat = 'r';
  IF key_column IS NULL THEN
    RAISE EXCEPTION '% is not RANGE-partitioned', parent;
  END IF;
  IF default_part IS NOT NULL THEN
    EXECUTE format('SELECT EXISTS (SELECT 1 FROM %s WHERE %s >= %L AND %s < %L)',
                   default_part, key_column, ${lit(b.from)}, key_column, ${lit(b.to)}) INTO has_rows;
  END IF;
  IF NOT has_rows THEN
    EXECUTE format('CREATE TABLE %s PARTITION OF %s FOR VALUES FROM (%L) TO (%L)', ${lit(partition)}, parent, ${lit(b.from)}, ${lit(b.to)});
    RETURN;
  END IF;
  SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum) INTO cols
    FROM pg_attribute WHERE attrelid = parent AND attnum > 0 AND NOT attisdropped;
  EXECUTE format('CREATE TABLE %s (LIKE %s INCLUDING DEFAULTS INCLUDING CONSTRAINTS)', ${lit(partition)}, parent);
  EXECUTE format('WITH moved AS (DELETE FROM %s WHERE %s >= %L AND %s < %L RETURNING %s) INSERT INTO %s (%s) SELECT %s FROM moved',
                 default_part, key_column, ${lit(b.from)}, key_column, ${lit(b.to)}, cols, ${lit(partition)}, cols, cols);
  EXECUTE format('ALTER TABLE %s ATTACH PARTITION %s FOR VALUES FROM (%L) TO (%L)', parent, ${lit(partition)}, ${lit(b.from)}, ${lit(b.to)});
END
$koku_agg$`;
}
