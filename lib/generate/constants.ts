/** Fixed choices of the synthetic cluster and of nise emulation. */

export const GIB = 2 ** 30;
export const SECONDS_PER_HOUR = 3600;

export const DEFAULT_SEED = 42;
export const DEFAULT_PODS = 200;

/**
 * Goes up whenever the same options start generating different data, so cached data sets (the benchmark's) are
 * made again. 2: pods placed within their nodes' capacity (before, as many on a 4-core node as on a 32-core one).
 */
export const SYNTHETIC_DATA_VERSION = 2;

/** Platform namespaces: Koku's default cost-category patterns and the apiserver → master heuristic (spec §5.3, §8.1). */
export const PLATFORM_NAMESPACES = ['openshift-kube-apiserver', 'openshift-monitoring', 'openshift-ingress', 'kube-system', 'openshift'];

/** A namespace whose name exercises Koku's HTML escaping (spec §1 step 2). */
export const HTML_SPECIAL_NAMESPACE = `q&a <"team's">`;

/** A role outside master/infra/worker: Koku gives its unallocated row a NULL namespace (spec §8.1). */
export const UNKNOWN_NODE_ROLE = 'edge';

export const NODE_SHAPES: ReadonlyArray<readonly [cores: number, memoryGiB: number]> = [
  [4, 16],
  [8, 32],
  [16, 64],
  [32, 128],
];

export const ZONES = ['us-east-1a', 'us-east-1b', 'us-east-1c'];
export const ENVIRONMENTS = ['dev', 'qa', 'stage', 'prod'];
export const TEAMS = ['payments', 'search', 'identity', 'data', 'web', 'mobile', 'infra', 'ml'];

/** The hour a node's labels change in the synthetic day (spec §5.2: node label fan-out). */
export const LABEL_CHANGE_HOUR = 12;

/** The four report types the daily summary reads, in the order nise writes them. */
export const SUMMARY_REPORT_TYPES = ['pod_usage', 'storage_usage', 'node_labels', 'namespace_labels'] as const;

/** Operator CSV headers (koku-metrics-operator; poc-lessons §3.1, plus `node_role` of newer operators). */
export const OPERATOR_HEADERS = {
  pod_usage: [
    'report_period_start', 'report_period_end', 'interval_start', 'interval_end', 'pod', 'namespace', 'node',
    'resource_id', 'pod_usage_cpu_core_seconds', 'pod_request_cpu_core_seconds', 'pod_limit_cpu_core_seconds',
    'pod_usage_memory_byte_seconds', 'pod_request_memory_byte_seconds', 'pod_limit_memory_byte_seconds',
    'node_capacity_cpu_cores', 'node_capacity_cpu_core_seconds', 'node_capacity_memory_bytes',
    'node_capacity_memory_byte_seconds', 'pod_labels', 'node_role',
  ],
  storage_usage: [
    'report_period_start', 'report_period_end', 'interval_start', 'interval_end', 'namespace', 'pod', 'node',
    'persistentvolumeclaim', 'persistentvolume', 'storageclass', 'csi_driver', 'csi_volume_handle',
    'persistentvolumeclaim_capacity_bytes', 'persistentvolumeclaim_capacity_byte_seconds',
    'volume_request_storage_byte_seconds', 'persistentvolumeclaim_usage_byte_seconds', 'persistentvolume_labels',
    'persistentvolumeclaim_labels',
  ],
  node_labels: ['report_period_start', 'report_period_end', 'interval_start', 'interval_end', 'node', 'node_labels'],
  namespace_labels: ['report_period_start', 'report_period_end', 'interval_start', 'interval_end', 'namespace', 'namespace_labels'],
} as const;

/** nise writes the same columns without `node_role` (its `OCP_POD_USAGE_COLUMNS`). */
export const NISE_POD_USAGE_HEADER = OPERATOR_HEADERS.pod_usage.filter((c) => c !== 'node_role');
