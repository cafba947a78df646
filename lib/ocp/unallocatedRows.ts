import { compareText, maxText } from './compareText.js';
import { PLATFORM_UNALLOCATED, SYNTHETIC_NAMESPACES, WORKER_UNALLOCATED } from './constants.js';
import { createCostCategoryMatcher } from './costCategory.js';
import { maxNullable, sumNullable } from './nullableMath.js';
import { blankSummaryRow } from './summaryRow.js';
import type { NodeRoleLookup, OcpSummaryConfig, OcpSummaryRow } from './types.js';

type MetricColumn =
  | 'pod_usage_cpu_core_hours'
  | 'pod_request_cpu_core_hours'
  | 'pod_effective_usage_cpu_core_hours'
  | 'pod_usage_memory_gigabyte_hours'
  | 'pod_request_memory_gigabyte_hours'
  | 'pod_effective_usage_memory_gigabyte_hours';

type CapacityColumn =
  | 'node_capacity_cpu_cores'
  | 'node_capacity_cpu_core_hours'
  | 'node_capacity_memory_gigabytes'
  | 'node_capacity_memory_gigabyte_hours'
  | 'cluster_capacity_cpu_core_hours'
  | 'cluster_capacity_memory_gigabyte_hours';

/** Each unallocated metric is max(capacity column) − Σ(metric) (spec §8.2). */
const METRICS: ReadonlyArray<[MetricColumn, 'node_capacity_cpu_core_hours' | 'node_capacity_memory_gigabyte_hours']> = [
  ['pod_usage_cpu_core_hours', 'node_capacity_cpu_core_hours'],
  ['pod_request_cpu_core_hours', 'node_capacity_cpu_core_hours'],
  ['pod_effective_usage_cpu_core_hours', 'node_capacity_cpu_core_hours'],
  ['pod_usage_memory_gigabyte_hours', 'node_capacity_memory_gigabyte_hours'],
  ['pod_request_memory_gigabyte_hours', 'node_capacity_memory_gigabyte_hours'],
  ['pod_effective_usage_memory_gigabyte_hours', 'node_capacity_memory_gigabyte_hours'],
];

const CAPACITY: readonly CapacityColumn[] = [
  'node_capacity_cpu_cores',
  'node_capacity_cpu_core_hours',
  'node_capacity_memory_gigabytes',
  'node_capacity_memory_gigabyte_hours',
  'cluster_capacity_cpu_core_hours',
  'cluster_capacity_memory_gigabyte_hours',
];

interface NodeDay {
  node: string;
  day: string;
  resourceId: string | null;
  role: string | null;
  /** Σ of each METRICS column, in METRICS order (NULL inputs skipped; all NULL stays NULL). */
  sums: Array<number | null>;
  /** max of each CAPACITY column, in CAPACITY order. */
  capacity: Array<number | null>;
}

/**
 * Unallocated capacity rows (spec §8.2), built once node roles are known schema-wide. Input: Pod rows (any days);
 * rows that are not Pod, have a NULL node or a NULL/synthetic namespace are skipped. Per (node, usage_start): the
 * role is the string max of `roleOf(node, resource_id)` over the group's rows (LEFT JOIN); master/infra →
 * `Platform unallocated`, worker → `Worker unallocated`, else NULL. Metrics are capacity − Σ (NULL capacity →
 * NULL), limits and labels NULL, all_labels `{}`. The cost category is LIKE-joined after aggregation, so k
 * matching patterns give k rows.
 *
 * @example
 * const rows = buildUnallocatedRows(summary.rows, (node, rid) => roles.get(`${node}|${rid}`) ?? null, config.costCategories);
 */
export function buildUnallocatedRows(
  podRows: readonly OcpSummaryRow[],
  roleOf: NodeRoleLookup,
  costCategories: OcpSummaryConfig['costCategories'],
): OcpSummaryRow[] {
  const costCategory = createCostCategoryMatcher(costCategories);
  const out: OcpSummaryRow[] = [];
  for (const group of groupByNodeDay(podRows, roleOf)) {
    const namespace = namespaceForRole(group.role);
    const ids = costCategory(namespace).matchedIds;
    for (const costCategoryId of ids.length ? ids : [null]) out.push(toRow(group, namespace, costCategoryId));
  }
  return out;
}

function groupByNodeDay(podRows: readonly OcpSummaryRow[], roleOf: NodeRoleLookup): NodeDay[] {
  const groups = new Map<string, NodeDay>();
  // Partials are sorted by (namespace, node, resource_id), so consecutive rows often share (node, resource_id):
  // roleOf is asked once per such run instead of once per row.
  let lastNode: string | null = null;
  let lastResourceId: string | null = null;
  let lastRole: string | null = null;
  for (const row of podRows) {
    if (row.data_source !== 'Pod' || row.node === null) continue;
    if (row.namespace === null || SYNTHETIC_NAMESPACES.has(row.namespace)) continue;
    const key = `${row.usage_start}\u0000${row.node}`;
    let group = groups.get(key);
    if (!group) {
      group = { node: row.node, day: row.usage_start, resourceId: null, role: null, sums: METRICS.map(() => null), capacity: CAPACITY.map(() => null) };
      groups.set(key, group);
    }
    if (row.node !== lastNode || row.resource_id !== lastResourceId) {
      lastNode = row.node;
      lastResourceId = row.resource_id;
      lastRole = roleOf(row.node, row.resource_id);
    }
    group.resourceId = maxText(group.resourceId, row.resource_id);
    group.role = maxText(group.role, lastRole);
    for (let i = 0; i < METRICS.length; i++) group.sums[i] = sumNullable(group.sums[i] ?? null, row[METRICS[i]![0]]);
    for (let i = 0; i < CAPACITY.length; i++) group.capacity[i] = maxNullable(group.capacity[i] ?? null, row[CAPACITY[i]!]);
  }
  return [...groups.values()].sort((a, b) => compareText(a.day, b.day) || compareText(a.node, b.node));
}

function namespaceForRole(role: string | null): string | null {
  if (role === 'master' || role === 'infra') return PLATFORM_UNALLOCATED;
  if (role === 'worker') return WORKER_UNALLOCATED;
  return null;
}

function toRow(group: NodeDay, namespace: string | null, costCategoryId: number | null): OcpSummaryRow {
  const row = blankSummaryRow(group.day, 'Pod');
  row.namespace = namespace;
  row.node = group.node;
  row.resource_id = group.resourceId;
  for (let i = 0; i < METRICS.length; i++) {
    const cap = group.capacity[CAPACITY.indexOf(METRICS[i]![1])] ?? null;
    const sum = group.sums[i] ?? null;
    row[METRICS[i]![0]] = cap === null || sum === null ? null : cap - sum;
  }
  for (let i = 0; i < CAPACITY.length; i++) row[CAPACITY[i]!] = group.capacity[i] ?? null;
  row.cost_category_id = costCategoryId;
  return row;
}
