import type { RecordBatch } from 'apache-arrow';
import { CapacityAccumulator } from './capacity.js';
import { batchesOf, ColumnAccess } from './columnAccess.js';
import type { NumberColumn } from './columnAccess.js';
import { COL } from './constants.js';
import { createCostCategoryMatcher } from './costCategory.js';
import { dayRowsAsObjects } from './dayRows.js';
import { LabelFilter, canonicalLabels, labelAllowList } from './labels.js';
import { LabelSetAccumulator } from './labelSets.js';
import { NodeRoleAccumulator } from './nodeRoles.js';
import { POD_SUM, POD_SUM_COUNT, PodGroupAccumulator } from './podGroups.js';
import { PodNodeAccumulator } from './podNodes.js';
import { podRows } from './podRows.js';
import { sortPodRows, sortSummaryRows } from './sortSummaryRows.js';
import { STORAGE_SUM, STORAGE_SUM_COUNT, StorageGroupAccumulator } from './storageGroups.js';
import { storageRows } from './storageRows.js';
import { NULL_ID, StringPool } from './stringPool.js';
import { parseSummaryDay } from './summaryDay.js';
import type { SummaryDay } from './summaryDay.js';
import type { ArrowInput, Labels, OcpDayRows, OcpDaySummary, OcpSummaryConfig } from './types.js';

export interface OcpDayAggregatorOptions {
  /** `YYYY-MM-DD` (UTC). */
  day: string;
  config: OcpSummaryConfig;
}

const SUBJECT = {
  podDaily: 'pod_usage daily input',
  podHourly: 'pod_usage hourly input',
  storageDaily: 'storage_usage daily input',
  nodeLabels: 'node_labels daily input',
  namespaceLabels: 'namespace_labels daily input',
} as const;

/**
 * Streaming OCP daily summary for one (source, day) (spec §5–§8.1): feed Arrow batches of the five inputs in any
 * order and number, then `finish()`. Rows whose interval_start is not on `day` (UTC) are ignored. State is kept per
 * distinct group in interned, typed form, so memory follows the day's groups, not the input size; each distinct
 * label text is parsed once, at finish. Unallocated rows are not part of the result: see `buildUnallocatedRows`.
 *
 * @example
 * const agg = new OcpDayAggregator({ day: '2024-03-15', config });
 * agg.addStorageDaily(storageBatch); agg.sealStorage(); // optional, when storage comes first: less to remember
 * agg.addPodDaily(batch); agg.addPodHourly(hourlyBatch);
 * agg.addNodeLabelsDaily(nodeLabelBatch); agg.addNamespaceLabelsDaily(namespaceLabelBatch);
 * const summary = agg.finish(); // { day, rows: Pod + Storage rows, nodeRoles }
 */
export class OcpDayAggregator {
  private readonly day: SummaryDay;
  private readonly config: OcpSummaryConfig;
  private readonly pool = new StringPool();
  private readonly columns = new ColumnAccess(this.pool);
  private readonly emptyId = this.pool.id('');
  private readonly podGroups = new PodGroupAccumulator(this.pool);
  private readonly podNodes = new PodNodeAccumulator();
  private readonly roles = new NodeRoleAccumulator(this.pool);
  private readonly capacity = new CapacityAccumulator();
  private readonly storageGroups = new StorageGroupAccumulator(this.pool);
  private readonly nodeLabels = new LabelSetAccumulator();
  private readonly namespaceLabels = new LabelSetAccumulator();
  private readonly podMetrics = new Float64Array(POD_SUM_COUNT);
  private readonly podValid = new Uint8Array(POD_SUM_COUNT);
  private offDay = 0;
  /** Set by `sealStorage`: the pods that have storage, in a small pool of their own, and their ids in `pool`. */
  private storagePods: { columns: ColumnAccess; poolIds: Int32Array } | null = null;

  constructor(options: OcpDayAggregatorOptions) {
    this.day = parseSummaryDay(options.day);
    this.config = options.config;
  }

