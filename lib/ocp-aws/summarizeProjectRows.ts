import { canonicalJson } from './canonicalJson.js';
import { enabledTagFilter } from './enabledTagFilter.js';
import { groupBy, maxNumber, maxText, sumNullable } from './sqlAggregates.js';
import type { AttributedRow, EnabledTagKeys, Labels, OcpAwsSummaryRow } from './types.js';

export interface ProjectSummaryContext {
  enabledTagKeys: EnabledTagKeys;
  reportPeriodId: number | null;
  billId: number | null;
  /** The AWS source uuid. */
  sourceUuid: string;
  newUuid: () => string;
}

const SUMMED = [
  'usage_amount',
  'unblended_cost',
  'markup_cost',
  'blended_cost',
  'markup_cost_blended',
  'savingsplan_effective_cost',
  'markup_cost_savingsplan',
  'calculated_amortized_cost',
  'markup_cost_amortized',
] as const;

interface Prepared {
  row: AttributedRow;
  enabledTags: Labels | null;
  costCategory: unknown;
}

/**
 * S3 for one (AWS source, OCP source) pair (spec §5): filters tags to the enabled keys, groups the final rows on
 * the output key and sums them into `reporting_ocpawscostlineitem_project_daily_summary_p` rows.
 *
 * @example summarizeProjectRows(finalRows, { enabledTagKeys, reportPeriodId: 7, billId: 3, sourceUuid, newUuid })
 */
export function summarizeProjectRows(rows: readonly AttributedRow[], ctx: ProjectSummaryContext): OcpAwsSummaryRow[] {
  const filterTags = enabledTagFilter(ctx.enabledTagKeys);
  const prepared: Prepared[] = rows.map((row) => ({
    row,
    enabledTags: filterTags(row.tags),
    costCategory: parseCostCategory(row.aws_cost_category),
  }));
  const groups = groupBy(prepared, groupKey);
  return [...groups.values()].map((group) => summaryRow(group, ctx));
}

/** The output grouping key of §5; NULLs group together, JSON columns in canonical form. */
function groupKey({ row, enabledTags, costCategory }: Prepared): string {
  return JSON.stringify([
    row.usage_start,
    row.cluster_id,
    row.data_source,
    row.namespace,
    row.node,
    row.persistentvolumeclaim,
    row.persistentvolume,
    row.storageclass,
    row.resource_id,
    row.product_code,
    row.product_family,
    row.instance_type,
    row.usage_account_id,
    row.availability_zone,
    row.region,
    row.unit,
    row.data_transfer_direction,
    row.currency_code,
    enabledTags === null ? null : canonicalJson(enabledTags),
    costCategory === null ? null : canonicalJson(costCategory),
    row.cost_category_id,
  ]);
}

function summaryRow(group: readonly Prepared[], ctx: ProjectSummaryContext): OcpAwsSummaryRow {
  const { row: first, enabledTags, costCategory } = group[0];
  const sums = Object.fromEntries(SUMMED.map((c) => [c, null])) as Record<(typeof SUMMED)[number], number | null>;
  let dataIn: number | null = null;
  let dataOut: number | null = null;
  let clusterAlias: string | null = null;
  let accountAliasId: number | null = null;
  for (const { row } of group) {
    for (const c of SUMMED) sums[c] = sumNullable(sums[c], row[c]);
    // `CASE WHEN upper(direction) = 'IN' THEN usage_amount ELSE 0 END` (§5).
    dataIn = sumNullable(dataIn, row.data_transfer_direction === 'IN' ? row.usage_amount : 0);
    dataOut = sumNullable(dataOut, row.data_transfer_direction === 'OUT' ? row.usage_amount : 0);
    clusterAlias = maxText(clusterAlias, row.cluster_alias);
    accountAliasId = maxNumber(accountAliasId, row.account_alias_id);
  }
  return {
    uuid: ctx.newUuid(),
    report_period_id: ctx.reportPeriodId,
    cluster_id: first.cluster_id,
    cluster_alias: clusterAlias,
    data_source: first.data_source,
    namespace: first.namespace,
    node: first.node,
    persistentvolumeclaim: first.persistentvolumeclaim,
    persistentvolume: first.persistentvolume,
    storageclass: first.storageclass,
    pod_labels: enabledTags,
    resource_id: first.resource_id,
    usage_start: first.usage_start,
    usage_end: first.usage_start,
    cost_entry_bill_id: ctx.billId,
    product_code: first.product_code,
    product_family: first.product_family,
    infrastructure_data_in_gigabytes: dataIn,
    infrastructure_data_out_gigabytes: dataOut,
    data_transfer_direction: first.data_transfer_direction,
    instance_type: first.instance_type,
    usage_account_id: first.usage_account_id,
    account_alias_id: accountAliasId,
    availability_zone: first.availability_zone,
    region: first.region,
    unit: first.unit,
    usage_amount: sums.usage_amount,
    normalized_usage_amount: null,
    currency_code: first.currency_code,
    unblended_cost: sums.unblended_cost,
    markup_cost: sums.markup_cost,
    blended_cost: sums.blended_cost,
    markup_cost_blended: sums.markup_cost_blended,
    savingsplan_effective_cost: sums.savingsplan_effective_cost,
    markup_cost_savingsplan: sums.markup_cost_savingsplan,
    calculated_amortized_cost: sums.calculated_amortized_cost,
    markup_cost_amortized: sums.markup_cost_amortized,
    tags: enabledTags === null ? null : { ...enabledTags },
    aws_cost_category: costCategory,
    source_uuid: ctx.sourceUuid,
    cost_category_id: first.cost_category_id,
  };
}

/** `json_parse(aws_cost_category)`; Koku always writes an object, blank or unparsable text reads as NULL. */
function parseCostCategory(text: string | null): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
