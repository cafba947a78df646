import { daysInMonth, isoDay } from '../common/days.js';
import { compareValue } from './compareValue.js';
import {
  COST_MODEL_FILLED_COLUMNS,
  DEFAULT_LARGEST_LIMIT,
  DEFAULT_LIST_LIMIT,
  DEFAULT_TOLERANCE,
} from './constants.js';
import { parseDecimal } from './decimal.js';
import { InvalidCompareOptionError } from './errors.js';
import { pairClosest } from './pairClosest.js';
import { readSummaryRows, type SummaryTableRead } from './readSummaryRows.js';
import { describeRow, summaryRowKey } from './summaryRowKey.js';
import type {
  ColumnDifference,
  ColumnReport,
  ColumnType,
  CompareOptions,
  CompareReport,
  RowKind,
  SideSummary,
  SummaryRowRead,
} from './types.js';
import { usageTotals } from './usageTotals.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Compares our `reporting_ocpusagelineitem_daily_summary` rows with Koku's for one source and month (or days):
 * rows are matched by the spec §3.1 logical grain (labels as JSON objects; several rows of one grain, such as
 * Storage rows that differ only by CSI handle, are paired by closest values), then every column of spec §3.2 but
 * `uuid` is compared within an absolute tolerance. OCP-on-cloud rows (non-zero `infrastructure_raw_cost`) and
 * cost-model rows are left out of both sides unless asked for. The two tables may live in different databases.
 *
 * @example
 * const report = await compareSummaries({
 *   reference: { db: kokuPool, schema: 'org1234567' },
 *   ours: { db: shadowPool, schema: 'org1234567' },
 *   providerUuid, year: 2024, month: 3,
 * });
 * process.exitCode = report.passed ? 0 : 1;
 */
export async function compareSummaries(options: CompareOptions): Promise<CompareReport> {
  const o = resolveOptions(options);
  const from = isoDay(o.year, o.month, 1);
  const to = isoDay(o.year, o.month, daysInMonth(o.year, o.month));
  const filter = { providerUuid: o.providerUuid, from, to, ...(o.days ? { days: o.days } : {}) };
  const [refRead, ourRead] = await Promise.all([readSummaryRows(o.reference, filter), readSummaryRows(o.ours, filter)]);
  const { columns, notes } = comparedColumns(refRead, ourRead);

  const reference = selectRows(refRead, o);
  const ours = selectRows(ourRead, o);
  const refByKey = groupByKey(reference.rows);
  const ourByKey = groupByKey(ours.rows);

  const tolerance = o.tolerance;
  const distance = (a: SummaryRowRead, b: SummaryRowRead): number => {
    let d = 0;
    for (const [c, type] of columns) {
      const cmp = compareValue(type, a.values[c], b.values[c], tolerance);
      if (verdict(c, cmp.status, o) !== 'mismatch') continue;
      const scale = 1 + Math.abs(Number(a.values[c]) || 0);
      d += 1000 + (cmp.difference === null ? 1 : Math.min(1, Math.abs(cmp.difference) / scale));
    }
    return d;
  };

  const matchedPairs: Array<[SummaryRowRead, SummaryRowRead]> = [];
  let missingRows: SummaryRowRead[] = [];
  let extraRows: SummaryRowRead[] = [];
  let duplicateKeys = 0;
  for (const key of new Set([...refByKey.keys(), ...ourByKey.keys()])) {
    const a = refByKey.get(key) ?? [];
    const b = ourByKey.get(key) ?? [];
    if (a.length > 1 || b.length > 1) duplicateKeys++;
    const p = pairClosest(a, b, distance);
    matchedPairs.push(...p.pairs);
    missingRows.push(...p.leftOnly);
    extraRows.push(...p.rightOnly);
  }

  // Rows equal in every grain column but labels: one labelled difference, not a missing and an extra row.
  const labelPairs: Array<[SummaryRowRead, SummaryRowRead]> = [];
  const missingByGrain = groupBy(missingRows.filter(hasLabels), (r) => r.keyWithoutLabels);
  const extraByGrain = groupBy(extraRows.filter(hasLabels), (r) => r.keyWithoutLabels);
  for (const [grain, a] of missingByGrain) {
    const b = extraByGrain.get(grain);
    if (b) labelPairs.push(...pairClosest(a, b, distance).pairs);
  }
  const relabelled = new Set(labelPairs.flat());
  missingRows = sortRows(missingRows.filter((r) => !relabelled.has(r)));
  extraRows = sortRows(extraRows.filter((r) => !relabelled.has(r)));

  const { reports: columnReports, differing } = compareColumns(matchedPairs, columns, o);

  const report: CompareReport = {
    passed: false,
    failures: [],
    providerUuid: o.providerUuid,
    month: `${o.year}-${String(o.month).padStart(2, '0')}`,
    days: o.days ? [...o.days] : null,
    tolerance,
    strictNulls: o.strictNulls,
    includeInfra: o.includeInfra,
    includeCostModelRows: o.includeCostModelRows,
    reference: reference.summary,
    ours: ours.summary,
    matched: matchedPairs.length,
    matchedWithDifferences: differing.size,
    duplicateKeys,
    missing: { count: missingRows.length, rows: missingRows.slice(0, o.listLimit).map(describeRow) },
    extra: { count: extraRows.length, rows: extraRows.slice(0, o.listLimit).map(describeRow) },
    labelDifferences: {
      count: labelPairs.length,
      pairs: sortPairs(labelPairs).slice(0, o.listLimit).map(([a, b]) => ({ reference: describeRow(a), ours: describeRow(b) })),
    },
    columns: columnReports,
    comparedColumns: [...columns.keys()],
    notes,
    totals: {
      byDay: usageTotals(reference.rows, ours.rows, (r) => String(r.values.usage_start), tolerance),
      byNamespace: usageTotals(reference.rows, ours.rows, (r) => (r.values.namespace === null ? '(null)' : String(r.values.namespace)), tolerance),
    },
  };
  report.failures = failures(report);
  report.passed = report.failures.length === 0;
  return report;
}

