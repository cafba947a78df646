import { TupleIndex } from './tupleIndex.js';
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
 * the (hour, node) pairs, at most 24 × nodes.
 */
export class CapacityAccumulator {
  private readonly index = new TupleIndex(2, 256);
  private readonly cpu: number[] = [];
  private readonly mem: number[] = [];
  private readonly cpuSeen: number[] = [];
  private readonly memSeen: number[] = [];

  /** `intervalKey` identifies interval_start within the day (e.g. ms since midnight). */
  add(intervalKey: number, nodeId: number, cpu: number, cpuValid: boolean, mem: number, memValid: boolean): void {
    this.index.key[0] = intervalKey;
    this.index.key[1] = nodeId;
    const g = this.index.intern();
    if (g === this.cpu.length) {
      this.cpu.push(0);
      this.mem.push(0);
      this.cpuSeen.push(0);
      this.memSeen.push(0);
    }
    if (cpuValid && (this.cpuSeen[g] === 0 || cpu > this.cpu[g])) {
      this.cpu[g] = cpu;
      this.cpuSeen[g] = 1;
    }
    if (memValid && (this.memSeen[g] === 0 || mem > this.mem[g])) {
      this.mem[g] = mem;
      this.memSeen[g] = 1;
    }
  }

  finish(): DayCapacity {
    const nodes = new Map<number, NodeCapacity>();
    for (let g = 0; g < this.cpu.length; g++) {
      const nodeId = this.index.get(g, 1);
      const cap = nodes.get(nodeId) ?? { cpuCoreSeconds: null, memoryByteSeconds: null };
      if (this.cpuSeen[g]) cap.cpuCoreSeconds = (cap.cpuCoreSeconds ?? 0) + this.cpu[g];
      if (this.memSeen[g]) cap.memoryByteSeconds = (cap.memoryByteSeconds ?? 0) + this.mem[g];
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
