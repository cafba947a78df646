import type { StringPool } from './stringPool.js';
import { TupleIndex } from './tupleIndex.js';

/** A (node, resource_id) a pod ran on that day; node may be "" (spec §7 keeps pods without a node). */
export interface PodNode {
  node: string | null;
  resourceId: string | null;
}

export type PodNodeLookup = (namespace: string | null, pod: string | null) => readonly PodNode[];

/**
 * The daily pod side of Koku's `cte_volume_nodes` (spec §7): DISTINCT (namespace, pod, node, resource_id) over
 * every daily pod row of the day, with no node filter.
 */
export class PodNodeAccumulator {
  private readonly index = new TupleIndex(4);

  add(nsId: number, podId: number, nodeId: number, resourceId: number): void {
    const k = this.index.key;
    k[0] = nsId;
    k[1] = podId;
    k[2] = nodeId;
    k[3] = resourceId;
    this.index.intern();
  }

  /** Lookup by (namespace, pod); inner-join semantics, so NULL keys never match. */
  lookup(pool: StringPool): PodNodeLookup {
    const byPod = new Map<string, PodNode[]>();
    for (let id = 0; id < this.index.size; id++) {
      const ns = pool.value(this.index.get(id, 0));
      const pod = pool.value(this.index.get(id, 1));
      if (ns === null || pod === null) continue;
      const key = JSON.stringify([ns, pod]);
      let nodes = byPod.get(key);
      if (!nodes) byPod.set(key, (nodes = []));
      nodes.push({ node: pool.value(this.index.get(id, 2)), resourceId: pool.value(this.index.get(id, 3)) });
    }
    return (namespace, pod) =>
      namespace === null || pod === null ? [] : (byPod.get(JSON.stringify([namespace, pod])) ?? []);
  }
}
