/** Magic values of Koku's CSV → Parquet step, each with the spec section or Koku file it comes from. */
import type { SummaryReportType } from './types.js';

/** Koku's PARQUET_PROCESSING_BATCH_SIZE: CSV rows per hourly/daily Parquet pair (spec §1 step 4). */
export const DEFAULT_CHUNK_SIZE = 200_000;

/** Default manifest id when the caller has none. */
export const DEFAULT_MANIFEST_ID = 1;

/** A row is dropped when one of ANOMALY_COLUMNS exceeds this (spec §2.2, `THRESHOLD_MAP`). */
export const ANOMALY_THRESHOLD = 1e18;

export const ANOMALY_COLUMNS: ReadonlySet<string> = new Set([
  'pod_usage_cpu_core_seconds',
  'pod_request_cpu_core_seconds',
  'pod_limit_cpu_core_seconds',
  'node_capacity_cpu_core_seconds',
  'pod_usage_memory_byte_seconds',
  'pod_request_memory_byte_seconds',
  'pod_limit_memory_byte_seconds',
  'node_capacity_memory_byte_seconds',
  'node_capacity_memory_bytes',
  'persistentvolumeclaim_capacity_bytes',
  'persistentvolumeclaim_capacity_byte_seconds',
  'volume_request_storage_byte_seconds',
  'persistentvolumeclaim_usage_byte_seconds',
]);

/** Columns parsed as naive UTC timestamps (spec §2.2); the `" +0000 UTC"` suffix is stripped first. */
export const OCP_TIMESTAMP_COLUMNS: ReadonlySet<string> = new Set([
  'report_period_start',
  'report_period_end',
  'interval_start',
  'interval_end',
]);

export const OCP_TIMESTAMP_SUFFIX = ' +0000 UTC';

/** Columns converted with `safe_float` (blank or invalid → 0.0), matched case-insensitively as Koku does. */
export const OCP_NUMERIC_COLUMNS: ReadonlySet<string> = new Set([
  'pod_usage_cpu_core_seconds',
  'pod_request_cpu_core_seconds',
  'pod_limit_cpu_core_seconds',
  'pod_usage_memory_byte_seconds',
  'pod_request_memory_byte_seconds',
  'pod_limit_memory_byte_seconds',
  'node_capacity_cpu_cores',
  'node_capacity_cpu_core_seconds',
  'node_capacity_memory_bytes',
  'node_capacity_memory_byte_seconds',
  'persistentvolumeclaim_capacity_bytes',
  'persistentvolumeclaim_capacity_byte_seconds',
  'volume_request_storage_byte_seconds',
  'persistentvolumeclaim_usage_byte_seconds',
  'vm_uptime_total_seconds',
  'vm_cpu_limit_cores',
  'vm_cpu_limit_core_seconds',
  'vm_cpu_request_cores',
  'vm_cpu_request_core_seconds',
  'vm_cpu_request_sockets',
  'vm_cpu_request_socket_seconds',
  'vm_cpu_request_threads',
  'vm_cpu_request_thread_seconds',
  'vm_cpu_usage_total_seconds',
  'vm_memory_limit_bytes',
  'vm_memory_limit_byte_seconds',
  'vm_memory_request_bytes',
  'vm_memory_request_byte_seconds',
  'vm_memory_usage_byte_seconds',
  'vm_disk_allocated_size_byte_seconds',
  'gpu_memory_capacity_mib',
  'gpu_pod_uptime',
]);

/** `label_k:v|…` columns turned into JSON text (spec §2.2). */
export const OCP_LABEL_COLUMNS: ReadonlySet<string> = new Set([
  'pod_labels',
  'persistentvolume_labels',
  'persistentvolumeclaim_labels',
  'node_labels',
  'namespace_labels',
  'vm_labels',
]);

/** Identifier columns that get NUL removal and `html.escape(quote=True)` at ingest (spec §1 step 2). */
export const SANITIZED_COLUMNS: ReadonlySet<string> = new Set([
  'namespace',
  'pod',
  'node',
  'persistentvolumeclaim',
  'persistentvolume',
  'storageclass',
  'resource_id',
  'vm_name',
  'gpu_uuid',
  'gpu_model_name',
  'gpu_vendor_name',
  'csi_driver',
  'csi_volume_handle',
  'node_role',
  'vm_instance_type',
  'vm_os',
  'vm_device',
]);

