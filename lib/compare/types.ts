/** Shapes of `koku-agg compare`: what it reads, how it pairs rows, and the report it returns. */
import type { QueryResult, QueryResultRow } from 'pg';

/** A `pg.Pool` or a connected client. */
export interface Queryable {
  query<R extends QueryResultRow = QueryResultRow>(text: string, values?: unknown[]): Promise<QueryResult<R>>;
}

export interface SummaryTableRef {
  db: Queryable;
  schema: string;
  /** Default `reporting_ocpusagelineitem_daily_summary`. */
  table?: string;
}

export interface CompareOptions {
  /** Koku's rows (the expected side). */
  reference: SummaryTableRef;
  /** Our rows (the side under test). */
  ours: SummaryTableRef;
  providerUuid: string;
  year: number;
  /** 1-12. */
  month: number;
  /** `YYYY-MM-DD` days of the month to compare; all when absent. */
  days?: readonly string[];
  /** Absolute tolerance per numeric value; default 1e-9. */
  tolerance?: number;
  /** Count NULL against zero in the cost-model-filled columns as a difference (default: ignored). */
  strictNulls?: boolean;
  /** Keep rows with a non-zero `infrastructure_raw_cost` (OCP-on-cloud rows; default: left out on both sides). */
  includeInfra?: boolean;
  /** Keep cost-model rows (`cost_model_rate_type` or `monthly_cost_type` set; default: left out on both sides). */
  includeCostModelRows?: boolean;
  /** How many missing / extra rows to list; default 20. */
  listLimit?: number;
  /** How many largest differences to keep per column; default 5. */
  largestLimit?: number;
}

export type RowKind = 'Pod' | 'Storage' | 'Unallocated' | 'Other';

export type ColumnType = 'number' | 'json' | 'text';

/** A row as read: numbers and text as their exact PostgreSQL text, JSON parsed. */
export type SummaryValues = Record<string, unknown>;

export interface SummaryRowRead {
  kind: RowKind;
  /** The logical grain (spec §3.1) as a string; equal keys are the same logical row. */
  key: string;
  /** The grain without its labels, to recognise rows that differ only by labels. */
  keyWithoutLabels: string;
  values: SummaryValues;
}

/** Names a row in the report by its grain. */
export interface RowIdentity {
  kind: RowKind;
  usage_start: string;
  namespace: string | null;
  node: string | null;
  resource_id?: string | null;
  persistentvolumeclaim?: string | null;
  persistentvolume?: string | null;
  storageclass?: string | null;
  pod_labels?: unknown;
  volume_labels?: unknown;
  /** One line, e.g. `Pod 2024-03-15 ns=shop node=node-a pod_labels={"app":"web"}`. */
  text: string;
}

export interface RowList {
  count: number;
  /** The first `listLimit` rows, in grain order. */
  rows: RowIdentity[];
}

export interface ColumnDifference {
  row: RowIdentity;
  reference: unknown;
  ours: unknown;
  /** ours − reference for numbers; null when one side is NULL or the column is not numeric. */
  difference: number | null;
}

export interface ColumnReport {
  column: string;
  type: ColumnType;
  /** Matched rows whose values differ beyond the tolerance. */
  mismatches: number;
  /** NULL against zero in a cost-model-filled column, not counted (see `strictNulls`). */
  nullVsZeroIgnored: number;
  /** Largest differences first (NULL-against-value ones lead); at most `largestLimit`. */
  largest: ColumnDifference[];
}

export interface SideSummary {
  /** `schema.table`. */
  table: string;
  /** Rows of the source and days read. */
  rowsRead: number;
  /** Rows compared after the exclusions below. */
  rowsCompared: number;
  excludedInfrastructureRows: number;
  excludedCostModelRows: number;
  byKind: Record<RowKind, number>;
}

export interface TotalsEntry {
  /** The day (`YYYY-MM-DD`) or namespace (`(null)` for NULL). */
  group: string;
  referenceRows: number;
  oursRows: number;
  /** Per usage column: both sums and ours − reference. */
  columns: Record<string, { reference: number; ours: number; difference: number }>;
  /** Some column differs by more than the tolerance times the rows summed. */
  differs: boolean;
}

export interface CompareReport {
  passed: boolean;
  /** Why it failed, one line per reason; empty when it passed. */
  failures: string[];
  providerUuid: string;
  /** `YYYY-MM`. */
  month: string;
  days: string[] | null;
  tolerance: number;
  strictNulls: boolean;
  includeInfra: boolean;
  includeCostModelRows: boolean;
  reference: SideSummary;
  ours: SideSummary;
  /** Rows present on both sides (paired by grain; duplicates by closest values). */
  matched: number;
  matchedWithDifferences: number;
  /** Grain keys with more than one row on a side (e.g. Storage rows that differ only by CSI handle). */
  duplicateKeys: number;
  /** In the reference, not in ours. */
  missing: RowList;
  /** In ours, not in the reference. */
  extra: RowList;
  /** Rows equal in every grain column but their labels: listed as pairs, not as missing + extra. */
  labelDifferences: { count: number; pairs: Array<{ reference: RowIdentity; ours: RowIdentity }> };
  /** Columns with mismatches or ignored NULL-vs-zero values, in table order. */
  columns: ColumnReport[];
  comparedColumns: string[];
  /** Columns only one table has, or that are compared by meaning rather than value. */
  notes: string[];
  totals: { byDay: TotalsEntry[]; byNamespace: TotalsEntry[] };
}
