/**
 * DuckDB SQL for the day's Pod rows (spec §6) over Koku-layout Parquet: daily pod rows grouped by (day, namespace,
 * node, pod_labels) with the sums and maxes of §6, joined to node and cluster capacity from the hourly rows (max per
 * (interval_start, node), summed over the day's hours). Label filtering and merging (§5) are not done here: DuckDB
 * groups on the raw pod_labels text, which is the expensive part of Trino's query; the TS day task does more work.
 */
export function podRowsSql(hourlyGlob: string, dailyGlob: string, day: string): string {
  const from = `TIMESTAMP '${day} 00:00:00'`;
  const to = `(${from} + INTERVAL 1 DAY)`;
  const q = (path: string) => `'${path.replace(/'/g, "''")}'`;
  return `
WITH cap_hour AS (
  SELECT interval_start, node,
    max(node_capacity_cpu_core_seconds) AS cpu_s, max(node_capacity_memory_byte_seconds) AS mem_bs
  FROM read_parquet(${q(hourlyGlob)})
  WHERE interval_start >= ${from} AND interval_start < ${to}
  GROUP BY interval_start, node
), node_cap AS (
  SELECT node, sum(cpu_s) AS cpu_s, sum(mem_bs) AS mem_bs FROM cap_hour GROUP BY node
), cluster_cap AS (
  SELECT sum(cpu_s) AS cpu_s, sum(mem_bs) AS mem_bs FROM node_cap
), pods AS (
  SELECT CAST(interval_start AS DATE) AS usage_start, namespace, node, pod_labels,
    max(resource_id) AS resource_id,
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
    max(node_capacity_memory_bytes) * pow(2, -30) AS node_capacity_memory_gigabytes
  FROM read_parquet(${q(dailyGlob)})
  WHERE interval_start >= ${from} AND interval_start < ${to} AND node != ''
  GROUP BY 1, 2, 3, 4
)
SELECT p.*,
  n.cpu_s / 3600 AS node_capacity_cpu_core_hours,
  n.mem_bs / 3600 * pow(2, -30) AS node_capacity_memory_gigabyte_hours,
  c.cpu_s / 3600 AS cluster_capacity_cpu_core_hours,
  c.mem_bs / 3600 * pow(2, -30) AS cluster_capacity_memory_gigabyte_hours
FROM pods p LEFT JOIN node_cap n ON n.node = p.node CROSS JOIN cluster_cap c`;
}