type Resolved = Required<Omit<CompareOptions, 'days'>> & { days: readonly string[] | undefined };

function resolveOptions(options: CompareOptions): Resolved {
  const tolerance = options.tolerance ?? DEFAULT_TOLERANCE;
  if (!Number.isFinite(tolerance) || tolerance < 0) throw new InvalidCompareOptionError('tolerance', `${tolerance} is not a non-negative number`);
  if (!Number.isInteger(options.month) || options.month < 1 || options.month > 12) throw new InvalidCompareOptionError('month', `${options.month} is not 1-12`);
  const prefix = `${options.year}-${String(options.month).padStart(2, '0')}-`;
  const last = isoDay(options.year, options.month, daysInMonth(options.year, options.month));
  for (const d of options.days ?? []) {
    if (!DAY.test(d) || !d.startsWith(prefix) || d > last || d.endsWith('-00')) {
      throw new InvalidCompareOptionError('days', `${d} is not a day of ${prefix.slice(0, -1)}`);
    }
  }
  return {
    ...options,
    days: options.days && options.days.length ? [...options.days].sort() : undefined,
    tolerance,
    strictNulls: options.strictNulls ?? false,
    includeInfra: options.includeInfra ?? false,
    includeCostModelRows: options.includeCostModelRows ?? false,
    listLimit: options.listLimit ?? DEFAULT_LIST_LIMIT,
    largestLimit: options.largestLimit ?? DEFAULT_LARGEST_LIMIT,
  };
}

/** The columns both tables have, typed; notes for the rest. */
function comparedColumns(ref: SummaryTableRead, ours: SummaryTableRead): { columns: Map<string, ColumnType>; notes: string[] } {
  const columns = new Map<string, ColumnType>();
  const notes: string[] = [];
  for (const [c, refType] of ref.columns) {
    const ourType = ours.columns.get(c);
    if (ourType === undefined) {
      notes.push(`column ${c} is only in the reference (${ref.table}); not compared`);
    } else if (ref.byMeaning.includes(c) !== ours.byMeaning.includes(c)) {
      notes.push(`column ${c} can be resolved to what it refers to on one side only; not compared`);
    } else {
      columns.set(c, refType === ourType ? refType : refType === 'json' || ourType === 'json' ? 'json' : refType === 'number' || ourType === 'number' ? 'number' : 'text');
      if (refType !== ourType) notes.push(`column ${c} is ${refType} in the reference and ${ourType} in ours; compared as ${columns.get(c)}`);
    }
  }
  for (const c of ours.columns.keys()) if (!ref.columns.has(c)) notes.push(`column ${c} is only in ours (${ours.table}); not compared`);
  for (const c of ref.byMeaning) if (columns.has(c)) notes.push(`${c} is compared by what it refers to (${c === 'report_period_id' ? 'period start and source' : 'category name'}), not by id`);
  return { columns, notes };
}

