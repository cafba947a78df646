import { compareText } from './compareText.js';
import type { NodeCapacity } from './capacity.js';
import { LabelMerger } from './labelMerger.js';
import type { LabelFilter } from './labels.js';
import type { LabelSets } from './labelSets.js';
import { POD_SUM_COUNT } from './podGroups.js';
import type { PodGroupAccumulator } from './podGroups.js';
import { PodRowColumns } from './podRowColumns.js';
import { NULL_ID } from './stringPool.js';
import type { StringPool } from './stringPool.js';
import { TupleIndex } from '../common/tupleIndex.js';
import type { CostCategoryMatcher, FilteredLabels } from './types.js';

/** What Pod rows need besides their groups: labels, capacity and cost categories of the same day. */
export interface PodRowsContext {
  day: string;
  pool: StringPool;
  labelFilter: LabelFilter;
  nodeLabels: LabelSets;
  namespaceLabels: LabelSets;
  /** NodeCap(day, node) by interned node id; undefined → NULL capacity-hours. */
  nodeCapacity: (nodeId: number) => NodeCapacity | undefined;
  clusterCapacity: NodeCapacity | null;
  costCategory: CostCategoryMatcher;
}

/** Per-output accumulators, indexed by output id (first-seen order). */
class PodOutputs {
  readonly index = new TupleIndex(3, 4096);
  labels: FilteredLabels[] = [];
  resourceIds: number[] = [];
  sums = new Float64Array(1024 * POD_SUM_COUNT);
  seen = new Uint8Array(1024 * POD_SUM_COUNT);
  cores: Array<number | null> = [];
  memBytes: Array<number | null> = [];

  open(labels: FilteredLabels): void {
    const o = this.labels.length;
    this.labels.push(labels);
    this.resourceIds.push(NULL_ID);
    this.cores.push(null);
    this.memBytes.push(null);
    if ((o + 1) * POD_SUM_COUNT > this.sums.length) {
      const sums = new Float64Array(this.sums.length * 2);
      sums.set(this.sums);
      this.sums = sums;
      const seen = new Uint8Array(this.seen.length * 2);
      seen.set(this.seen);
      this.seen = seen;
    }
  }

  /** The outputs as Pod-row columns, with strings resolved so the columns do not hold the pool. */
  columns(ctx: PodRowsContext): PodRowColumns {
    const count = this.labels.length;
    const namespaces = new Array<string | null>(count);
    const nodes = new Array<string | null>(count);
    const resourceIds = new Array<string | null>(count);
    const nodeCapacities = new Array<NodeCapacity | undefined>(count);
    const costCategoryIds = new Array<number | null>(count);
    for (let o = 0; o < count; o++) {
      const nodeId = this.index.get(o, 1);
      const namespace = ctx.pool.value(this.index.get(o, 0));
      namespaces[o] = namespace;
      nodes[o] = ctx.pool.value(nodeId);
      resourceIds[o] = ctx.pool.value(this.resourceIds[o] as number);
      nodeCapacities[o] = ctx.nodeCapacity(nodeId);
      costCategoryIds[o] = ctx.costCategory(namespace).costCategoryId;
    }
    return new PodRowColumns(
      ctx.day, count, namespaces, nodes, resourceIds, this.labels, this.sums, this.seen,
      this.cores, this.memBytes, nodeCapacities, ctx.clusterCapacity, costCategoryIds,
    );
  }
}

/**
 * Pod rows (spec §6): rows with node "" or NULL are dropped, each group fans out over its node-day's and
 * namespace-day's distinct filtered label maps (§5.2), and groups whose merged map is equal are summed into one
 * row keyed (namespace, node, merged labels). Sums are multiplied by the cost-category match count (§5.3).
 * Label maps are parsed, filtered and merged once per distinct input (`LabelMerger`); outputs key on interned ids.
 *
 * @example
 * const pods = podRows(podGroupAccumulator, context); // pods.row(0): the first output as a summary row
 */
export function podRows(groups: PodGroupAccumulator, ctx: PodRowsContext): PodRowColumns {
  const { pool } = ctx;
  const emptyId = pool.find('');
  const merger = new LabelMerger();
  const outputs = new PodOutputs();
  // Per interned id, filled on first use (ids are dense, so arrays beat Maps in this loop over every group).
  const ownLabels = new Int32Array(pool.size).fill(-1);
  const factors = new Float64Array(pool.size);
  const nodeSets: Array<number[] | undefined> = [];
  const namespaceSets: Array<number[] | undefined> = [];
  const key = outputs.index.key;

  for (let g = 0; g < groups.size; g++) {
    const nodeId = groups.nodeId(g);
    if (nodeId === NULL_ID || nodeId === emptyId) continue;
    const nsId = groups.namespaceId(g);
    const labelsId = groups.labelsId(g);
    let own = ownLabels[labelsId] as number;
    if (own < 0) {
      // Each raw text is parsed once here (cached by id), so neither the pool nor the filter keeps the long texts.
      own = merger.idOf(ctx.labelFilter.filteredOnce(pool.transientValue(labelsId), `pod_labels of ${pool.value(nsId)}/${pool.value(nodeId)}`));
      ownLabels[labelsId] = own;
    }
    let factor = factors[nsId] as number;
    if (factor === 0) factors[nsId] = factor = Math.max(1, ctx.costCategory(pool.value(nsId)).matches);
    let nodeMaps = nodeSets[nodeId];
    if (nodeMaps === undefined) nodeSets[nodeId] = nodeMaps = ctx.nodeLabels.of(pool.value(nodeId)).map((l) => merger.idOf(l));
    let namespaceMaps = namespaceSets[nsId];
    if (namespaceMaps === undefined) namespaceSets[nsId] = namespaceMaps = ctx.namespaceLabels.of(pool.value(nsId)).map((l) => merger.idOf(l));

    const resourceId = groups.resourceId(g);
    const cores = groups.cores(g);
    const memBytes = groups.memoryBytes(g);
    for (const nodeMap of nodeMaps) {
      for (const namespaceMap of namespaceMaps) {
        const merged = merger.merge(nodeMap, namespaceMap, own);
        key[0] = nsId;
        key[1] = nodeId;
        key[2] = merged.keyId;
        const o = outputs.index.intern();
        if (o === outputs.labels.length) outputs.open(merged.labels);
        // max(resource_id) by code point; NULL is skipped.
        const current = outputs.resourceIds[o] as number;
        if (resourceId !== current && (current === NULL_ID || (resourceId !== NULL_ID && compareText(pool.value(resourceId), pool.value(current)) > 0))) {
          outputs.resourceIds[o] = resourceId;
        }
        const base = o * POD_SUM_COUNT;
        for (let j = 0; j < POD_SUM_COUNT; j++) {
          const sum = groups.sum(g, j);
          if (sum === null) continue;
          const scaled = sum * factor;
          if (outputs.seen[base + j]) outputs.sums[base + j] += scaled;
          else {
            outputs.sums[base + j] = scaled;
            outputs.seen[base + j] = 1;
          }
        }
        const outCores = outputs.cores[o] as number | null;
        if (cores !== null && (outCores === null || cores > outCores)) outputs.cores[o] = cores;
        const outMem = outputs.memBytes[o] as number | null;
        if (memBytes !== null && (outMem === null || memBytes > outMem)) outputs.memBytes[o] = memBytes;
      }
    }
  }

  return outputs.columns(ctx);
}
