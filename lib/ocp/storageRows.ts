import { BYTES_TO_GIB, SECONDS_PER_DAY } from './constants.js';
import type { LabelFilter } from './labels.js';
import { mergeFiltered } from './labels.js';
import type { LabelSets } from './labelSets.js';
import { maxNullable, scaleNullable, sumNullable } from './nullableMath.js';
import type { PodNode, PodNodeLookup } from './podNodes.js';
import { STORAGE_SUM, STORAGE_SUM_COUNT } from './storageGroups.js';
import type { StorageGroup } from './storageGroups.js';
import { blankSummaryRow } from './summaryRow.js';
import type { CostCategoryMatcher, FilteredLabels, Labels, OcpSummaryRow } from './types.js';

/** What Storage rows need besides their groups. */
export interface StorageRowsContext {
  day: string;
  /** D: days in the month of `day` (spec §7). */
  daysInMonth: number;
  labelFilter: LabelFilter;
  nodeLabels: LabelSets;
  namespaceLabels: LabelSets;
  podNodes: PodNodeLookup;
  costCategory: CostCategoryMatcher;
  /** Filled with each output label map's canonical text, for sorting without recomputing it. */
  labelKeys?: Map<Labels, string>;
}

interface StorageOutput {
  group: StorageGroup;
  node: string | null;
  resourceId: string | null;
  labels: FilteredLabels;
  capacityBytes: number | null;
  sums: Array<number | null>;
  nodeCount: number | null;
}

const UNMATCHED: readonly PodNode[] = [{ node: null, resourceId: null }];

/**
 * Storage rows (spec §7). Each storage group LEFT-joins the volume→node mapping on (PVC, pod, namespace), so it
 * repeats once per distinct PV of that mount and per (node, resource_id) of the pod; unmatched rows keep node and
 * resource_id NULL. Request and usage are divided by the PV's node_count, capacity is not; a NULL node_count
 * (PV with no pod match) makes them NULL (Trino). Volume labels merge node < namespace < PV < PVC.
 *
 * @example
 * const rows = storageRows(storageGroupAccumulator.groups(), context);
 */
export function storageRows(groups: readonly StorageGroup[], ctx: StorageRowsContext): OcpSummaryRow[] {
  const nodesOfGroup = groups.map((group) => ctx.podNodes(group.namespace, group.pod));
  const { pvsByMount, nodesByPv } = volumeNodes(groups, nodesOfGroup);
  const outputs = new Map<string, StorageOutput>();
  for (let g = 0; g < groups.length; g++) {
    const group = groups[g] as StorageGroup;
    const podNodes = group.persistentvolumeclaim === null ? [] : (nodesOfGroup[g] as readonly PodNode[]);
    const matched = podNodes.length > 0;
    const repeat = matched ? (pvsByMount.get(mountKey(group))?.size ?? 1) : 1;
    const factor = repeat * Math.max(1, ctx.costCategory(group.namespace).matches);
    const nodeSet = group.persistentvolume === null ? undefined : nodesByPv.get(group.persistentvolume);
    const nodeCount = nodeSet ? nodeSet.size : null;
    const subject = `labels of volume ${group.namespace}/${group.persistentvolumeclaim}`;
    const pvLabels = ctx.labelFilter.filtered(group.persistentvolumeLabels, `persistentvolume_${subject}`);
    const pvcLabels = ctx.labelFilter.filtered(group.persistentvolumeclaimLabels, `persistentvolumeclaim_${subject}`);
    for (const podNode of matched ? podNodes : UNMATCHED) {
      for (const nodeLabels of ctx.nodeLabels.of(podNode.node)) {
        for (const namespaceLabels of ctx.namespaceLabels.of(group.namespace)) {
          const labels = mergeFiltered(nodeLabels, namespaceLabels, pvLabels, pvcLabels);
          add(outputs, { group, podNode, labels, factor, nodeCount });
        }
      }
    }
  }
  return [...outputs.values()].map((out) => toRow(out, ctx));
}

