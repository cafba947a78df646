import { BYTES_TO_GIB, SECONDS_PER_DAY } from './constants.js';
import type { LabelFilter } from './labels.js';
import { mergeFiltered } from './labels.js';
import type { LabelSets } from './labelSets.js';
import { maxNullable, scaleNullable, sumNullable } from './nullableMath.js';
import type { PodNode, PodNodeLookup } from './podNodes.js';
import { STORAGE_SUM, STORAGE_SUM_COUNT } from './storageGroups.js';
import type { StorageGroup } from './storageGroups.js';
import { NULL_ID } from './stringPool.js';
import { blankSummaryRow } from './summaryRow.js';
import { TupleIndex } from '../common/tupleIndex.js';
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

const UNMATCHED: readonly PodNode[] = [{ node: null, resourceId: null, ids: { node: NULL_ID, resourceId: NULL_ID } }];

/** Positions in `StorageGroup.ids`. */
const ID = { namespace: 0, pod: 1, pvc: 2, pv: 3, storageClass: 4, csiVolumeHandle: 5 } as const;

/**
 * Storage rows (spec §7). Each storage group LEFT-joins the volume→node mapping on (PVC, pod, namespace), so it
 * repeats once per distinct PV of that mount and per (node, resource_id) of the pod; unmatched rows keep node and
 * resource_id NULL. Request and usage are divided by the PV's node_count, capacity is not; a NULL node_count
 * (PV with no pod match) makes them NULL (Trino). Volume labels merge node < namespace < PV < PVC.
 * Mounts and outputs are keyed by the pool's interned ids (equal texts, equal ids).
 *
 * @example
 * const rows = storageRows(storageGroupAccumulator.groups(), context);
 */
export function storageRows(groups: readonly StorageGroup[], ctx: StorageRowsContext): OcpSummaryRow[] {
  const nodesOfGroup = groups.map((group) => ctx.podNodes(group.ids[ID.namespace] as number, group.ids[ID.pod] as number));
  const mountOf = mountIds(groups);
  const { pvsByMount, nodesByPv } = volumeNodes(groups, nodesOfGroup, mountOf);
  const outputs = new StorageOutputs();
  for (let g = 0; g < groups.length; g++) {
    const group = groups[g] as StorageGroup;
    const podNodes = group.persistentvolumeclaim === null ? [] : (nodesOfGroup[g] as readonly PodNode[]);
    const matched = podNodes.length > 0;
    const repeat = matched ? (pvsByMount[mountOf[g] as number]?.size ?? 1) : 1;
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
          outputs.add(group, podNode, labels, factor, nodeCount);
        }
      }
    }
  }
  return outputs.list.map((out) => toRow(out, ctx));
}

/** Each group's mount (namespace, pod, PVC), as a dense id. */
function mountIds(groups: readonly StorageGroup[]): Int32Array {
  const mounts = new TupleIndex(3);
  const mountOf = new Int32Array(groups.length);
  for (let g = 0; g < groups.length; g++) {
    const ids = (groups[g] as StorageGroup).ids;
    mounts.key[0] = ids[ID.namespace] as number;
    mounts.key[1] = ids[ID.pod] as number;
    mounts.key[2] = ids[ID.pvc] as number;
    mountOf[g] = mounts.intern();
  }
  return mountOf;
}

/** Koku's cte_volume_nodes / cte_shared_volume_node_count for one day: the PVs of each mount, the nodes of each PV. */
function volumeNodes(groups: readonly StorageGroup[], nodesOfGroup: ReadonlyArray<readonly PodNode[]>, mountOf: Int32Array) {
  const pvsByMount: Array<Set<string | null> | undefined> = [];
  const nodesByPv = new Map<string, Set<string>>();
  for (let g = 0; g < groups.length; g++) {
    const group = groups[g] as StorageGroup;
    const nodes = nodesOfGroup[g] as readonly PodNode[];
    if (nodes.length === 0) continue;
    const mount = mountOf[g] as number;
    let pvs = pvsByMount[mount];
    if (!pvs) pvsByMount[mount] = pvs = new Set();
    pvs.add(group.persistentvolume);
    if (group.persistentvolume === null) continue;
    let pvNodes = nodesByPv.get(group.persistentvolume);
    if (!pvNodes) nodesByPv.set(group.persistentvolume, (pvNodes = new Set()));
    for (const n of nodes) if (n.node !== null) pvNodes.add(n.node);
  }
  return { pvsByMount, nodesByPv };
}

/** Storage rows keyed (namespace, node, resource_id, PVC, PV, class, CSI handle, merged labels), in first-seen order. */
class StorageOutputs {
  readonly list: StorageOutput[] = [];
  private readonly index = new TupleIndex(8);
  /** Dense ids of the merged maps' canonical texts (equal maps, equal ids). */
  private readonly labelIds = new Map<string, number>();

  add(group: StorageGroup, podNode: PodNode, labels: FilteredLabels, factor: number, nodeCount: number | null): void {
    let labelsId = this.labelIds.get(labels.key);
    if (labelsId === undefined) this.labelIds.set(labels.key, (labelsId = this.labelIds.size));
    const { key } = this.index;
    key[0] = group.ids[ID.namespace] as number;
    key[1] = podNode.ids.node;
    key[2] = podNode.ids.resourceId;
    key[3] = group.ids[ID.pvc] as number;
    key[4] = group.ids[ID.pv] as number;
    key[5] = group.ids[ID.storageClass] as number;
    key[6] = group.ids[ID.csiVolumeHandle] as number;
    key[7] = labelsId;
    const o = this.index.intern();
    let out = this.list[o];
    if (!out) {
      out = {
        group,
        node: podNode.node,
        resourceId: podNode.resourceId,
        labels,
        capacityBytes: null,
        sums: new Array<number | null>(STORAGE_SUM_COUNT).fill(null),
        nodeCount,
      };
      this.list.push(out);
    }
    out.capacityBytes = maxNullable(out.capacityBytes, group.capacityBytes);
    for (let j = 0; j < STORAGE_SUM_COUNT; j++) out.sums[j] = sumNullable(out.sums[j], scaleNullable(group.sums[j], factor));
  }
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
