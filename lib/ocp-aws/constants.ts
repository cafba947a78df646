/** Magic values of OCP-on-AWS attribution, each with the spec section (spec/ocp-on-aws.md) it comes from. */

export const WORKER_UNALLOCATED = 'Worker unallocated';
export const PLATFORM_UNALLOCATED = 'Platform unallocated';
export const STORAGE_UNATTRIBUTED = 'Storage unattributed';
export const NETWORK_UNATTRIBUTED = 'Network unattributed';

/** Namespaces the tag join and `cluster_count` skip (spec §4.3); NULL is skipped too (errata 3). */
export const TAG_EXCLUDED_NAMESPACES: ReadonlySet<string> = new Set([
  WORKER_UNALLOCATED,
  PLATFORM_UNALLOCATED,
  STORAGE_UNATTRIBUTED,
  NETWORK_UNATTRIBUTED,
]);

export const OPENSHIFT_CLUSTER_KEY = 'openshift_cluster';
export const OPENSHIFT_NODE_KEY = 'openshift_node';
export const OPENSHIFT_PROJECT_KEY = 'openshift_project';
/** Always kept in the S1 `tags`, enabled or not (spec §1.3). */
export const OPENSHIFT_TAG_KEYS: readonly string[] = [OPENSHIFT_CLUSTER_KEY, OPENSHIFT_NODE_KEY, OPENSHIFT_PROJECT_KEY];

/** Heads S3's allow-list whenever any key is enabled (spec §1.3, §5). */
export const VM_KUBEVIRT_KEY = 'vm_kubevirt_io_name';

/** Line types whose unblended and blended cost S1 zeroes (COST-5098, spec §1.4). */
export const SAVINGS_PLAN_COVERED_USAGE = 'SavingsPlanCoveredUsage';
/** Line types whose amortized cost is the unblended cost; every other type takes the SP effective cost (§1.4). */
export const UNBLENDED_AMORTIZED_TYPES: ReadonlySet<string> = new Set(['Usage', 'Tax']);

/** Only these lines get a `data_transfer_direction` (spec §1.4). */
export const DATA_TRANSFER_PRODUCT_CODE = 'AmazonEC2';
export const DATA_TRANSFER_PRODUCT_FAMILY = 'Data Transfer';

/** `bill_billingentity` whose product code falls back to the product name (spec §1.4). */
export const AWS_MARKETPLACE = 'AWS Marketplace';

/** `cast(markup as decimal(24,9))` (spec §4). */
export const MARKUP_SCALE = 9;

/** Any distribution type but this one selects memory (spec §0). */
export const CPU_DISTRIBUTION = 'cpu';

export const OCP_AWS_SUMMARY_TABLE = 'reporting_ocpawscostlineitem_project_daily_summary_p';
export const AWS_BILL_TABLE = 'reporting_awscostentrybill';
export const AWS_ACCOUNT_ALIAS_TABLE = 'reporting_awsaccountalias';

export const HOURS_PER_DAY = 24;
/** Our standalone stand-in for Koku's `api_providerinfrastructuremap` (spec §2.4). */
export const OCP_AWS_PAIRING_TABLE = 'koku_agg_ocp_aws_pairing';
