import { mergeFiltered } from './labels.js';
import type { FilteredLabels } from './types.js';

/** A merged label map with a dense id of its canonical key (equal maps, equal ids). */
export interface MergedLabels {
  labels: FilteredLabels;
  keyId: number;
}

const PAIR_SCALE = 2 ** 26;

/**
 * `mergeFiltered(node, namespace, pod)` memoised on the identity of its arguments. `LabelFilter` and `LabelSets`
 * hand out one object per distinct map, so the Pod-row fan-out merges each distinct (node map, namespace map, pod
 * map) once instead of once per group, and output rows key on `keyId` instead of a JSON string.
 *
 * @example
 * const merger = new LabelMerger();
 * const { labels, keyId } = merger.merge(nodeLabels, namespaceLabels, podLabels);
 */
export class LabelMerger {
  private readonly objectIds = new Map<FilteredLabels, number>();
  private readonly keyIds = new Map<string, number>();
  private readonly memo = new Map<number, Map<number, MergedLabels>>();

  merge(node: FilteredLabels, namespace: FilteredLabels, pod: FilteredLabels): MergedLabels {
    const pair = this.idOf(node) * PAIR_SCALE + this.idOf(namespace);
    let byPod = this.memo.get(pair);
    if (byPod === undefined) this.memo.set(pair, (byPod = new Map()));
    const podId = this.idOf(pod);
    let merged = byPod.get(podId);
    if (merged === undefined) {
      const labels = mergeFiltered(node, namespace, pod);
      let keyId = this.keyIds.get(labels.key);
      if (keyId === undefined) this.keyIds.set(labels.key, (keyId = this.keyIds.size));
      merged = { labels, keyId };
      byPod.set(podId, merged);
    }
    return merged;
  }

  private idOf(labels: FilteredLabels): number {
    let id = this.objectIds.get(labels);
    if (id === undefined) this.objectIds.set(labels, (id = this.objectIds.size));
    return id;
  }
}
