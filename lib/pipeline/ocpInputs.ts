import type { OcpReportType } from '../layout/types.js';
import type { OcpInputRole } from './types.js';

interface OcpInputSpec {
  role: OcpInputRole;
  reportType: OcpReportType;
  daily: boolean;
  /** Columns the summary reads; a file lacking one of these is rejected. */
  required: string[];
  /** "New" columns older operators do not send (spec §2.3, §10.5); read when present. */
  optional: string[];
}

/** The five Parquet datasets the OCP daily summary reads (spec §2.4), with the columns each contributes. */
export const OCP_INPUTS: readonly OcpInputSpec[] = [
  {
    role: 'podHourly',
    reportType: 'pod_usage',
    daily: false,
    required: ['interval_start', 'node', 'node_capacity_cpu_core_seconds', 'node_capacity_memory_byte_seconds'],
    optional: [],
  },
  {
    role: 'podDaily',
    reportType: 'pod_usage',
    daily: true,
    required: [
      'interval_start', 'namespace', 'pod', 'node', 'resource_id', 'pod_labels',
      'pod_usage_cpu_core_seconds', 'pod_request_cpu_core_seconds', 'pod_limit_cpu_core_seconds',
      'pod_usage_memory_byte_seconds', 'pod_request_memory_byte_seconds', 'pod_limit_memory_byte_seconds',
      'node_capacity_cpu_cores', 'node_capacity_memory_bytes',
    ],
    optional: ['node_role', 'pod_effective_usage_cpu_core_seconds', 'pod_effective_usage_memory_byte_seconds'],
  },
  {
    role: 'storageDaily',
    reportType: 'storage_usage',
    daily: true,
    required: [
      'interval_start', 'namespace', 'pod', 'persistentvolumeclaim', 'persistentvolume', 'storageclass',
      'persistentvolumeclaim_capacity_bytes', 'persistentvolumeclaim_capacity_byte_seconds',
      'volume_request_storage_byte_seconds', 'persistentvolumeclaim_usage_byte_seconds',
      'persistentvolume_labels', 'persistentvolumeclaim_labels',
    ],
    optional: ['csi_volume_handle', 'csi_driver', 'node'],
  },
  {
    role: 'nodeLabelsDaily',
    reportType: 'node_labels',
    daily: true,
    required: ['interval_start', 'node', 'node_labels'],
    optional: [],
  },
  {
    role: 'namespaceLabelsDaily',
    reportType: 'namespace_labels',
    daily: true,
    required: ['interval_start', 'namespace', 'namespace_labels'],
    optional: [],
  },
];

export function ocpInputSpec(role: OcpInputRole): OcpInputSpec {
  const spec = OCP_INPUTS.find((s) => s.role === role);
  if (!spec) throw new Error(`unknown OCP input role ${role}`);
  return spec;
}
