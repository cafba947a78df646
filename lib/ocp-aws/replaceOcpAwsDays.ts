import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import { dayOfMs, dayRangeMs } from '../common/days.js';
import { copyJson, copyLine, copyText, COPY_NULL } from '../db/copyText.js';
import { InvalidSummaryRowError } from '../db/errors.js';
import { assertIdentifier, qualifiedName } from '../db/identifiers.js';
import { toNumeric } from '../db/numeric.js';
import { ensureOcpAwsMonthPartition } from './ddl.js';
import { deleteOcpAwsRows } from './deleteRule.js';
import { OCP_AWS_SUMMARY_TABLE } from './constants.js';
import type { OcpAwsSummaryRow } from './types.js';
import type { ClientBase } from 'pg';

export interface ReplaceOcpAwsDaysInput {
  schema: string;
  /** The AWS bill of the month: the delete's scope (spec §6) and every row's `cost_entry_bill_id`. */
  billId: number;
  /** Distinct AWS infrastructure maps in the tenant (Koku's TRUNCATE guard, spec §6). */
  awsInfraMapCount: number;
  /** `YYYY-MM-DD` days replaced, all in one month; every row's `usage_start` must be one of them. */
  days: readonly string[];
  rows: readonly OcpAwsSummaryRow[];
}

export interface ReplaceOcpAwsDaysHooks {
  /** Runs after the delete and before the COPY; tests use it to prove a failure leaves the old rows intact. */
  afterDelete?: () => Promise<void>;
}

/** numeric(p, s) of each numeric column (spec §5): integer digits = p − s. */
const NUMERIC_COLUMNS = {
  infrastructure_data_in_gigabytes: [33, 15],
  infrastructure_data_out_gigabytes: [33, 15],
  usage_amount: [30, 15],
  unblended_cost: [30, 15],
  markup_cost: [30, 15],
  blended_cost: [33, 15],
  markup_cost_blended: [33, 15],
  savingsplan_effective_cost: [33, 15],
  markup_cost_savingsplan: [33, 15],
  calculated_amortized_cost: [33, 9],
  markup_cost_amortized: [33, 9],
} as const satisfies Partial<Record<keyof OcpAwsSummaryRow, readonly [number, number]>>;

type NumericColumn = keyof typeof NUMERIC_COLUMNS;

/** Every column of the table, in the order `encodeRow` writes them. */
const COPY_COLUMNS = [
  'uuid', 'report_period_id', 'cluster_id', 'cluster_alias', 'data_source', 'namespace', 'node', 'persistentvolumeclaim',
  'persistentvolume', 'storageclass', 'pod_labels', 'resource_id', 'usage_start', 'usage_end', 'cost_entry_bill_id',
  'product_code', 'product_family', 'infrastructure_data_in_gigabytes', 'infrastructure_data_out_gigabytes',
  'data_transfer_direction', 'instance_type', 'usage_account_id', 'account_alias_id', 'availability_zone', 'region', 'unit',
  'usage_amount', 'normalized_usage_amount', 'currency_code', 'unblended_cost', 'markup_cost', 'blended_cost',
  'markup_cost_blended', 'savingsplan_effective_cost', 'markup_cost_savingsplan', 'calculated_amortized_cost',
  'markup_cost_amortized', 'tags', 'aws_cost_category', 'source_uuid', 'cost_category_id',
] as const satisfies ReadonlyArray<keyof OcpAwsSummaryRow>;

const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const COPY_CHUNK_CHARS = 1 << 16;

/**
 * Replaces the OCP-on-AWS rows of `days` for one AWS bill: creates the month partition, deletes with Koku's rule
 * (spec §6, per run of consecutive days: TRUNCATE of the month partition for a whole month when the tenant has fewer
 * than 2 AWS infrastructure maps, otherwise DELETE by bill and date range, every cluster at once), then streams
 * `rows` in with `COPY ... FROM STDIN`, each numeric converted once to its column's scale (`numeric(30|33,15)`,
 * amortized `numeric(33,9)`). Returns the rows deleted and inserted.
 *
 * MUST run inside the caller's transaction: the delete and the COPY are only atomic together there. Rows are checked
 * before anything is written: a row outside `days` or of another bill is an `InvalidSummaryRowError`.
 *
 * @example
 * await withTransaction(pool, (client) => replaceOcpAwsDays(client, { schema, billId, awsInfraMapCount: 1, days: ['2025-10-01'], rows }));
 */
