import { GIB, NISE_POD_USAGE_HEADER, OPERATOR_HEADERS, SECONDS_PER_HOUR } from './constants.js';
import { InvalidNiseManifestError } from './errors.js';
import { asMapping } from './loadNiseManifest.js';
import { niseHours, OCP_HOUR_SPAN_MS } from './niseDates.js';
import { operatorTimestamp, reportPeriod } from './operatorTimestamp.js';
import { hash32, Prng } from './prng.js';
import { pythonRound } from './pythonRound.js';
import type { NiseGenerateOptions, NiseGeneratorSpec, NiseOcpCluster, NiseReport, SummaryReportType } from './types.js';

type Mapping = Record<string, unknown>;

interface Node {
  name: string;
  cores: number;
  memoryBytes: number;
  resourceId: string;
  /** The node's own `namespaces` mapping (null values made `{}`), or null when it names none. */
  namespaces: Map<string, Mapping> | null;
  labels: string | null;
}

interface Pod {
  namespace: string;
  node: Node;
  name: string;
  cpuRequest: number;
  cpuLimit: number;
  memRequestGiB: number;
  memLimitGiB: number;
  labels: string | null;
  cpuUsage: Map<string, number> | null;
  memUsage: Map<string, number> | null;
  podSeconds: number | null;
}

interface Claim {
  pod: string | null;
  labels: string | null;
  capacity: number;
  usage: Map<string, number> | null;
}

interface Volume {
  name: string;
  node: string | null;
  namespace: string | null;
  storageClass: string;
  csiDriver: string;
  csiVolumeHandle: string;
  request: number;
  labels: string | null;
  claims: Map<string, Claim>;
}

const STORAGE_DEFAULTS: ReadonlyArray<readonly [string, string]> = [
  ['gp3-csi', 'ebs.csi.aws.com'],
  ['fast', 'disk.csi.azure.com'],
  ['slow', 'disk.csi.azure.com'],
  ['gold', 'pd.csi.storage.gke.io'],
];

/**
 * The OCP CSV rows nise's `OCPGenerator` writes for a manifest's cluster (poc-lessons §6.1, §5.2): one pod row per
 * hour with `pod_seconds` applied to every hourly row, capacity = cores × 3600 regardless, pod labels only from
 * `labels`, node ids prefixed `i-`, namespaces keyed by name and pods by pod name per generator (later entries
 * win), zero usage treated as unset. Values nise draws at random use a seeded PRNG instead of Python's.
 *
 * @example
 * const reports = generateNiseOcpRows(manifest.ocpClusters[0]);
 * reports.pod_usage.rows.length; // 24 for scenario ocp-only/01
 */
export function generateNiseOcpRows(cluster: NiseOcpCluster, options: NiseGenerateOptions = {}): Record<SummaryReportType, NiseReport> {
  const reports: Record<SummaryReportType, NiseReport> = {
    pod_usage: { header: [...NISE_POD_USAGE_HEADER], rows: [] },
    storage_usage: { header: [...OPERATOR_HEADERS.storage_usage], rows: [] },
    node_labels: { header: [...OPERATOR_HEADERS.node_labels], rows: [] },
    namespace_labels: { header: [...OPERATOR_HEADERS.namespace_labels], rows: [] },
  };
  cluster.generators.forEach((spec, index) => {
    const rng = new Prng(hash32(options.seed ?? 1, index, spec.startMs / 1000));
    new OcpGeneratorRun(spec, rng).emit(reports);
  });
  return reports;
}

/** One `OCPGenerator` entry: its topology is drawn once, then rows are emitted hour by hour. */
class OcpGeneratorRun {
  private readonly nodes: Node[];
  private readonly staticNodes: boolean;
  private readonly pods = new Map<string, Pod>();
  private readonly volumes: Volume[] = [];
  private readonly hours: number[];

  constructor(spec: NiseGeneratorSpec, private readonly rng: Prng) {
    const items = Array.isArray(spec.attributes.nodes) ? spec.attributes.nodes : null;
    this.staticNodes = items !== null && items.length > 0;
    this.nodes = this.staticNodes ? (items as unknown[]).map((item) => this.staticNode(asMapping(item) ?? {})) : this.randomNodes();
    const namespaces = this.namespaces();
    const byNamespace = this.buildPods(namespaces);
    this.buildVolumes(namespaces, byNamespace);
    this.hours = niseHours(spec.startMs, spec.endMs, OCP_HOUR_SPAN_MS);
  }

