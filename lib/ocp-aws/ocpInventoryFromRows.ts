import { TAG_EXCLUDED_NAMESPACES } from './constants.js';
import type { OcpRawInventory, OcpSummaryRow } from './types.js';

/**
 * Stands in for Koku's reads of the raw pod and storage usage (spec §1.2 items 1–2) when the caller has only the
 * summary: Pod rows carry every node, its `resource_id` and every pod namespace; Storage rows every
 * (PV, CSI handle) pair. Synthetic namespaces are not in raw usage, so they are left out.
 *
 * @example ocpInventoryFromRows(cluster.rows).nodeResourceIds // ['i-0abc']
 */
export function ocpInventoryFromRows(rows: readonly OcpSummaryRow[]): OcpRawInventory {
  const resourceIds = new Set<string>();
  const nodes = new Set<string>();
  const namespaces = new Set<string>();
  const volumes = new Map<string, { persistentvolume: string; csi_volume_handle: string }>();
  for (const row of rows) {
    if (row.data_source === 'Pod') {
      if (row.resource_id) resourceIds.add(row.resource_id);
      if (row.node !== null) nodes.add(row.node);
      if (row.namespace !== null && !TAG_EXCLUDED_NAMESPACES.has(row.namespace)) namespaces.add(row.namespace);
    } else if (row.persistentvolume) {
      const volume = { persistentvolume: row.persistentvolume, csi_volume_handle: row.csi_volume_handle ?? '' };
      volumes.set(JSON.stringify([volume.persistentvolume, volume.csi_volume_handle]), volume);
    }
  }
  return {
    nodeResourceIds: [...resourceIds],
    nodes: [...nodes],
    namespaces: [...namespaces],
    volumes: [...volumes.values()],
  };
}
