import { OPENSHIFT_CLUSTER_KEY, OPENSHIFT_NODE_KEY, OPENSHIFT_PROJECT_KEY, TAG_EXCLUDED_NAMESPACES } from './constants.js';
import type { Labels, MatchedAwsLine, OcpClusterView, OcpRowView } from './types.js';

export type TagJoinTest = (cluster: OcpClusterView, view: OcpRowView) => boolean;

/**
 * The tag join condition of S2 and of `cte_cluster_counts` for one line (spec §4.3): a non-synthetic, non-NULL
 * namespace (errata 3) and ANY of: `openshift_project` = namespace, `openshift_node` = node, `openshift_cluster` =
 * alias or id, or a `matched_tag` element with all spaces removed being a substring of the compact `pod_labels` or
 * `volume_labels` JSON.
 *
 * @example tagJoinMatcher(line)(cluster, view) // true when the line's openshift_project is the row's namespace
 */
export function tagJoinMatcher(line: MatchedAwsLine): TagJoinTest {
  const pieces = line.matched_tag ? matchedTagPieces(line.matched_tag) : [];
  const { tags } = line;
  return (cluster, view) => {
    const { row } = view;
    if (row.namespace === null || TAG_EXCLUDED_NAMESPACES.has(row.namespace)) return false;
    return (
      hasValue(tags, OPENSHIFT_PROJECT_KEY, row.namespace) ||
      hasValue(tags, OPENSHIFT_NODE_KEY, row.node) ||
      hasValue(tags, OPENSHIFT_CLUSTER_KEY, cluster.clusterAlias) ||
      hasValue(tags, OPENSHIFT_CLUSTER_KEY, cluster.clusterId) ||
      pieces.some((x) => (view.podLabelsJson?.includes(x) ?? false) || (view.volumeLabelsJson?.includes(x) ?? false))
    );
  };
}

function hasValue(tags: Labels, key: string, value: string | null): boolean {
  return value !== null && Object.hasOwn(tags, key) && tags[key] === value;
}

/** `split(matched_tag, ',')` then `replace(x, ' ')`: `"app": "web"` becomes `"app":"web"`, the compact OCP form. */
export function matchedTagPieces(matchedTag: string): string[] {
  return matchedTag.split(',').map((x) => x.replaceAll(' ', ''));
}
