import { groupBy, maxNumber, maxText, sumNullable } from './sqlAggregates.js';
import type { AttributionTempRow, MatchedAwsLine, OcpClusterView, OcpRowView } from './types.js';

/**
 * The compute path of one resource-matched line (spec §4.2): the source's rows of the day whose node `resource_id`
 * is a substring of the line's resource id, grouped by (namespace, pod_labels), each carrying the full line cost
 * and its summed effective usage and max node capacity for the ratio split of `finalSplit`. There is no
 * `data_source` filter, so a namespace's Storage rows on the node form a group with NULL usage and end up with
 * NULL costs (the inferred quirk of §4.2, reproduced for row parity).
 *
 * @example attributeCompute(line, cluster) // [frontend, backend, Worker unallocated] temp rows
 */
export function attributeCompute(line: MatchedAwsLine, cluster: OcpClusterView): AttributionTempRow[] {
  const joined = cluster.rows.filter((v) => joinsNode(line.resource_id, v));
  const groups = groupBy(joined, (v) => JSON.stringify([v.row.namespace, v.podLabelsJson]));
  return [...groups.values()].map((group) => computeRow(line, cluster, group));
}

/** `strpos(aws.resource_id, ocp.resource_id) != 0` with a non-empty OCP resource id (§4.2, §4.5). */
export function joinsNode(resourceId: string | null, view: OcpRowView): boolean {
  const nodeId = view.row.resource_id;
  return resourceId !== null && !!nodeId && resourceId.includes(nodeId);
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
