import { mergeFiltered } from './labels.js';
import { TupleIndex } from '../common/tupleIndex.js';
import type { FilteredLabels } from './types.js';

/** A merged label map with a dense id of its canonical key (equal maps, equal ids). */
export interface MergedLabels {
  labels: FilteredLabels;
  keyId: number;
}

/**
 * `mergeFiltered(node, namespace, pod)` memoised on the identity of its arguments. `LabelFilter` and `LabelSets`
 * hand out one object per distinct map, so the Pod-row fan-out merges each distinct (node map, namespace map, pod
 * map) once instead of once per group, and output rows key on `keyId` instead of a JSON string. Callers look up
 * each map's small integer id once (`idOf`) and merge by ids.
 *
 * @example
 * const merger = new LabelMerger();
 * const [n, ns, p] = [merger.idOf(nodeLabels), merger.idOf(namespaceLabels), merger.idOf(podLabels)];
 * const { labels, keyId } = merger.merge(n, ns, p);
 */
export class LabelMerger {
  private readonly ids = new Map<FilteredLabels, number>();
  private readonly objects: FilteredLabels[] = [];
  private readonly keyIds = new Map<string, number>();
  private readonly memo = new TupleIndex(3, 1024);
  private readonly merged: MergedLabels[] = [];

  idOf(labels: FilteredLabels): number {
    let id = this.ids.get(labels);
    if (id === undefined) {
      id = this.objects.length;
      this.objects.push(labels);
      this.ids.set(labels, id);
    }
    return id;
  }

  merge(nodeId: number, namespaceId: number, podId: number): MergedLabels {
    const key = this.memo.key;
    key[0] = nodeId;
    key[1] = namespaceId;
    key[2] = podId;
    const m = this.memo.intern();
    if (m < this.merged.length) return this.merged[m] as MergedLabels;
    const node = this.objects[nodeId] as FilteredLabels;
    const namespace = this.objects[namespaceId] as FilteredLabels;
    const pod = this.objects[podId] as FilteredLabels;
    // Pod labels win (map_concat: later maps override), so when the pod map already has every node and namespace
    // key the merge is the pod map itself (it is sorted already); most groups take this path.
    const labels = covers(pod, node) && covers(pod, namespace) ? pod : mergeFiltered(node, namespace, pod);
    let keyId = this.keyIds.get(labels.key);
    if (keyId === undefined) this.keyIds.set(labels.key, (keyId = this.keyIds.size));
    const merged = { labels, keyId };
    this.merged.push(merged);
    return merged;
  }
}

/** True when `outer` is a map holding every key of `inner` (a NULL map covers nothing; NULL `inner` is not covered). */
function covers(outer: FilteredLabels, inner: FilteredLabels): boolean {
  if (outer.labels === null || inner.labels === null) return false;
  for (const key in inner.labels) if (!Object.prototype.hasOwnProperty.call(outer.labels, key)) return false;
  return true;
}
