/**
 * Shapes of OCP-on-AWS cost attribution (spec/ocp-on-aws.md). Column names are Koku's, so a row reads like the
 * table it stands for. Costs stay IEEE doubles (Trino computes in double, spec §5 "Numerics"); the database writer
 * converts them to numeric(30|33, 15|9).
 */
import type { RecordBatch, Table } from 'apache-arrow';
import type { DataSource, Labels, OcpSummaryRow } from '../ocp/types.js';

export type { DataSource, Labels, OcpSummaryRow };

/** What the Arrow converters accept: a whole table or one record batch. */
export type ArrowInput = Table | RecordBatch;

/**
 * One row of Koku's AWS **daily** Parquet (`aws_line_items_daily`, spec §1.1). Koku writes `""` for missing strings
 * and `0.0` for missing or invalid numbers, and so do the converters here.
 */
export interface AwsDailyLine {
  /** Random UUID4 per daily row: the identity of an "AWS line" in every later step (spec §1.1). */
  row_uuid: string;
  lineitem_resourceid: string;
  /** The day, floored to 00:00 UTC. */
  lineitem_usagestartdate: Date;
  bill_billingentity: string;
  bill_payeraccountid: string;
  lineitem_usageaccountid: string;
  lineitem_productcode: string;
  product_productname: string;
  lineitem_availabilityzone: string;
  product_productfamily: string;
  product_instancetype: string;
  product_region: string;
  pricing_unit: string;
  lineitem_currencycode: string;
  lineitem_lineitemtype: string;
  lineitem_usagetype: string;
  lineitem_operation: string;
  /** Python `json.dumps` of the `resourceTags/user:*` columns, e.g. `{"app": "web"}` (spec §1.1). */
  resourcetags: string;
  /** Python `json.dumps` of the `costCategory/*` columns. */
  costcategory: string;
  lineitem_usageamount: number;
  lineitem_unblendedcost: number;
  lineitem_blendedcost: number;
  savingsplan_savingsplaneffectivecost: number;
}

/** One row of Koku's raw (usually hourly) AWS Parquet (`aws_line_items`), as far as disk capacity needs it (§4.1). */
export interface AwsRawLine {
  lineitem_resourceid: string;
  lineitem_usagestartdate: Date;
  lineitem_unblendedcost: number;
  lineitem_unblendedrate: number;
}

/**
 * What Koku reads from the **raw** OCP pod and storage usage for matching (spec §1.2 items 1–2, §2.1, §2.2 step A).
 * When absent it is derived from the summary rows (see `ocpInventoryFromRows`).
 */
export interface OcpRawInventory {
  /** Distinct non-empty pod-usage `resource_id` values (N of §2.1). */
  nodeResourceIds: readonly string[];
  /** Distinct pod-usage `node` values (`openshift_node` match strings). */
  nodes: readonly string[];
  /** Distinct pod-usage `namespace` values (`openshift_project` match strings; storage-only namespaces excluded). */
  namespaces: readonly string[];
  /** Distinct storage-usage (`persistentvolume`, `csi_volume_handle`) pairs with a non-empty PV (V of §2.1). */
  volumes: ReadonlyArray<{ persistentvolume: string; csi_volume_handle: string }>;
}

/** One OCP source's summary for the day: the role of Koku's Hive copy of the OCP daily summary (spec §1.2 item 3). */
export interface OcpClusterDay {
  providerUuid: string;
  /** From the provider's credentials (spec §1.2 item 4). */
  clusterId: string;
  /** `api_provider.name`. */
  clusterAlias: string | null;
  /** The OCP daily summary rows; rows of other days are ignored. */
  rows: readonly OcpSummaryRow[];
  inventory?: OcpRawInventory;
}

/** The enabled rows of `reporting_enabledtagkeys` (spec §1.3). */
export interface EnabledTagKeys {
  aws: readonly string[];
  ocp: readonly string[];
}

