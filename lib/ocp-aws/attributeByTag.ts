import { groupBy, maxNumber, maxText } from './sqlAggregates.js';
import { tagClusterCount } from './tagClusterCount.js';
import { tagJoinMatcher } from './tagJoinMatcher.js';
import type { AttributionTempRow, MatchedAwsLine, OcpClusterView, OcpRowView } from './types.js';

/**
 * The tag path of one tag-matched line (spec §4.3): the source's rows satisfying the OR condition, one group per
 * (namespace, data_source), each carrying the full line cost and the line's `cluster_count`; `finalSplit` divides
 * equally. Labels are the lexicographic maxima of the JSON texts, not unions.
 *
 * @example attributeByTag(line, cluster, allClusters) // (analytics, Pod) and (analytics, Storage) temp rows
 */
export function attributeByTag(
  line: MatchedAwsLine,
  cluster: OcpClusterView,
  allClusters: readonly OcpClusterView[],
): AttributionTempRow[] {
  const matches = tagJoinMatcher(line);
  const joined = cluster.rows.filter((v) => matches(cluster, v));
  if (joined.length === 0) return [];
  const clusterCount = tagClusterCount(matches, allClusters);
  const groups = groupBy(joined, (v) => JSON.stringify([v.row.namespace, v.row.data_source]));
  return [...groups.values()].map((group) => tagRow(line, cluster, group, clusterCount));
}

function tagRow(
  line: MatchedAwsLine,
  cluster: OcpClusterView,
  group: readonly OcpRowView[],
  clusterCount: number,
): AttributionTempRow {
  let node: string | null = null;
  let pvc: string | null = null;
  let pv: string | null = null;
  let storageclass: string | null = null;
  let podLabels: string | null = null;
  let volumeLabels: string | null = null;
  let costCategoryId: number | null = null;
  for (const v of group) {
    node = maxText(node, v.row.node);
    pvc = maxText(pvc, nullIfEmpty(v.row.persistentvolumeclaim));
    pv = maxText(pv, nullIfEmpty(v.row.persistentvolume));
    storageclass = maxText(storageclass, nullIfEmpty(v.row.storageclass));
    podLabels = maxText(podLabels, v.podLabelsJson);
    volumeLabels = maxText(volumeLabels, v.volumeLabelsJson);
    costCategoryId = maxNumber(costCategoryId, v.row.cost_category_id);
  }
  return {
    line,
    path: 'tag',
    data_source: group[0].row.data_source,
    namespace: group[0].row.namespace,
    node,
    persistentvolumeclaim: pvc,
    persistentvolume: pv,
    storageclass,
    cluster_id: cluster.clusterId,
    cluster_alias: cluster.clusterAlias,
    pod_labels: podLabels,
    volume_labels: volumeLabels,
    costs: { ...line.costs },
    usage_amount: line.usage_amount,
    pod_effective_usage_cpu_core_hours: null,
    pod_effective_usage_memory_gigabyte_hours: null,
    node_capacity_cpu_core_hours: null,
    node_capacity_memory_gigabyte_hours: null,
    tags: line.tags,
    aws_cost_category: line.aws_cost_category,
    cost_category_id: costCategoryId,
    cluster_count: clusterCount,
  };
}

function nullIfEmpty(value: string | null): string | null {
  return value === '' ? null : value;
}
