import { attributeByTag } from './attributeByTag.js';
import { attributeCompute } from './attributeCompute.js';
import { attributeNetwork } from './attributeNetwork.js';
import { attributeStorage } from './attributeStorage.js';
import { diskCapacities } from './diskCapacities.js';
import { finalSplit } from './finalSplit.js';
import { findGenericMatchedTags } from './genericMatchedTags.js';
import { matchAwsLines } from './matchAwsLines.js';
import { buildMatchStrings } from './matchStrings.js';
import { routeLine } from './routeLine.js';
import type { Distribution } from './distribution.js';
import type { AttributedRow, AttributionTempRow, AwsDailyLine, AwsRawLine, EnabledTagKeys, OcpClusterView } from './types.js';

export interface ClusterDayContext {
  day: string;
  /** The AWS source's daily lines of the day. */
  awsLines: readonly AwsDailyLine[];
  awsRaw: readonly AwsRawLine[];
  /** Every OCP source of the schema that day (shared disks, `cluster_count`). */
  allClusters: readonly OcpClusterView[];
  enabledTagKeys: EnabledTagKeys;
  distribution: Distribution;
  markup: number;
  accountAliasId: (usageAccountId: string) => number | null;
}

/**
 * S1 and S2 for one (AWS source, OCP source) pair and day (spec §2–§4): match the lines, compute disk capacities,
 * route each line, attribute it, and split — the rows Koku writes to its final Hive table.
 *
 * @example attributeClusterDay(clusterView, ctx) // AttributedRow[] ready for summarizeProjectRows
 */
export function attributeClusterDay(cluster: OcpClusterView, ctx: ClusterDayContext): AttributedRow[] {
  const generic = findGenericMatchedTags(ctx.awsLines, cluster.rows, ctx.enabledTagKeys);
  const matchStrings = buildMatchStrings(cluster, generic);
  const lines = matchAwsLines(ctx.awsLines, cluster.inventory, matchStrings, new Set(ctx.enabledTagKeys.aws));
  const capacities = diskCapacities(lines, cluster.rows, ctx.awsRaw, ctx.day);
  const temp: AttributionTempRow[] = [];
  const network: AttributedRow[] = [];
  for (const line of lines) {
    const capacity = line.resource_id === null ? undefined : capacities.get(line.resource_id);
    switch (routeLine(line, capacity !== undefined)) {
      case 'network':
        network.push(...attributeNetwork(line, cluster, ctx.markup, ctx.accountAliasId));
        break;
      case 'storage':
        temp.push(...attributeStorage(line, capacity as number, cluster, ctx.allClusters));
        break;
      case 'compute':
        temp.push(...attributeCompute(line, cluster));
        break;
      case 'tag':
        temp.push(...attributeByTag(line, cluster, ctx.allClusters));
        break;
      default:
        break;
    }
  }
  const split = finalSplit(temp, { distribution: ctx.distribution, markup: ctx.markup, accountAliasId: ctx.accountAliasId });
  return [...split, ...network];
}
