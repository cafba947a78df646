/** The columns `koku-agg compare` reads and how it treats them (spec ocp-daily-summary.md §3). */

export const DEFAULT_COMPARE_TABLE = 'reporting_ocpusagelineitem_daily_summary';
export const REPORT_PERIOD_TABLE = 'reporting_ocpusagereportperiod';
export const COST_CATEGORY_TABLE = 'reporting_ocp_cost_category';

/** Spec §3.2, in order, without `uuid` (random per row, never comparable). */
export const COMPARED_COLUMNS: readonly string[] = [
  'report_period_id', 'cluster_id', 'cluster_alias', 'data_source', 'usage_start', 'usage_end', 'namespace', 'node',
  'resource_id', 'pod_labels', 'pod_usage_cpu_core_hours', 'pod_request_cpu_core_hours',
  'pod_effective_usage_cpu_core_hours', 'pod_limit_cpu_core_hours', 'pod_usage_memory_gigabyte_hours',
  'pod_request_memory_gigabyte_hours', 'pod_effective_usage_memory_gigabyte_hours', 'pod_limit_memory_gigabyte_hours',
  'node_capacity_cpu_cores', 'node_capacity_cpu_core_hours', 'node_capacity_memory_gigabytes',
  'node_capacity_memory_gigabyte_hours', 'cluster_capacity_cpu_core_hours', 'cluster_capacity_memory_gigabyte_hours',
  'persistentvolumeclaim', 'persistentvolume', 'storageclass', 'volume_labels', 'all_labels',
  'persistentvolumeclaim_capacity_gigabyte', 'persistentvolumeclaim_capacity_gigabyte_months',
  'volume_request_storage_gigabyte_months', 'persistentvolumeclaim_usage_gigabyte_months', 'source_uuid',
  'infrastructure_usage_cost', 'cost_category_id',
  // Not written by the summary step (spec §3.2 notes): the cost model and OCP-on-cloud fill these.
  'infrastructure_raw_cost', 'infrastructure_project_raw_cost', 'infrastructure_data_in_gigabytes',
  'infrastructure_data_out_gigabytes', 'infrastructure_markup_cost', 'infrastructure_project_markup_cost',
  'infrastructure_monthly_cost', 'infrastructure_monthly_cost_json', 'infrastructure_project_monthly_cost',
  'supplementary_usage_cost', 'supplementary_monthly_cost_json', 'supplementary_project_monthly_cost',
  'supplementary_monthly_cost', 'cost_model_cpu_cost', 'cost_model_memory_cost', 'cost_model_volume_cost',
  'cost_model_gpu_cost', 'cost_model_rate_type', 'monthly_cost_type', 'raw_currency', 'distributed_cost',
];

/**
 * The columns the summary step leaves NULL and the cost model / OCP-on-cloud fill (the tail of spec §3.2 after
 * `cost_category_id`). NULL against a zero there is not a difference unless `strictNulls` is set.
 */
export const COST_MODEL_FILLED_COLUMNS: ReadonlySet<string> = new Set(COMPARED_COLUMNS.slice(COMPARED_COLUMNS.indexOf('infrastructure_raw_cost')));

/** Columns every compared table must have: they make up the grain (spec §3.1) and the filters. */
export const REQUIRED_COLUMNS: readonly string[] = [
  'usage_start', 'source_uuid', 'data_source', 'namespace', 'node', 'resource_id', 'pod_labels', 'persistentvolumeclaim',
  'persistentvolume', 'storageclass', 'volume_labels',
];

/** Usage columns summed per day and per namespace in the report. */
export const USAGE_TOTAL_COLUMNS: readonly string[] = [
  'pod_usage_cpu_core_hours', 'pod_request_cpu_core_hours', 'pod_effective_usage_cpu_core_hours', 'pod_limit_cpu_core_hours',
  'pod_usage_memory_gigabyte_hours', 'pod_request_memory_gigabyte_hours', 'pod_effective_usage_memory_gigabyte_hours',
  'pod_limit_memory_gigabyte_hours', 'persistentvolumeclaim_capacity_gigabyte_months',
  'volume_request_storage_gigabyte_months', 'persistentvolumeclaim_usage_gigabyte_months',
];

/** Spec §8.2: the namespaces of Unallocated rows (a NULL namespace is one too: a node with an unknown role). */
export const UNALLOCATED_NAMESPACES: ReadonlySet<string> = new Set(['Platform unallocated', 'Worker unallocated']);

/** Spec §3.1 logical grain per row kind (labels compared as JSON objects). */
export const GRAIN_COLUMNS = {
  Pod: ['usage_start', 'source_uuid', 'namespace', 'node', 'pod_labels'],
  Storage: ['usage_start', 'source_uuid', 'namespace', 'node', 'resource_id', 'persistentvolumeclaim', 'persistentvolume', 'storageclass', 'volume_labels'],
  Unallocated: ['usage_start', 'source_uuid', 'node', 'namespace'],
  Other: ['data_source', 'usage_start', 'source_uuid', 'namespace', 'node', 'resource_id', 'persistentvolumeclaim', 'persistentvolume', 'storageclass', 'pod_labels', 'volume_labels'],
} as const;

export const LABEL_COLUMNS: ReadonlySet<string> = new Set(['pod_labels', 'volume_labels']);

export const DEFAULT_TOLERANCE = 1e-9;
export const DEFAULT_LIST_LIMIT = 20;
export const DEFAULT_LARGEST_LIMIT = 5;