/**
 * pandas' default `na_values`. Koku reads every operator CSV with `dtype=string` and writes it back before
 * converting (spec §1 step 2), so a cell spelled like one of these comes out empty.
 */
export const PANDAS_NA_VALUES: ReadonlySet<string> = new Set([
  '',
  '#N/A',
  '#N/A N/A',
  '#NA',
  '-1.#IND',
  '-1.#QNAN',
  '-NaN',
  '-nan',
  '1.#IND',
  '1.#QNAN',
  '<NA>',
  'N/A',
  'NA',
  'NULL',
  'NaN',
  'None',
  'n/a',
  'nan',
  'null',
]);

/** Columns whose presence identifies a report type, in Koku's detection order (`OCP_REPORT_TYPES`, spec §1 step 1). */
export const REPORT_TYPE_COLUMNS: ReadonlyArray<readonly [string, readonly string[]]> = [
  [
    'storage_usage',
    [
      'report_period_start', 'report_period_end', 'interval_start', 'interval_end', 'namespace', 'pod',
      'persistentvolumeclaim', 'persistentvolume', 'storageclass', 'persistentvolumeclaim_capacity_bytes',
      'persistentvolumeclaim_capacity_byte_seconds', 'volume_request_storage_byte_seconds',
      'persistentvolumeclaim_usage_byte_seconds', 'persistentvolume_labels', 'persistentvolumeclaim_labels',
    ],
  ],
  [
    'pod_usage',
    [
      'report_period_start', 'report_period_end', 'pod', 'namespace', 'node', 'resource_id', 'interval_start',
      'interval_end', 'pod_usage_cpu_core_seconds', 'pod_request_cpu_core_seconds', 'pod_limit_cpu_core_seconds',
      'pod_usage_memory_byte_seconds', 'pod_request_memory_byte_seconds', 'pod_limit_memory_byte_seconds',
      'node_capacity_cpu_cores', 'node_capacity_cpu_core_seconds', 'node_capacity_memory_bytes',
      'node_capacity_memory_byte_seconds', 'pod_labels',
    ],
  ],
  ['node_labels', ['report_period_start', 'report_period_end', 'node', 'interval_start', 'interval_end', 'node_labels']],
  [
    'namespace_labels',
    ['report_period_start', 'report_period_end', 'interval_start', 'interval_end', 'namespace', 'namespace_labels'],
  ],
  [
    'vm_usage',
    ['report_period_start', 'report_period_end', 'interval_start', 'interval_end', 'node', 'namespace', 'vm_name', 'resource_id', 'vm_labels'],
  ],
  [
    'gpu_usage',
    [
      'report_period_start', 'report_period_end', 'interval_start', 'interval_end', 'node', 'namespace', 'pod',
      'gpu_uuid', 'gpu_model_name', 'gpu_vendor_name', 'gpu_memory_capacity_mib', 'gpu_pod_uptime',
    ],
  ],
];

export type AggregateKind = 'sum' | 'max';

/** How Koku builds a daily frame for one report type (`OCP_REPORT_TYPES` in masu/util/ocp/common.py, spec §2.3). */
export interface DailySpec {
  groupBy: readonly string[];
  /** Aggregated columns in Koku's dict order; absent ones are skipped. */
  aggregates: ReadonlyArray<readonly [string, AggregateKind]>;
  /** "New" columns added as all-NULL strings when the CSV lacks them. */
  newColumns: readonly string[];
}

