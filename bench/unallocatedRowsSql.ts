/**
 * DuckDB SQL for the unallocated capacity rows (spec §8) of one or more days, from the `koku` Pod rows of the same
 * days: node roles per (node, resource_id) as Koku's role SQL derives them from the daily pod rows and node labels
 * (§8.1; the generated data's roles do not change over the month, so Koku's sticky roles are the same), then per node
 * and day capacity minus the sums of the Pod rows (§8.2), named by role, with cost categories joined by LIKE on the
 * synthetic namespace. Used by the month's parity check only (untimed).
 */
import { PLATFORM_UNALLOCATED, WORKER_UNALLOCATED } from '../lib/ocp/constants.js';
import { podRowsSql } from './podRowsSql.js';
import { CAPACITY_COLUMNS } from './summaryColumns.js';
import { costCategoriesCte, daysWindow, literal } from './summarySqlParts.js';
import type { SummarySqlInput } from './summarySqlParts.js';

/** Each unallocated metric: the capacity column it is taken from (§8.2). */
const UNALLOCATED_METRICS: ReadonlyArray<[metric: string, capacity: string]> = [
  ['pod_usage_cpu_core_hours', 'node_capacity_cpu_core_hours'],
  ['pod_request_cpu_core_hours', 'node_capacity_cpu_core_hours'],
  ['pod_effective_usage_cpu_core_hours', 'node_capacity_cpu_core_hours'],
  ['pod_usage_memory_gigabyte_hours', 'node_capacity_memory_gigabyte_hours'],
  ['pod_request_memory_gigabyte_hours', 'node_capacity_memory_gigabyte_hours'],
  ['pod_effective_usage_memory_gigabyte_hours', 'node_capacity_memory_gigabyte_hours'],
];

export function unallocatedRowsSql(input: SummarySqlInput): string {
  const metrics = UNALLOCATED_METRICS.map(([m, cap]) => `max(p.${cap}) - sum(p.${m}) AS ${m}`);
  const capacity = CAPACITY_COLUMNS.map((c) => `max(p.${c}) AS ${c}`);
  return `
WITH ${costCategoriesCte(input)}, pod_rows AS (
  SELECT * FROM (${podRowsSql('koku', input)})
), pod_roles AS (
  SELECT node, resource_id, max(node_role) AS node_role, bool_or(namespace = 'openshift-kube-apiserver') AS apiserver
  FROM read_parquet(${literal(input.dailyGlob)})
  WHERE ${daysWindow(input)}
  GROUP BY 1, 2
), label_roles AS (
  SELECT node, bool_or(node_labels LIKE '%"node_role_kubernetes_io": "infra"%') AS infra
  FROM read_parquet(${literal(input.nodeLabelsGlob)})
  WHERE ${daysWindow(input)}
  GROUP BY 1
), roles AS (
  -- Koku joins every pod row of a node to every label row of that node; aggregating each side first gives the same
  -- roles without that product. The inner join keeps Koku's rule that a node without label rows gets no role.
  SELECT p.node, p.resource_id,
    coalesce(p.node_role, CASE WHEN p.apiserver THEN 'master' WHEN l.infra THEN 'infra' ELSE 'worker' END) AS node_role
  FROM pod_roles p JOIN label_roles l ON l.node = p.node
), unallocated AS (
  SELECT p.usage_start, p.node,
    CASE max(r.node_role) WHEN 'master' THEN ${literal(PLATFORM_UNALLOCATED)} WHEN 'infra' THEN ${literal(PLATFORM_UNALLOCATED)}
      WHEN 'worker' THEN ${literal(WORKER_UNALLOCATED)} END AS namespace,
    max(p.resource_id) AS resource_id,
    ${[...metrics, ...capacity].join(',\n    ')}
  FROM pod_rows p LEFT JOIN roles r ON r.node = p.node AND r.resource_id = p.resource_id
  WHERE p.node IS NOT NULL
  GROUP BY p.node, p.usage_start
)
SELECT u.*, NULL AS pod_labels, CAST(NULL AS DOUBLE) AS pod_limit_cpu_core_hours, CAST(NULL AS DOUBLE) AS pod_limit_memory_gigabyte_hours,
  cat.id AS cost_category_id
FROM unallocated u LEFT JOIN cost_categories cat ON u.namespace LIKE cat.pattern`;
}
