import {
  AWS_MARKETPLACE,
  OPENSHIFT_TAG_KEYS,
  SAVINGS_PLAN_COVERED_USAGE,
  UNBLENDED_AMORTIZED_TYPES,
} from './constants.js';
import { dataTransferDirection } from './dataTransferDirection.js';
import { dayOfDate } from './dayOfDate.js';
import { filterLabels, parseTagMap } from './labelsJson.js';
import type { AwsDailyLine, LineCosts, MatchedAwsLine } from './types.js';

/**
 * The S1 temp row of a matched daily line (spec §1.4): NULL-ed blanks, product code, filtered tags, direction and
 * the four costs with Koku's savings-plan and amortization rules.
 *
 * @example toMatchedLine(line, { resourceMatched: true, matchedTag: null, awsEnabledKeys: new Set(['env']) })
 */
export function toMatchedLine(
  line: AwsDailyLine,
  match: { resourceMatched: boolean; matchedTag: string | null; awsEnabledKeys: ReadonlySet<string> },
): MatchedAwsLine {
  return {
    row_uuid: line.row_uuid,
    resource_id: nullIfEmpty(line.lineitem_resourceid),
    product_code: productCode(line),
    usage_start: dayOfDate(line.lineitem_usagestartdate),
    usage_account_id: line.lineitem_usageaccountid,
    availability_zone: nullIfEmpty(line.lineitem_availabilityzone),
    product_family: nullIfEmpty(line.product_productfamily),
    instance_type: nullIfEmpty(line.product_instancetype),
    region: nullIfEmpty(line.product_region),
    unit: nullIfEmpty(line.pricing_unit),
    currency_code: nullIfEmpty(line.lineitem_currencycode),
    tags: filterLabels(parseTagMap(line.resourcetags), (k) => match.awsEnabledKeys.has(k) || OPENSHIFT_TAG_KEYS.includes(k)),
    aws_cost_category: line.costcategory,
    usage_amount: line.lineitem_usageamount,
    data_transfer_direction: dataTransferDirection(line),
    costs: lineCosts(line),
    resource_id_matched: match.resourceMatched,
    matched_tag: match.resourceMatched ? null : match.matchedTag,
  };
}

/** SP-covered usage is zeroed (COST-5098); amortized is unblended only for `Usage`/`Tax` (spec §1.4, §8.4–8.5). */
export function lineCosts(line: AwsDailyLine): LineCosts {
  const spCovered = line.lineitem_lineitemtype === SAVINGS_PLAN_COVERED_USAGE;
  return {
    unblended_cost: spCovered ? 0 : line.lineitem_unblendedcost,
    blended_cost: spCovered ? 0 : line.lineitem_blendedcost,
    savingsplan_effective_cost: line.savingsplan_savingsplaneffectivecost,
    calculated_amortized_cost: UNBLENDED_AMORTIZED_TYPES.has(line.lineitem_lineitemtype)
      ? line.lineitem_unblendedcost
      : line.savingsplan_savingsplaneffectivecost,
  };
}

function productCode(line: AwsDailyLine): string | null {
  if (line.bill_billingentity === AWS_MARKETPLACE) {
    return nullIfEmpty(line.product_productname) ?? nullIfEmpty(line.lineitem_productcode);
  }
  return nullIfEmpty(line.lineitem_productcode);
}

function nullIfEmpty(value: string): string | null {
  return value === '' ? null : value;
}
