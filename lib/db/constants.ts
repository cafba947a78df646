/** Koku's table names (tenant schema) and our own. */
export const OCP_SUMMARY_TABLE = 'reporting_ocpusagelineitem_daily_summary';
export const REPORT_PERIOD_TABLE = 'reporting_ocpusagereportperiod';
export const ENABLED_TAG_KEYS_TABLE = 'reporting_enabledtagkeys';
export const COST_CATEGORY_TABLE = 'reporting_ocp_cost_category';
export const COST_CATEGORY_NAMESPACE_TABLE = 'reporting_ocp_cost_category_namespace';
export const OCP_CLUSTERS_TABLE = 'reporting_ocp_clusters';
export const OCP_NODES_TABLE = 'reporting_ocp_nodes';
export const PROVIDER_TABLE = 'koku_agg_provider';
export const LEDGER_TABLE = 'koku_agg_ledger';

/** Koku migration 0300 / 0315: the Platform cost category and its default namespace patterns. */
export const PLATFORM_COST_CATEGORY = {
  name: 'Platform',
  description: 'Default OpenShift projects bucketed into a Platform group',
  sourceType: 'OCP',
} as const;
export const PLATFORM_NAMESPACE_PATTERNS: readonly string[] = ['openshift-%', 'kube-%', 'openshift', 'Platform unallocated'];

/** Spec §3.2: the value Pod and Storage rows carry; jsonb keeps the 9-decimal scale. */
export const ZERO_INFRASTRUCTURE_USAGE_COST = '{"cpu": 0.000000000, "memory": 0.000000000, "storage": 0.000000000}';

/** numeric(33,15). */
export const NUMERIC_SCALE = 15;
export const NUMERIC_INTEGER_DIGITS = 18;
