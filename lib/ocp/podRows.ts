import { compareText } from './compareText.js';
import { BYTES_TO_GIB, SECONDS_PER_HOUR } from './constants.js';
import type { NodeCapacity } from './capacity.js';
import { LabelMerger } from './labelMerger.js';
import type { LabelFilter } from './labels.js';
import type { LabelSets } from './labelSets.js';
import { scaleNullable } from './nullableMath.js';
import { POD_SUM, POD_SUM_COUNT } from './podGroups.js';
import type { PodGroupAccumulator } from './podGroups.js';
import { NULL_ID } from './stringPool.js';
import type { StringPool } from './stringPool.js';
import { TupleIndex } from '../common/tupleIndex.js';
import type { CostCategoryMatcher, FilteredLabels, Labels, OcpSummaryRow } from './types.js';

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
  /** Filled with each output label map's canonical text, for sorting without recomputing it. */
  labelKeys?: Map<Labels, string>;
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
}

/**
 * Pod rows (spec §6): rows with node "" or NULL are dropped, each group fans out over its node-day's and
 * namespace-day's distinct filtered label maps (§5.2), and groups whose merged map is equal are summed into one
 * row keyed (namespace, node, merged labels). Sums are multiplied by the cost-category match count (§5.3).
 * Label maps are parsed, filtered and merged once per distinct input (`LabelMerger`); outputs key on interned ids.
 *
 * @example
 * const rows = podRows(podGroupAccumulator, context);
 */
export function podRows(groups: PodGroupAccumulator, ctx: PodRowsContext): OcpSummaryRow[] {
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

  const rows: OcpSummaryRow[] = [];
  for (let o = 0; o < outputs.labels.length; o++) rows.push(toRow(outputs, o, ctx));
  return rows;
}

function toRow(outputs: PodOutputs, o: number, ctx: PodRowsContext): OcpSummaryRow {
  const base = o * POD_SUM_COUNT;
  const filtered = outputs.labels[o] as FilteredLabels;
  const labels = filtered.labels;
  if (labels !== null) ctx.labelKeys?.set(labels, filtered.key);
  const namespace = ctx.pool.value(outputs.index.get(o, 0));
  const nodeId = outputs.index.get(o, 1);
  const nodeCap = ctx.nodeCapacity(nodeId);
  // One literal in blankSummaryRow's field order (same keys, same order; cheaper than a blank row plus 25 stores).
  return {
    usage_start: ctx.day,
    data_source: 'Pod',
    namespace,
    node: ctx.pool.value(nodeId),
    resource_id: ctx.pool.value(outputs.resourceIds[o] as number),
    pod_labels: labels,
    pod_usage_cpu_core_hours: hours(outputs, base + POD_SUM.usageCpu),
    pod_request_cpu_core_hours: hours(outputs, base + POD_SUM.requestCpu),
    pod_effective_usage_cpu_core_hours: hours(outputs, base + POD_SUM.effectiveCpu),
    pod_limit_cpu_core_hours: hours(outputs, base + POD_SUM.limitCpu),
    pod_usage_memory_gigabyte_hours: gibHours(outputs, base + POD_SUM.usageMem),
    pod_request_memory_gigabyte_hours: gibHours(outputs, base + POD_SUM.requestMem),
    pod_effective_usage_memory_gigabyte_hours: gibHours(outputs, base + POD_SUM.effectiveMem),
    pod_limit_memory_gigabyte_hours: gibHours(outputs, base + POD_SUM.limitMem),
    node_capacity_cpu_cores: outputs.cores[o] as number | null,
    node_capacity_cpu_core_hours: cpuHours(nodeCap),
    node_capacity_memory_gigabytes: scaleNullable(outputs.memBytes[o] as number | null, BYTES_TO_GIB),
    node_capacity_memory_gigabyte_hours: memGibHours(nodeCap),
    cluster_capacity_cpu_core_hours: cpuHours(ctx.clusterCapacity ?? undefined),
    cluster_capacity_memory_gigabyte_hours: memGibHours(ctx.clusterCapacity ?? undefined),
    persistentvolumeclaim: null,
    persistentvolume: null,
    storageclass: null,
    csi_volume_handle: null,
    volume_labels: null,
    all_labels: labels ?? {},
    persistentvolumeclaim_capacity_gigabyte: null,
    persistentvolumeclaim_capacity_gigabyte_months: null,
    volume_request_storage_gigabyte_months: null,
    persistentvolumeclaim_usage_gigabyte_months: null,
    infrastructure_usage_cost_zero: true,
    cost_category_id: ctx.costCategory(namespace).costCategoryId,
  };
}

// Module functions, not per-row closures: a closure per row also costs a `__name` call under tsx/esbuild keepNames.
function hours(outputs: PodOutputs, at: number): number | null {
  return outputs.seen[at] ? (outputs.sums[at] as number) / SECONDS_PER_HOUR : null;
}

function gibHours(outputs: PodOutputs, at: number): number | null {
  return outputs.seen[at] ? ((outputs.sums[at] as number) / SECONDS_PER_HOUR) * BYTES_TO_GIB : null;
}

function cpuHours(cap: NodeCapacity | undefined): number | null {
  return cap?.cpuCoreSeconds == null ? null : cap.cpuCoreSeconds / SECONDS_PER_HOUR;
}

function memGibHours(cap: NodeCapacity | undefined): number | null {
  return cap?.memoryByteSeconds == null ? null : (cap.memoryByteSeconds / SECONDS_PER_HOUR) * BYTES_TO_GIB;
}
