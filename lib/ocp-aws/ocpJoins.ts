import { OPENSHIFT_CLUSTER_KEY, OPENSHIFT_NODE_KEY, OPENSHIFT_PROJECT_KEY, STORAGE_UNATTRIBUTED } from './constants.js';
import { maxNumber } from './sqlAggregates.js';
import { tagJoinMatcher } from './tagJoinMatcher.js';
import type { MatchedAwsLine, OcpClusterView, OcpRowView } from './types.js';

export interface PvCapacityTotal {
  /** Σ over (PV, cluster_id) of max(PVC GiB); NULL when no PVC has a capacity. */
  total: number | null;
  clusterCount: number;
}

/**
 * The S2 joins of one day (spec §4), memoized: every join condition depends only on the line's resource id (node and
 * CSI joins) or on its tag signature (`openshift_*` tag values and `matched_tag`, §4.3), so lines sharing those share
 * the joined rows. Rows come back in the cluster's row order.
 */
export class OcpJoins {
  private readonly memo = new Map<string, unknown>();

  constructor(private readonly allClusters: readonly OcpClusterView[]) {}

  /** `strpos(aws.resource_id, ocp.resource_id) != 0`, non-empty OCP resource id (§4.2, §4.5). */
  nodeRows(cluster: OcpClusterView, resourceId: string | null): readonly OcpRowView[] {
    return this.cached(['node', cluster.providerUuid, resourceId], () =>
      rowsWhoseKeyIsIn(resourceId, this.index(cluster, 'node')),
    );
  }

  /** The storage join (§4.1): a PV, a real namespace (`!=` drops NULL, errata 3), a CSI handle in the resource id. */
  storageRows(cluster: OcpClusterView, resourceId: string | null): readonly OcpRowView[] {
    return this.cached(['storage', cluster.providerUuid, resourceId], () =>
      rowsWhoseKeyIsIn(resourceId, this.index(cluster, 'storage')),
    );
  }

  /**
   * `cte_total_pv_capacity` (§4.1): over **every** OCP source's rows whose CSI handle is in the resource id, no
   * namespace or source filter, Σ over (PV, cluster_id) of max(PVC GiB) and the distinct cluster ids.
   */
  totalPvCapacity(resourceId: string | null): PvCapacityTotal {
    return this.cached(['pv-total', resourceId], () => {
      const perVolume = new Map<string, number | null>();
      const clusterIds = new Set<string>();
      for (const cluster of this.allClusters) {
        for (const { row } of rowsWhoseKeyIsIn(resourceId, this.index(cluster, 'csi'))) {
          const key = JSON.stringify([row.persistentvolume, cluster.clusterId]);
          perVolume.set(key, maxNumber(perVolume.get(key) ?? null, row.persistentvolumeclaim_capacity_gigabyte));
          clusterIds.add(cluster.clusterId);
        }
      }
      let total: number | null = null;
      for (const gib of perVolume.values()) if (gib !== null) total = (total ?? 0) + gib;
      return { total, clusterCount: clusterIds.size };
    });
  }

  /** The tag join (§4.3) of one source. */
  tagRows(cluster: OcpClusterView, line: MatchedAwsLine): readonly OcpRowView[] {
    return this.cached(['tag', cluster.providerUuid, ...tagSignature(line)], () => {
      const matches = tagJoinMatcher(line);
      return cluster.rows.filter((v) => matches(cluster, v));
    });
  }

  /**
   * `cluster_count(L)` (COST-6138, §4.3, §8.10, errata 4): distinct OCP sources of the whole schema, paired or not,
   * with a row satisfying the line's tag condition as this pair sees it; 1 when none (`COALESCE(.., 1)`).
   */
  tagClusterCount(line: MatchedAwsLine): number {
    return this.cached(['tag-count', ...tagSignature(line)], () => {
      const sources = new Set<string>();
      for (const cluster of this.allClusters) {
        if (!sources.has(cluster.providerUuid) && this.tagRows(cluster, line).length > 0) sources.add(cluster.providerUuid);
      }
      return Math.max(sources.size, 1);
    });
  }

  /** The cluster's rows a join may use, by the non-empty key it tests (built once per cluster and join). */
  private index(cluster: OcpClusterView, join: keyof typeof INDEXES): Map<string, OcpRowView[]> {
    const { column, keep } = INDEXES[join];
    return this.cached(['index', cluster.providerUuid, join], () => {
      const byKey = new Map<string, OcpRowView[]>();
      for (const view of cluster.rows) {
        const key = view.row[column];
        if (!key || !keep(view)) continue;
        const rows = byKey.get(key);
        if (rows) rows.push(view);
        else byKey.set(key, [view]);
      }
      return byKey;
    });
  }

  private cached<T>(key: unknown[], compute: () => T): T {
    const k = JSON.stringify(key);
    if (this.memo.has(k)) return this.memo.get(k) as T;
    const value = compute();
    this.memo.set(k, value);
    return value;
  }
}

/** Which key each substring join tests, and which rows it may use at all. */
const INDEXES = {
  node: { column: 'resource_id', keep: () => true },
  csi: { column: 'csi_volume_handle', keep: () => true },
  storage: {
    column: 'csi_volume_handle',
    keep: ({ row }: OcpRowView) => row.persistentvolume !== null && row.namespace !== null && row.namespace !== STORAGE_UNATTRIBUTED,
  },
} as const satisfies Record<string, { column: 'resource_id' | 'csi_volume_handle'; keep: (view: OcpRowView) => boolean }>;

/** Everything the tag condition reads from a line. */
function tagSignature(line: MatchedAwsLine): unknown[] {
  const t = line.tags;
  const get = (k: string): string | null => (Object.hasOwn(t, k) ? t[k] : null);
  return [get(OPENSHIFT_PROJECT_KEY), get(OPENSHIFT_NODE_KEY), get(OPENSHIFT_CLUSTER_KEY), line.matched_tag];
}

/** The rows whose key is a substring of the AWS resource id (`strpos(aws.resource_id, key) != 0`), in row order. */
function rowsWhoseKeyIsIn(resourceId: string | null, byKey: Map<string, OcpRowView[]>): OcpRowView[] {
  if (resourceId === null) return [];
  const out: OcpRowView[] = [];
  for (const [key, rows] of byKey) if (resourceId.includes(key)) out.push(...rows);
  return out.sort((a, b) => a.index - b.index);
}
