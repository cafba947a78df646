/**
 * Small Koku-layout months for pipeline and CLI tests: a few lines describe nodes, pods and volumes, and these
 * builders produce the hourly and daily Parquet objects Koku would have written, under Koku's keys.
 */
import { buildObjectKey } from '../../lib/layout/index.js';
import { writeParquet } from '../../lib/parquet/index.js';
import type { ObjectStore } from '../../lib/store/types.js';
import type { Labels } from '../../lib/ocp/types.js';
import {
  namespaceLabelsTable,
  nodeLabelsTable,
  podDailyTable,
  podHourlyTable,
  storageDailyTable,
  type PodUsageRow,
  type StorageUsageRow,
} from './ocpArrow.js';

const GIB = 2 ** 30;

export interface FixtureNode {
  node: string;
  cores: number;
  memGiB: number;
  resourceId: string;
  role?: string;
  labels?: Labels;
}

export interface FixturePod {
  namespace: string;
  pod: string;
  node: string;
  hours: readonly number[];
  cpuUsage: number;
  cpuRequest: number;
  cpuLimit?: number;
  memUsageGiB: number;
  memRequestGiB: number;
  memLimitGiB?: number;
  labels?: Labels;
}

export interface FixtureVolume {
  namespace: string;
  pod: string;
  pvc: string;
  pv: string;
  storageclass: string;
  capacityGiB: number;
  requestGiB: number;
  usageGiB: number;
  hours: number;
  csiVolumeHandle?: string;
}

export interface FixtureDay {
  day: string;
  nodes: FixtureNode[];
  pods: FixturePod[];
  volumes?: FixtureVolume[];
  namespaceLabels?: Record<string, Labels>;
}

export interface FixtureSource {
  account: string;
  providerUuid: string;
  manifestId?: number;
}

export interface FixtureObject {
  key: string;
  body: Uint8Array;
}

/** The Parquet objects of one day, as Koku writes them for a daily-report operator (dated file names). */
export function dayObjects(source: FixtureSource, d: FixtureDay, chunk = 0): FixtureObject[] {
  const [year, month] = d.day.split('-').map(Number);
  const manifest = source.manifestId ?? 1;
  const key = (reportType: 'pod_usage' | 'storage_usage' | 'node_labels' | 'namespace_labels', daily: boolean) =>
    buildObjectKey({
      account: source.account,
      providerType: 'OCP',
      reportType,
      granularity: daily ? 'daily' : 'hourly',
      providerUuid: source.providerUuid,
      year,
      month,
      fileName: `${reportType}.${d.day}.${manifest}.0_${daily ? 'daily_' : ''}${chunk}.parquet`,
    });
  const hourly = hourlyRows(d);
  const out: FixtureObject[] = [
    { key: key('pod_usage', false), body: writeParquet(podHourlyTable(hourly)) },
    { key: key('pod_usage', true), body: writeParquet(podDailyTable(dailyRows(d.day, hourly))) },
    {
      key: key('node_labels', true),
      body: writeParquet(nodeLabelsTable(d.nodes.map((n) => ({ interval_start: d.day, node: n.node, node_labels: n.labels ?? {} })))),
    },
  ];
  const nsLabels = Object.entries(d.namespaceLabels ?? {});
  if (nsLabels.length > 0) {
    out.push({ key: key('namespace_labels', true), body: writeParquet(namespaceLabelsTable(nsLabels.map(([namespace, l]) => ({ interval_start: d.day, namespace, namespace_labels: l })))) });
  }
  if (d.volumes?.length) out.push({ key: key('storage_usage', true), body: writeParquet(storageDailyTable(d.volumes.map((v) => storageRow(d.day, v)))) });
  return out;
}

export async function putObjects(store: ObjectStore, objects: FixtureObject[]): Promise<void> {
  for (const o of objects) await store.put(o.key, o.body);
}

function hourlyRows(d: FixtureDay): PodUsageRow[] {
  const nodes = new Map(d.nodes.map((n) => [n.node, n]));
  return d.pods.flatMap((p) => {
    const n = nodes.get(p.node);
    return p.hours.map((h) => ({
      interval_start: `${d.day}T${String(h).padStart(2, '0')}:00:00`,
      namespace: p.namespace,
      pod: p.pod,
      node: p.node,
      resource_id: n?.resourceId ?? '',
      node_role: n?.role ?? null,
      pod_labels: p.labels ?? {},
      pod_usage_cpu_core_seconds: p.cpuUsage * 3600,
      pod_request_cpu_core_seconds: p.cpuRequest * 3600,
      pod_limit_cpu_core_seconds: (p.cpuLimit ?? p.cpuRequest) * 3600,
      pod_usage_memory_byte_seconds: p.memUsageGiB * GIB * 3600,
      pod_request_memory_byte_seconds: p.memRequestGiB * GIB * 3600,
      pod_limit_memory_byte_seconds: (p.memLimitGiB ?? p.memRequestGiB) * GIB * 3600,
      node_capacity_cpu_cores: n?.cores ?? 0,
      node_capacity_cpu_core_seconds: (n?.cores ?? 0) * 3600,
      node_capacity_memory_bytes: (n?.memGiB ?? 0) * GIB,
      node_capacity_memory_byte_seconds: (n?.memGiB ?? 0) * GIB * 3600,
    }));
  });
}