export const OCP_DAILY_SPECS: Readonly<Record<SummaryReportType, DailySpec>> = {
  pod_usage: {
    groupBy: ['namespace', 'node', 'pod', 'pod_labels'],
    aggregates: [
      ['report_period_start', 'max'],
      ['report_period_end', 'max'],
      ['resource_id', 'max'],
      ['pod_usage_cpu_core_seconds', 'sum'],
      ['pod_request_cpu_core_seconds', 'sum'],
      ['pod_effective_usage_cpu_core_seconds', 'sum'],
      ['pod_limit_cpu_core_seconds', 'sum'],
      ['pod_usage_memory_byte_seconds', 'sum'],
      ['pod_request_memory_byte_seconds', 'sum'],
      ['pod_effective_usage_memory_byte_seconds', 'sum'],
      ['pod_limit_memory_byte_seconds', 'sum'],
      ['node_capacity_cpu_cores', 'max'],
      ['node_capacity_cpu_core_seconds', 'sum'],
      ['node_capacity_memory_bytes', 'max'],
      ['node_capacity_memory_byte_seconds', 'sum'],
      ['node_role', 'max'],
    ],
    newColumns: ['node_role'],
  },
  storage_usage: {
    groupBy: [
      'namespace', 'node', 'pod', 'persistentvolumeclaim', 'persistentvolume', 'storageclass', 'csi_driver',
      'csi_volume_handle', 'persistentvolume_labels', 'persistentvolumeclaim_labels',
    ],
    aggregates: [
      ['report_period_start', 'max'],
      ['report_period_end', 'max'],
      ['persistentvolumeclaim_capacity_bytes', 'max'],
      ['persistentvolumeclaim_capacity_byte_seconds', 'sum'],
      ['volume_request_storage_byte_seconds', 'sum'],
      ['persistentvolumeclaim_usage_byte_seconds', 'sum'],
    ],
    newColumns: ['node', 'csi_driver', 'csi_volume_handle'],
  },
  node_labels: {
    groupBy: ['node', 'node_labels'],
    aggregates: [
      ['report_period_start', 'max'],
      ['report_period_end', 'max'],
    ],
    newColumns: [],
  },
  namespace_labels: {
    groupBy: ['namespace', 'namespace_labels'],
    aggregates: [
      ['report_period_start', 'max'],
      ['report_period_end', 'max'],
    ],
    newColumns: [],
  },
};

/** Per-row max(usage, request) columns Koku adds to pod frames (spec §2.2 "Effective usage"). */
export const EFFECTIVE_USAGE_COLUMNS: ReadonlyArray<readonly [effective: string, usage: string, request: string]> = [
  ['pod_effective_usage_cpu_core_seconds', 'pod_usage_cpu_core_seconds', 'pod_request_cpu_core_seconds'],
  ['pod_effective_usage_memory_byte_seconds', 'pod_usage_memory_byte_seconds', 'pod_request_memory_byte_seconds'],
];

/** The daily frame's day column: interval_start floored to UTC midnight (spec §2.2 "Daily frame"). */
export const OCP_DAY_COLUMN = 'interval_start';
/** Dropped from daily frames. */
export const OCP_INTERVAL_END_COLUMN = 'interval_end';

/** S3 user metadata keys Koku writes on OCP Parquet objects (spec §2.1); S3 returns them lower-cased. */
export const METADATA_MANIFEST_ID = 'ManifestId';
export const METADATA_REPORT_DATE_START = 'ReportDateStart';
export const METADATA_REPORT_NUM_HOURS = 'ReportNumHours';

/** Koku's OCP-on-cloud prefix, cleared together with the hourly and daily prefixes (spec §1 step 5). */
export const OPENSHIFT_REPORT_TYPE_SEGMENT = 'openshift';

export const MS_PER_DAY = 86_400_000;

// ---- AWS CUR (spec ocp-on-aws.md §1.1; masu/util/aws/common.py, aws_post_processor.py) ----

/** CUR columns Koku keeps (RECOMMENDED_COLUMNS ∪ OPTIONAL_COLS); tags and cost categories are kept by prefix. */
export const AWS_KEPT_COLUMNS: ReadonlySet<string> = new Set([
  'bill/BillingEntity', 'bill/BillType', 'bill/PayerAccountId', 'bill/BillingPeriodStartDate',
  'bill/BillingPeriodEndDate', 'bill/InvoiceId', 'identity/TimeInterval', 'lineItem/LineItemType',
  'lineItem/LegalEntity', 'lineItem/LineItemDescription', 'lineItem/UsageAccountId', 'lineItem/UsageStartDate',
  'lineItem/UsageEndDate', 'lineItem/ProductCode', 'lineItem/UsageType', 'lineItem/Operation',
  'lineItem/AvailabilityZone', 'lineItem/ResourceId', 'lineItem/UsageAmount', 'lineItem/NormalizationFactor',
  'lineItem/NormalizedUsageAmount', 'lineItem/CurrencyCode', 'lineItem/UnblendedRate', 'lineItem/UnblendedCost',
  'lineItem/BlendedRate', 'lineItem/BlendedCost', 'savingsPlan/SavingsPlanEffectiveCost', 'lineItem/TaxType',
  'pricing/publicOnDemandCost', 'pricing/publicOnDemandRate', 'reservation/AmortizedUpfrontFeeForBillingPeriod',
  'reservation/AmortizedUpfrontCostForUsage', 'reservation/RecurringFeeForUsage', 'reservation/UnusedQuantity',
  'reservation/UnusedRecurringFee', 'pricing/term', 'pricing/unit', 'product/sku', 'product/ProductName',
  'product/productFamily', 'product/servicecode', 'product/region', 'reservation/NumberOfReservations',
  'reservation/UnitsPerReservation', 'reservation/StartTime', 'reservation/EndTime',
  'product/physicalCores', 'product/instanceType', 'product/vcpu', 'product/memory', 'product/operatingSystem',
]);