export interface OcpAwsConfig {
  /**
   * OCP sources the infra map pairs with this AWS source (spec §0 step 1, §2.4); only they get rows. Every source in
   * `OcpAwsDayInput.ocp` still counts for `cluster_count` (§4.1, §4.3, §8.10).
   */
  pairedOcpSourceUuids: readonly string[];
  enabledTagKeys: EnabledTagKeys;
  /** The AWS source's cost-model markup as a fraction (`Decimal(value)/100`; 0 without a cost model) (spec §0). */
  markup: number;
  /** `distribution_info.distribution_type` per OCP source uuid; absent → `cpu`; anything but `cpu` → memory. */
  distributionByOcpSource?: Readonly<Record<string, string>>;
  /** `reporting_awscostentrybill.id` of the month → `cost_entry_bill_id`. */
  billId: number | null;
  /** `reporting_ocpusagereportperiod.id` of the month per OCP source uuid → `report_period_id`. */
  reportPeriodIdByOcpSource?: Readonly<Record<string, number>>;
  /** `reporting_awsaccountalias`: `account_id` → `id` (spec §4.4 `account_alias_id`). */
  accountAliasIdByAccount?: Readonly<Record<string, number>>;
}

export interface OcpAwsDayInput {
  /** `YYYY-MM-DD` (UTC). */
  day: string;
  awsSourceUuid: string;
  /** The AWS source's daily lines; lines of other days are ignored. */
  awsDaily: readonly AwsDailyLine[];
  /**
   * The AWS source's raw lines of the day for the resources that may be disks (`diskCapacityResourceIds` tells
   * which); other rows are ignored.
   */
  awsHourlyForDiskCapacity: readonly AwsRawLine[];
  /** Every OCP source of the tenant schema with summary rows that day, paired or not. */
  ocp: readonly OcpClusterDay[];
  config: OcpAwsConfig;
  /** Output row uuids; defaults to `crypto.randomUUID`. */
  newUuid?: () => string;
}

/** `IN`/`OUT` for EC2 data transfer lines (spec §1.4). */
export type TransferDirection = 'IN' | 'OUT';

/** The four cost columns every path distributes (spec §4 notation). */
export interface CostSet {
  unblended_cost: number | null;
  blended_cost: number | null;
  savingsplan_effective_cost: number | null;
  calculated_amortized_cost: number | null;
}

/** The four costs of one AWS line: never NULL (Koku's `safe_float`). */
export type LineCosts = { [K in keyof CostSet]: number };

/** A daily line after S1 for one OCP source: a row of Koku's `managed_aws_openshift_daily_temp` (spec §1.4). */
export interface MatchedAwsLine {
  row_uuid: string;
  resource_id: string | null;
  product_code: string | null;
  /** `YYYY-MM-DD`. */
  usage_start: string;
  usage_account_id: string;
  availability_zone: string | null;
  product_family: string | null;
  instance_type: string | null;
  region: string | null;
  unit: string | null;
  currency_code: string | null;
  /** Resource tags filtered to AWS-enabled keys plus the three `openshift_*` keys. */
  tags: Labels;
  /** The raw `costcategory` string. */
  aws_cost_category: string;
  usage_amount: number;
  data_transfer_direction: TransferDirection | null;
  costs: LineCosts;
  resource_id_matched: boolean;
  /** Comma-joined match strings found in `resourcetags` (§2.2 step B); null when resource-matched or none. */
  matched_tag: string | null;
}

/** The path a matched line takes in S2 (spec §3). */
export type AttributionPath = 'network' | 'storage' | 'compute' | 'tag';

/**
 * A row of Koku's `managed_reporting_ocpawscostlineitem_project_daily_summary_temp` (spec §4.1–4.3): costs are
 * still the S2 values (full line cost for compute and tag rows), split later by `finalSplit` (§4.4).
 */
export interface AttributionTempRow {
  line: MatchedAwsLine;
  path: 'storage' | 'compute' | 'tag';
  data_source: DataSource;
  namespace: string | null;
  node: string | null;
  persistentvolumeclaim: string | null;
  persistentvolume: string | null;
  storageclass: string | null;
  cluster_id: string | null;
  cluster_alias: string | null;
  /** Compact JSON text as in Koku's Hive tables. */
  pod_labels: string | null;
  volume_labels: string | null;
  costs: CostSet;
  usage_amount: number | null;
  pod_effective_usage_cpu_core_hours: number | null;
  pod_effective_usage_memory_gigabyte_hours: number | null;
  node_capacity_cpu_core_hours: number | null;
  node_capacity_memory_gigabyte_hours: number | null;
  tags: Labels | null;
  aws_cost_category: string | null;
  cost_category_id: number | null;
  /** Tag rows only: distinct OCP sources the line matches that day (COST-6138, §4.3); 1 otherwise. */
  cluster_count: number;
}

