import { compareText } from './compareText.js';
import type { StringPool } from './stringPool.js';
import { TupleIndex } from './tupleIndex.js';

/** Order of the summed pod metrics in `PodGroup.sums` (spec §6 aggregates, seconds and byte-seconds). */
export const POD_SUM = {
  usageCpu: 0,
  requestCpu: 1,
  effectiveCpu: 2,
  limitCpu: 3,
  usageMem: 4,
  requestMem: 5,
  effectiveMem: 6,
  limitMem: 7,
} as const;
export const POD_SUM_COUNT = 8;

/** Daily pod rows of one (namespace, node, raw pod_labels), pre-summed before the label fan-out. */
export interface PodGroup {
  namespace: string | null;
  node: string | null;
  /** The raw `pod_labels` text (filtered and merged at finish). */
  podLabels: string | null;
  /** max(resource_id) by code point. */
  resourceId: string | null;
  /** Σ per POD_SUM index; NULL when every input was NULL. */
  sums: Array<number | null>;
  nodeCapacityCpuCores: number | null;
  nodeCapacityMemoryBytes: number | null;
}

/**
 * Groups daily pod rows by interned (namespace, node, pod_labels) so memory follows distinct groups, not rows.
 * Sums are plain double additions in input order.
 */
export class PodGroupAccumulator {
  private readonly index = new TupleIndex(3);
  private readonly sums: number[] = [];
  private readonly seen: number[] = [];
  private readonly maxes: number[] = [];
  private readonly maxSeen: number[] = [];
  private readonly resourceIds: number[] = [];

  constructor(private readonly pool: StringPool) {}

  /** `metrics[j]`/`valid[j]` are the row's POD_SUM values; `cores`/`memBytes` the node capacity columns. */
  add(
    nsId: number,
    nodeId: number,
    labelsId: number,
    resourceId: number,
    metrics: Float64Array,
    valid: Uint8Array,
    cores: number,
    coresValid: boolean,
    memBytes: number,
    memValid: boolean,
  ): void {
    this.index.key[0] = nsId;
    this.index.key[1] = nodeId;
    this.index.key[2] = labelsId;
    const g = this.index.intern();
    if (g === this.resourceIds.length) this.open(resourceId);
    else if (resourceId !== this.resourceIds[g]) this.keepMaxResourceId(g, resourceId);
    const base = g * POD_SUM_COUNT;
    for (let j = 0; j < POD_SUM_COUNT; j++) {
      if (!valid[j]) continue;
      this.sums[base + j] += metrics[j];
      this.seen[base + j] = 1;
    }
    this.keepMax(2 * g, cores, coresValid);
    this.keepMax(2 * g + 1, memBytes, memValid);
  }

  groups(): PodGroup[] {
    const out: PodGroup[] = [];
    for (let g = 0; g < this.resourceIds.length; g++) {
      const base = g * POD_SUM_COUNT;
      const sums: Array<number | null> = [];
      for (let j = 0; j < POD_SUM_COUNT; j++) sums.push(this.seen[base + j] ? this.sums[base + j] : null);
      out.push({
        namespace: this.pool.value(this.index.get(g, 0)),
        node: this.pool.value(this.index.get(g, 1)),
        podLabels: this.pool.value(this.index.get(g, 2)),
        resourceId: this.pool.value(this.resourceIds[g]),
        sums,
        nodeCapacityCpuCores: this.maxSeen[2 * g] ? this.maxes[2 * g] : null,
        nodeCapacityMemoryBytes: this.maxSeen[2 * g + 1] ? this.maxes[2 * g + 1] : null,
      });
    }
    return out;
  }

  private open(resourceId: number): void {
    this.resourceIds.push(resourceId);
    for (let j = 0; j < POD_SUM_COUNT; j++) {
      this.sums.push(0);
      this.seen.push(0);
    }
    this.maxes.push(0, 0);
    this.maxSeen.push(0, 0);
  }

  private keepMaxResourceId(g: number, resourceId: number): void {
    if (compareText(this.pool.value(resourceId), this.pool.value(this.resourceIds[g])) > 0) {
      this.resourceIds[g] = resourceId;
    }
  }

  private keepMax(slot: number, value: number, valid: boolean): void {
    if (valid && (this.maxSeen[slot] === 0 || value > this.maxes[slot])) {
      this.maxes[slot] = value;
      this.maxSeen[slot] = 1;
    }
  }
}
