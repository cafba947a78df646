/**
 * DuckDB SQL for the day's Pod rows (spec §6) over Koku-layout Parquet, in two forms:
 *
 * - `raw`: daily pod rows grouped by (day, namespace, node, raw pod_labels text), with the sums and maxes of §6,
 *   joined to node and cluster capacity from the hourly rows (max per (interval_start, node), summed over the day's
 *   hours). No label filtering or merging: the least work that yields one row per Pod group, a lower bound.
 * - `koku`: the same rows as Koku computes them, labels included (§5): each node's and namespace's label maps filtered
 *   to the allow-list and made DISTINCT per day, the pod's own map filtered, the three merged (pod > namespace > node)
 *   and the merged map used as the group key, as Koku's Trino SQL does. Rows with an empty node are dropped (§6).
 *   These are the Pod rows the TS day task writes, so the bench can compare them row by row.
 */
import { join } from 'node:path';
import { reportPrefixes } from './benchData.js';
import { BENCH_ENABLED_KEYS } from './constants.js';

export type PodRowsQuery = 'raw' | 'koku';

export const POD_ROWS_QUERIES: readonly PodRowsQuery[] = ['raw', 'koku'];

export interface PodRowsSqlInput {
  hourlyGlob: string;
  dailyGlob: string;
  nodeLabelsGlob: string;
  namespaceLabelsGlob: string;
  /** `YYYY-MM-DD`. */
  day: string;
  /** Koku's enabled OCP tag keys (spec §5.1); only the `koku` query uses them. */
  enabledKeys: readonly string[];
}

const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

export function podRowsSql(query: PodRowsQuery, input: PodRowsSqlInput): string {
  return query === 'raw' ? rawSql(input) : kokuSql(input);
}

function window(input: PodRowsSqlInput, column = 'interval_start'): string {
  const from = `TIMESTAMP '${input.day} 00:00:00'`;
  return `${column} >= ${from} AND ${column} < (${from} + INTERVAL 1 DAY)`;
}

/** Node capacity per node and for the cluster, from the hourly rows (§6, with no filter on the node). */
function capacityCtes(input: PodRowsSqlInput): string {
  return `cap_hour AS (
  SELECT interval_start, node,
    max(node_capacity_cpu_core_seconds) AS cpu_s, max(node_capacity_memory_byte_seconds) AS mem_bs
  FROM read_parquet(${literal(input.hourlyGlob)})
  WHERE ${window(input)}
  GROUP BY interval_start, node
), node_cap AS (
  SELECT node, sum(cpu_s) AS cpu_s, sum(mem_bs) AS mem_bs FROM cap_hour GROUP BY node
), cluster_cap AS (
  SELECT sum(cpu_s) AS cpu_s, sum(mem_bs) AS mem_bs FROM node_cap
)`;
}

const POD_SUMS = `max(resource_id) AS resource_id,
    sum(pod_usage_cpu_core_seconds) / 3600 AS pod_usage_cpu_core_hours,
    sum(pod_request_cpu_core_seconds) / 3600 AS pod_request_cpu_core_hours,
    sum(coalesce(pod_effective_usage_cpu_core_seconds,
      greatest(pod_usage_cpu_core_seconds, pod_request_cpu_core_seconds))) / 3600 AS pod_effective_usage_cpu_core_hours,
    sum(pod_limit_cpu_core_seconds) / 3600 AS pod_limit_cpu_core_hours,
    sum(pod_usage_memory_byte_seconds) / 3600 * pow(2, -30) AS pod_usage_memory_gigabyte_hours,
    sum(pod_request_memory_byte_seconds) / 3600 * pow(2, -30) AS pod_request_memory_gigabyte_hours,
    sum(coalesce(pod_effective_usage_memory_byte_seconds,
      greatest(pod_usage_memory_byte_seconds, pod_request_memory_byte_seconds))) / 3600 * pow(2, -30) AS pod_effective_usage_memory_gigabyte_hours,
    sum(pod_limit_memory_byte_seconds) / 3600 * pow(2, -30) AS pod_limit_memory_gigabyte_hours,
    max(node_capacity_cpu_cores) AS node_capacity_cpu_cores,
    max(node_capacity_memory_bytes) * pow(2, -30) AS node_capacity_memory_gigabytes`;

