import { findMatchedTag } from './matchStrings.js';
import { resourceMatcher } from './resourceMatcher.js';
import { toMatchedLine } from './toMatchedLine.js';
import type { AwsDailyLine, MatchedAwsLine, OcpRawInventory } from './types.js';

/**
 * S1 for one OCP source (spec §2, `1_resource_matching_by_cluster.sql`): keeps the lines that are resource-matched
 * (which then never get tag processing) or whose `resourcetags` contain a match string, with their derived fields.
 * Lines matching neither are absent: Koku has no "unmatched" bucket (§2.3).
 *
 * @example matchAwsLines(dayLines, inventory, buildMatchStrings(cluster, generic), new Set(['env']))
 */
export function matchAwsLines(
  lines: readonly AwsDailyLine[],
  inventory: OcpRawInventory,
  matchStrings: readonly string[],
  awsEnabledKeys: ReadonlySet<string>,
): MatchedAwsLine[] {
  const isResourceMatched = resourceMatcher(inventory);
  const out: MatchedAwsLine[] = [];
  for (const line of lines) {
    const resourceMatched = isResourceMatched(line.lineitem_resourceid);
    const matchedTag = resourceMatched ? null : findMatchedTag(line.resourcetags, matchStrings);
    if (!resourceMatched && matchedTag === null) continue;
    out.push(toMatchedLine(line, { resourceMatched, matchedTag, awsEnabledKeys }));
  }
  return out;
}
