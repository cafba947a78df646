import { NULL_ID } from './stringPool.js';
import type { StringPool } from './stringPool.js';
import { TupleIndex } from '../common/tupleIndex.js';

/** Order of the summed storage metrics in `StorageGroup.sums` (spec §7, byte-seconds). */
export const STORAGE_SUM = { capacity: 0, request: 1, usage: 2 } as const;
export const STORAGE_SUM_COUNT = 3;

/** Daily storage rows of one (namespace, pod, PVC, PV, class, CSI handle, PV labels, PVC labels). */
export interface StorageGroup {
  namespace: string | null;
  pod: string | null;
  persistentvolumeclaim: string | null;
  persistentvolume: string | null;
  storageclass: string | null;
  csiVolumeHandle: string | null;
  persistentvolumeLabels: string | null;
  persistentvolumeclaimLabels: string | null;
  /** max(persistentvolumeclaim_capacity_bytes). */
  capacityBytes: number | null;
  /** Σ per STORAGE_SUM index; NULL when every input was NULL. */
  sums: Array<number | null>;
  /** The eight texts above as interned ids of the day's pool, in that order (NULL_ID for NULL). */
  ids: Int32Array;
}

/** Groups daily storage rows by interned key so memory follows distinct volume mounts, not rows. */
export class StorageGroupAccumulator {
  private readonly index = new TupleIndex(8);
  private readonly sums: number[] = [];
  private readonly seen: number[] = [];
  private readonly capacity: number[] = [];
  private readonly capacitySeen: number[] = [];

  constructor(private readonly pool: StringPool) {}

  /** `key` = ids of [namespace, pod, pvc, pv, storageclass, csi_volume_handle, pv labels, pvc labels]. */
  add(key: Int32Array, capacityBytes: number, capacityValid: boolean, sums: Float64Array, valid: Uint8Array): void {
    this.index.key.set(key);
    const g = this.index.intern();
    if (g === this.capacity.length) {
      this.capacity.push(0);
      this.capacitySeen.push(0);
      for (let j = 0; j < STORAGE_SUM_COUNT; j++) {
        this.sums.push(0);
        this.seen.push(0);
      }
    }
    if (capacityValid && (this.capacitySeen[g] === 0 || capacityBytes > this.capacity[g])) {
      this.capacity[g] = capacityBytes;
      this.capacitySeen[g] = 1;
    }
    const base = g * STORAGE_SUM_COUNT;
    for (let j = 0; j < STORAGE_SUM_COUNT; j++) {
      if (!valid[j]) continue;
      this.sums[base + j] += sums[j];
      this.seen[base + j] = 1;
    }
  }

  /** Interned ids of the distinct non-NULL pods that have storage rows. */
  podIds(): number[] {
    const pods = new Set<number>();
    for (let g = 0; g < this.capacity.length; g++) pods.add(this.index.get(g, 1));
    pods.delete(NULL_ID);
    return [...pods];
  }

  groups(): StorageGroup[] {
    const out: StorageGroup[] = [];
    const text = (g: number, j: number) => this.pool.value(this.index.get(g, j));
    for (let g = 0; g < this.capacity.length; g++) {
      const base = g * STORAGE_SUM_COUNT;
      const sums: Array<number | null> = [];
      for (let j = 0; j < STORAGE_SUM_COUNT; j++) sums.push(this.seen[base + j] ? this.sums[base + j] : null);
      out.push({
        namespace: text(g, 0),
        pod: text(g, 1),
        persistentvolumeclaim: text(g, 2),
        persistentvolume: text(g, 3),
        storageclass: text(g, 4),
        csiVolumeHandle: text(g, 5),
        persistentvolumeLabels: text(g, 6),
        persistentvolumeclaimLabels: text(g, 7),
        capacityBytes: this.capacitySeen[g] ? this.capacity[g] : null,
        sums,
        ids: this.idsOf(g),
      });
    }
    return out;
  }

  private idsOf(g: number): Int32Array {
    const ids = new Int32Array(this.index.arity);
    for (let j = 0; j < ids.length; j++) ids[j] = this.index.get(g, j);
    return ids;
  }
}
