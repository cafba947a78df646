import type { TagJoinTest } from './tagJoinMatcher.js';
import type { OcpClusterView } from './types.js';

/**
 * `cluster_count(L)` (COST-6138, spec §4.3, §8.10, errata 4): the distinct OCP sources of the whole schema, paired
 * with this AWS source or not, with at least one row that day satisfying the line's tag condition as this pair sees
 * it; 1 when none (`COALESCE(cluster_count, 1)`).
 *
 * @example tagClusterCount(tagJoinMatcher(line), allClusters) // 2 when two clusters have the tagged namespace
 */
export function tagClusterCount(matches: TagJoinTest, allClusters: readonly OcpClusterView[]): number {
  const sources = new Set<string>();
  for (const cluster of allClusters) {
    if (sources.has(cluster.providerUuid)) continue;
    if (cluster.rows.some((v) => matches(cluster, v))) sources.add(cluster.providerUuid);
  }
  return Math.max(sources.size, 1);
}