  emit(reports: Record<SummaryReportType, NiseReport>): void {
    for (const start of this.hours) {
      const [periodStart, periodEnd] = reportPeriod(start).map(operatorTimestamp);
      const common = [periodStart, periodEnd, operatorTimestamp(start), operatorTimestamp(start + OCP_HOUR_SPAN_MS)];
      this.podRows(start, common, reports.pod_usage.rows);
      this.storageRows(start, common, reports.storage_usage.rows);
      for (const node of this.nodes) reports.node_labels.rows.push([...common, node.name, node.labels ?? '']);
      for (const node of this.nodes) {
        for (const [name, data] of node.namespaces ?? []) reports.namespace_labels.rows.push([...common, name, text(data.namespace_labels) ?? '']);
      }
    }
  }

  private staticNode(item: Mapping): Node {
    const memoryGiB = num(item, 'memory_gig') ?? this.rng.int(2, 8);
    const raw = asMapping(item.namespaces);
    const namespaces = raw === null ? null : new Map(Object.entries(raw).map(([k, v]) => [k, asMapping(v) ?? {}]));
    return {
      name: text(item.node_name) ?? `node_${this.rng.word()}`,
      cores: num(item, 'cpu_cores') ?? this.rng.int(2, 16),
      memoryBytes: memoryGiB * GIB,
      resourceId: `i-${item.resource_id === undefined || item.resource_id === null ? this.rng.hex(17) : String(item.resource_id)}`,
      namespaces: namespaces !== null && namespaces.size > 0 ? namespaces : null,
      labels: text(item.node_labels),
    };
  }

  private randomNodes(): Node[] {
    return Array.from({ length: this.rng.int(2, 6) }, () => ({
      name: `node_${this.rng.word()}`,
      cores: this.rng.int(2, 16),
      memoryBytes: this.rng.int(2, 8) * GIB,
      resourceId: `i-${this.rng.hex(17)}`,
      namespaces: null,
      labels: this.randomLabels({ 'node-role.kubernetes.io/master': [''], 'node-role.kubernetes.io/infra': [''] }),
    }));
  }

  /** nise's `_gen_namespaces`: name → node, so a namespace on two nodes keeps only the later node. */
  private namespaces(): Map<string, Node> {
    const namespaces = new Map<string, Node>();
    for (const node of this.nodes) {
      if (node.namespaces !== null) {
        for (const name of node.namespaces.keys()) namespaces.set(name, node);
      } else {
        const count = this.rng.int(2, 12);
        for (let i = 0; i < count; i++) namespaces.set(`${this.rng.word()}_${this.rng.pick(['ci', 'qa', 'prod', 'proj', 'dev', 'staging'])}`, node);
      }
    }
    return namespaces;
  }

  private buildPods(namespaces: Map<string, Node>): Map<string, string[]> {
    const byNamespace = new Map<string, string[]>();
    for (const [namespace, node] of namespaces) {
      const names: string[] = [];
      byNamespace.set(namespace, names);
      const specified = node.namespaces?.get(namespace);
      if (specified !== undefined) {
        for (const item of Array.isArray(specified.pods) ? specified.pods : []) {
          const pod = this.specificPod(node, namespace, asMapping(item) ?? {});
          names.push(pod.name);
          this.pods.set(pod.name, pod);
        }
      } else {
        const count = this.rng.int(2, 20);
        for (let i = 0; i < count; i++) {
          const pod = this.randomPod(node, namespace);
          names.push(pod.name);
          this.pods.set(pod.name, pod);
        }
      }
    }
    return byNamespace;
  }

  private specificPod(node: Node, namespace: string, item: Mapping): Pod {
    const cpuLimit = Math.min(num(item, 'cpu_limit') ?? node.cores, node.cores);
    const memoryGiB = node.memoryBytes / GIB;
    const memLimitGiB = Math.min(num(item, 'mem_limit_gig') ?? memoryGiB, memoryGiB);
    return {
      namespace,
      node,
      name: text(item.pod_name) ?? this.rng.word(),
      cpuLimit,
      cpuRequest: Math.min(num(item, 'cpu_request') ?? pythonRound(this.rng.uniform(0.02, cpuLimit), 5), cpuLimit),
      memLimitGiB,
      memRequestGiB: Math.min(num(item, 'mem_request_gig') ?? pythonRound(this.rng.uniform(25, 80), 2), memLimitGiB),
      labels: text(item.labels),
      cpuUsage: usageMap(item.cpu_usage, cpuLimit),
      memUsage: usageMap(item.mem_usage_gig, memLimitGiB),
      podSeconds: num(item, 'pod_seconds'),
    };
  }

  private randomPod(node: Node, namespace: string): Pod {
    const cpuLimit = pythonRound(this.rng.uniform(0.02, node.cores), 5);
    const memLimitGiB = pythonRound(this.rng.uniform(25, node.memoryBytes / GIB), 2);
    return {
      namespace,
      node,
      name: `${this.rng.word()}_${this.rng.pick(['build', 'deploy', this.rng.word().slice(0, 5)])}`,
      cpuLimit,
      cpuRequest: pythonRound(this.rng.uniform(0.02, cpuLimit), 5),
      memLimitGiB,
      memRequestGiB: pythonRound(this.rng.uniform(25, memLimitGiB), 2),
      labels: this.randomLabels(null),
      cpuUsage: null,
      memUsage: null,
      podSeconds: null,
    };
  }

