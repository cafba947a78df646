/** Magic values of the OCP daily summary, each with the spec section it comes from. */

/** core-seconds → core-hours and byte-seconds → byte-hours (spec §6 unit conversions). */
export const SECONDS_PER_HOUR = 3600;
/** Storage months are byte-seconds over (86400 × days in month) (spec §7). */
export const SECONDS_PER_DAY = 86400;
export const MS_PER_DAY = 86_400_000;
/** "gigabyte" always means GiB; multiplying by 2^-30 is exact in binary floating point (spec §3.2, §6). */
export const BYTES_TO_GIB = 2 ** -30;

/** Always part of the label allow-list once at least one key is enabled (spec §5.1). */
export const VM_LABEL_KEY = 'vm_kubevirt_io_name';

export const PLATFORM_UNALLOCATED = 'Platform unallocated';
export const WORKER_UNALLOCATED = 'Worker unallocated';
export const NETWORK_UNATTRIBUTED = 'Network unattributed';
export const STORAGE_UNATTRIBUTED = 'Storage unattributed';
/** Namespaces that are never input to the unallocated step (spec §8.2). */
export const SYNTHETIC_NAMESPACES: ReadonlySet<string> = new Set([
  PLATFORM_UNALLOCATED,
  WORKER_UNALLOCATED,
  NETWORK_UNATTRIBUTED,
  STORAGE_UNATTRIBUTED,
]);

/** Role heuristics of Koku's node query (spec §8.1 step 1). */
export const API_SERVER_NAMESPACE = 'openshift-kube-apiserver';
/** Matched as raw text, so it depends on Python json.dumps spacing exactly as Koku's LIKE does. */
export const INFRA_NODE_LABEL_TEXT = '"node_role_kubernetes_io": "infra"';

/** Koku's default cost-category patterns (migration 0315), all pointing at "Platform". */
export const DEFAULT_PLATFORM_PATTERNS: readonly string[] = ['openshift-%', 'kube-%', 'openshift', PLATFORM_UNALLOCATED];

/** Parquet column names (spec §2.3). */
export const COL = {
  intervalStart: 'interval_start',
  namespace: 'namespace',
  pod: 'pod',
  node: 'node',
  resourceId: 'resource_id',
  nodeRole: 'node_role',
  podLabels: 'pod_labels',
  podUsageCpu: 'pod_usage_cpu_core_seconds',
  podRequestCpu: 'pod_request_cpu_core_seconds',
  podEffectiveCpu: 'pod_effective_usage_cpu_core_seconds',
  podLimitCpu: 'pod_limit_cpu_core_seconds',
  podUsageMem: 'pod_usage_memory_byte_seconds',
  podRequestMem: 'pod_request_memory_byte_seconds',
  podEffectiveMem: 'pod_effective_usage_memory_byte_seconds',
  podLimitMem: 'pod_limit_memory_byte_seconds',
  nodeCapacityCpuCores: 'node_capacity_cpu_cores',
  nodeCapacityCpuSeconds: 'node_capacity_cpu_core_seconds',
  nodeCapacityMemBytes: 'node_capacity_memory_bytes',
  nodeCapacityMemByteSeconds: 'node_capacity_memory_byte_seconds',
  pvc: 'persistentvolumeclaim',
  pv: 'persistentvolume',
  storageClass: 'storageclass',
  csiVolumeHandle: 'csi_volume_handle',
  pvcCapacityBytes: 'persistentvolumeclaim_capacity_bytes',
  pvcCapacityByteSeconds: 'persistentvolumeclaim_capacity_byte_seconds',
  volumeRequestByteSeconds: 'volume_request_storage_byte_seconds',
  pvcUsageByteSeconds: 'persistentvolumeclaim_usage_byte_seconds',
  pvLabels: 'persistentvolume_labels',
  pvcLabels: 'persistentvolumeclaim_labels',
  nodeLabels: 'node_labels',
  namespaceLabels: 'namespace_labels',
} as const;