export const AWS_TAG_PREFIX = 'resourceTags/';
export const AWS_USER_TAG_PREFIX = 'resourceTags/user:';
export const AWS_COST_CATEGORY_PREFIX = 'costCategory/';

/** Underscore-style CUR names and their slash-style equivalents (`AWSPostProcessor.COL_TRANSLATION`). */
export const AWS_COLUMN_TRANSLATION: Readonly<Record<string, string>> = {
  bill_billing_entity: 'bill/BillingEntity',
  bill_bill_type: 'bill/BillType',
  bill_payer_account_id: 'bill/PayerAccountId',
  bill_billing_period_start_date: 'bill/BillingPeriodStartDate',
  bill_billing_period_end_date: 'bill/BillingPeriodEndDate',
  bill_invoice_id: 'bill/InvoiceId',
  line_item_line_item_type: 'lineItem/LineItemType',
  line_item_usage_account_id: 'lineItem/UsageAccountId',
  line_item_usage_start_date: 'lineItem/UsageStartDate',
  line_item_usage_end_date: 'lineItem/UsageEndDate',
  line_item_product_code: 'lineItem/ProductCode',
  line_item_usage_type: 'lineItem/UsageType',
  line_item_operation: 'lineItem/Operation',
  line_item_availability_zone: 'lineItem/AvailabilityZone',
  line_item_resource_id: 'lineItem/ResourceId',
  line_item_usage_amount: 'lineItem/UsageAmount',
  line_item_normalization_factor: 'lineItem/NormalizationFactor',
  line_item_normalized_usage_amount: 'lineItem/NormalizedUsageAmount',
  line_item_currency_code: 'lineItem/CurrencyCode',
  line_item_unblended_rate: 'lineItem/UnblendedRate',
  line_item_unblended_cost: 'lineItem/UnblendedCost',
  line_item_blended_rate: 'lineItem/BlendedRate',
  line_item_blended_cost: 'lineItem/BlendedCost',
  savings_plan_savings_plan_effective_cost: 'savingsPlan/SavingsPlanEffectiveCost',
  line_item_tax_type: 'lineItem/TaxType',
  pricing_public_on_demand_cost: 'pricing/publicOnDemandCost',
  pricing_public_on_demand_rate: 'pricing/publicOnDemandRate',
  reservation_amortized_upfront_fee_for_billing_period: 'reservation/AmortizedUpfrontFeeForBillingPeriod',
  reservation_amortized_upfront_cost_for_usage: 'reservation/AmortizedUpfrontCostForUsage',
  reservation_recurring_fee_for_usage: 'reservation/RecurringFeeForUsage',
  reservation_unused_quantity: 'reservation/UnusedQuantity',
  reservation_unused_recurring_fee: 'reservation/UnusedRecurringFee',
  pricing_term: 'pricing/term',
  pricing_unit: 'pricing/unit',
  product_sku: 'product/sku',
  product_product_name: 'product/ProductName',
  product_product_family: 'product/productFamily',
  product_servicecode: 'product/servicecode',
  product_region: 'product/region',
  product_instance_type: 'product/instanceType',
  product_memory: 'product/memory',
  product_vcpu: 'product/vcpu',
  reservation_number_of_reservations: 'reservation/NumberOfReservations',
  reservation_units_per_reservation: 'reservation/UnitsPerReservation',
  reservation_start_time: 'reservation/StartTime',
  reservation_end_time: 'reservation/EndTime',
  product_physical_cores: 'product/physicalCores',
  identity_time_interval: 'identity/TimeInterval',
  product_operating_system: 'product/operatingSystem',
};

/** Lower-cased slash-style names parsed with ciso8601 (tz-aware UTC). */
export const AWS_TIMESTAMP_COLUMNS: ReadonlySet<string> = new Set([
  'bill/billingperiodstartdate',
  'bill/billingperiodenddate',
  'lineitem/usagestartdate',
  'lineitem/usageenddate',
]);