export async function replaceOcpAwsDays(
  client: ClientBase,
  input: ReplaceOcpAwsDaysInput,
  hooks: ReplaceOcpAwsDaysHooks = {},
): Promise<{ deleted: number; inserted: number }> {
  const days = [...new Set(input.days)].sort();
  validate(input, days);
  if (days.length === 0) return { deleted: 0, inserted: 0 };
  const [year, month] = days[0].split('-').map(Number);
  await ensureOcpAwsMonthPartition(client, input.schema, year, month);
  let deleted = 0;
  for (const [start, end] of consecutiveRuns(days)) {
    deleted += await deleteOcpAwsRows(client, { schema: input.schema, start, end, billId: input.billId, awsInfraMapCount: input.awsInfraMapCount });
  }
  await hooks.afterDelete?.();
  const inserted = await copyRows(client, qualifiedName(input.schema, OCP_AWS_SUMMARY_TABLE), input.rows);
  return { deleted, inserted };
}

function validate(input: ReplaceOcpAwsDaysInput, days: string[]): void {
  assertIdentifier(input.schema, 'schema name');
  const subject = `${input.schema}.${OCP_AWS_SUMMARY_TABLE} bill ${input.billId}`;
  if (!Number.isInteger(input.billId)) throw new InvalidSummaryRowError(subject, 'the bill id must be an integer');
  for (const day of days) {
    if (!DAY.test(day)) throw new InvalidSummaryRowError(subject, `day ${JSON.stringify(day)} is not YYYY-MM-DD`);
  }
  if (new Set(days.map((d) => d.slice(0, 7))).size > 1) throw new InvalidSummaryRowError(subject, `days ${days.join(', ')} span several months`);
  const daySet = new Set(days);
  input.rows.forEach((row, i) => {
    const where = `row ${i} (${row.usage_start} ${row.data_source} ${row.namespace ?? 'NULL'} ${row.resource_id ?? 'NULL'})`;
    if (!daySet.has(row.usage_start)) throw new InvalidSummaryRowError(subject, `${where}: usage_start is not one of the days being replaced`);
    if (row.cost_entry_bill_id !== input.billId) throw new InvalidSummaryRowError(subject, `${where}: cost_entry_bill_id ${row.cost_entry_bill_id} is not the bill being replaced`);
    if (row.product_code === null) throw new InvalidSummaryRowError(subject, `${where}: product_code is NULL (the column is NOT NULL; Koku's insert fails too)`);
    for (const column of Object.keys(NUMERIC_COLUMNS) as NumericColumn[]) {
      const v = row[column];
      if (v !== null && !Number.isFinite(v)) throw new InvalidSummaryRowError(subject, `${where}: ${column} = ${v} is not a finite number`);
    }
  });
}

/** `[first, last]` of each run of consecutive days (sorted input). */
function consecutiveRuns(days: readonly string[]): Array<[string, string]> {
  const runs: Array<[string, string]> = [];
  for (const day of days) {
    const last = runs.at(-1);
    if (last && dayOfMs(dayRangeMs(last[1])[1]) === day) last[1] = day;
    else runs.push([day, day]);
  }
  return runs;
}

async function copyRows(client: ClientBase, table: string, rows: readonly OcpAwsSummaryRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const stream = client.query(copyFrom(`COPY ${table} (${COPY_COLUMNS.join(', ')}) FROM STDIN`));
  await pipeline(Readable.from(encodeChunks(rows), { objectMode: false }), stream);
  return stream.rowCount;
}

function* encodeChunks(rows: readonly OcpAwsSummaryRow[]): Generator<string> {
  let chunk = '';
  for (const row of rows) {
    chunk += copyLine(COPY_COLUMNS.map((column) => encodeField(row, column)));
    if (chunk.length >= COPY_CHUNK_CHARS) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

function encodeField(row: OcpAwsSummaryRow, column: (typeof COPY_COLUMNS)[number]): string {
  if (column in NUMERIC_COLUMNS) {
    const v = row[column as NumericColumn];
    const [precision, scale] = NUMERIC_COLUMNS[column as NumericColumn];
    return v === null ? COPY_NULL : toNumeric(v, scale, precision - scale);
  }
  switch (column) {
    case 'pod_labels':
    case 'tags':
    case 'aws_cost_category':
      return copyJson(row[column]);
    case 'normalized_usage_amount':
      return COPY_NULL;
    default: {
      const v = row[column];
      return v === null || v === undefined ? COPY_NULL : copyText(String(v));
    }
  }
}