  /** Daily pod rows (`openshift_pod_usage_line_items_daily`). */
  addPodDaily(input: ArrowInput): void {
    for (const batch of batchesOf(input)) this.podDailyBatch(batch);
  }

  /** Hourly pod rows (`openshift_pod_usage_line_items`): only node capacity is read from them (spec §6). */
  addPodHourly(input: ArrowInput): void {
    for (const batch of batchesOf(input)) this.podHourlyBatch(batch);
  }

  /** Daily storage rows (`openshift_storage_usage_line_items_daily`). */
  addStorageDaily(input: ArrowInput): void {
    if (this.storagePods) throw new Error('OcpDayAggregator: storage rows fed after sealStorage()');
    for (const batch of batchesOf(input)) this.storageDailyBatch(batch);
  }

  /**
   * Says every storage row of the day has been fed. Storage rows need a pod's nodes only for pods that have storage
   * (spec §7), so from now on daily pod rows are checked against that small set instead of interning every pod name
   * of the day (the largest string column after the labels). Optional: without it, every pod is kept; the result is
   * the same either way.
   */
  sealStorage(): void {
    if (this.storagePods) return;
    const names = new StringPool();
    const podIds = this.storageGroups.podIds();
    const poolIds = new Int32Array(podIds.length + 1);
    for (const podId of podIds) poolIds[names.id(this.pool.value(podId))] = podId;
    this.storagePods = { columns: new ColumnAccess(names, { lookupOnly: true }), poolIds };
  }

  /** Daily node-label rows (`openshift_node_labels_line_items_daily`). */
  addNodeLabelsDaily(input: ArrowInput): void {
    for (const batch of batchesOf(input)) this.nodeLabelsBatch(batch);
  }

  /** Daily namespace-label rows (`openshift_namespace_labels_line_items_daily`). */
  addNamespaceLabelsDaily(input: ArrowInput): void {
    for (const batch of batchesOf(input)) this.namespaceLabelsBatch(batch);
  }

  /** The day's Pod and Storage rows (sorted) and node-role observations. */
  finish(): OcpDaySummary {
    const day = this.finishAsColumns();
    return { day: day.day, rows: dayRowsAsObjects(day), nodeRoles: day.nodeRoles };
  }

  /** The same result with the Pod rows as columns (`OcpDayRows`): what the day task encodes, without row objects. */
  finishAsColumns(): OcpDayRows {
    const labelFilter = new LabelFilter(labelAllowList(this.config));
    const nodeLabels = this.nodeLabels.finish(this.pool, labelFilter, `${SUBJECT.nodeLabels} column node_labels`);
    const namespaceLabels = this.namespaceLabels.finish(
      this.pool, labelFilter, `${SUBJECT.namespaceLabels} column namespace_labels`,
    );
    const costCategory = createCostCategoryMatcher(this.config.costCategories);
    const capacity = this.capacity.finish();
    const pod = podRows(this.podGroups, {
      day: this.day.day,
      pool: this.pool,
      labelFilter,
      nodeLabels,
      namespaceLabels,
      nodeCapacity: (nodeId) => capacity.nodes.get(nodeId),
      clusterCapacity: capacity.cluster,
      costCategory,
    });
    const labelKeys = new Map<Labels, string>();
    const storage = storageRows(this.storageGroups.groups(), {
      day: this.day.day,
      daysInMonth: this.day.daysInMonth,
      labelFilter,
      nodeLabels,
      namespaceLabels,
      podNodes: this.podNodes.lookup(this.pool),
      costCategory,
      labelKeys,
    });
    // Storage rows recorded each label map's canonical text; sorting reuses them instead of rebuilding the texts.
    const labelKey = (labels: Labels | null) => (labels === null ? canonicalLabels(null) : (labelKeys.get(labels) ?? canonicalLabels(labels)));
    return {
      day: this.day.day,
      pod,
      podOrder: sortPodRows(pod),
      storage: sortSummaryRows(storage, labelKey),
      nodeRoles: this.roles.finish(),
    };
  }