/** Lower-cased slash-style names parsed with `safe_float`. */
export const AWS_NUMERIC_COLUMNS: ReadonlySet<string> = new Set([
  'lineitem/usageamount',
  'lineitem/normalizationfactor',
  'lineitem/normalizedusageamount',
  'lineitem/unblendedrate',
  'lineitem/unblendedcost',
  'lineitem/blendedrate',
  'lineitem/blendedcost',
  'pricing/publicondemandcost',
  'pricing/publicondemandrate',
  'savingsplan/savingsplaneffectivecost',
]);

/** `TRINO_REQUIRED_COLUMNS`: added with these defaults when absent ('' string, 0 double, null timestamp). */
export const AWS_REQUIRED_COLUMNS: ReadonlyArray<readonly [string, 'string' | 'float64' | 'timestamp']> = [
  ['bill/BillingEntity', 'string'],
  ['lineItem/UsageStartDate', 'timestamp'],
  ['lineItem/ProductCode', 'string'],
  ['product/productFamily', 'string'],
  ['product/ProductName', 'string'],
  ['lineItem/UsageAccountId', 'string'],
  ['lineItem/LegalEntity', 'string'],
  ['lineItem/LineItemDescription', 'string'],
  ['lineItem/LineItemType', 'string'],
  ['lineItem/AvailabilityZone', 'string'],
  ['product/region', 'string'],
  ['product/instanceType', 'string'],
  ['product/physicalCores', 'string'],
  ['product/vcpu', 'string'],
  ['product/memory', 'string'],
  ['product/operatingSystem', 'string'],
  ['pricing/unit', 'string'],
  ['lineItem/UsageAmount', 'float64'],
  ['lineItem/NormalizationFactor', 'float64'],
  ['lineItem/NormalizedUsageAmount', 'float64'],
  ['lineItem/CurrencyCode', 'string'],
  ['lineItem/UnblendedRate', 'float64'],
  ['lineItem/UnblendedCost', 'float64'],
  ['lineItem/BlendedRate', 'float64'],
  ['lineItem/BlendedCost', 'float64'],
  ['savingsPlan/SavingsPlanEffectiveCost', 'float64'],
  ['pricing/publicOnDemandCost', 'float64'],
  ['pricing/publicOnDemandRate', 'float64'],
  ['lineItem/ResourceId', 'string'],
];

/** The CUR column that splits a report into daily files (`create_daily_archives`), and its alt spelling. */
export const AWS_TIME_INTERVAL_COLUMNS = ['identity/TimeInterval', 'identity_time_interval'] as const;

/** AWS daily frame (`AWSPostProcessor._generate_daily_data`); the day column is `lineitem_usagestartdate`. */
export const AWS_DAY_COLUMN = 'lineitem_usagestartdate';
export const AWS_DAILY_GROUP_BY: readonly string[] = [
  'lineitem_resourceid',
  'bill_payeraccountid',
  'lineitem_usageaccountid',
  'lineitem_legalentity',
  'lineitem_lineitemdescription',
  'bill_billingentity',
  'lineitem_productcode',
  'lineitem_availabilityzone',
  'lineitem_lineitemtype',
  'lineitem_usagetype',
  'lineitem_operation',
  'product_productfamily',
  'product_operatingsystem',
  'product_instancetype',
  'product_region',
  'pricing_unit',
  'resourcetags',
  'costcategory',
];
export const AWS_DAILY_AGGREGATES: ReadonlyArray<readonly [string, AggregateKind]> = [
  ['lineitem_usageamount', 'sum'],
  ['lineitem_normalizationfactor', 'max'],
  ['lineitem_normalizedusageamount', 'sum'],
  ['lineitem_currencycode', 'max'],
  ['lineitem_unblendedrate', 'max'],
  ['lineitem_unblendedcost', 'sum'],
  ['lineitem_blendedrate', 'max'],
  ['lineitem_blendedcost', 'sum'],
  ['pricing_publicondemandcost', 'sum'],
  ['pricing_publicondemandrate', 'max'],
  ['savingsplan_savingsplaneffectivecost', 'sum'],
  ['bill_invoiceid', 'max'],
  ['product_productname', 'max'],
  ['product_vcpu', 'max'],
  ['product_memory', 'max'],
];
export const AWS_ROW_UUID_COLUMN = 'row_uuid';
