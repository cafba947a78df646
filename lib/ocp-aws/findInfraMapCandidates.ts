import { ocpInventoryFromRows } from './ocpInventoryFromRows.js';
import type { OcpClusterDay } from './types.js';

/**
 * Infra-map discovery (spec §2.4, `reporting_ocpinfrastructure_provider_map.sql`): the OCP sources with a pod
 * `resource_id` that is a substring of some non-empty AWS `lineitem_resourceid`. Callers add the pairings already
 * recorded in `api_providerinfrastructuremap`; clusters that match only by tags are never discovered.
 *
 * @example findInfraMapCandidates(awsDaily.map((l) => l.lineitem_resourceid), clusters) // ['<ocp uuid>']
 */
export function findInfraMapCandidates(awsResourceIds: Iterable<string>, clusters: readonly OcpClusterDay[]): string[] {
  const ids = [...new Set(awsResourceIds)].filter((id) => id !== '');
  const out: string[] = [];
  for (const cluster of clusters) {
    const nodeIds = (cluster.inventory ?? ocpInventoryFromRows(cluster.rows)).nodeResourceIds.filter((n) => n !== '');
    if (!out.includes(cluster.providerUuid) && ids.some((id) => nodeIds.some((n) => id.includes(n)))) {
      out.push(cluster.providerUuid);
    }
  }
  return out;
}