  /** True when `t` falls on the day; a non-NULL instant that does not is counted in `rowsOffDay`. */
  private onDay(t: number): boolean {
    if (t >= this.day.startMs && t < this.day.endMs) return true;
    if (!Number.isNaN(t)) this.offDay++;
    return false;
  }

  /** Rows read so far whose interval_start is not NULL and not on the day (they are left out). */
  get rowsOffDay(): number {
    return this.offDay;
  }

  private podDailyBatch(batch: RecordBatch): void {
    const s = SUBJECT.podDaily;
    const c = this.columns;
    const ts = c.timestampsMs(batch, COL.intervalStart, s);
    const ns = c.strings(batch, COL.namespace, s);
    const storagePods = this.storagePods;
    // Sealed: ids in the storage pods' own pool (NOT_FOUND for pods without storage), mapped by `poolIds`.
    const pod = (storagePods?.columns ?? c).strings(batch, COL.pod, s);
    const node = c.strings(batch, COL.node, s);
    const rid = c.strings(batch, COL.resourceId, s);
    const labels = c.strings(batch, COL.podLabels, s);
    const role = c.strings(batch, COL.nodeRole, s, false);
    const usageCpu = c.numbers(batch, COL.podUsageCpu, s);
    const requestCpu = c.numbers(batch, COL.podRequestCpu, s);
    const effectiveCpu = c.numbers(batch, COL.podEffectiveCpu, s, false);
    const limitCpu = c.numbers(batch, COL.podLimitCpu, s);
    const usageMem = c.numbers(batch, COL.podUsageMem, s);
    const requestMem = c.numbers(batch, COL.podRequestMem, s);
    const effectiveMem = c.numbers(batch, COL.podEffectiveMem, s, false);
    const limitMem = c.numbers(batch, COL.podLimitMem, s);
    const cores = c.numbers(batch, COL.nodeCapacityCpuCores, s);
    const memBytes = c.numbers(batch, COL.nodeCapacityMemBytes, s);
    const m = this.podMetrics;
    const v = this.podValid;
    for (let i = 0; i < batch.numRows; i++) {
      if (!this.onDay(ts[i])) continue;
      if (storagePods === null) this.podNodes.add(ns[i], pod[i], node[i], rid[i]);
      else if (pod[i] > NULL_ID) this.podNodes.add(ns[i], storagePods.poolIds[pod[i]], node[i], rid[i]);
      this.roles.addPod(node[i], rid[i], ns[i], role[i], cores.values[i], isValid(cores, i));
      if (node[i] === NULL_ID || node[i] === this.emptyId) continue; // spec §6: node != '' (NULL fails it too)
      read(usageCpu, i, POD_SUM.usageCpu, m, v);
      read(requestCpu, i, POD_SUM.requestCpu, m, v);
      readEffective(effectiveCpu, i, POD_SUM.effectiveCpu, POD_SUM.usageCpu, POD_SUM.requestCpu, m, v);
      read(limitCpu, i, POD_SUM.limitCpu, m, v);
      read(usageMem, i, POD_SUM.usageMem, m, v);
      read(requestMem, i, POD_SUM.requestMem, m, v);
      readEffective(effectiveMem, i, POD_SUM.effectiveMem, POD_SUM.usageMem, POD_SUM.requestMem, m, v);
      read(limitMem, i, POD_SUM.limitMem, m, v);
      this.podGroups.add(
        ns[i], node[i], labels[i], rid[i], m, v,
        cores.values[i], isValid(cores, i), memBytes.values[i], isValid(memBytes, i),
      );
    }
  }

  private podHourlyBatch(batch: RecordBatch): void {
    const s = SUBJECT.podHourly;
    const c = this.columns;
    const ts = c.timestampsMs(batch, COL.intervalStart, s);
    const node = c.strings(batch, COL.node, s);
    const cpu = c.numbers(batch, COL.nodeCapacityCpuSeconds, s);
    const mem = c.numbers(batch, COL.nodeCapacityMemByteSeconds, s);
    for (let i = 0; i < batch.numRows; i++) {
      if (!this.onDay(ts[i])) continue;
      const interval = Math.floor(ts[i] - this.day.startMs);
      this.capacity.add(interval, node[i], cpu.values[i], isValid(cpu, i), mem.values[i], isValid(mem, i));
    }
  }

