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
import type { OcpJoins } from './ocpJoins.js';
import type {
  AttributedRow,
  AttributionTempRow,
  AwsDailyLine,
  AwsRawLine,
  EnabledTagKeys,
  MatchedAwsLine,
  OcpClusterView,
} from './types.js';

export interface ClusterDayContext {
  day: string;
  /** The AWS source's daily lines of the day. */
  awsLines: readonly AwsDailyLine[];
  awsRaw: readonly AwsRawLine[];
  /** The day's memoized joins over every OCP source of the schema (shared disks, `cluster_count`). */
  joins: OcpJoins;
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
    if (routeLine(line, capacity !== undefined) === 'network') network.push(...attributeNetworkLine(line, cluster, ctx));
    else temp.push(...attributeLine(line, capacity, cluster, ctx.joins));
  }
  const split = finalSplit(temp, { distribution: ctx.distribution, markup: ctx.markup, accountAliasId: ctx.accountAliasId });
  return [...split, ...network];
}

/** The temp rows of one non-network line, by its §3 route. */
function attributeLine(
  line: MatchedAwsLine,
  capacity: number | undefined,
  cluster: OcpClusterView,
  joins: OcpJoins,
): AttributionTempRow[] {
  const id = line.resource_id;
  switch (routeLine(line, capacity !== undefined)) {
    case 'storage':
      return attributeStorage(line, capacity as number, cluster, joins.storageRows(cluster, id), joins.totalPvCapacity(id));
    case 'compute':
      return attributeCompute(line, cluster, joins.nodeRows(cluster, id));
    case 'tag': {
      const rows = joins.tagRows(cluster, line);
      return rows.length === 0 ? [] : attributeByTag(line, cluster, rows, joins.tagClusterCount(line));
    }
    default:
      return [];
  }
}

function attributeNetworkLine(line: MatchedAwsLine, cluster: OcpClusterView, ctx: ClusterDayContext): AttributedRow[] {
  return attributeNetwork(line, cluster, ctx.joins.nodeRows(cluster, line.resource_id), ctx.markup, ctx.accountAliasId);
}
