import { labelsToJson } from './labelsJson.js';
import { ocpInventoryFromRows } from './ocpInventoryFromRows.js';
import type { OcpClusterDay, OcpClusterView } from './types.js';

/**
 * One OCP source's rows of `day`, with label maps turned once into the compact JSON text the S2 joins test
 * (spec §1.2 item 3), and the raw-usage inventory (given, or derived from the rows).
 *
 * @example ocpClusterView(cluster, '2025-10-01').rows[0].podLabelsJson // '{"app":"web"}'
 */
export function ocpClusterView(cluster: OcpClusterDay, day: string): OcpClusterView {
  const rows = cluster.rows.filter((row) => row.usage_start === day);
  return {
    providerUuid: cluster.providerUuid,
    clusterId: cluster.clusterId,
    clusterAlias: cluster.clusterAlias,
    rows: rows.map((row, index) => ({
      row,
      index,
      podLabelsJson: labelsToJson(row.pod_labels),
      volumeLabelsJson: labelsToJson(row.volume_labels),
    })),
    inventory: cluster.inventory ?? ocpInventoryFromRows(rows),
  };
}