  private storageDailyBatch(batch: RecordBatch): void {
    const s = SUBJECT.storageDaily;
    const c = this.columns;
    const ts = c.timestampsMs(batch, COL.intervalStart, s);
    const keyColumns = [
      c.strings(batch, COL.namespace, s),
      c.strings(batch, COL.pod, s),
      c.strings(batch, COL.pvc, s),
      c.strings(batch, COL.pv, s),
      c.strings(batch, COL.storageClass, s),
      c.strings(batch, COL.csiVolumeHandle, s, false),
      c.strings(batch, COL.pvLabels, s),
      c.strings(batch, COL.pvcLabels, s),
    ];
    const capacityBytes = c.numbers(batch, COL.pvcCapacityBytes, s);
    const sums: NumberColumn[] = [];
    sums[STORAGE_SUM.capacity] = c.numbers(batch, COL.pvcCapacityByteSeconds, s);
    sums[STORAGE_SUM.request] = c.numbers(batch, COL.volumeRequestByteSeconds, s);
    sums[STORAGE_SUM.usage] = c.numbers(batch, COL.pvcUsageByteSeconds, s);
    const key = new Int32Array(keyColumns.length);
    const values = new Float64Array(STORAGE_SUM_COUNT);
    const valid = new Uint8Array(STORAGE_SUM_COUNT);
    for (let i = 0; i < batch.numRows; i++) {
      if (!this.onDay(ts[i])) continue;
      for (let j = 0; j < keyColumns.length; j++) key[j] = keyColumns[j][i];
      for (let j = 0; j < STORAGE_SUM_COUNT; j++) read(sums[j], i, j, values, valid);
      this.storageGroups.add(key, capacityBytes.values[i], isValid(capacityBytes, i), values, valid);
    }
  }

  private nodeLabelsBatch(batch: RecordBatch): void {
    const s = SUBJECT.nodeLabels;
    const ts = this.columns.timestampsMs(batch, COL.intervalStart, s);
    const node = this.columns.strings(batch, COL.node, s);
    const labels = this.columns.strings(batch, COL.nodeLabels, s);
    for (let i = 0; i < batch.numRows; i++) {
      if (!this.onDay(ts[i])) continue;
      if (this.nodeLabels.add(node[i], labels[i])) this.roles.addNodeLabels(node[i], this.pool.value(labels[i]));
    }
  }

  private namespaceLabelsBatch(batch: RecordBatch): void {
    const s = SUBJECT.namespaceLabels;
    const ts = this.columns.timestampsMs(batch, COL.intervalStart, s);
    const ns = this.columns.strings(batch, COL.namespace, s);
    const labels = this.columns.strings(batch, COL.namespaceLabels, s);
    for (let i = 0; i < batch.numRows; i++) {
      if (this.onDay(ts[i])) this.namespaceLabels.add(ns[i], labels[i]);
    }
  }
}

function isValid(column: NumberColumn, i: number): boolean {
  return column.valid === null || column.valid[i] === 1;
}

function read(column: NumberColumn, i: number, j: number, out: Float64Array, valid: Uint8Array): void {
  valid[j] = isValid(column, i) ? 1 : 0;
  out[j] = column.values[i];
}

/**
 * `coalesce(effective, greatest(usage, request))` (spec §6): legacy files lack the effective column; Trino's
 * greatest is NULL when either argument is. Call after usage and request are read into `out`.
 */
function readEffective(
  column: NumberColumn, i: number, j: number, usage: number, request: number, out: Float64Array, valid: Uint8Array,
): void {
  if (isValid(column, i)) {
    out[j] = column.values[i];
    valid[j] = 1;
  } else if (valid[usage] && valid[request]) {
    out[j] = Math.max(out[usage], out[request]);
    valid[j] = 1;
  } else {
    valid[j] = 0;
  }
}