/** Koku's cte_volume_nodes / cte_shared_volume_node_count for one day. */
function volumeNodes(groups: readonly StorageGroup[], nodesOfGroup: ReadonlyArray<readonly PodNode[]>) {
  const pvsByMount = new Map<string, Set<string | null>>();
  const nodesByPv = new Map<string, Set<string>>();
  for (let g = 0; g < groups.length; g++) {
    const group = groups[g] as StorageGroup;
    const nodes = nodesOfGroup[g] as readonly PodNode[];
    if (nodes.length === 0) continue;
    const key = mountKey(group);
    let pvs = pvsByMount.get(key);
    if (!pvs) pvsByMount.set(key, (pvs = new Set()));
    pvs.add(group.persistentvolume);
    if (group.persistentvolume === null) continue;
    let pvNodes = nodesByPv.get(group.persistentvolume);
    if (!pvNodes) nodesByPv.set(group.persistentvolume, (pvNodes = new Set()));
    for (const n of nodes) if (n.node !== null) pvNodes.add(n.node);
  }
  return { pvsByMount, nodesByPv };
}

function mountKey(group: StorageGroup): string {
  return JSON.stringify([group.namespace, group.pod, group.persistentvolumeclaim]);
}

function add(
  outputs: Map<string, StorageOutput>,
  part: { group: StorageGroup; podNode: PodNode; labels: FilteredLabels; factor: number; nodeCount: number | null },
): void {
  const { group, podNode, labels, factor } = part;
  const key = JSON.stringify([
    group.namespace, podNode.node, podNode.resourceId, group.persistentvolumeclaim, group.persistentvolume,
    group.storageclass, group.csiVolumeHandle, labels.key,
  ]);
  let out = outputs.get(key);
  if (!out) {
    out = {
      group,
      node: podNode.node,
      resourceId: podNode.resourceId,
      labels,
      capacityBytes: null,
      sums: new Array<number | null>(STORAGE_SUM_COUNT).fill(null),
      nodeCount: part.nodeCount,
    };
    outputs.set(key, out);
  }
  out.capacityBytes = maxNullable(out.capacityBytes, group.capacityBytes);
  for (let j = 0; j < STORAGE_SUM_COUNT; j++) out.sums[j] = sumNullable(out.sums[j], scaleNullable(group.sums[j], factor));
}

function toRow(out: StorageOutput, ctx: StorageRowsContext): OcpSummaryRow {
  const monthSeconds = SECONDS_PER_DAY * ctx.daysInMonth;
  const row = blankSummaryRow(ctx.day, 'Storage');
  row.namespace = out.group.namespace;
  row.node = out.node;
  row.resource_id = out.resourceId;
  row.persistentvolumeclaim = out.group.persistentvolumeclaim;
  row.persistentvolume = out.group.persistentvolume;
  row.storageclass = out.group.storageclass;
  row.csi_volume_handle = out.group.csiVolumeHandle;
  row.volume_labels = out.labels.labels;
  if (out.labels.labels !== null) ctx.labelKeys?.set(out.labels.labels, out.labels.key);
  row.all_labels = out.labels.labels ?? {};
  row.persistentvolumeclaim_capacity_gigabyte = scaleNullable(out.capacityBytes, BYTES_TO_GIB);
  row.persistentvolumeclaim_capacity_gigabyte_months = months(out.sums[STORAGE_SUM.capacity] ?? null, monthSeconds);
  row.volume_request_storage_gigabyte_months = months(shared(out.sums[STORAGE_SUM.request] ?? null, out.nodeCount), monthSeconds);
  row.persistentvolumeclaim_usage_gigabyte_months = months(shared(out.sums[STORAGE_SUM.usage] ?? null, out.nodeCount), monthSeconds);
  row.infrastructure_usage_cost_zero = true;
  row.cost_category_id = ctx.costCategory(out.group.namespace).costCategoryId;
  return row;
}

function months(sum: number | null, monthSeconds: number): number | null {
  return sum === null ? null : (sum / monthSeconds) * BYTES_TO_GIB;
}

/** Request and usage are split over the PV's nodes; NULL node_count (no pod match) makes them NULL (Trino). */
function shared(sum: number | null, nodeCount: number | null): number | null {
  return sum === null || nodeCount === null ? null : sum / nodeCount;
}
