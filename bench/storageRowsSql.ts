/**
 * DuckDB SQL for the Storage rows (spec §7) of one or more days over Koku-layout Parquet, in the shape of Koku's Trino
 * SQL: daily storage rows LEFT-joined to the volume→node mapping (storage rows inner-joined to daily pod rows on
 * namespace, pod and day, DISTINCT) and to the PV's node count; volume labels merged node < namespace < PV < PVC;
 * request and usage divided by the node count, capacity not; cost categories joined by LIKE before aggregation. Used by
 * the bench's parity checks only (untimed).
 */
import { costCategoriesCte, daysWindow, filteredLabels, labelCtes, literal, mergedLabelsJson } from './summarySqlParts.js';
import type { SummarySqlInput } from './summarySqlParts.js';

/** Days in the month of `usage_start` (D in §7), as a double so divisions stay in floating point. */
const DAYS_IN_MONTH = 'CAST(day(last_day(sli.usage_start)) AS DOUBLE)';
const TO_GIB_MONTHS = `/ (86400 * ${DAYS_IN_MONTH}) * pow(2, -30)`;

export function storageRowsSql(input: SummarySqlInput): string {
  const keys = input.enabledKeys;
  const labels = mergedLabelsJson([
    'coalesce(nl.labels, MAP {})',
    'coalesce(ns.labels, MAP {})',
    filteredLabels('sli.persistentvolume_labels', keys),
    filteredLabels('sli.persistentvolumeclaim_labels', keys),
  ]);
  return `
WITH ${labelCtes(input)}, ${costCategoriesCte(input)}, sli AS (
  SELECT *, CAST(interval_start AS DATE) AS usage_start
  FROM read_parquet(${literal(input.storageGlob)})
  WHERE ${daysWindow(input)}
), uli AS (
  SELECT CAST(interval_start AS DATE) AS usage_start, namespace, pod, node, resource_id
  FROM read_parquet(${literal(input.dailyGlob)})
), volume_nodes AS (
  SELECT DISTINCT sli.usage_start, sli.persistentvolumeclaim, sli.persistentvolume, sli.pod, sli.namespace, uli.node, uli.resource_id
  FROM sli JOIN uli ON uli.namespace = sli.namespace AND uli.pod = sli.pod AND uli.usage_start = sli.usage_start
), node_count AS (
  SELECT usage_start, persistentvolume, count(DISTINCT node) AS node_count FROM volume_nodes GROUP BY 1, 2
)
SELECT sli.usage_start, sli.namespace, vn.node, vn.resource_id, sli.persistentvolumeclaim, sli.persistentvolume,
  sli.storageclass, sli.csi_volume_handle, ${labels} AS volume_labels,
  max(cat.id) AS cost_category_id,
  max(sli.persistentvolumeclaim_capacity_bytes) * pow(2, -30) AS persistentvolumeclaim_capacity_gigabyte,
  sum(sli.persistentvolumeclaim_capacity_byte_seconds) ${TO_GIB_MONTHS} AS persistentvolumeclaim_capacity_gigabyte_months,
  sum(sli.volume_request_storage_byte_seconds) / max(nc.node_count) ${TO_GIB_MONTHS} AS volume_request_storage_gigabyte_months,
  sum(sli.persistentvolumeclaim_usage_byte_seconds) / max(nc.node_count) ${TO_GIB_MONTHS} AS persistentvolumeclaim_usage_gigabyte_months
FROM sli
LEFT JOIN volume_nodes vn ON vn.usage_start = sli.usage_start AND vn.persistentvolumeclaim = sli.persistentvolumeclaim
  AND vn.pod = sli.pod AND vn.namespace = sli.namespace
LEFT JOIN node_count nc ON nc.usage_start = sli.usage_start AND nc.persistentvolume = sli.persistentvolume
LEFT JOIN node_labels nl ON nl.node = vn.node AND nl.usage_start = vn.usage_start
LEFT JOIN namespace_labels ns ON ns.namespace = sli.namespace AND ns.usage_start = sli.usage_start
LEFT JOIN cost_categories cat ON sli.namespace LIKE cat.pattern
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9`;
}
