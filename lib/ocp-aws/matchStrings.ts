import { OPENSHIFT_CLUSTER_KEY, OPENSHIFT_NODE_KEY, OPENSHIFT_PROJECT_KEY } from './constants.js';
import type { OcpRawInventory } from './types.js';

/**
 * The list T of tag-match strings for one OCP source (spec §2.2 step A, `ocp_special_matched_tags.sql`): the
 * cluster id and alias, every pod-usage node and namespace, formatted with Trino's `format('"k": "%s"')` (no
 * escaping), plus the generic matched tags. Duplicates are dropped (SQL UNION).
 *
 * @example buildMatchStrings({ clusterId: 'c-1', clusterAlias: 'prod', inventory }, [])
 * // ['"openshift_cluster": "c-1"', '"openshift_cluster": "prod"', '"openshift_node": "n1"', ...]
 */
export function buildMatchStrings(
  cluster: { clusterId: string; clusterAlias: string | null; inventory: OcpRawInventory },
  genericTags: readonly string[],
): string[] {
  const out = new Set<string>();
  out.add(specialTag(OPENSHIFT_CLUSTER_KEY, cluster.clusterId));
  if (cluster.clusterAlias !== null) out.add(specialTag(OPENSHIFT_CLUSTER_KEY, cluster.clusterAlias));
  for (const node of cluster.inventory.nodes) out.add(specialTag(OPENSHIFT_NODE_KEY, node));
  for (const ns of cluster.inventory.namespaces) out.add(specialTag(OPENSHIFT_PROJECT_KEY, ns));
  for (const tag of genericTags) out.add(tag);
  return [...out];
}

function specialTag(key: string, value: string): string {
  return `"${key}": "${value}"`;
}

/**
 * S1's step B (spec §2.2): the match strings that occur in the raw `resourcetags` text (case-sensitive, so the
 * `json.dumps` spacing matters), comma-joined; null when none does.
 *
 * @example findMatchedTag('{"openshift_project": "db"}', ['"openshift_project": "db"']) // '"openshift_project": "db"'
 */
export function findMatchedTag(resourcetags: string, matchStrings: readonly string[]): string | null {
  const found = matchStrings.filter((t) => resourcetags.includes(t));
  return found.length > 0 ? found.join(',') : null;
}
