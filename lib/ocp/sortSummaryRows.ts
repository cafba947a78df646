import { compareText } from './compareText.js';
import { canonicalLabels } from './labels.js';
import type { OcpSummaryRow } from './types.js';

/** A deterministic order of summary rows, so a day's partial is byte-for-byte reproducible. */
export function compareSummaryRows(a: OcpSummaryRow, b: OcpSummaryRow): number {
  return (
    compareText(a.usage_start, b.usage_start) ||
    compareText(a.data_source, b.data_source) ||
    compareText(a.namespace, b.namespace) ||
    compareText(a.node, b.node) ||
    compareText(a.resource_id, b.resource_id) ||
    compareText(a.persistentvolumeclaim, b.persistentvolumeclaim) ||
    compareText(a.persistentvolume, b.persistentvolume) ||
    compareText(a.storageclass, b.storageclass) ||
    compareText(a.csi_volume_handle, b.csi_volume_handle) ||
    compareText(canonicalLabels(a.pod_labels), canonicalLabels(b.pod_labels)) ||
    compareText(canonicalLabels(a.volume_labels), canonicalLabels(b.volume_labels)) ||
    (a.cost_category_id ?? -Infinity) - (b.cost_category_id ?? -Infinity) ||
    0
  );
}

/**
 * Sorts in place with `compareSummaryRows` and returns the array. The canonical label texts the comparison needs are
 * computed once per row instead of once per comparison (same order, far fewer allocations).
 */
export function sortSummaryRows(rows: OcpSummaryRow[]): OcpSummaryRow[] {
  const keyed = rows.map((row) => ({ row, podLabels: canonicalLabels(row.pod_labels), volumeLabels: canonicalLabels(row.volume_labels) }));
  keyed.sort(
    (a, b) =>
      compareText(a.row.usage_start, b.row.usage_start) ||
      compareText(a.row.data_source, b.row.data_source) ||
      compareText(a.row.namespace, b.row.namespace) ||
      compareText(a.row.node, b.row.node) ||
      compareText(a.row.resource_id, b.row.resource_id) ||
      compareText(a.row.persistentvolumeclaim, b.row.persistentvolumeclaim) ||
      compareText(a.row.persistentvolume, b.row.persistentvolume) ||
      compareText(a.row.storageclass, b.row.storageclass) ||
      compareText(a.row.csi_volume_handle, b.row.csi_volume_handle) ||
      compareText(a.podLabels, b.podLabels) ||
      compareText(a.volumeLabels, b.volumeLabels) ||
      (a.row.cost_category_id ?? -Infinity) - (b.row.cost_category_id ?? -Infinity) ||
      0,
  );
  for (let i = 0; i < keyed.length; i++) rows[i] = (keyed[i] as { row: OcpSummaryRow }).row;
  return rows;
}
