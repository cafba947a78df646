import { BYTES_TO_GIB, SECONDS_PER_HOUR } from './constants.js';
import type { NodeCapacity } from './capacity.js';
import { scaleNullable } from './nullableMath.js';
import { POD_SUM, POD_SUM_COUNT } from './podGroups.js';
import type { FilteredLabels, Labels, OcpSummaryRow } from './types.js';

/**
 * A day's Pod rows (spec §6) as columns indexed by output id (first-seen order), so a large day's ~100k rows cost
 * no objects until someone asks for one (`row`). The partial codec and the control totals read the columns through
 * the same accessors `row` uses, so both forms carry identical values. Holds strings, not the aggregator's pool, so
 * the pool can be collected once the columns exist.
 */
export class PodRowColumns {
  constructor(
    readonly day: string,
    readonly count: number,
    readonly namespaces: ReadonlyArray<string | null>,
    readonly nodes: ReadonlyArray<string | null>,
    readonly resourceIds: ReadonlyArray<string | null>,
    readonly labels: readonly FilteredLabels[],
    /** POD_SUM sums (seconds, byte-seconds) already multiplied by the cost-category factor, POD_SUM_COUNT per row. */
    private readonly sums: Float64Array,
    private readonly seen: Uint8Array,
    private readonly cores: ReadonlyArray<number | null>,
    private readonly memoryBytes: ReadonlyArray<number | null>,
    private readonly nodeCapacities: ReadonlyArray<NodeCapacity | undefined>,
    private readonly clusterCapacity: NodeCapacity | null,
    readonly costCategoryIds: ReadonlyArray<number | null>,
  ) {}

  /** pod_labels: the merged, filtered map (shared by the rows that have it), or NULL. */
  podLabels(o: number): Labels | null {
    return (this.labels[o] as FilteredLabels).labels;
  }

  /** Σ of POD_SUM `j` in hours (CPU columns), or null. */
  coreHours(o: number, j: number): number | null {
    const at = o * POD_SUM_COUNT + j;
    return this.seen[at] ? (this.sums[at] as number) / SECONDS_PER_HOUR : null;
  }

  /** Σ of POD_SUM `j` in GiB-hours (memory columns), or null. */
  gibHours(o: number, j: number): number | null {
    const at = o * POD_SUM_COUNT + j;
    return this.seen[at] ? ((this.sums[at] as number) / SECONDS_PER_HOUR) * BYTES_TO_GIB : null;
  }

  nodeCapacityCpuCores(o: number): number | null {
    return this.cores[o] as number | null;
  }

  nodeCapacityCpuCoreHours(o: number): number | null {
    return cpuHours(this.nodeCapacities[o]);
  }

  nodeCapacityMemoryGigabytes(o: number): number | null {
    return scaleNullable(this.memoryBytes[o] as number | null, BYTES_TO_GIB);
  }

  nodeCapacityMemoryGigabyteHours(o: number): number | null {
    return memGibHours(this.nodeCapacities[o]);
  }

  clusterCapacityCpuCoreHours(): number | null {
    return cpuHours(this.clusterCapacity ?? undefined);
  }

  clusterCapacityMemoryGigabyteHours(): number | null {
    return memGibHours(this.clusterCapacity ?? undefined);
  }

  /** Output `o` as a summary row; its maps are the shared filtered objects (all_labels of a NULL map is a fresh `{}`). */
  row(o: number): OcpSummaryRow {
    const labels = this.podLabels(o);
    // One literal in blankSummaryRow's field order (same keys, same order; cheaper than a blank row plus 25 stores).
    return {
      usage_start: this.day,
      data_source: 'Pod',
      namespace: this.namespaces[o] as string | null,
      node: this.nodes[o] as string | null,
      resource_id: this.resourceIds[o] as string | null,
      pod_labels: labels,
      pod_usage_cpu_core_hours: this.coreHours(o, POD_SUM.usageCpu),
      pod_request_cpu_core_hours: this.coreHours(o, POD_SUM.requestCpu),
      pod_effective_usage_cpu_core_hours: this.coreHours(o, POD_SUM.effectiveCpu),
      pod_limit_cpu_core_hours: this.coreHours(o, POD_SUM.limitCpu),
      pod_usage_memory_gigabyte_hours: this.gibHours(o, POD_SUM.usageMem),
      pod_request_memory_gigabyte_hours: this.gibHours(o, POD_SUM.requestMem),
      pod_effective_usage_memory_gigabyte_hours: this.gibHours(o, POD_SUM.effectiveMem),
      pod_limit_memory_gigabyte_hours: this.gibHours(o, POD_SUM.limitMem),
      node_capacity_cpu_cores: this.nodeCapacityCpuCores(o),
      node_capacity_cpu_core_hours: this.nodeCapacityCpuCoreHours(o),
      node_capacity_memory_gigabytes: this.nodeCapacityMemoryGigabytes(o),
      node_capacity_memory_gigabyte_hours: this.nodeCapacityMemoryGigabyteHours(o),
      cluster_capacity_cpu_core_hours: this.clusterCapacityCpuCoreHours(),
      cluster_capacity_memory_gigabyte_hours: this.clusterCapacityMemoryGigabyteHours(),
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
      cost_category_id: this.costCategoryIds[o] as number | null,
    };
  }
}

function cpuHours(cap: NodeCapacity | undefined): number | null {
  return cap?.cpuCoreSeconds == null ? null : cap.cpuCoreSeconds / SECONDS_PER_HOUR;
}

function memGibHours(cap: NodeCapacity | undefined): number | null {
  return cap?.memoryByteSeconds == null ? null : (cap.memoryByteSeconds / SECONDS_PER_HOUR) * BYTES_TO_GIB;
}
