import { groupBy, maxNumber, maxText, sumNullable } from './sqlAggregates.js';
import type { AttributionTempRow, MatchedAwsLine, OcpClusterView, OcpRowView } from './types.js';

/**
 * The compute path of one resource-matched line (spec §4.2): `nodeRows` are the source's rows of the day whose node
 * `resource_id` is in the line's resource id (`OcpJoins.nodeRows`). They are grouped by (namespace, pod_labels), each
 * group carrying the full line cost and its summed effective usage and max node capacity for the ratio split of
 * `finalSplit`. There is no `data_source` filter, so a namespace's Storage rows on the node form a group with NULL
 * usage and end up with NULL costs (the inferred quirk of §4.2, reproduced for row parity).
 *
 * @example attributeCompute(line, cluster, joins.nodeRows(cluster, line.resource_id)) // frontend, backend, unallocated
 */
export function attributeCompute(
  line: MatchedAwsLine,
  cluster: OcpClusterView,
  nodeRows: readonly OcpRowView[],
): AttributionTempRow[] {
  const groups = groupBy(nodeRows, (v) => JSON.stringify([v.row.namespace, v.podLabelsJson]));
  return [...groups.values()].map((group) => computeRow(line, cluster, group));
}

function computeRow(line: MatchedAwsLine, cluster: OcpClusterView, group: readonly OcpRowView[]): AttributionTempRow {
  let node: string | null = null;
  let effCpu: number | null = null;
  let effMem: number | null = null;
  let capCpu: number | null = null;
  let capMem: number | null = null;
  let costCategoryId: number | null = null;
  for (const { row } of group) {
    node = maxText(node, row.node);
    effCpu = sumNullable(effCpu, row.pod_effective_usage_cpu_core_hours);
    effMem = sumNullable(effMem, row.pod_effective_usage_memory_gigabyte_hours);
    capCpu = maxNumber(capCpu, row.node_capacity_cpu_core_hours);
    capMem = maxNumber(capMem, row.node_capacity_memory_gigabyte_hours);
    costCategoryId = maxNumber(costCategoryId, row.cost_category_id);
  }
  return {
    line,
    path: 'compute',
    data_source: 'Pod',
    namespace: group[0].row.namespace,
    node,
    persistentvolumeclaim: null,
    persistentvolume: null,
    storageclass: null,
    cluster_id: cluster.clusterId,
    cluster_alias: cluster.clusterAlias,
    pod_labels: group[0].podLabelsJson,
    volume_labels: null,
    costs: { ...line.costs },
    usage_amount: line.usage_amount,
    pod_effective_usage_cpu_core_hours: effCpu,
    pod_effective_usage_memory_gigabyte_hours: effMem,
    node_capacity_cpu_core_hours: capCpu,
    node_capacity_memory_gigabyte_hours: capMem,
    tags: line.tags,
    aws_cost_category: line.aws_cost_category,
    cost_category_id: costCategoryId,
    cluster_count: 1,
  };
}
