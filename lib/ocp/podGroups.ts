import { compareText } from './compareText.js';
import type { StringPool } from './stringPool.js';
import { TupleIndex } from '../common/tupleIndex.js';

/** Order of the summed pod metrics in a group's sums (spec §6 aggregates, seconds and byte-seconds). */
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

const INITIAL_GROUPS = 1024;

/**
 * Groups daily pod rows by interned (namespace, node, raw pod_labels) so memory follows distinct groups, not rows.
 * State is typed arrays indexed by group id (first-seen order); sums are plain double additions in input order.
 * `podRows` reads the groups through the accessors, by id, without materialising objects.
 */
export class PodGroupAccumulator {
  private readonly index = new TupleIndex(3, 4096);
  private sums = new Float64Array(INITIAL_GROUPS * POD_SUM_COUNT);
  private seen = new Uint8Array(INITIAL_GROUPS * POD_SUM_COUNT);
  /** [cores, memory bytes] maxima per group. */
  private maxes = new Float64Array(INITIAL_GROUPS * 2);
  private maxSeen = new Uint8Array(INITIAL_GROUPS * 2);
  private resourceIds = new Int32Array(INITIAL_GROUPS);
  private count = 0;

  constructor(private readonly pool: StringPool) {}

  get size(): number {
    return this.count;
  }

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
    const key = this.index.key;
    key[0] = nsId;
    key[1] = nodeId;
    key[2] = labelsId;
    const g = this.index.intern();
    if (g === this.count) this.open(resourceId);
    else if (resourceId !== this.resourceIds[g]) this.keepMaxResourceId(g, resourceId);
    const base = g * POD_SUM_COUNT;
    const sums = this.sums;
    const seen = this.seen;
    for (let j = 0; j < POD_SUM_COUNT; j++) {
      if (!valid[j]) continue;
      sums[base + j] += metrics[j] as number;
      seen[base + j] = 1;
    }
    if (coresValid && (this.maxSeen[2 * g] === 0 || cores > (this.maxes[2 * g] as number))) {
      this.maxes[2 * g] = cores;
      this.maxSeen[2 * g] = 1;
    }
    if (memValid && (this.maxSeen[2 * g + 1] === 0 || memBytes > (this.maxes[2 * g + 1] as number))) {
      this.maxes[2 * g + 1] = memBytes;
      this.maxSeen[2 * g + 1] = 1;
    }
  }

  namespaceId(g: number): number {
    return this.index.get(g, 0);
  }

  nodeId(g: number): number {
    return this.index.get(g, 1);
  }

  labelsId(g: number): number {
    return this.index.get(g, 2);
  }

  /** max(resource_id) by code point, as an interned id. */
  resourceId(g: number): number {
    return this.resourceIds[g] as number;
  }

  /** Σ of POD_SUM `j`, or null when every input was NULL. */
  sum(g: number, j: number): number | null {
    return this.seen[g * POD_SUM_COUNT + j] ? (this.sums[g * POD_SUM_COUNT + j] as number) : null;
  }

  /** max(node_capacity_cpu_cores), or null. */
  cores(g: number): number | null {
    return this.maxSeen[2 * g] ? (this.maxes[2 * g] as number) : null;
  }

  /** max(node_capacity_memory_bytes), or null. */
  memoryBytes(g: number): number | null {
    return this.maxSeen[2 * g + 1] ? (this.maxes[2 * g + 1] as number) : null;
  }

  private open(resourceId: number): void {
    const g = this.count++;
    if (g >= this.resourceIds.length) {
      const size = this.resourceIds.length * 2;
      this.resourceIds = grow(this.resourceIds, new Int32Array(size));
      this.sums = grow(this.sums, new Float64Array(size * POD_SUM_COUNT));
      this.seen = grow(this.seen, new Uint8Array(size * POD_SUM_COUNT));
      this.maxes = grow(this.maxes, new Float64Array(size * 2));
      this.maxSeen = grow(this.maxSeen, new Uint8Array(size * 2));
    }
    this.resourceIds[g] = resourceId;
  }

  private keepMaxResourceId(g: number, resourceId: number): void {
    if (compareText(this.pool.value(resourceId), this.pool.value(this.resourceIds[g] as number)) > 0) {
      this.resourceIds[g] = resourceId;
    }
  }
}

function grow<T extends Int32Array | Float64Array | Uint8Array>(from: T, to: T): T {
  to.set(from as never);
  return to;
}
