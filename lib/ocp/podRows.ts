import { maxText } from './compareText.js';
import { BYTES_TO_GIB, SECONDS_PER_HOUR } from './constants.js';
import type { NodeCapacity } from './capacity.js';
import type { LabelFilter } from './labels.js';
import { mergeFiltered } from './labels.js';
import type { LabelSets } from './labelSets.js';
import { maxNullable, scaleNullable, sumNullable } from './nullableMath.js';
import { POD_SUM, POD_SUM_COUNT } from './podGroups.js';
import type { PodGroup } from './podGroups.js';
import { blankSummaryRow } from './summaryRow.js';
import type { CostCategoryMatcher, FilteredLabels, OcpSummaryRow } from './types.js';

/** What Pod rows need besides their groups: labels, capacity and cost categories of the same day. */
export interface PodRowsContext {
  day: string;
  labelFilter: LabelFilter;
  nodeLabels: LabelSets;
  namespaceLabels: LabelSets;
  /** NodeCap(day, node); undefined → NULL capacity-hours. */
  nodeCapacity: (node: string | null) => NodeCapacity | undefined;
  clusterCapacity: NodeCapacity | null;
  costCategory: CostCategoryMatcher;
}

interface PodOutput {
  namespace: string | null;
  node: string | null;
  labels: FilteredLabels;
  resourceId: string | null;
  sums: Array<number | null>;
  cores: number | null;
  memBytes: number | null;
}

/**
 * Pod rows (spec §6): rows with node "" or NULL are dropped, each group fans out over its node-day's and
 * namespace-day's distinct filtered label maps (§5.2), and groups whose merged map is equal are summed into one
 * row keyed (namespace, node, merged labels). Sums are multiplied by the cost-category match count (§5.3).
 *
 * @example
 * const rows = podRows(podGroupAccumulator.groups(), context);
 */
export function podRows(groups: readonly PodGroup[], ctx: PodRowsContext): OcpSummaryRow[] {
  const outputs = new Map<string, PodOutput>();
  for (const group of groups) {
    if (group.node === null || group.node === '') continue;
    const own = ctx.labelFilter.filtered(group.podLabels, `pod_labels of ${group.namespace}/${group.node}`);
    const factor = Math.max(1, ctx.costCategory(group.namespace).matches);
    for (const nodeLabels of ctx.nodeLabels.of(group.node)) {
      for (const namespaceLabels of ctx.namespaceLabels.of(group.namespace)) {
        const merged = mergeFiltered(nodeLabels, namespaceLabels, own);
        addToOutput(outputs, group, merged, factor);
      }
    }
  }
  return [...outputs.values()].map((out) => toRow(out, ctx));
}

function addToOutput(outputs: Map<string, PodOutput>, group: PodGroup, labels: FilteredLabels, factor: number): void {
  const key = JSON.stringify([group.namespace, group.node, labels.key]);
  let out = outputs.get(key);
  if (!out) {
    out = {
      namespace: group.namespace,
      node: group.node,
      labels,
      resourceId: null,
      sums: new Array<number | null>(POD_SUM_COUNT).fill(null),
      cores: null,
      memBytes: null,
    };
    outputs.set(key, out);
  }
  out.resourceId = maxText(out.resourceId, group.resourceId);
  for (let j = 0; j < POD_SUM_COUNT; j++) out.sums[j] = sumNullable(out.sums[j], scaleNullable(group.sums[j], factor));
  out.cores = maxNullable(out.cores, group.nodeCapacityCpuCores);
  out.memBytes = maxNullable(out.memBytes, group.nodeCapacityMemoryBytes);
}

function toRow(out: PodOutput, ctx: PodRowsContext): OcpSummaryRow {
  const row = blankSummaryRow(ctx.day, 'Pod');
  const hours = (j: number) => {
    const sum = out.sums[j];
    return sum === null ? null : sum / SECONDS_PER_HOUR;
  };
  const gibHours = (j: number) => {
    const sum = out.sums[j];
    return sum === null ? null : (sum / SECONDS_PER_HOUR) * BYTES_TO_GIB;
  };
  const nodeCap = ctx.nodeCapacity(out.node);
  row.namespace = out.namespace;
  row.node = out.node;
  row.resource_id = out.resourceId;
  row.pod_labels = out.labels.labels;
  row.all_labels = out.labels.labels ?? {};
  row.pod_usage_cpu_core_hours = hours(POD_SUM.usageCpu);
  row.pod_request_cpu_core_hours = hours(POD_SUM.requestCpu);
  row.pod_effective_usage_cpu_core_hours = hours(POD_SUM.effectiveCpu);
  row.pod_limit_cpu_core_hours = hours(POD_SUM.limitCpu);
  row.pod_usage_memory_gigabyte_hours = gibHours(POD_SUM.usageMem);
  row.pod_request_memory_gigabyte_hours = gibHours(POD_SUM.requestMem);
  row.pod_effective_usage_memory_gigabyte_hours = gibHours(POD_SUM.effectiveMem);
  row.pod_limit_memory_gigabyte_hours = gibHours(POD_SUM.limitMem);
  row.node_capacity_cpu_cores = out.cores;
  row.node_capacity_memory_gigabytes = scaleNullable(out.memBytes, BYTES_TO_GIB);
  row.node_capacity_cpu_core_hours = cpuHours(nodeCap);
  row.node_capacity_memory_gigabyte_hours = memGibHours(nodeCap);
  row.cluster_capacity_cpu_core_hours = cpuHours(ctx.clusterCapacity ?? undefined);
  row.cluster_capacity_memory_gigabyte_hours = memGibHours(ctx.clusterCapacity ?? undefined);
  row.infrastructure_usage_cost_zero = true;
  row.cost_category_id = ctx.costCategory(out.namespace).costCategoryId;
  return row;
}

function cpuHours(cap: NodeCapacity | undefined): number | null {
  return cap?.cpuCoreSeconds == null ? null : cap.cpuCoreSeconds / SECONDS_PER_HOUR;
}

function memGibHours(cap: NodeCapacity | undefined): number | null {
  return cap?.memoryByteSeconds == null ? null : (cap.memoryByteSeconds / SECONDS_PER_HOUR) * BYTES_TO_GIB;
}
