import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import type { OcpSummaryRow } from '../ocp/types.js';
import { OCP_SUMMARY_TABLE, REPORT_PERIOD_TABLE, ZERO_INFRASTRUCTURE_USAGE_COST } from './constants.js';
import { copyJson, copyText, COPY_NULL } from './copyText.js';
import { InvalidSummaryRowError } from './errors.js';
import { assertIdentifier, qualifiedName } from './identifiers.js';
import { toNumeric15 } from './numeric.js';
import { ensureMonthPartition } from './partitions.js';
import type { DbClient, ReplaceOcpDaysHooks, ReplaceOcpDaysInput, ReplaceOcpDaysResult } from './types.js';

type NumericField = {
  [K in keyof OcpSummaryRow]: OcpSummaryRow[K] extends number | null ? (K extends 'cost_category_id' ? never : K) : never;
}[keyof OcpSummaryRow];

const POD_NUMERICS = [
  'pod_usage_cpu_core_hours',
  'pod_request_cpu_core_hours',
  'pod_effective_usage_cpu_core_hours',
  'pod_limit_cpu_core_hours',
  'pod_usage_memory_gigabyte_hours',
  'pod_request_memory_gigabyte_hours',
  'pod_effective_usage_memory_gigabyte_hours',
  'pod_limit_memory_gigabyte_hours',
  'node_capacity_cpu_cores',
  'node_capacity_cpu_core_hours',
  'node_capacity_memory_gigabytes',
  'node_capacity_memory_gigabyte_hours',
  'cluster_capacity_cpu_core_hours',
  'cluster_capacity_memory_gigabyte_hours',
] as const satisfies readonly NumericField[];

const VOLUME_NUMERICS = [
  'persistentvolumeclaim_capacity_gigabyte',
  'persistentvolumeclaim_capacity_gigabyte_months',
  'volume_request_storage_gigabyte_months',
  'persistentvolumeclaim_usage_gigabyte_months',
] as const satisfies readonly NumericField[];

const NUMERICS: readonly NumericField[] = [...POD_NUMERICS, ...VOLUME_NUMERICS];

/** Order of the fields `encodeRow` emits. */
const COPY_COLUMNS = [
  'uuid', 'report_period_id', 'cluster_id', 'cluster_alias', 'data_source', 'usage_start', 'usage_end',
  'namespace', 'node', 'resource_id', 'pod_labels', ...POD_NUMERICS,
  'persistentvolumeclaim', 'persistentvolume', 'storageclass', 'volume_labels', 'all_labels', ...VOLUME_NUMERICS,
  'source_uuid', 'infrastructure_usage_cost', 'cost_category_id',
];

/** Text columns and label maps: PostgreSQL's text and jsonb cannot hold U+0000. */
const TEXTS = ['namespace', 'node', 'resource_id', 'persistentvolumeclaim', 'persistentvolume', 'storageclass'] as const;
const LABEL_MAPS = ['pod_labels', 'volume_labels', 'all_labels'] as const;
const NUL = '\u0000';

const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
/** numeric(33,15) holds |x| < 10^18; every double below that bound fits after rounding. */
const NUMERIC_LIMIT = 1e18;
const COPY_CHUNK_CHARS = 1 << 16;

/**
 * Replaces the OCP daily summary of `days` for one report period: creates the month partition(s), deletes with
 * Koku's rule (spec §4: `report_period_id = R`, `usage_start` in `days`, `infrastructure_raw_cost` NULL or 0, so
 * OCP-on-cloud rows survive), then streams `rows` in with `COPY ... FROM STDIN` (fresh uuid per row, numerics via
 * `toNumeric15`, usage_end = usage_start, source_uuid = provider, cluster id/alias and report period set here).
 *
 * MUST run inside the caller's transaction (`withTransaction`): the delete and the COPY are only atomic together
 * there. Rows are validated before anything is written: a row outside `days`, or a day outside the report period's
 * month, is an `InvalidSummaryRowError`.
 *
 * @example
 * await withTransaction(pool, (client) => replaceOcpDays(client, {
 *   schema: 'org1234567', reportPeriodId, clusterId: 'c1', clusterAlias: 'C1', providerUuid, days: ['2025-10-01'], rows,
 * }));
 */