  private buildVolumes(namespaces: Map<string, Node>, byNamespace: Map<string, string[]>): void {
    for (const [namespace, node] of namespaces) {
      const specified = node.namespaces?.get(namespace);
      if (specified !== undefined) {
        for (const item of Array.isArray(specified.volumes) ? specified.volumes : []) this.volumes.push(this.specificVolume(node, namespace, asMapping(item) ?? {}));
      } else {
        const count = this.rng.int(1, 3);
        for (let i = 0; i < count; i++) this.volumes.push(this.randomVolume(node, namespace, byNamespace.get(namespace) ?? []));
      }
    }
  }

  private specificVolume(node: Node, namespace: string, item: Mapping): Volume {
    const [defaultClass, defaultDriver] = this.rng.pick(STORAGE_DEFAULTS);
    const requestGiB = num(item, 'volume_request_gig') || 100;
    const request = requestGiB * GIB;
    const claims = new Map<string, Claim>();
    let total = 0;
    for (const entry of Array.isArray(item.volume_claims) ? item.volume_claims : []) {
      if (request - total <= GIB) break;
      const vc = asMapping(entry) ?? {};
      const capacity = (num(vc, 'capacity_gig') ?? requestGiB) * GIB;
      claims.set(text(vc.volume_claim_name) ?? this.rng.word(), {
        pod: text(vc.pod_name),
        labels: text(vc.labels),
        capacity,
        usage: usageMap(vc.volume_claim_usage_gig, capacity / GIB),
      });
      total += capacity;
    }
    return {
      name: text(item.volume_name) ?? `pv-${this.rng.word()}`,
      node: node.name,
      namespace,
      storageClass: text(item.storage_class) ?? defaultClass,
      csiDriver: text(item.csi_driver) ?? defaultDriver,
      csiVolumeHandle: text(item.csi_volume_handle) ?? `vol-${this.rng.hex(17)}`,
      request,
      labels: text(item.labels),
      claims,
    };
  }

  private randomVolume(node: Node, namespace: string, pods: string[]): Volume {
    const requestGiB = pythonRound(this.rng.uniform(25, 80), 2);
    const request = requestGiB * GIB;
    const claims = new Map<string, Claim>();
    let total = 0;
    const claimCount = this.rng.int(1, 2);
    for (let i = 0; i < claimCount && pods.length > 0; i++) {
      if (request - total <= GIB) break;
      const capacity = pythonRound(this.rng.uniform(1, requestGiB - total / GIB), 2) * GIB;
      claims.set(this.rng.word(), { pod: this.rng.pick(pods), labels: this.randomLabels(null), capacity, usage: null });
      total += capacity;
    }
    const [storageClass, csiDriver] = this.rng.pick(STORAGE_DEFAULTS);
    return {
      name: `pv-${this.rng.word()}${this.rng.word()}`,
      node: node.name,
      namespace,
      storageClass,
      csiDriver,
      csiVolumeHandle: `vol-${this.rng.hex(17)}`,
      request,
      labels: this.randomLabels(null),
      claims,
    };
  }

  private podRows(start: number, common: string[], rows: string[][]): void {
    const pods = this.staticNodes ? [...this.pods.values()] : this.randomPodSubset();
    for (const pod of pods) {
      const seconds = pod.podSeconds || this.rng.int(2, SECONDS_PER_HOUR);
      const cpuDrawn = pythonRound(this.rng.uniform(0.02, pod.cpuLimit), 5);
      const cpuUsage = usageFor(pod.cpuUsage, start);
      const cpu = cpuUsage ? Math.min(pod.cpuLimit, cpuUsage) : cpuDrawn;
      const memDrawn = pythonRound(this.rng.uniform(1, pod.memLimitGiB), 2);
      const memUsage = usageFor(pod.memUsage, start);
      const mem = memUsage ? Math.min(pod.memLimitGiB, memUsage) : memDrawn;
      const cpuRequest = Math.min(pod.cpuRequest, pod.cpuLimit);
      const memRequest = Math.min(pod.memRequestGiB, pod.memLimitGiB);
      rows.push([
        ...common,
        pod.name,
        pod.namespace,
        pod.node.name,
        pod.node.resourceId,
        String(seconds * cpu),
        String(seconds * cpuRequest),
        String(seconds * pod.cpuLimit),
        String(seconds * mem * GIB),
        String(seconds * memRequest * GIB),
        String(seconds * pod.memLimitGiB * GIB),
        String(pod.node.cores),
        String(pod.node.cores * SECONDS_PER_HOUR),
        String(pod.node.memoryBytes),
        String(pod.node.memoryBytes * SECONDS_PER_HOUR),
        pod.labels ?? '',
      ]);
    }
  }

