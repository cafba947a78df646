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

/** Sorts in place with `compareSummaryRows` and returns the array. */
export function sortSummaryRows(rows: OcpSummaryRow[]): OcpSummaryRow[] {
  return rows.sort(compareSummaryRows);
}
