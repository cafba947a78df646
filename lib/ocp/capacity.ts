import { StringPool } from './stringPool.js';

/** Node or cluster capacity for one day, in core-seconds and byte-seconds (spec §6). */
export interface NodeCapacity {
  cpuCoreSeconds: number | null;
  memoryByteSeconds: number | null;
}

export interface DayCapacity {
  /** NodeCap(day, node) by interned node id; a node absent here has NULL capacity-hours (SaaS rule). */
  nodes: Map<number, NodeCapacity>;
  /** ClusterCap(day): the sum over every node including ""; null when the day has no hourly row at all. */
  cluster: NodeCapacity | null;
}

/**
 * NodeCap and ClusterCap from HOURLY pod rows (spec §6): the max per (interval_start, node) over that hour's pod
 * rows, summed over the hours observed (no node filter, so the "" node counts towards the cluster). Memory follows
 * the (hour, node) pairs, at most 24 × nodes. The pairs live in a dense (interval × node) table, so the hot path
 * (a million hourly rows a day) is two array reads per row; sums run in first-seen pair order.
 */
export class CapacityAccumulator {
  private readonly intervals = new Map<number, number>();
  private lastInterval = Number.NaN;
  private lastIntervalIndex = -1;
  /** Interned node id → dense node index + 1 (0 = not seen). */
  private nodeIndex = new Int32Array(256);
  private readonly nodeIds: number[] = [];
  /** (interval index × stride + node index) → pair id, or -1. */
  private table = new Int32Array(24 * 64).fill(-1);
  private stride = 64;
  private rows = 24;
  private pairNode = new Int32Array(256);
  private cpu = new Float64Array(256);
  private mem = new Float64Array(256);
  private cpuSeen = new Uint8Array(256);
  private memSeen = new Uint8Array(256);
  private pairs = 0;

  /** `intervalKey` identifies interval_start within the day (e.g. ms since midnight). */
  add(intervalKey: number, nodeId: number, cpu: number, cpuValid: boolean, mem: number, memValid: boolean): void {
    const interval = intervalKey === this.lastInterval ? this.lastIntervalIndex : this.intervalOf(intervalKey);
    let node = nodeId < this.nodeIndex.length ? (this.nodeIndex[nodeId] as number) - 1 : -1;
    if (node < 0) node = this.addNode(nodeId);
    const cell = interval * this.stride + node;
    let g = this.table[cell] as number;
    if (g < 0) {
      g = this.addPair(node);
      this.table[cell] = g;
    }
    if (cpuValid && (this.cpuSeen[g] === 0 || cpu > (this.cpu[g] as number))) {
      this.cpu[g] = cpu;
      this.cpuSeen[g] = 1;
    }
    if (memValid && (this.memSeen[g] === 0 || mem > (this.mem[g] as number))) {
      this.mem[g] = mem;
      this.memSeen[g] = 1;
    }
  }

  finish(): DayCapacity {
    const nodes = new Map<number, NodeCapacity>();
    for (let g = 0; g < this.pairs; g++) {
      const nodeId = this.nodeIds[this.pairNode[g] as number] as number;
      const cap = nodes.get(nodeId) ?? { cpuCoreSeconds: null, memoryByteSeconds: null };
      if (this.cpuSeen[g]) cap.cpuCoreSeconds = (cap.cpuCoreSeconds ?? 0) + (this.cpu[g] as number);
      if (this.memSeen[g]) cap.memoryByteSeconds = (cap.memoryByteSeconds ?? 0) + (this.mem[g] as number);
      nodes.set(nodeId, cap);
    }
    if (nodes.size === 0) return { nodes, cluster: null };
    const cluster: NodeCapacity = { cpuCoreSeconds: null, memoryByteSeconds: null };
    for (const cap of nodes.values()) {
      if (cap.cpuCoreSeconds !== null) cluster.cpuCoreSeconds = (cluster.cpuCoreSeconds ?? 0) + cap.cpuCoreSeconds;
      if (cap.memoryByteSeconds !== null) {
        cluster.memoryByteSeconds = (cluster.memoryByteSeconds ?? 0) + cap.memoryByteSeconds;
      }
    }
    return { nodes, cluster };
  }

  private intervalOf(intervalKey: number): number {
    let index = this.intervals.get(intervalKey);
    if (index === undefined) {
      index = this.intervals.size;
      this.intervals.set(intervalKey, index);
      if (index >= this.rows) this.relayout(this.stride, this.rows * 2);
    }
    this.lastInterval = intervalKey;
    this.lastIntervalIndex = index;
    return index;
  }

  private addNode(nodeId: number): number {
    if (nodeId >= this.nodeIndex.length) {
      let size = this.nodeIndex.length * 2;
      while (size <= nodeId) size *= 2;
      const grown = new Int32Array(size);
      grown.set(this.nodeIndex);
      this.nodeIndex = grown;
    }
    const node = this.nodeIds.length;
    this.nodeIds.push(nodeId);
    this.nodeIndex[nodeId] = node + 1;
    if (node >= this.stride) this.relayout(this.stride * 2, this.rows);
    return node;
  }

  private addPair(node: number): number {
    const g = this.pairs++;
    if (g >= this.cpu.length) {
      const size = this.cpu.length * 2;
      this.pairNode = grow(this.pairNode, new Int32Array(size));
      this.cpu = grow(this.cpu, new Float64Array(size));
      this.mem = grow(this.mem, new Float64Array(size));
      this.cpuSeen = grow(this.cpuSeen, new Uint8Array(size));
      this.memSeen = grow(this.memSeen, new Uint8Array(size));
    }
    this.pairNode[g] = node;
    return g;
  }

  private relayout(stride: number, rows: number): void {
    const table = new Int32Array(stride * rows).fill(-1);
    for (let r = 0; r < this.rows; r++) {
      for (let c = 0; c < this.stride; c++) table[r * stride + c] = this.table[r * this.stride + c] as number;
    }
    this.table = table;
    this.stride = stride;
    this.rows = rows;
  }
}

function grow<T extends Int32Array | Float64Array | Uint8Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

/** One hourly pod row as `capacityFromHourly` reads it. */
export interface HourlyCapacityRow {
  /** interval_start, epoch ms (all rows of one day). */
  intervalStart: number;
  node: string | null;
  cpuCoreSeconds: number | null;
  memoryByteSeconds: number | null;
}

/**
 * Plain-object form of `CapacityAccumulator` for one day's hourly rows.
 *
 * @example
 * capacityFromHourly([{ intervalStart: t10, node: 'node-a', cpuCoreSeconds: 14400, memoryByteSeconds: 6.2e13 }]);
 */
export function capacityFromHourly(rows: readonly HourlyCapacityRow[]): {
  nodes: Map<string | null, NodeCapacity>;
  cluster: NodeCapacity | null;
} {
  const pool = new StringPool();
  const acc = new CapacityAccumulator();
  const dayStart = rows.length ? Math.min(...rows.map((r) => r.intervalStart)) : 0;
  for (const r of rows) {
    acc.add(
      r.intervalStart - dayStart,
      pool.id(r.node),
      r.cpuCoreSeconds ?? 0,
      r.cpuCoreSeconds !== null,
      r.memoryByteSeconds ?? 0,
      r.memoryByteSeconds !== null,
    );
  }
  const day = acc.finish();
  const nodes = new Map<string | null, NodeCapacity>();
  for (const [id, cap] of day.nodes) nodes.set(pool.value(id), cap);
  return { nodes, cluster: day.cluster };
}