  /** Without static nodes nise emits a random subset of pods each hour. */
  private randomPodSubset(): Pod[] {
    const all = [...this.pods.values()];
    if (all.length === 0) return [];
    const picks = new Set<number>();
    const count = this.rng.int(Math.min(2, all.length), all.length);
    for (let i = 0; i < count; i++) picks.add(this.rng.int(0, all.length - 1));
    return [...picks].sort((a, b) => a - b).map((i) => all[i]);
  }

  private storageRows(start: number, common: string[], rows: string[][]): void {
    for (const volume of this.volumes) {
      for (const [claimName, claim] of volume.claims) {
        rows.push(storageRow(common, volume, claimName, claim, this.rng, start));
      }
      if (volume.claims.size === 0) {
        // A claimless PV: nise passes neither node, namespace nor request, so only capacity is filled.
        const capacityGiB = volume.request / GIB;
        this.rng.uniform(2, capacityGiB);
        rows.push([...common, '', '', '', '', volume.name, volume.storageClass, volume.csiDriver, volume.csiVolumeHandle,
          String(capacityGiB * GIB), String(capacityGiB * GIB * SECONDS_PER_HOUR), '', '', volume.labels ?? '', '']);
      }
    }
  }

  /** nise's `_gen_openshift_labels`: 2…n keys drawn with replacement from seeded and random keys. */
  private randomLabels(seeding: Record<string, string[]> | null): string {
    const seeded = seeding ?? {
      environment: ['dev', 'ci', 'qa', 'stage', 'prod'],
      app: [this.rng.word(), this.rng.word()],
      organization: [this.rng.word(), this.rng.word()],
    };
    const keys = [...Object.keys(seeded), ...Array.from({ length: 6 }, () => this.rng.word())];
    const labels = new Map<string, string>();
    const count = this.rng.int(2, keys.length);
    for (let i = 0; i < count; i++) {
      const key = this.rng.pick(keys);
      labels.set(`label_${key}`, key in seeded ? this.rng.pick(seeded[key]) : this.rng.word());
    }
    return [...labels].map(([k, v]) => `${k}:${v}`).join('|');
  }
}

function storageRow(common: string[], volume: Volume, claimName: string, claim: Claim, rng: Prng, start: number): string[] {
  const capacityGiB = claim.capacity / GIB;
  const drawn = pythonRound(rng.uniform(2, capacityGiB), 2);
  const usage = usageFor(claim.usage, start);
  const usageGiB = usage ? Math.min(usage, capacityGiB) : drawn;
  const requestSeconds = volume.request > 0 ? volume.request * SECONDS_PER_HOUR : null;
  return [
    ...common,
    volume.namespace ?? '',
    claim.pod ?? '',
    volume.node ?? '',
    claimName,
    volume.name,
    volume.storageClass,
    volume.csiDriver,
    volume.csiVolumeHandle,
    String(capacityGiB * GIB),
    String(capacityGiB * GIB * SECONDS_PER_HOUR),
    requestSeconds === null ? '' : String(requestSeconds),
    requestSeconds === null ? '' : String(usageGiB * GIB * SECONDS_PER_HOUR),
    volume.labels ?? '',
    claim.labels ?? '',
  ];
}

/** A `full_period` / per-date usage mapping with values above the limit capped (nise mutates it so). */
function usageMap(value: unknown, limit: number): Map<string, number> | null {
  const mapping = asMapping(value);
  if (mapping === null) return null;
  return new Map(Object.entries(mapping).map(([k, v]) => [k, Math.min(Number(v), limit)]));
}

/** nise's `_get_usage_for_date`: the first `full_period` or same-day entry; null when none. */
function usageFor(usage: Map<string, number> | null, start: number): number | null {
  if (usage === null) return null;
  const day = new Date(start).toISOString().slice(0, 10);
  for (const [key, value] of usage) {
    if (key === 'full_period') return value;
    const parsed = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(key) ? `${key}T00:00:00Z` : key);
    if (!Number.isNaN(parsed) && new Date(parsed).toISOString().slice(0, 10) === day) return value;
  }
  return null;
}

/** `item[field]` as a number; null when absent (nise then draws a value). Anything else fails, as it fails nise. */
function num(item: Mapping, field: string): number | null {
  const value = item[field];
  if (value === undefined || value === null) return null;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  throw new InvalidNiseManifestError(`field ${field}`, `${JSON.stringify(value)} is not a number`);
}

function text(value: unknown): string | null {
  return value === undefined || value === null ? null : String(value);
}
