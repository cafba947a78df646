import type { DataSource, OcpSummaryRow } from './types.js';

/** A row with every metric, label and storage column NULL (spec §3.2); builders fill what their source sets. */
export function blankSummaryRow(day: string, dataSource: DataSource): OcpSummaryRow {
  return {
    usage_start: day,
    data_source: dataSource,
    namespace: null,
    node: null,
    resource_id: null,
    pod_labels: null,
    pod_usage_cpu_core_hours: null,
    pod_request_cpu_core_hours: null,
    pod_effective_usage_cpu_core_hours: null,
    pod_limit_cpu_core_hours: null,
    pod_usage_memory_gigabyte_hours: null,
    pod_request_memory_gigabyte_hours: null,
    pod_effective_usage_memory_gigabyte_hours: null,
    pod_limit_memory_gigabyte_hours: null,
    node_capacity_cpu_cores: null,
    node_capacity_cpu_core_hours: null,
    node_capacity_memory_gigabytes: null,
    node_capacity_memory_gigabyte_hours: null,
    cluster_capacity_cpu_core_hours: null,
    cluster_capacity_memory_gigabyte_hours: null,
    persistentvolumeclaim: null,
    persistentvolume: null,
    storageclass: null,
    csi_volume_handle: null,
    volume_labels: null,
    all_labels: {},
    persistentvolumeclaim_capacity_gigabyte: null,
    persistentvolumeclaim_capacity_gigabyte_months: null,
    volume_request_storage_gigabyte_months: null,
    persistentvolumeclaim_usage_gigabyte_months: null,
    infrastructure_usage_cost_zero: false,
    cost_category_id: null,
  };
}