export async function replaceOcpDays(
  client: DbClient,
  input: ReplaceOcpDaysInput,
  hooks: ReplaceOcpDaysHooks = {},
): Promise<ReplaceOcpDaysResult> {
  const days = [...new Set(input.days)].sort();
  validateInput(input, days);
  if (days.length === 0) return { deleted: 0, inserted: 0 };
  await assertDaysInReportPeriod(client, input, days);
  await hooks.beforePartitions?.();
  for (const { year, month } of monthsOf(days)) {
    await ensureMonthPartition(client, input.schema, OCP_SUMMARY_TABLE, year, month);
  }
  const table = qualifiedName(input.schema, OCP_SUMMARY_TABLE);
  const deleted = await client.query(
    `DELETE FROM ${table} WHERE report_period_id = $1 AND usage_start = ANY($2::date[])
       AND (infrastructure_raw_cost IS NULL OR infrastructure_raw_cost = 0)`,
    [input.reportPeriodId, days],
  );
  await hooks.afterDelete?.();
  const inserted = await copyRows(client, table, input);
  return { deleted: deleted.rowCount ?? 0, inserted };
}

function validateInput(input: ReplaceOcpDaysInput, days: string[]): void {
  assertIdentifier(input.schema, 'schema name');
  const subject = `${input.schema}.${OCP_SUMMARY_TABLE} report period ${input.reportPeriodId}`;
  if (!Number.isInteger(input.reportPeriodId)) throw new InvalidSummaryRowError(subject, 'report period id must be an integer');
  for (const day of days) {
    if (!DAY.test(day)) throw new InvalidSummaryRowError(subject, `day ${JSON.stringify(day)} is not YYYY-MM-DD`);
  }
  const daySet = new Set(days);
  const checkedLabels = new WeakSet<object>();
  input.rows.forEach((row, i) => validateRow(row, i, daySet, subject, checkedLabels));
}

function validateRow(row: OcpSummaryRow, index: number, days: Set<string>, subject: string, checkedLabels: WeakSet<object>): void {
  // Built only for an error: this runs for every row of a month.
  const where = () => `row ${index} (${row.usage_start} ${row.data_source} ${printable(row.namespace)}/${printable(row.node)})`;
  if (!days.has(row.usage_start)) {
    throw new InvalidSummaryRowError(subject, `${where()}: usage_start is not one of the days being replaced`);
  }
  if (row.data_source !== 'Pod' && row.data_source !== 'Storage') {
    throw new InvalidSummaryRowError(subject, `${where()}: data_source ${JSON.stringify(row.data_source)} is not Pod or Storage`);
  }
  for (const field of NUMERICS) {
    const v = row[field];
    if (v !== null && !(Number.isFinite(v) && Math.abs(v) < NUMERIC_LIMIT)) {
      throw new InvalidSummaryRowError(subject, `${where()}: ${field} = ${v} does not fit numeric(33,15)`);
    }
  }
  if (row.cost_category_id !== null && !Number.isInteger(row.cost_category_id)) {
    throw new InvalidSummaryRowError(subject, `${where()}: cost_category_id ${row.cost_category_id} is not an integer`);
  }
  for (const field of TEXTS) {
    const v = row[field];
    if (v?.includes(NUL)) throw new InvalidSummaryRowError(subject, `${where()}: ${field} ${JSON.stringify(v)} holds a NUL character, which PostgreSQL text cannot store`);
  }
  for (const field of LABEL_MAPS) {
    const labels = row[field];
    if (!labels || checkedLabels.has(labels)) continue;
    for (const [key, value] of Object.entries(labels)) {
      if (key.includes(NUL) || String(value).includes(NUL)) {
        throw new InvalidSummaryRowError(subject, `${where()}: ${field} label ${JSON.stringify(key)} holds a NUL character, which PostgreSQL jsonb cannot store`);
      }
    }
    checkedLabels.add(labels);
  }
}

/** A text for an error message: NULL as `NULL`, a NUL character escaped so the message stays one printable line. */
function printable(text: string | null): string {
  return text === null ? 'NULL' : text.replaceAll(NUL, '\\u0000');
}

/**
 * Koku's delete is keyed on the report period, so a row filed under another month's period would never be
 * replaced again: every day must fall inside the period.
 */
async function assertDaysInReportPeriod(client: DbClient, input: ReplaceOcpDaysInput, days: string[]): Promise<void> {
  const subject = `${input.schema}.${REPORT_PERIOD_TABLE} id ${input.reportPeriodId}`;
  const r = await client.query<{ start: string; end: string }>(
    `SELECT to_char(report_period_start AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS start,
            to_char(report_period_end AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS end
     FROM ${qualifiedName(input.schema, REPORT_PERIOD_TABLE)} WHERE id = $1`,
    [input.reportPeriodId],
  );
  if (r.rows.length === 0) throw new InvalidSummaryRowError(subject, 'report period does not exist');
  const { start, end } = r.rows[0];
  const outside = days.filter((d) => d < start || d >= end);
  if (outside.length) {
    throw new InvalidSummaryRowError(subject, `days ${outside.join(', ')} are outside the report period [${start}, ${end})`);
  }
}