/** A row of Koku's final Hive table `managed_reporting_ocpawscostlineitem_project_daily_summary` (§4.4, §4.5). */
export interface AttributedRow {
  cluster_id: string | null;
  cluster_alias: string | null;
  data_source: DataSource;
  namespace: string | null;
  node: string | null;
  persistentvolumeclaim: string | null;
  persistentvolume: string | null;
  storageclass: string | null;
  resource_id: string | null;
  usage_start: string;
  product_code: string | null;
  product_family: string | null;
  instance_type: string | null;
  usage_account_id: string;
  account_alias_id: number | null;
  availability_zone: string | null;
  region: string | null;
  unit: string | null;
  usage_amount: number | null;
  data_transfer_direction: TransferDirection | null;
  currency_code: string | null;
  unblended_cost: number | null;
  markup_cost: number | null;
  blended_cost: number | null;
  markup_cost_blended: number | null;
  savingsplan_effective_cost: number | null;
  markup_cost_savingsplan: number | null;
  calculated_amortized_cost: number | null;
  markup_cost_amortized: number | null;
  /** Labels merged with AWS tags (AWS wins), NULL when Trino's `map_concat` saw a NULL (§4.4). */
  tags: Labels | null;
  aws_cost_category: string | null;
  cost_category_id: number | null;
}

/**
 * One row of `reporting_ocpawscostlineitem_project_daily_summary_p` (spec §5), in column order. Numbers are
 * doubles; JSON columns are parsed values.
 */
export interface OcpAwsSummaryRow {
  uuid: string;
  report_period_id: number | null;
  cluster_id: string | null;
  cluster_alias: string | null;
  data_source: DataSource;
  namespace: string | null;
  node: string | null;
  persistentvolumeclaim: string | null;
  persistentvolume: string | null;
  storageclass: string | null;
  /** = `tags` (spec §5). */
  pod_labels: Labels | null;
  resource_id: string | null;
  /** `YYYY-MM-DD`. */
  usage_start: string;
  usage_end: string;
  cost_entry_bill_id: number | null;
  /** NOT NULL in PostgreSQL; NULL only when the CUR line has no product code (Koku's insert fails then too). */
  product_code: string | null;
  product_family: string | null;
  infrastructure_data_in_gigabytes: number | null;
  infrastructure_data_out_gigabytes: number | null;
  data_transfer_direction: TransferDirection | null;
  instance_type: string | null;
  usage_account_id: string;
  account_alias_id: number | null;
  availability_zone: string | null;
  region: string | null;
  unit: string | null;
  usage_amount: number | null;
  /** Never populated. */
  normalized_usage_amount: null;
  currency_code: string | null;
  unblended_cost: number | null;
  markup_cost: number | null;
  blended_cost: number | null;
  markup_cost_blended: number | null;
  savingsplan_effective_cost: number | null;
  markup_cost_savingsplan: number | null;
  calculated_amortized_cost: number | null;
  markup_cost_amortized: number | null;
  tags: Labels | null;
  aws_cost_category: unknown;
  /** The AWS source uuid. */
  source_uuid: string;
  cost_category_id: number | null;
}

/** An OCP summary row of the day with its label maps as Koku's compact JSON text (prepared once per run). */
export interface OcpRowView {
  row: OcpSummaryRow;
  /** Position in the cluster's rows of the day, so joins built from indexes keep row order. */
  index: number;
  podLabelsJson: string | null;
  volumeLabelsJson: string | null;
}

/** One OCP source's rows of the day, prepared for the joins. */
export interface OcpClusterView {
  providerUuid: string;
  clusterId: string;
  clusterAlias: string | null;
  rows: readonly OcpRowView[];
  inventory: OcpRawInventory;
}