const WITH_CAPACITY = `SELECT p.*,
  n.cpu_s / 3600 AS node_capacity_cpu_core_hours,
  n.mem_bs / 3600 * pow(2, -30) AS node_capacity_memory_gigabyte_hours,
  c.cpu_s / 3600 AS cluster_capacity_cpu_core_hours,
  c.mem_bs / 3600 * pow(2, -30) AS cluster_capacity_memory_gigabyte_hours
FROM pods p LEFT JOIN node_cap n ON n.node = p.node CROSS JOIN cluster_cap c`;

function rawSql(input: PodRowsSqlInput): string {
  return `
WITH ${capacityCtes(input)}, pods AS (
  SELECT CAST(interval_start AS DATE) AS usage_start, namespace, node, pod_labels,
    ${POD_SUMS}
  FROM read_parquet(${literal(input.dailyGlob)})
  WHERE ${window(input)} AND node != ''
  GROUP BY 1, 2, 3, 4
)
${WITH_CAPACITY}`;
}

/**
 * A label JSON text filtered to the allow-list, as a MAP. With no key enabled, Trino's allow-list is NULL and every
 * filtered map is empty (§5.1), hence the empty list rather than just vm_kubevirt_io_name.
 */
function filtered(column: string, enabledKeys: readonly string[]): string {
  const keys = enabledKeys.length === 0 ? [] : ['vm_kubevirt_io_name', ...enabledKeys];
  const list = keys.length === 0 ? 'CAST([] AS VARCHAR[])' : `[${keys.map(literal).join(', ')}]`;
  return `map_from_entries(list_filter(map_entries(CAST(CAST(${column} AS JSON) AS MAP(VARCHAR, VARCHAR))), e -> list_contains(${list}, e.key)))`;
}

function kokuSql(input: PodRowsSqlInput): string {
  const keys = input.enabledKeys;
  // Entries sorted so that equal maps are equal group keys whatever order the texts listed them in (Trino compares
  // maps, not texts); map_concat keeps the last map's value for a repeated key, hence node, namespace, pod.
  const merged = `to_json(map_from_entries(list_sort(map_entries(map_concat(
      coalesce(nl.labels, MAP {}), coalesce(ns.labels, MAP {}), ${filtered('li.pod_labels', keys)})))))::VARCHAR`;
  return `
WITH ${capacityCtes(input)}, node_labels AS (
  SELECT DISTINCT CAST(interval_start AS DATE) AS usage_start, node, ${filtered('node_labels', keys)} AS labels
  FROM read_parquet(${literal(input.nodeLabelsGlob)})
  WHERE ${window(input)}
), namespace_labels AS (
  SELECT DISTINCT CAST(interval_start AS DATE) AS usage_start, namespace, ${filtered('namespace_labels', keys)} AS labels
  FROM read_parquet(${literal(input.namespaceLabelsGlob)})
  WHERE ${window(input)}
), pods AS (
  SELECT CAST(li.interval_start AS DATE) AS usage_start, li.namespace, li.node, ${merged} AS pod_labels,
    ${POD_SUMS}
  FROM read_parquet(${literal(input.dailyGlob)}) li
  LEFT JOIN node_labels nl ON nl.node = li.node AND nl.usage_start = CAST(li.interval_start AS DATE)
  LEFT JOIN namespace_labels ns ON ns.namespace = li.namespace AND ns.usage_start = CAST(li.interval_start AS DATE)
  WHERE ${window(input, 'li.interval_start')} AND li.node != ''
  GROUP BY 1, 2, 3, 4
)
${WITH_CAPACITY}`;
}

/** The query over a bench data set's files for `day`, with the day benchmark's enabled keys. */
export function benchPodRowsSql(query: PodRowsQuery, dataDir: string, day: string): string {
  const [year, month] = day.split('-').map(Number) as [number, number];
  const daily = (reportType: string) => join(reportPrefixes(dataDir, reportType, year, month).daily, '*.parquet');
  return podRowsSql(query, {
    hourlyGlob: join(reportPrefixes(dataDir, 'pod_usage', year, month).hourly, '*.parquet'),
    dailyGlob: daily('pod_usage'),
    nodeLabelsGlob: daily('node_labels'),
    namespaceLabelsGlob: daily('namespace_labels'),
    day,
    enabledKeys: BENCH_ENABLED_KEYS,
  });
}
