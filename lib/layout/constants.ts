/** Every Parquet key Koku writes starts with this (spec ocp-daily-summary.md §2.1, ocp-on-aws.md §1.1). */
export const PARQUET_ROOT = 'data/parquet';

/** The segment after `data/parquet/` that marks the daily copy of a dataset. */
export const DAILY_SEGMENT = 'daily';

/** AWS daily objects carry this extra segment after the provider type (`.../AWS/raw/source=…`). */
export const AWS_DAILY_SEGMENT = 'raw';

export const PARQUET_SUFFIX = '.parquet';

/** Tenant schemas named `acct<number>` drop this prefix in object keys; `org…` schemas keep their name. */
export const ACCOUNT_SCHEMA_PREFIX = 'acct';

export const PROVIDER_TYPES = ['OCP', 'AWS'] as const;

/** The OCP report types Koku detects from CSV columns, in the order of spec §1 step 1. */
export const OCP_REPORT_TYPES = [
  'pod_usage',
  'storage_usage',
  'node_labels',
  'namespace_labels',
  'vm_usage',
  'gpu_usage',
] as const;
