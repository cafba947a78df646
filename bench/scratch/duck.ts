import { DuckDBInstance } from '@duckdb/node-api';
import { readdirSync } from 'node:fs';
const dir = process.argv[2]!;
const threads = Number(process.argv[3] ?? 1);
const base = `${dir}/data/parquet`;
const t0 = performance.now();
const inst = await DuckDBInstance.create(':memory:', { threads: String(threads) });
const con = await inst.connect();
const hourly = `${base}/org1234567/OCP/pod_usage/source=11111111-2222-3333-4444-555555555555/year=2025/month=10/*.parquet`;
const daily = `${base}/daily/org1234567/OCP/pod_usage/source=11111111-2222-3333-4444-555555555555/year=2025/month=10/*.parquet`;
const sql = `
WITH cap_hour AS (
  SELECT interval_start, node, max(node_capacity_cpu_core_seconds) AS cpu, max(node_capacity_memory_byte_seconds) AS mem
  FROM read_parquet('${hourly}')
  WHERE interval_start >= TIMESTAMP '2025-10-01' AND interval_start < TIMESTAMP '2025-10-02'
  GROUP BY 1, 2
), node_cap AS (
  SELECT node, sum(cpu) AS cpu_s, sum(mem) AS mem_bs FROM cap_hour GROUP BY node
), cluster_cap AS (
  SELECT sum(cpu_s) AS cpu_s, sum(mem_bs) AS mem_bs FROM node_cap
), pods AS (
  SELECT CAST(interval_start AS DATE) AS usage_start, namespace, node, pod_labels,
    max(resource_id) AS resource_id,
    sum(pod_usage_cpu_core_seconds) / 3600 AS pod_usage_cpu_core_hours,
    sum(pod_request_cpu_core_seconds) / 3600 AS pod_request_cpu_core_hours,
    sum(coalesce(pod_effective_usage_cpu_core_seconds, greatest(pod_usage_cpu_core_seconds, pod_request_cpu_core_seconds))) / 3600 AS pod_effective_usage_cpu_core_hours,
    sum(pod_limit_cpu_core_seconds) / 3600 AS pod_limit_cpu_core_hours,
    sum(pod_usage_memory_byte_seconds) / 3600 * pow(2, -30) AS pod_usage_memory_gigabyte_hours,
    sum(pod_request_memory_byte_seconds) / 3600 * pow(2, -30) AS pod_request_memory_gigabyte_hours,
    sum(coalesce(pod_effective_usage_memory_byte_seconds, greatest(pod_usage_memory_byte_seconds, pod_request_memory_byte_seconds))) / 3600 * pow(2, -30) AS pod_effective_usage_memory_gigabyte_hours,
    sum(pod_limit_memory_byte_seconds) / 3600 * pow(2, -30) AS pod_limit_memory_gigabyte_hours,
    max(node_capacity_cpu_cores) AS node_capacity_cpu_cores,
    max(node_capacity_memory_bytes) * pow(2, -30) AS node_capacity_memory_gigabytes
  FROM read_parquet('${daily}')
  WHERE interval_start >= TIMESTAMP '2025-10-01' AND interval_start < TIMESTAMP '2025-10-02' AND node != ''
  GROUP BY 1, 2, 3, 4
)
SELECT p.*, n.cpu_s / 3600 AS node_capacity_cpu_core_hours, n.mem_bs / 3600 * pow(2, -30) AS node_capacity_memory_gigabyte_hours,
  c.cpu_s / 3600 AS cluster_capacity_cpu_core_hours, c.mem_bs / 3600 * pow(2, -30) AS cluster_capacity_memory_gigabyte_hours
FROM pods p LEFT JOIN node_cap n ON n.node = p.node CROSS JOIN cluster_cap c`;
const t1 = performance.now();
const reader = await con.runAndReadAll(sql);
const rows = reader.getRowObjects();
const t2 = performance.now();
console.log(rows.length, 'rows; query', (t2 - t1).toFixed(0), 'ms; total', (t2 - t0).toFixed(0), 'ms; rss', (process.resourceUsage().maxRSS / 1024).toFixed(0));
