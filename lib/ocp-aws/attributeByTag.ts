import { groupBy, maxNumber, maxText } from './sqlAggregates.js';
import type { AttributionTempRow, DataSource, MatchedAwsLine, OcpClusterView, OcpRowView } from './types.js';

/** What one (namespace, data_source) group of the tag join contributes, independent of the AWS line. */
export interface TagGroup {
  data_source: DataSource;
  namespace: string | null;
  node: string | null;
  persistentvolumeclaim: string | null;
  persistentvolume: string | null;
  storageclass: string | null;
  pod_labels: string | null;
  volume_labels: string | null;
  cost_category_id: number | null;
}

/**
 * The tag path of one tag-matched line (spec §4.3): one temp row per (namespace, data_source) group of the rows
 * satisfying the OR condition (`OcpJoins.tagRows`), each carrying the full line cost and the line's
 * `cluster_count`; `finalSplit` divides equally.
 *
 * @example attributeByTag(line, cluster, joins.tagRows(cluster, line), joins.tagClusterCount(line))
 */
export function attributeByTag(
  line: MatchedAwsLine,
  cluster: OcpClusterView,
  tagRows: readonly OcpRowView[],
  clusterCount: number,
): AttributionTempRow[] {
  return tagGroups(tagRows).map((g) => ({
    line,
    path: 'tag',
    ...g,
    cluster_id: cluster.clusterId,
    cluster_alias: cluster.clusterAlias,
    costs: { ...line.costs },
    usage_amount: line.usage_amount,
    pod_effective_usage_cpu_core_hours: null,
    pod_effective_usage_memory_gigabyte_hours: null,
    node_capacity_cpu_core_hours: null,
    node_capacity_memory_gigabyte_hours: null,
    tags: line.tags,
    aws_cost_category: line.aws_cost_category,
    cluster_count: clusterCount,
  }));
}

// Many lines share one tag signature and so one joined-rows array (`OcpJoins` memoizes it): aggregate it once.
const groupsByRows = new WeakMap<readonly OcpRowView[], TagGroup[]>();

/**
 * The per-group maxima of §4.3: `node`, `max(nullif(pvc|pv|class, ''))`, and the labels as lexicographic maxima of
 * the JSON texts, not unions.
 */
export function tagGroups(rows: readonly OcpRowView[]): TagGroup[] {
  let groups = groupsByRows.get(rows);
  if (groups === undefined) {
    groups = [...groupBy(rows, (v) => JSON.stringify([v.row.namespace, v.row.data_source])).values()].map(aggregate);
    groupsByRows.set(rows, groups);
  }
  return groups;
}

function aggregate(group: readonly OcpRowView[]): TagGroup {
  const out: TagGroup = {
    data_source: group[0].row.data_source,
    namespace: group[0].row.namespace,
    node: null,
    persistentvolumeclaim: null,
    persistentvolume: null,
    storageclass: null,
    pod_labels: null,
    volume_labels: null,
    cost_category_id: null,
  };
  for (const v of group) {
    out.node = maxText(out.node, v.row.node);
    out.persistentvolumeclaim = maxText(out.persistentvolumeclaim, nullIfEmpty(v.row.persistentvolumeclaim));
    out.persistentvolume = maxText(out.persistentvolume, nullIfEmpty(v.row.persistentvolume));
    out.storageclass = maxText(out.storageclass, nullIfEmpty(v.row.storageclass));
    out.pod_labels = maxText(out.pod_labels, v.podLabelsJson);
    out.volume_labels = maxText(out.volume_labels, v.volumeLabelsJson);
    out.cost_category_id = maxNumber(out.cost_category_id, v.row.cost_category_id);
  }
  return out;
}

function nullIfEmpty(value: string | null): string | null {
  return value === '' ? null : value;
}
