/**
 * DuckDB SQL for the Pod rows (spec §6) of one or more days over Koku-layout Parquet. Every form has §6's sums, maxes
 * and effective-usage coalesce, drops rows with an empty node, and joins each day's node and cluster capacity from the
 * hourly rows (max per (interval_start, node), summed over the day's hours). They differ in labels:
 *
 * - `raw`: groups on the raw pod_labels text; no label filtering or merging (§5). A lower bound, not Koku's rows.
 * - `koku`: Koku's rows (§5): node and namespace label maps filtered to the allow-list and DISTINCT per day, the pod's
 *   own map filtered, the three merged (pod > namespace > node), and the merged map as the group key. Computed as a
 *   DuckDB user would: grouped on the raw text first, labels merged per group, then grouped again.
 * - `trino`: the same rows in the shape of Koku's Trino SQL, which parses and merges every row's labels.
 *
 * `koku` and `trino` give the Pod rows the TS day task writes, so the bench compares them row by row.
 */
import { benchSqlInput, costCategoriesCte, daysWindow, filteredLabels, labelCtes, literal, mergedLabelsJson } from './summarySqlParts.js';
import type { OcpSummaryConfig } from '../lib/ocp/types.js';
import type { SummarySqlInput } from './summarySqlParts.js';

export type PodRowsQuery = 'raw' | 'koku' | 'trino';

export const POD_ROWS_QUERIES: readonly PodRowsQuery[] = ['raw', 'koku', 'trino'];

/** What `npm run bench` times unless `--queries` says otherwise. */
export const DEFAULT_POD_ROWS_QUERIES: readonly PodRowsQuery[] = ['raw', 'koku'];

export function podRowsSql(query: PodRowsQuery, input: SummarySqlInput): string {
  return { raw: rawSql, koku: kokuSql, trino: trinoSql }[query](input);
}

/** Node capacity per day and node, and per day for the cluster, from the hourly rows (§6, with no filter on the node). */
function capacityCtes(input: SummarySqlInput): string {
  return `cap_hour AS (
  SELECT interval_start, node,
    max(node_capacity_cpu_core_seconds) AS cpu_s, max(node_capacity_memory_byte_seconds) AS mem_bs
  FROM read_parquet(${literal(input.hourlyGlob)})
  WHERE ${daysWindow(input)}
  GROUP BY interval_start, node
), node_cap AS (
  SELECT CAST(interval_start AS DATE) AS usage_start, node, sum(cpu_s) AS cpu_s, sum(mem_bs) AS mem_bs FROM cap_hour GROUP BY 1, 2
), cluster_cap AS (
  SELECT usage_start, sum(cpu_s) AS cpu_s, sum(mem_bs) AS mem_bs FROM node_cap GROUP BY usage_start
)`;
}

const TO_CORE_HOURS = '/ 3600';
const TO_GIB_HOURS = '/ 3600 * pow(2, -30)';
const effective = (unit: string) => `coalesce(pod_effective_usage_${unit}, greatest(pod_usage_${unit}, pod_request_${unit}))`;

/** Spec §6's sums: output column, what is summed per daily row, and the unit conversion applied to the sum. */
const POD_SUMS: ReadonlyArray<[column: string, summed: string, conversion: string]> = [
  ['pod_usage_cpu_core_hours', 'pod_usage_cpu_core_seconds', TO_CORE_HOURS],
  ['pod_request_cpu_core_hours', 'pod_request_cpu_core_seconds', TO_CORE_HOURS],
  ['pod_effective_usage_cpu_core_hours', effective('cpu_core_seconds'), TO_CORE_HOURS],
  ['pod_limit_cpu_core_hours', 'pod_limit_cpu_core_seconds', TO_CORE_HOURS],
  ['pod_usage_memory_gigabyte_hours', 'pod_usage_memory_byte_seconds', TO_GIB_HOURS],
  ['pod_request_memory_gigabyte_hours', 'pod_request_memory_byte_seconds', TO_GIB_HOURS],
  ['pod_effective_usage_memory_gigabyte_hours', effective('memory_byte_seconds'), TO_GIB_HOURS],
  ['pod_limit_memory_gigabyte_hours', 'pod_limit_memory_byte_seconds', TO_GIB_HOURS],
];

/** Spec §6's maxes: output column, the daily (or joined) column, and its conversion. */
const POD_MAXES: ReadonlyArray<[column: string, source: string, conversion: string]> = [
  ['resource_id', 'resource_id', ''],
  ['cost_category_id', 'cat.id', ''],
  ['node_capacity_cpu_cores', 'node_capacity_cpu_cores', ''],
  ['node_capacity_memory_gigabytes', 'node_capacity_memory_bytes', '* pow(2, -30)'],
];

/** The aggregates straight from daily rows: `sum(x) / 3600 AS …`. */
const podAggregates = (): string =>
  [...POD_MAXES.map(([c, from, k]) => `max(${from}) ${k} AS ${c}`), ...POD_SUMS.map(([c, x, k]) => `sum(${x}) ${k} AS ${c}`)].join(',\n    ');

