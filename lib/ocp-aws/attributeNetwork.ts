import { NETWORK_UNATTRIBUTED } from './constants.js';
import { groupBy, maxText } from './sqlAggregates.js';
import { withMarkup } from './withMarkup.js';
import type { AttributedRow, MatchedAwsLine, OcpClusterView, OcpRowView } from './types.js';

/**
 * The network path of one resource-matched data-transfer line (spec §4.5): one `Network unattributed` row per node
 * among the Pod rows of `nodeRows` (`OcpJoins.nodeRows`), with the **full** line cost (not split) and the AWS tags
 * alone. These rows skip the temp table and `finalSplit`.
 *
 * @example attributeNetwork(line, cluster, joins.nodeRows(cluster, line.resource_id), 0.1, () => null)
 */
export function attributeNetwork(
  line: MatchedAwsLine,
  cluster: OcpClusterView,
  nodeRows: readonly OcpRowView[],
  markup: number,
  accountAliasId: (usageAccountId: string) => number | null,
): AttributedRow[] {
  const joined = nodeRows.filter((v) => v.row.data_source === 'Pod');
  const groups = groupBy(joined, (v) => JSON.stringify([v.row.node]));
  return [...groups.values()].map((group) => {
    let pvc: string | null = null;
    let pv: string | null = null;
    let storageclass: string | null = null;
    for (const { row } of group) {
      pvc = maxText(pvc, row.persistentvolumeclaim);
      pv = maxText(pv, row.persistentvolume);
      storageclass = maxText(storageclass, row.storageclass);
    }
    return {
      cluster_id: cluster.clusterId,
      cluster_alias: cluster.clusterAlias,
      data_source: 'Pod',
      namespace: NETWORK_UNATTRIBUTED,
      node: group[0].row.node,
      persistentvolumeclaim: pvc,
      persistentvolume: pv,
      storageclass,
      resource_id: line.resource_id,
      usage_start: line.usage_start,
      product_code: line.product_code,
      product_family: line.product_family,
      instance_type: line.instance_type,
      usage_account_id: line.usage_account_id,
      account_alias_id: accountAliasId(line.usage_account_id),
      availability_zone: line.availability_zone,
      region: line.region,
      unit: line.unit,
      usage_amount: line.usage_amount,
      data_transfer_direction: line.data_transfer_direction,
      currency_code: line.currency_code,
      ...withMarkup(line.costs, markup),
      tags: line.tags,
      aws_cost_category: null,
      cost_category_id: null,
    };
  });
}