/** Koku's daily pod frame: sums per (namespace, node, pod, labels, day), maxes for capacity (spec §2.3). */
function dailyRows(day: string, hourly: PodUsageRow[]): PodUsageRow[] {
  const groups = new Map<string, PodUsageRow>();
  const sum = ['pod_usage_cpu_core_seconds', 'pod_request_cpu_core_seconds', 'pod_limit_cpu_core_seconds', 'pod_usage_memory_byte_seconds',
    'pod_request_memory_byte_seconds', 'pod_limit_memory_byte_seconds', 'node_capacity_cpu_core_seconds', 'node_capacity_memory_byte_seconds'] as const;
  for (const r of hourly) {
    const k = JSON.stringify([r.namespace, r.node, r.pod, r.pod_labels]);
    const g = groups.get(k);
    const effCpu = Math.max(r.pod_usage_cpu_core_seconds!, r.pod_request_cpu_core_seconds!);
    const effMem = Math.max(r.pod_usage_memory_byte_seconds!, r.pod_request_memory_byte_seconds!);
    if (!g) {
      groups.set(k, { ...r, interval_start: day, pod_effective_usage_cpu_core_seconds: effCpu, pod_effective_usage_memory_byte_seconds: effMem });
      continue;
    }
    for (const c of sum) (g[c] as number) += r[c] as number;
    g.pod_effective_usage_cpu_core_seconds! += effCpu;
    g.pod_effective_usage_memory_byte_seconds! += effMem;
  }
  return [...groups.values()];
}

function storageRow(day: string, v: FixtureVolume): StorageUsageRow {
  return {
    interval_start: day,
    namespace: v.namespace,
    pod: v.pod,
    persistentvolumeclaim: v.pvc,
    persistentvolume: v.pv,
    storageclass: v.storageclass,
    csi_volume_handle: v.csiVolumeHandle ?? null,
    persistentvolumeclaim_capacity_bytes: v.capacityGiB * GIB,
    persistentvolumeclaim_capacity_byte_seconds: v.capacityGiB * GIB * 3600 * v.hours,
    volume_request_storage_byte_seconds: v.requestGiB * GIB * 3600 * v.hours,
    persistentvolumeclaim_usage_byte_seconds: v.usageGiB * GIB * 3600 * v.hours,
  };
}

/** A small two-node cluster on `day`: a worker and a master, three namespaces, one PVC. */
export function sampleDay(day: string, scale = 1): FixtureDay {
  return {
    day,
    nodes: [
      { node: 'worker-1', cores: 4, memGiB: 16, resourceId: 'i-worker1', role: 'worker', labels: { env: 'prod', kubernetes_io_hostname: 'worker-1' } },
      { node: 'master-1', cores: 8, memGiB: 32, resourceId: 'i-master1', role: 'master', labels: { env: 'prod' } },
    ],
    pods: [
      { namespace: 'shop', pod: 'web-1', node: 'worker-1', hours: [0, 1, 2, 3], cpuUsage: 0.5 * scale, cpuRequest: 1, memUsageGiB: 1, memRequestGiB: 2, labels: { app: 'web' } },
      { namespace: 'shop', pod: 'web-2', node: 'worker-1', hours: [2, 3], cpuUsage: 1.5, cpuRequest: 1, memUsageGiB: 3, memRequestGiB: 2, labels: { app: 'web' } },
      { namespace: 'openshift-monitoring', pod: 'prom-0', node: 'master-1', hours: [0, 1, 2, 3], cpuUsage: 0.25, cpuRequest: 0.5, memUsageGiB: 2, memRequestGiB: 1, labels: { app: 'prometheus' } },
    ],
    volumes: [{ namespace: 'shop', pod: 'web-1', pvc: 'data', pv: 'pvc-123', storageclass: 'gp3', capacityGiB: 10, requestGiB: 10, usageGiB: 5, hours: 4, csiVolumeHandle: 'vol-1' }],
    namespaceLabels: { shop: { team: 'web' } },
  };
}