/** First stage of two: the same aggregates, unconverted (sums in seconds, max bytes), named after the output. */
const podPartialAggregates = (): string =>
  [...POD_MAXES.map(([c, from]) => `max(${from}) AS ${c}`), ...POD_SUMS.map(([c, x]) => `sum(${x}) AS ${c}`)].join(',\n    ');

/** Second stage: aggregates of the first stage's rows, converted. */
const podFinalAggregates = (): string =>
  [...POD_MAXES.map(([c, , k]) => `max(${c}) ${k} AS ${c}`), ...POD_SUMS.map(([c, , k]) => `sum(${c}) ${k} AS ${c}`)].join(',\n    ');

const WITH_CAPACITY = `SELECT p.*,
  n.cpu_s / 3600 AS node_capacity_cpu_core_hours,
  n.mem_bs / 3600 * pow(2, -30) AS node_capacity_memory_gigabyte_hours,
  c.cpu_s / 3600 AS cluster_capacity_cpu_core_hours,
  c.mem_bs / 3600 * pow(2, -30) AS cluster_capacity_memory_gigabyte_hours
FROM pods p
LEFT JOIN node_cap n ON n.usage_start = p.usage_start AND n.node = p.node
LEFT JOIN cluster_cap c ON c.usage_start = p.usage_start`;

/** Cost categories by LIKE before aggregation, as Koku joins them (§5.3). */
const COST_CATEGORY_JOIN = 'LEFT JOIN cost_categories cat ON namespace LIKE cat.pattern';

/** The daily pod rows of the days (empty node dropped, §6) grouped on (day, namespace, node, raw label text). */
function groupedOnText(input: SummarySqlInput, aggregates: string): string {
  return `SELECT CAST(interval_start AS DATE) AS usage_start, namespace, node, pod_labels,
    ${aggregates}
  FROM read_parquet(${literal(input.dailyGlob)})
  ${COST_CATEGORY_JOIN}
  WHERE ${daysWindow(input)} AND node != ''
  GROUP BY 1, 2, 3, 4`;
}

function rawSql(input: SummarySqlInput): string {
  return `
WITH ${capacityCtes(input)}, ${costCategoriesCte(input)}, pods AS (
  ${groupedOnText(input, podAggregates())}
)
${WITH_CAPACITY}`;
}

/** The merged pod label map (§5.2) of a row `li` joined to `nl` (node) and `ns` (namespace) labels: node, namespace, pod. */
function mergedLabels(enabledKeys: readonly string[]): string {
  return mergedLabelsJson(['coalesce(nl.labels, MAP {})', 'coalesce(ns.labels, MAP {})', filteredLabels('li.pod_labels', enabledKeys)]);
}

const LABEL_JOINS = `LEFT JOIN node_labels nl ON nl.node = li.node AND nl.usage_start = li.usage_start
  LEFT JOIN namespace_labels ns ON ns.namespace = li.namespace AND ns.usage_start = li.usage_start`;

/**
 * Koku's rows, computed the way a DuckDB user would: group the daily rows on the raw label text first (as `raw`
 * does), then merge the labels of those far fewer groups and group again on the merged map. Equal to grouping the
 * rows on their merged maps directly: a text always merges to the same map on a given day, namespace and node, and
 * a node with two label sets duplicates a text's group as it would duplicate each of its rows.
 */
function kokuSql(input: SummarySqlInput): string {
  return `
WITH ${capacityCtes(input)}, ${labelCtes(input)}, ${costCategoriesCte(input)}, by_text AS (
  ${groupedOnText(input, podPartialAggregates())}
), pods AS (
  SELECT li.usage_start, li.namespace, li.node, ${mergedLabels(input.enabledKeys)} AS pod_labels,
    ${podFinalAggregates()}
  FROM by_text li
  ${LABEL_JOINS}
  GROUP BY 1, 2, 3, 4
)
${WITH_CAPACITY}`;
}

/**
 * Koku's rows in the shape of Koku's Trino SQL: every daily row's label JSON is parsed, filtered and merged, and the
 * rows are grouped on the merged map. The parity check compares the TS rows with this query's as well as `koku`'s:
 * it does not rest on the two-stage argument above.
 */
function trinoSql(input: SummarySqlInput): string {
  return `
WITH ${capacityCtes(input)}, ${labelCtes(input)}, ${costCategoriesCte(input)}, daily AS (
  SELECT *, CAST(interval_start AS DATE) AS usage_start
  FROM read_parquet(${literal(input.dailyGlob)})
  WHERE ${daysWindow(input)} AND node != ''
), pods AS (
  SELECT li.usage_start, li.namespace, li.node, ${mergedLabels(input.enabledKeys)} AS pod_labels,
    ${podAggregates()}
  FROM daily li
  ${LABEL_JOINS}
  LEFT JOIN cost_categories cat ON li.namespace LIKE cat.pattern
  GROUP BY 1, 2, 3, 4
)
${WITH_CAPACITY}`;
}

/** The query over a bench data set's files for `day`, with the day benchmark's Koku settings unless `config` says others. */
export function benchPodRowsSql(query: PodRowsQuery, dataDir: string, day: string, config?: OcpSummaryConfig): string {
  return podRowsSql(query, benchSqlInput(dataDir, { from: day }, config));
}
