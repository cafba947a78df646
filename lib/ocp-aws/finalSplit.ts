import { parseTagMap } from './labelsJson.js';
import { scaleCosts } from './scaleCosts.js';
import { withMarkup } from './withMarkup.js';
import type { Distribution } from './distribution.js';
import type { AttributedRow, AttributionTempRow, CostSet, Labels } from './types.js';

export interface FinalSplitOptions {
  distribution: Distribution;
  /** The effective (9-decimal) markup fraction. */
  markup: number;
  accountAliasId: (usageAccountId: string) => number | null;
}

/**
 * Koku's final split (spec §4.4), temp rows → final Hive rows: compute rows get `usage / node capacity` of the
 * chosen metric × cost, tag rows cost / (aws_uuid_count × cluster_count), storage rows cost / aws_uuid_count (= 1:
 * each has its own new row_uuid); usage is split equally; tags are labels merged with the AWS tags (AWS wins).
 *
 * @example finalSplit(tempRows, { distribution: 'cpu', markup: 0.1, accountAliasId: () => null })
 */
export function finalSplit(temp: readonly AttributionTempRow[], options: FinalSplitOptions): AttributedRow[] {
  const uuidCounts = new Map<string, number>();
  for (const t of temp) if (t.path !== 'storage') uuidCounts.set(t.line.row_uuid, (uuidCounts.get(t.line.row_uuid) ?? 0) + 1);
  const labels = new Map<string, Labels>();
  const parseLabels = (json: string): Labels => {
    let parsed = labels.get(json);
    if (parsed === undefined) labels.set(json, (parsed = parseTagMap(json)));
    return parsed;
  };
  return temp.map((t) => finalRow(t, t.path === 'storage' ? 1 : (uuidCounts.get(t.line.row_uuid) ?? 1), options, parseLabels));
}

function finalRow(
  t: AttributionTempRow,
  uuidCount: number,
  options: FinalSplitOptions,
  parseLabels: (json: string) => Labels,
): AttributedRow {
  const { line } = t;
  const divisor = t.path === 'tag' ? uuidCount * t.cluster_count : uuidCount;
  return {
    cluster_id: t.cluster_id,
    cluster_alias: t.cluster_alias,
    data_source: t.data_source,
    namespace: t.namespace,
    node: t.node,
    persistentvolumeclaim: t.persistentvolumeclaim,
    persistentvolume: t.persistentvolume,
    storageclass: t.storageclass,
    resource_id: line.resource_id,
    usage_start: line.usage_start,
    product_code: line.product_code,
    product_family: line.product_family,
    instance_type: line.instance_type,
    usage_account_id: line.usage_account_id,
    account_alias_id: options.accountAliasId(line.usage_account_id),
    availability_zone: line.availability_zone,
    region: line.region,
    unit: line.unit,
    usage_amount: t.usage_amount === null ? null : t.usage_amount / divisor,
    data_transfer_direction: null,
    currency_code: line.currency_code,
    ...withMarkup(splitCosts(t, divisor, options.distribution), options.markup),
    tags: mergedTags(t, parseLabels),
    aws_cost_category: t.aws_cost_category,
    cost_category_id: t.cost_category_id,
  };
}

/** The three CASE branches of §4.4, chosen by `resource_id_matched` and `data_source`. */
function splitCosts(t: AttributionTempRow, divisor: number, distribution: Distribution): CostSet {
  if (t.line.resource_id_matched && t.data_source === 'Pod') {
    const usage = distribution === 'cpu' ? t.pod_effective_usage_cpu_core_hours : t.pod_effective_usage_memory_gigabyte_hours;
    const capacity = distribution === 'cpu' ? t.node_capacity_cpu_core_hours : t.node_capacity_memory_gigabyte_hours;
    // `usage / nullif(capacity, 0)`: no usage or a zero capacity gives NULL costs (§4.2).
    const ratio = usage === null || capacity === null || capacity === 0 ? null : usage / capacity;
    return scaleCosts(t.costs, ratio === null ? null : (c) => ratio * c);
  }
  return scaleCosts(t.costs, (c) => c / divisor);
}

/** `map_concat(labels, tags)`: NULL when either side is NULL, as Trino's map_concat is (§4.4). */
function mergedTags(t: AttributionTempRow, parseLabels: (json: string) => Labels): Labels | null {
  const labels = t.pod_labels ?? t.volume_labels;
  if (labels === null || t.tags === null) return null;
  return { ...parseLabels(labels), ...t.tags };
}
