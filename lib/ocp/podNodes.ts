import { NULL_ID } from './stringPool.js';
import type { StringPool } from './stringPool.js';
import { TupleIndex } from '../common/tupleIndex.js';

/** A (node, resource_id) a pod ran on that day; node may be "" (spec §7 keeps pods without a node). */
export interface PodNode {
  node: string | null;
  resourceId: string | null;
  /** The same two as interned ids of the day's pool (NULL_ID for NULL). */
  ids: { node: number; resourceId: number };
}

/** The (node, resource_id) pairs of a pod, by the interned ids of its namespace and name. */
export type PodNodeLookup = (nsId: number, podId: number) => readonly PodNode[];

const NONE: readonly PodNode[] = Object.freeze([]);

/**
 * The daily pod side of Koku's `cte_volume_nodes` (spec §7): DISTINCT (namespace, pod, node, resource_id) over
 * every daily pod row of the day, with no node filter.
 */
export class PodNodeAccumulator {
  private readonly index = new TupleIndex(4, 4096);

  add(nsId: number, podId: number, nodeId: number, resourceId: number): void {
    const k = this.index.key;
    k[0] = nsId;
    k[1] = podId;
    k[2] = nodeId;
    k[3] = resourceId;
    this.index.intern();
  }

  /**
   * Lookup by (namespace, pod); inner-join semantics, so NULL keys never match. Only the pods asked for (those with
   * storage) are turned into objects; the rest stay as ids.
   */
  lookup(pool: StringPool): PodNodeLookup {
    const pods = new TupleIndex(2, 4096);
    const first: number[] = [];
    const next = new Int32Array(this.index.size).fill(-1);
    const last: number[] = [];
    for (let id = 0; id < this.index.size; id++) {
      pods.key[0] = this.index.get(id, 0);
      pods.key[1] = this.index.get(id, 1);
      const p = pods.intern();
      if (p === first.length) {
        first.push(id);
        last.push(id);
      } else {
        next[last[p] as number] = id;
        last[p] = id;
      }
    }
    const built = new Map<number, readonly PodNode[]>();
    return (nsId, podId) => {
      if (nsId === NULL_ID || podId === NULL_ID) return NONE;
      pods.key[0] = nsId;
      pods.key[1] = podId;
      const p = pods.find();
      if (p < 0) return NONE;
      let nodes = built.get(p);
      if (nodes === undefined) {
        const list: PodNode[] = [];
        for (let id = first[p] as number; id >= 0; id = next[id] as number) {
          const ids = { node: this.index.get(id, 2), resourceId: this.index.get(id, 3) };
          list.push({ node: pool.value(ids.node), resourceId: pool.value(ids.resourceId), ids });
        }
        built.set(p, (nodes = list));
      }
      return nodes;
    };
  }
}