function selectRows(read: SummaryTableRead, o: Resolved): { rows: SummaryRowRead[]; summary: SideSummary } {
  const byKind: Record<RowKind, number> = { Pod: 0, Storage: 0, Unallocated: 0, Other: 0 };
  let excludedInfrastructureRows = 0;
  let excludedCostModelRows = 0;
  const rows: SummaryRowRead[] = [];
  for (const values of read.rows) {
    if (!o.includeInfra && nonZero(values.infrastructure_raw_cost)) {
      excludedInfrastructureRows++;
      continue;
    }
    if (!o.includeCostModelRows && (isSet(values.cost_model_rate_type) || isSet(values.monthly_cost_type))) {
      excludedCostModelRows++;
      continue;
    }
    const row = summaryRowKey(values);
    byKind[row.kind]++;
    rows.push(row);
  }
  return {
    rows,
    summary: { table: read.table, rowsRead: read.rows.length, rowsCompared: rows.length, excludedInfrastructureRows, excludedCostModelRows, byKind },
  };
}

function nonZero(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  const d = parseDecimal(String(value));
  return d === null || d.m !== 0n;
}

function isSet(value: unknown): boolean {
  return value !== null && value !== undefined;
}

function hasLabels(row: SummaryRowRead): boolean {
  return row.kind === 'Pod' || row.kind === 'Storage';
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = keyOf(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

function groupByKey(rows: readonly SummaryRowRead[]): Map<string, SummaryRowRead[]> {
  return groupBy(rows, (r) => r.key);
}

function sortRows(rows: SummaryRowRead[]): SummaryRowRead[] {
  return rows.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

function sortPairs(pairs: Array<[SummaryRowRead, SummaryRowRead]>): Array<[SummaryRowRead, SummaryRowRead]> {
  return pairs.sort(([a], [b]) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Every column of every matched pair: per-column reports (largest differences first) and the pairs that differ. */
function compareColumns(
  pairs: ReadonlyArray<[SummaryRowRead, SummaryRowRead]>,
  columns: Map<string, ColumnType>,
  o: Resolved,
): { reports: ColumnReport[]; differing: Set<SummaryRowRead> } {
  type Found = { rank: number; a: SummaryRowRead; b: SummaryRowRead; difference: number | null };
  const state = new Map<string, { report: ColumnReport; found: Found[] }>();
  for (const [column, type] of columns) state.set(column, { report: { column, type, mismatches: 0, nullVsZeroIgnored: 0, largest: [] }, found: [] });
  const differing = new Set<SummaryRowRead>();
  for (const [a, b] of pairs) {
    for (const [column, type] of columns) {
      const cmp = compareValue(type, a.values[column], b.values[column], o.tolerance);
      const v = verdict(column, cmp.status, o);
      if (v === 'equal') continue;
      const s = state.get(column) as { report: ColumnReport; found: Found[] };
      if (v === 'ignored') {
        s.report.nullVsZeroIgnored++;
        continue;
      }
      differing.add(a);
      s.report.mismatches++;
      s.found.push({ rank: cmp.difference === null ? Number.POSITIVE_INFINITY : Math.abs(cmp.difference), a, b, difference: cmp.difference });
    }
  }
  const reports: ColumnReport[] = [];
  for (const { report, found } of state.values()) {
    if (report.mismatches === 0 && report.nullVsZeroIgnored === 0) continue;
    found.sort((x, y) => y.rank - x.rank || (x.a.key < y.a.key ? -1 : x.a.key > y.a.key ? 1 : 0));
    report.largest = found.slice(0, o.largestLimit).map(
      (f): ColumnDifference => ({ row: describeRow(f.a), reference: f.a.values[report.column] ?? null, ours: f.b.values[report.column] ?? null, difference: f.difference }),
    );
    reports.push(report);
  }
  return { reports, differing };
}

/** NULL against zero only counts in the cost-model-filled columns when `strictNulls` is set. */
function verdict(column: string, status: 'equal' | 'null-vs-zero' | 'different', o: Resolved): 'equal' | 'ignored' | 'mismatch' {
  if (status === 'equal') return 'equal';
  if (status === 'null-vs-zero' && COST_MODEL_FILLED_COLUMNS.has(column) && !o.strictNulls) return 'ignored';
  return 'mismatch';
}

function failures(r: CompareReport): string[] {
  const out: string[] = [];
  if (r.reference.rowsCompared === 0 && r.ours.rowsCompared === 0) out.push('no rows to compare on either side (check the source uuid, month, schemas and tables)');
  if (r.missing.count) out.push(`${r.missing.count} row(s) missing from ours`);
  if (r.extra.count) out.push(`${r.extra.count} extra row(s) in ours`);
  if (r.labelDifferences.count) out.push(`${r.labelDifferences.count} row(s) with different labels`);
  for (const c of r.columns) if (c.mismatches) out.push(`${c.column}: ${c.mismatches} mismatch(es)`);
  return out;
}