function monthsOf(days: readonly string[]): Array<{ year: number; month: number }> {
  const months = new Set(days.map((d) => d.slice(0, 7)));
  return [...months].map((m) => ({ year: Number(m.slice(0, 4)), month: Number(m.slice(5, 7)) }));
}

async function copyRows(client: DbClient, table: string, input: ReplaceOcpDaysInput): Promise<number> {
  if (input.rows.length === 0) return 0;
  return copyOcpText(client, table, encodeOcpCopyChunks(input));
}

/**
 * Streams COPY text (from `encodeOcpCopyChunks`) into `table` (already validated and quoted); returns rows copied.
 * `replaceOcpDays` is the way to write rows; this is exported so `bench:write` can time the server apart from encoding.
 */
export async function copyOcpText(client: DbClient, table: string, chunks: Iterable<string>): Promise<number> {
  const stream = client.query(copyFrom(`COPY ${table} (${COPY_COLUMNS.join(', ')}) FROM STDIN`));
  await pipeline(Readable.from(chunks, { objectMode: false }), stream);
  return stream.rowCount;
}

/** COPY text in ~64 KiB chunks, so memory holds one chunk rather than the whole load. Rows must be validated first. */
export function* encodeOcpCopyChunks(input: Omit<ReplaceOcpDaysInput, 'schema' | 'days'>): Generator<string> {
  const fixed: FixedFields = {
    reportPeriodId: String(input.reportPeriodId),
    clusterId: copyText(input.clusterId),
    clusterAlias: copyText(input.clusterAlias),
    sourceUuid: copyText(input.providerUuid),
    labelTexts: new Map(),
  };
  let chunk = '';
  for (const row of input.rows) {
    chunk += encodeRow(row, fixed);
    if (chunk.length >= COPY_CHUNK_CHARS) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

interface FixedFields {
  reportPeriodId: string;
  clusterId: string;
  clusterAlias: string;
  sourceUuid: string;
  /**
   * COPY text of each label map by identity: a Pod row's pod_labels and all_labels are one object, and partials
   * share one object per distinct map, so most rows serialise no JSON at all.
   */
  labelTexts: Map<object, string>;
}

/** One COPY line in `COPY_COLUMNS` order, built by concatenation (this runs once per row of a month). */
function encodeRow(row: OcpSummaryRow, fixed: FixedFields): string {
  let line = `${randomUUID()}\t${fixed.reportPeriodId}\t${fixed.clusterId}\t${fixed.clusterAlias}\t${copyText(row.data_source)}\t${row.usage_start}\t${row.usage_start}\t${copyText(row.namespace)}\t${copyText(row.node)}\t${copyText(row.resource_id)}\t${labelsText(row.pod_labels, fixed)}`;
  for (let i = 0; i < POD_NUMERICS.length; i++) line += `\t${numericText(row[POD_NUMERICS[i]])}`;
  line += `\t${copyText(row.persistentvolumeclaim)}\t${copyText(row.persistentvolume)}\t${copyText(row.storageclass)}\t${labelsText(row.volume_labels, fixed)}\t${labelsText(row.all_labels ?? EMPTY_LABELS, fixed)}`;
  for (let i = 0; i < VOLUME_NUMERICS.length; i++) line += `\t${numericText(row[VOLUME_NUMERICS[i]])}`;
  const infrastructureUsageCost = row.infrastructure_usage_cost_zero ? ZERO_INFRASTRUCTURE_USAGE_COST_TEXT : COPY_NULL;
  const costCategoryId = row.cost_category_id === null ? COPY_NULL : String(row.cost_category_id);
  return `${line}\t${fixed.sourceUuid}\t${infrastructureUsageCost}\t${costCategoryId}\n`;
}

const EMPTY_LABELS = Object.freeze({});
const ZERO_INFRASTRUCTURE_USAGE_COST_TEXT = copyText(ZERO_INFRASTRUCTURE_USAGE_COST);

function numericText(v: number | null): string {
  return v === null ? COPY_NULL : toNumeric15(v);
}

function labelsText(labels: object | null, fixed: FixedFields): string {
  if (labels === null) return COPY_NULL;
  let text = fixed.labelTexts.get(labels);
  if (text === undefined) fixed.labelTexts.set(labels, (text = copyJson(labels)));
  return text;
}
