import { qualifiedName, quoteIdentifier } from '../db/identifiers.js';
import { COMPARED_COLUMNS, COST_CATEGORY_TABLE, DEFAULT_COMPARE_TABLE, REPORT_PERIOD_TABLE, REQUIRED_COLUMNS } from './constants.js';
import { CompareTableError } from './errors.js';
import type { ColumnType, Queryable, SummaryTableRef, SummaryValues } from './types.js';

export interface SummaryRowFilter {
  providerUuid: string;
  /** Inclusive `YYYY-MM-DD` bounds. */
  from: string;
  to: string;
  /** Only these days, when given. */
  days?: readonly string[];
}

export interface SummaryTableRead {
  /** `schema.table`. */
  table: string;
  /** The compared columns this table has, with how their values are compared. */
  columns: Map<string, ColumnType>;
  /** Id columns read as what they point at (report period month and source, cost category name). */
  byMeaning: string[];
  rows: SummaryValues[];
}

const NUMERIC_TYPES = new Set(['numeric', 'double precision', 'real', 'integer', 'bigint', 'smallint']);
const JSON_TYPES = new Set(['json', 'jsonb']);

/**
 * Reads the rows of one source and month (or days) from a summary table, every compared column present in it:
 * numbers as exact numeric text, JSON parsed, the rest as text. `report_period_id` and `cost_category_id` are read
 * as what they refer to (`YYYY-MM-DD <provider uuid>` of the report period, the category name) when the schema has
 * Koku's tables for them, because ids differ between a Koku schema and a shadow one.
 *
 * @example const read = await readSummaryRows({ db: pool, schema: 'org1234567' }, { providerUuid, from: '2024-03-01', to: '2024-03-31' })
 */
export async function readSummaryRows(ref: SummaryTableRef, filter: SummaryRowFilter): Promise<SummaryTableRead> {
  const tableName = ref.table ?? DEFAULT_COMPARE_TABLE;
  const table = qualifiedName(ref.schema, tableName);
  const label = `${ref.schema}.${tableName}`;
  const present = await columnTypes(ref.db, ref.schema, tableName);
  if (present.size === 0) throw new CompareTableError(label, 'does not exist, or has no columns this user can see');
  const missing = REQUIRED_COLUMNS.filter((c) => !present.has(c));
  if (missing.length) throw new CompareTableError(label, `lacks the grain column(s) ${missing.join(', ')}`);

  const periodById = await hasColumns(ref.db, ref.schema, REPORT_PERIOD_TABLE, ['id', 'report_period_start', 'provider_id']);
  const categoryById = await hasColumns(ref.db, ref.schema, COST_CATEGORY_TABLE, ['id', 'name']);
  const columns = new Map<string, ColumnType>();
  const byMeaning: string[] = [];
  const select: string[] = [];
  const joins: string[] = [];
  for (const column of COMPARED_COLUMNS) {
    const dataType = present.get(column);
    if (dataType === undefined) continue;
    const c = `t.${quoteIdentifier(column)}`;
    if (column === 'report_period_id' && periodById) {
      joins.push(`LEFT JOIN ${qualifiedName(ref.schema, REPORT_PERIOD_TABLE)} rp ON rp.id = t.report_period_id`);
      select.push(`CASE WHEN ${c} IS NULL THEN NULL WHEN rp.id IS NULL THEN '#' || ${c}::text
        ELSE to_char(rp.report_period_start AT TIME ZONE 'UTC', 'YYYY-MM-DD') || ' ' || rp.provider_id::text END AS report_period_id`);
      columns.set(column, 'text');
      byMeaning.push(column);
    } else if (column === 'cost_category_id' && categoryById) {
      joins.push(`LEFT JOIN ${qualifiedName(ref.schema, COST_CATEGORY_TABLE)} cc ON cc.id = t.cost_category_id`);
      select.push(`CASE WHEN ${c} IS NULL THEN NULL ELSE coalesce(cc.name, '#' || ${c}::text) END AS cost_category_id`);
      columns.set(column, 'text');
      byMeaning.push(column);
    } else if (JSON_TYPES.has(dataType)) {
      select.push(`${c} AS ${quoteIdentifier(column)}`);
      columns.set(column, 'json');
    } else {
      select.push(`${c}::text AS ${quoteIdentifier(column)}`);
      columns.set(column, NUMERIC_TYPES.has(dataType) ? 'number' : 'text');
    }
  }

  const params: unknown[] = [filter.providerUuid.toLowerCase(), filter.from, filter.to];
  let where = `lower(t.source_uuid::text) = $1 AND t.usage_start >= $2::date AND t.usage_start <= $3::date`;
  if (filter.days) {
    params.push(filter.days);
    where += ` AND t.usage_start = ANY($4::date[])`;
  }
  const r = await ref.db.query<SummaryValues>(`SELECT ${select.join(',\n  ')} FROM ${table} t ${joins.join(' ')} WHERE ${where}`, params);
  return { table: label, columns, byMeaning, rows: r.rows };
}

async function columnTypes(db: Queryable, schema: string, table: string): Promise<Map<string, string>> {
  const r = await db.query<{ column_name: string; data_type: string }>(
    `SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2`,
    [schema, table],
  );
  return new Map(r.rows.map((row) => [row.column_name, row.data_type]));
}

async function hasColumns(db: Queryable, schema: string, table: string, wanted: readonly string[]): Promise<boolean> {
  const present = await columnTypes(db, schema, table);
  return wanted.every((c) => present.has(c));
}
