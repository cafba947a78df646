/**
 * Pieces shared by the bench's DuckDB summary queries (`podRowsSql`, `storageRowsSql`): the inputs, the window of days,
 * Koku's label handling (spec §5: filtering a label text to the allow-list, the DISTINCT per-day node and namespace
 * maps, merging maps into one canonical JSON text) and its cost categories.
 */
import { join } from 'node:path';
import type { OcpSummaryConfig } from '../lib/ocp/types.js';
import { reportPrefixes } from './benchData.js';
import { BENCH_SUMMARY_CONFIG } from './constants.js';

export interface SummarySqlInput {
  hourlyGlob: string;
  dailyGlob: string;
  storageGlob: string;
  nodeLabelsGlob: string;
  namespaceLabelsGlob: string;
  /** First and last day (`YYYY-MM-DD`, inclusive) of the rows to summarise, within one month. */
  from: string;
  to: string;
  /** Koku's enabled OCP tag keys (spec §5.1). */
  enabledKeys: readonly string[];
  /** `reporting_ocp_cost_category_namespace` rows (spec §5.3). */
  costCategories: OcpSummaryConfig['costCategories'];
}

/**
 * The inputs of a bench data set's days `from`…`to` (one month; `to` defaults to `from`), with the day benchmark's
 * Koku settings unless `config` says others.
 */
export function benchSqlInput(dataDir: string, days: { from: string; to?: string }, config: OcpSummaryConfig = BENCH_SUMMARY_CONFIG): SummarySqlInput {
  const [year, month] = days.from.split('-').map(Number) as [number, number];
  const daily = (reportType: string) => join(reportPrefixes(dataDir, reportType, year, month).daily, '*.parquet');
  return {
    hourlyGlob: join(reportPrefixes(dataDir, 'pod_usage', year, month).hourly, '*.parquet'),
    dailyGlob: daily('pod_usage'),
    storageGlob: daily('storage_usage'),
    nodeLabelsGlob: daily('node_labels'),
    namespaceLabelsGlob: daily('namespace_labels'),
    from: days.from,
    to: days.to ?? days.from,
    enabledKeys: config.enabledKeys,
    costCategories: config.costCategories,
  };
}

export const literal = (text: string): string => `'${text.replace(/'/g, "''")}'`;

/** `column` within the input's days. */
export function daysWindow(input: SummarySqlInput, column = 'interval_start'): string {
  return `${column} >= TIMESTAMP '${input.from} 00:00:00' AND ${column} < (TIMESTAMP '${input.to} 00:00:00' + INTERVAL 1 DAY)`;
}

/**
 * A label JSON text filtered to the allow-list, as a MAP. With no key enabled, Trino's allow-list is NULL and every
 * filtered map is empty (§5.1), hence the empty list rather than just vm_kubevirt_io_name.
 */
export function filteredLabels(column: string, enabledKeys: readonly string[]): string {
  const keys = enabledKeys.length === 0 ? [] : ['vm_kubevirt_io_name', ...enabledKeys];
  const list = keys.length === 0 ? 'CAST([] AS VARCHAR[])' : `[${keys.map(literal).join(', ')}]`;
  return `map_from_entries(list_filter(map_entries(CAST(CAST(${column} AS JSON) AS MAP(VARCHAR, VARCHAR))), e -> list_contains(${list}, e.key)))`;
}

/**
 * Maps merged in order (a later map's value wins for a repeated key, as Trino's map_concat), as canonical JSON text:
 * entries sorted so that equal maps are equal group keys whatever order the texts listed them in (Trino compares
 * maps, not texts).
 */
export function mergedLabelsJson(maps: readonly string[]): string {
  return `to_json(map_from_entries(list_sort(map_entries(map_concat(${maps.join(', ')})))))::VARCHAR`;
}

/** CTEs `node_labels` and `namespace_labels`: filtered maps, DISTINCT per day (§5.2: two sets a day give two rows). */
export function labelCtes(input: SummarySqlInput): string {
  const keys = input.enabledKeys;
  return `node_labels AS (
  SELECT DISTINCT CAST(interval_start AS DATE) AS usage_start, node, ${filteredLabels('node_labels', keys)} AS labels
  FROM read_parquet(${literal(input.nodeLabelsGlob)})
  WHERE ${daysWindow(input)}
), namespace_labels AS (
  SELECT DISTINCT CAST(interval_start AS DATE) AS usage_start, namespace, ${filteredLabels('namespace_labels', keys)} AS labels
  FROM read_parquet(${literal(input.namespaceLabelsGlob)})
  WHERE ${daysWindow(input)}
)`;
}

/**
 * CTE `cost_categories(pattern, id)`: the namespace LIKE patterns (§5.3). Joined with LIKE before aggregation, as Koku
 * does, so a namespace matching k patterns multiplies its sums by k (never with Koku's default patterns).
 */
export function costCategoriesCte(input: SummarySqlInput): string {
  const rows = input.costCategories.map((c) => `(${literal(c.pattern)}, ${Number(c.costCategoryId)})`);
  return rows.length === 0
    ? 'cost_categories AS (SELECT CAST(NULL AS VARCHAR) AS pattern, CAST(NULL AS INTEGER) AS id WHERE false)'
    : `cost_categories AS (SELECT * FROM (VALUES ${rows.join(', ')}) AS v(pattern, id))`;
}
