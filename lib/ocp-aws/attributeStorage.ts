import { STORAGE_UNATTRIBUTED } from './constants.js';
import { scaleCosts } from './scaleCosts.js';
import { groupBy, maxNumber, maxText } from './sqlAggregates.js';
import type { PvCapacityTotal } from './ocpJoins.js';
import type { AttributionTempRow, MatchedAwsLine, OcpClusterView, OcpRowView } from './types.js';

/**
 * The CSI storage path of one disk line (spec §4.1): `storageRows` (`OcpJoins.storageRows`) grouped by (namespace,
 * pod_labels, volume_labels), each costed `max(PVC GiB) / capacity × cost`, plus this source's share of the unused
 * capacity as `Storage unattributed`, from the schema-wide `pvTotal` (`OcpJoins.totalPvCapacity`).
 *
 * @example attributeStorage(line, 100, cluster, joins.storageRows(cluster, id), joins.totalPvCapacity(id))
 */
export function attributeStorage(
  line: MatchedAwsLine,
  capacity: number,
  cluster: OcpClusterView,
  storageRows: readonly OcpRowView[],
  pvTotal: PvCapacityTotal,
): AttributionTempRow[] {
  if (storageRows.length === 0) return [];
  const groups = groupBy(storageRows, (v) => JSON.stringify([v.row.namespace, v.podLabelsJson, v.volumeLabelsJson]));
  const out = [...groups.values()].map((group) => pvcRow(line, capacity, cluster, group));
  const unattributed = unattributedRow(line, capacity, cluster, storageRows, pvTotal);
  if (unattributed !== null) out.push(unattributed);
  return out;
}

function pvcRow(
  line: MatchedAwsLine,
  capacity: number,
  cluster: OcpClusterView,
  group: readonly OcpRowView[],
): AttributionTempRow {
  const first = group[0];
  let pvc: string | null = null;
  let pv: string | null = null;
  let storageclass: string | null = null;
  let node: string | null = null;
  let pvcGiB: number | null = null;
  let costCategoryId: number | null = null;
  for (const { row } of group) {
    pvc = maxText(pvc, row.persistentvolumeclaim);
    pv = maxText(pv, row.persistentvolume);
    storageclass = maxText(storageclass, row.storageclass);
    node = maxText(node, row.node);
    pvcGiB = maxNumber(pvcGiB, row.persistentvolumeclaim_capacity_gigabyte);
    costCategoryId = maxNumber(costCategoryId, row.cost_category_id);
  }
  // A PV without a claim (`max(pvc) = ''`) is costed the same way but shown as unattributed (§4.1).
  const unclaimed = pvc === '';
  const gib = pvcGiB;
  return {
    line,
    path: 'storage',
    data_source: 'Storage',
    namespace: unclaimed ? STORAGE_UNATTRIBUTED : first.row.namespace,
    node,
    persistentvolumeclaim: pvc,
    persistentvolume: pv,
    storageclass,
    cluster_id: cluster.clusterId,
    cluster_alias: cluster.clusterAlias,
    pod_labels: unclaimed ? null : first.podLabelsJson,
    volume_labels: unclaimed ? null : first.volumeLabelsJson,
    costs: scaleCosts(line.costs, gib === null ? null : (c) => (gib / capacity) * c),
    usage_amount: unclaimed ? null : line.usage_amount,
    ...noUsageMetrics,
    tags: line.tags,
    aws_cost_category: unclaimed ? null : line.aws_cost_category,
    cost_category_id: unclaimed ? null : costCategoryId,
    cluster_count: 1,
  };
}

const noUsageMetrics = {
  pod_effective_usage_cpu_core_hours: null,
  pod_effective_usage_memory_gigabyte_hours: null,
  node_capacity_cpu_core_hours: null,
  node_capacity_memory_gigabyte_hours: null,
} as const;

/**
 * `(capacity − total_pv_capacity) / capacity × cost / cluster_count`, written only when the two differ (so it can
 * be negative, §8.8). The total spans every OCP source's PVs on the disk that day (shared disks, §7.2); the PVC,
 * PV and class names are the maxima of this source's joined rows.
 */
function unattributedRow(
  line: MatchedAwsLine,
  capacity: number,
  cluster: OcpClusterView,
  joined: readonly OcpRowView[],
  pvTotal: PvCapacityTotal,
): AttributionTempRow | null {
  const { total, clusterCount } = pvTotal;
  if (total === null || total === capacity) return null;
  let pvc: string | null = null;
  let pv: string | null = null;
  let storageclass: string | null = null;
  for (const { row } of joined) {
    pvc = maxText(pvc, row.persistentvolumeclaim);
    pv = maxText(pv, row.persistentvolume);
    storageclass = maxText(storageclass, row.storageclass);
  }
  return {
    line,
    path: 'storage',
    data_source: 'Storage',
    namespace: STORAGE_UNATTRIBUTED,
    node: null,
    persistentvolumeclaim: pvc,
    persistentvolume: pv,
    storageclass,
    cluster_id: cluster.clusterId,
    cluster_alias: cluster.clusterAlias,
    pod_labels: null,
    volume_labels: null,
    costs: scaleCosts(line.costs, (c) => ((capacity - total) / capacity) * c / clusterCount),
    usage_amount: null,
    ...noUsageMetrics,
    tags: null,
    aws_cost_category: null,
    cost_category_id: null,
    cluster_count: 1,
  };
}
