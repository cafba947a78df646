/**
 * Shapes of the OCP daily summary (spec/ocp-daily-summary.md §3.2).
 *
 * Metric values stay IEEE doubles until the database writer converts them to numeric(33,15) (spec §12),
 * so a partial can be merged and re-serialised without losing anything.
 */

import type { RecordBatch, Table } from 'apache-arrow';
import type { PodRowColumns } from './podRowColumns.js';

export type Labels = Record<string, string>;

export type DataSource = 'Pod' | 'Storage';

/** One row of `reporting_ocpusagelineitem_daily_summary` as this step produces it (before uuid / report period). */
export interface OcpSummaryRow {
  /** `YYYY-MM-DD`, UTC; usage_end equals it. */
  usage_start: string;
  data_source: DataSource;
  namespace: string | null;
  node: string | null;
  resource_id: string | null;
  pod_labels: Labels | null;
  pod_usage_cpu_core_hours: number | null;
  pod_request_cpu_core_hours: number | null;
  pod_effective_usage_cpu_core_hours: number | null;
  pod_limit_cpu_core_hours: number | null;
  pod_usage_memory_gigabyte_hours: number | null;
  pod_request_memory_gigabyte_hours: number | null;
  pod_effective_usage_memory_gigabyte_hours: number | null;
  pod_limit_memory_gigabyte_hours: number | null;
  node_capacity_cpu_cores: number | null;
  node_capacity_cpu_core_hours: number | null;
  node_capacity_memory_gigabytes: number | null;
  node_capacity_memory_gigabyte_hours: number | null;
  cluster_capacity_cpu_core_hours: number | null;
  cluster_capacity_memory_gigabyte_hours: number | null;
  persistentvolumeclaim: string | null;
  persistentvolume: string | null;
  storageclass: string | null;
  /** Kept for OCP-on-cloud matching (Koku keeps it in the Hive copy); not a column of the PG table. */
  csi_volume_handle: string | null;
  volume_labels: Labels | null;
  all_labels: Labels;
  persistentvolumeclaim_capacity_gigabyte: number | null;
  persistentvolumeclaim_capacity_gigabyte_months: number | null;
  volume_request_storage_gigabyte_months: number | null;
  persistentvolumeclaim_usage_gigabyte_months: number | null;
  /** `true` → `{"cpu": 0.000000000, "memory": 0.000000000, "storage": 0.000000000}`; `false` → NULL. */
  infrastructure_usage_cost_zero: boolean;
  cost_category_id: number | null;
}

/** A role observation for `reporting_ocp_nodes` (spec §8.1 step 1), produced from one day's data. */
export interface NodeRoleObservation {
  node: string;
  resource_id: string;
  node_capacity_cpu_cores: number;
  node_role: string;
}

/** Settings Koku keeps in PostgreSQL that change the summary. */
export interface OcpSummaryConfig {
  /**
   * Keys with `enabled = true AND provider_type = 'OCP'`, sorted. Empty → every filtered label map is `{}`
   * (Trino semantics, spec §5.1); otherwise the allow-list is these keys plus `vm_kubevirt_io_name`.
   */
  enabledKeys: string[];
  /** `reporting_ocp_cost_category_namespace` rows: LIKE pattern → cost_category_id. */
  costCategories: Array<{ pattern: string; costCategoryId: number }>;
}

/** The result of summarising one (source, day) from its Parquet inputs. */
export interface OcpDaySummary {
  day: string;
  /** Pod and Storage rows (spec §6, §7). */
  rows: OcpSummaryRow[];
  /**
   * Role observations for `reporting_ocp_nodes` (spec §8.1 step 1). Unallocated rows (§8) are built at finalize,
   * from the Pod rows, once these are merged into the schema-wide, sticky node table.
   */
  nodeRoles: NodeRoleObservation[];
}

/**
 * The same result as `OcpDaySummary`, in the form the day task writes: the Pod rows as columns (a large day has
 * ~100k of them), in sorted order by `podOrder`, then the Storage rows as objects. In a day's sorted rows every Pod
 * row comes before every Storage row (same usage_start, and 'Pod' < 'Storage'), so the two lists are the sorted rows.
 */
export interface OcpDayRows {
  day: string;
  pod: PodRowColumns;
  /** `pod`'s output ids in `compareSummaryRows` order. */
  podOrder: Int32Array;
  /** Storage rows (spec §7), sorted. */
  storage: OcpSummaryRow[];
  nodeRoles: NodeRoleObservation[];
}

/** `max(node_role)` per (node, resource_id) across the whole tenant schema (spec §8.1 step 2). */
export type NodeRoleLookup = (node: string, resourceId: string | null) => string | null;

/** An Arrow input with Koku's Parquet column names (spec §2.3): a whole table or one streamed batch. */
export type ArrowInput = Table | RecordBatch;

/** Every input of one (source, day) summary, as arrays of batches (see `summarizeOcpDay`). */
export interface OcpDayInputs {
  podDaily: readonly ArrowInput[];
  podHourly: readonly ArrowInput[];
  storageDaily?: readonly ArrowInput[];
  nodeLabelsDaily?: readonly ArrowInput[];
  namespaceLabelsDaily?: readonly ArrowInput[];
}

/** Result of joining one namespace to `reporting_ocp_cost_category_namespace` by LIKE (spec §5.3). */
export interface CostCategoryMatch {
  /** `max(cost_category_id)` over the matching patterns; null when none matches. */
  costCategoryId: number | null;
  /** Number of matching patterns k: Pod/Storage sums are multiplied by max(k, 1), unallocated rows repeat k times. */
  matches: number;
  /** The id of each matching pattern, in configuration order (one unallocated row each). */
  matchedIds: readonly number[];
}

export type CostCategoryMatcher = (namespace: string | null) => CostCategoryMatch;

/**
 * A label map after the allow-list filter (spec §5.1), with its canonical JSON `key` (sorted keys) used for
 * grouping. `labels` is null only for a NULL label column, which makes every merge it takes part in NULL.
 */
export interface FilteredLabels {
  labels: Labels | null;
  key: string;
}
