/**
 * The 20 OCP-only scenario manifests (`test/fixtures/scenarios/ocp-only`) end to end: nise emulation
 * (`writeNiseManifest`) → Koku's CSV ingest → Koku-layout Parquet in a temp directory → `summarize()` → a fresh
 * tenant schema. Every expected row is derived by hand from the spec (ocp-daily-summary.md, SaaS/Trino flavour) and
 * from what nise really generates for the manifest (poc-lessons §5.2, §6), NOT from the manifests' comments.
 *
 * What nise makes of these manifests (the inputs the derivations start from):
 * - One day, 2025-10-01 (24 hourly rows per pod; October has D = 31 days).
 * - `pod_seconds: 86400` is applied to every hourly row, so a pod with x cores (or x GiB) of usage, request or limit
 *   gets 24 × 86400 × x core-seconds = **576·x core-hours** (GiB-hours) for the day. Effective usage is the per-hour
 *   max(usage, request) summed (spec §2.2, §6), so 576·max(u, r) per pod.
 * - Limits default to the node's cores / memory; usage and request are capped at the limit.
 * - Node capacity is cores × 3600 s on every hourly row whatever pod_seconds is, so NodeCap = cores × 24 core-hours
 *   and memory GiB × 24 GiB-hours; cluster capacity sums the nodes with pod rows (spec §6).
 * - `pod_labels:` is ignored (nise reads `labels:`), so the manifests' pod labels never reach the data: Pod rows
 *   carry `{}` even with the keys enabled. Node and namespace labels are empty. Volume `labels:` become
 *   persistentvolume_labels.
 * - The pod-usage CSV has no node_role column and no node has role labels, so every node's role is `worker`
 *   (spec §8.1: node-label rows exist for every node) → every unallocated row is `Worker unallocated`, with
 *   cost_category NULL, usage/request/effective = capacity − Σ over the node's Pod rows, limits NULL, no clamping.
 * - Node ids get an extra `i-` (resource_id `i-worker001` → `i-i-worker001`).
 * - Storage: capacity/request/usage byte-seconds are GiB × 2^30 × 3600 per hour (pod_seconds does not apply), so
 *   a claim of c GiB gives capacity c/31 GiB-months for the day, request = volume_request_gig / 31 / node_count,
 *   usage = usage_gig / 31 / node_count (spec §7).
 * - Cost category: Koku's default patterns (`openshift-%`, `kube-%`, `openshift`, `Platform unallocated`); scenario 10
 *   adds a user category on `platform-%`, the pattern its manifest assumes.
 *
 * Variants (`… with …` tests) change a manifest where the original cannot express what the spec defines (label
 * precedence, node roles, a PVC with no pod, a claimless PV, a 29-day month); each says what it changes.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { generateNiseOcpRows, loadNiseManifest, writeNiseManifest } from '../../lib/generate/index.js';
import type { NiseManifest } from '../../lib/generate/index.js';
import type { FreshSchema } from '../helpers/database.js';
import { summarizeFreshStore } from '../helpers/scenarioRuns.js';
import { SCENARIOS_DIR } from '../helpers/scenarios.js';
import { join } from 'node:path';

const SCENARIOS = join(SCENARIOS_DIR, 'ocp-only');
const PROVIDER = '3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a5b';
const CLUSTER = 'scenario-cluster';
const OCTOBER = { year: 2025, month: 10 };
const TOLERANCE = 1e-9;
const ZERO_COST = { cpu: 0, memory: 0, storage: 0 };

type Labels = Record<string, string>;
type Mapping = Record<string, unknown>;
/** usage, request, effective, limit (core-hours or GiB-hours). */
type Quad = readonly [number, number, number, number];
/** usage, request, effective (capacity − Σ, unallocated rows). */
type Triple = readonly [number, number, number];
type Expected = Record<string, unknown>;

interface NodeCap {
  node: string;
  resourceId: string;
  cores: number;
  memGiB: number;
  /** NodeCap(day, node) in core-hours and GiB-hours. */
  cpuHours: number;
  memHours: number;
}

interface ClusterCap {
  cpuHours: number;
  memHours: number;
}

interface Ctx {
  /** id of the seeded Platform category. */
  platform: number;
  /** id of the user category a scenario adds (`userCategory`), else null. */
  user: number | null;
}

/** A node as nise writes it for 24 hours: capacity = cores × 24 core-hours, GiB × 24 GiB-hours. */
function nodeOf(node: string, resourceId: string, cores: number, memGiB: number): NodeCap {
  return { node, resourceId: `i-${resourceId}`, cores, memGiB, cpuHours: cores * 24, memHours: memGiB * 24 };
}

const NULL_POD_METRICS = {
  pod_usage_cpu_core_hours: null, pod_request_cpu_core_hours: null, pod_effective_usage_cpu_core_hours: null, pod_limit_cpu_core_hours: null,
  pod_usage_memory_gigabyte_hours: null, pod_request_memory_gigabyte_hours: null, pod_effective_usage_memory_gigabyte_hours: null, pod_limit_memory_gigabyte_hours: null,
  node_capacity_cpu_cores: null, node_capacity_cpu_core_hours: null, node_capacity_memory_gigabytes: null, node_capacity_memory_gigabyte_hours: null,
  cluster_capacity_cpu_core_hours: null, cluster_capacity_memory_gigabyte_hours: null,
};
const NULL_STORAGE = {
  persistentvolumeclaim: null, persistentvolume: null, storageclass: null, volume_labels: null,
  persistentvolumeclaim_capacity_gigabyte: null, persistentvolumeclaim_capacity_gigabyte_months: null,
  volume_request_storage_gigabyte_months: null, persistentvolumeclaim_usage_gigabyte_months: null,
};
const COMMON = { cluster_id: CLUSTER, cluster_alias: CLUSTER, source_uuid: PROVIDER, infrastructure_raw_cost: null };

/** A Pod row (spec §6, §3.2): sums / 3600 (× 2^-30), node and cluster capacity of the day. */
function podRow(namespace: string, n: NodeCap, cluster: ClusterCap, cpu: Quad, mem: Quad, o: { labels?: Labels; costCategory?: number | null } = {}): Expected {
  const labels = o.labels ?? {};
  return {
    ...COMMON, ...NULL_STORAGE, data_source: 'Pod', namespace, node: n.node, resource_id: n.resourceId, pod_labels: labels, all_labels: labels,
    pod_usage_cpu_core_hours: cpu[0], pod_request_cpu_core_hours: cpu[1], pod_effective_usage_cpu_core_hours: cpu[2], pod_limit_cpu_core_hours: cpu[3],
    pod_usage_memory_gigabyte_hours: mem[0], pod_request_memory_gigabyte_hours: mem[1], pod_effective_usage_memory_gigabyte_hours: mem[2], pod_limit_memory_gigabyte_hours: mem[3],
    node_capacity_cpu_cores: n.cores, node_capacity_cpu_core_hours: n.cpuHours, node_capacity_memory_gigabytes: n.memGiB, node_capacity_memory_gigabyte_hours: n.memHours,
    cluster_capacity_cpu_core_hours: cluster.cpuHours, cluster_capacity_memory_gigabyte_hours: cluster.memHours,
    infrastructure_usage_cost: ZERO_COST, cost_category_id: o.costCategory ?? null,
  };
}

/** An unallocated row (spec §8.2): capacity − Σ as given, limits NULL, labels NULL / `{}`, no infrastructure cost. */
function unallocatedRow(n: NodeCap, cluster: ClusterCap, cpu: Triple, mem: Triple, o: { namespace?: string | null; costCategory?: number | null } = {}): Expected {
  return {
    ...COMMON, ...NULL_STORAGE, data_source: 'Pod', namespace: o.namespace === undefined ? 'Worker unallocated' : o.namespace, node: n.node, resource_id: n.resourceId,
    pod_labels: null, all_labels: {},
    pod_usage_cpu_core_hours: cpu[0], pod_request_cpu_core_hours: cpu[1], pod_effective_usage_cpu_core_hours: cpu[2], pod_limit_cpu_core_hours: null,
    pod_usage_memory_gigabyte_hours: mem[0], pod_request_memory_gigabyte_hours: mem[1], pod_effective_usage_memory_gigabyte_hours: mem[2], pod_limit_memory_gigabyte_hours: null,
    node_capacity_cpu_cores: n.cores, node_capacity_cpu_core_hours: n.cpuHours, node_capacity_memory_gigabytes: n.memGiB, node_capacity_memory_gigabyte_hours: n.memHours,
    cluster_capacity_cpu_core_hours: cluster.cpuHours, cluster_capacity_memory_gigabyte_hours: cluster.memHours,
    infrastructure_usage_cost: null, cost_category_id: o.costCategory ?? null,
  };
}

/**
 * A Storage row (spec §7): [capacity GiB, capacity GiB-months, request GiB-months, usage GiB-months]; node and
 * resource_id from the mounting pod (null when no pod matches).
 */
function storageRow(namespace: string, n: NodeCap | null, pvc: string, pv: string, storageclass: string, v: readonly [number, number, number | null, number | null], o: { labels?: Labels; costCategory?: number | null } = {}): Expected {
  const labels = o.labels ?? {};
  return {
    ...COMMON, ...NULL_POD_METRICS, data_source: 'Storage', namespace, node: n?.node ?? null, resource_id: n?.resourceId ?? null, pod_labels: null,
    persistentvolumeclaim: pvc, persistentvolume: pv, storageclass, volume_labels: labels, all_labels: labels,
    persistentvolumeclaim_capacity_gigabyte: v[0], persistentvolumeclaim_capacity_gigabyte_months: v[1],
    volume_request_storage_gigabyte_months: v[2], persistentvolumeclaim_usage_gigabyte_months: v[3],
    infrastructure_usage_cost: ZERO_COST, cost_category_id: o.costCategory ?? null,
  };
}

interface Scenario {
  /** Test title; the folder name for the manifests as they are. */
  title: string;
  dir: string;
  /** Label keys to enable (`reporting_enabledtagkeys`, OCP). */
  keys: string[];
  month?: { year: number; month: number };
  day?: string;
  /** Text change before loading (variants). */
  text?: (yaml: string) => string;
  /** Manifest change after loading (variants). */
  change?: (manifest: NiseManifest) => void;
  /** A user cost category with this namespace LIKE pattern. */
  userCategory?: string;
  expected: (ctx: Ctx, manifest: NiseManifest) => Expected[];
}

// ---- manifest edits for the variants ----------------------------------------------------------------------------

function nodesOf(manifest: NiseManifest): Mapping[] {
  return manifest.ocpClusters.flatMap((c) => c.generators.flatMap((g) => (Array.isArray(g.attributes.nodes) ? (g.attributes.nodes as Mapping[]) : [])));
}

function nodeNamed(manifest: NiseManifest, name: string): Mapping {
  const node = nodesOf(manifest).find((n) => n.node_name === name);
  assert.ok(node, `node ${name}`);
  return node;
}

function namespaceOf(manifest: NiseManifest, node: string, namespace: string): Mapping {
  return (nodeNamed(manifest, node).namespaces as Record<string, Mapping>)[namespace];
}

/** The manifests' `pod_labels:` under the key nise reads, `labels:`. */
function podLabelsToLabels(manifest: NiseManifest): void {
  for (const node of nodesOf(manifest)) {
    for (const ns of Object.values((node.namespaces ?? {}) as Record<string, Mapping | null>)) {
      for (const pod of (ns?.pods ?? []) as Mapping[]) {
        if (pod.pod_labels !== undefined) {
          pod.labels = pod.pod_labels;
          delete pod.pod_labels;
        }
      }
    }
  }
}

function claimsOf(manifest: NiseManifest): Mapping[] {
  const claims: Mapping[] = [];
  for (const node of nodesOf(manifest)) {
    for (const ns of Object.values((node.namespaces ?? {}) as Record<string, Mapping | null>)) {
      for (const volume of (ns?.volumes ?? []) as Mapping[]) claims.push(...((volume.volume_claims ?? []) as Mapping[]));
    }
  }
  return claims;
}

// ---- the scenarios -------------------------------------------------------------------------------------------------

const SCENARIO_LIST: Scenario[] = [
  {
    title: '01-basic-pod', dir: '01-basic-pod', keys: ['app', 'tier'],
    expected: () => {
      const w = nodeOf('worker-node-1', 'i-worker001', 4, 16); // 96 core-h, 384 GiB-h
      const c = { cpuHours: 96, memHours: 384 };
      return [
        // frontend-pod: 576 × [0.3, 0.5, max(0.3, 0.5), 1.0]; memory 576 × [0.8, 1, 1, 2]; pod_labels: ignored → {}
        podRow('app-namespace', w, c, [172.8, 288, 288, 576], [460.8, 576, 576, 1152]),
        // 96 − [172.8, 288, 288]; 384 − [460.8, 576, 576]
        unallocatedRow(w, c, [-76.8, -192, -192], [-76.8, -192, -192]),
      ];
    },
  },
  {
    // Only `storage` is enabled: the PV's backup:enabled is filtered out (spec §5.1).
    title: '02-storage-volume', dir: '02-storage-volume', keys: ['storage'],
    expected: () => {
      const w = nodeOf('worker-node-1', 'i-worker001', 4, 16);
      const c = { cpuHours: 96, memHours: 384 };
      return [
        // postgres-pod: 576 × [0.8, 1, 1, 2]; memory 576 × [3, 4, 4, 8]
        podRow('database', w, c, [460.8, 576, 576, 1152], [1728, 2304, 2304, 4608]),
        // 96 − [460.8, 576, 576]; 384 − [1728, 2304, 2304]
        unallocatedRow(w, c, [-364.8, -480, -480], [-1344, -1920, -1920]),
        // 100 GiB claim, request 100 GiB, usage 50 GiB, one node: [100, 100/31, 100/31, 50/31]
        storageRow('database', w, 'postgres-data-pvc', 'postgres-data-pvc', 'gp2', [100, 100 / 31, 100 / 31, 50 / 31], { labels: { storage: 'database' } }),
      ];
    },
  },
  {
    // nise keys pods by name: staging's api-server replaces production's (poc-lessons §5.2 item 3).
    title: '03-multi-namespace', dir: '03-multi-namespace', keys: ['app', 'env', 'component'],
    expected: () => {
      const w = nodeOf('worker-node-1', 'i-worker001', 8, 32); // 192, 768
      const c = { cpuHours: 192, memHours: 768 };
      return [
        // web-frontend only: 576 × [0.4, 0.5, 0.5, 1]; memory 576 × [0.8, 1, 1, 2]
        podRow('production', w, c, [230.4, 288, 288, 576], [460.8, 576, 576, 1152]),
        // api-server (staging's values): 576 × [0.3, 0.5, 0.5, 1]; memory 576 × [0.5, 1, 1, 2]
        podRow('staging', w, c, [172.8, 288, 288, 576], [288, 576, 576, 1152]),
        // prometheus: 576 × [1.5, 2, 2, 4]; memory 576 × [6, 8, 8, 16]
        podRow('monitoring', w, c, [864, 1152, 1152, 2304], [3456, 4608, 4608, 9216]),
        // 192 − [230.4+172.8+864, 288+288+1152, same]; 768 − [460.8+288+3456, 576+576+4608, same]
        unallocatedRow(w, c, [-1075.2, -1536, -1536], [-3436.8, -4992, -4992]),
      ];
    },
  },
  {
    title: '04-multi-node', dir: '04-multi-node', keys: ['app', 'node'],
    expected: () => {
      const w1 = nodeOf('worker-1', 'i-worker001', 4, 16); // 96, 384
      const w2 = nodeOf('worker-2', 'i-worker002', 8, 64); // 192, 1536
      const i1 = nodeOf('infra-1', 'i-infra001', 4, 32); // 96, 768
      const c = { cpuHours: 96 + 192 + 96, memHours: 384 + 1536 + 768 }; // 384, 2688
      return [
        // app-worker1: 576 × [0.8, 1, 1, 2]; memory 576 × [3, 4, 4, 8]
        podRow('default', w1, c, [460.8, 576, 576, 1152], [1728, 2304, 2304, 4608]),
        // app-worker2: 576 × [1.5, 2, 2, 4]; memory 576 × [12, 16, 16, 32]
        podRow('default', w2, c, [864, 1152, 1152, 2304], [6912, 9216, 9216, 18432]),
        // prometheus: 576 × [0.8, 1, 1, 2]; memory 576 × [6, 8, 8, 16]
        podRow('monitoring', i1, c, [460.8, 576, 576, 1152], [3456, 4608, 4608, 9216]),
        unallocatedRow(w1, c, [96 - 460.8, 96 - 576, 96 - 576], [384 - 1728, 384 - 2304, 384 - 2304]),
        unallocatedRow(w2, c, [192 - 864, 192 - 1152, 192 - 1152], [1536 - 6912, 1536 - 9216, 1536 - 9216]),
        // infra-1 has no role label in nise's data → worker (spec §8.1)
        unallocatedRow(i1, c, [96 - 460.8, 96 - 576, 96 - 576], [768 - 3456, 768 - 4608, 768 - 4608]),
      ];
    },
  },
  {
    // nise keys namespaces by name within a generator: `default` ends up on worker-2 only, with worker-2's pods, so
    // worker-1 has no pod rows at all: no Pod row, no capacity, no unallocated row.
    title: '05-cluster-capacity', dir: '05-cluster-capacity', keys: ['app', 'component'],
    expected: ({ platform }) => {
      const m = nodeOf('master-1', 'i-master001', 4, 16); // 96, 384
      const w2 = nodeOf('worker-2', 'i-worker002', 8, 32); // 192, 768
      const c = { cpuHours: 96 + 192, memHours: 384 + 768 }; // worker-1 absent from the hourly pod data
      return [
        // kube-apiserver (limits default to the node: 4 cores, 16 GiB): 576 × [0.3, 0.5, 0.5, 4]; memory 576 × [1.5, 2, 2, 16]; kube-% → Platform
        podRow('kube-system', m, c, [172.8, 288, 288, 2304], [864, 1152, 1152, 9216], { costCategory: platform }),
        // db-pod (limits 8, 32): 576 × [3, 4, 4, 8]; memory 576 × [12, 16, 16, 32]
        podRow('default', w2, c, [1728, 2304, 2304, 4608], [6912, 9216, 9216, 18432]),
        // master-1 is a worker by Koku's role rule (kube-system is not openshift-kube-apiserver)
        unallocatedRow(m, c, [96 - 172.8, 96 - 288, 96 - 288], [384 - 864, 384 - 1152, 384 - 1152]),
        unallocatedRow(w2, c, [192 - 1728, 192 - 2304, 192 - 2304], [768 - 6912, 768 - 9216, 768 - 9216]),
      ];
    },
  },
  {
    // Koku's default patterns do not match platform-*: every cost_category_id is NULL.
    title: '06-cost-category', dir: '06-cost-category', keys: ['app'],
    expected: () => {
      const w = nodeOf('worker-1', 'i-worker001', 8, 32); // 192, 768; limits default to 8 cores, 32 GiB
      const c = { cpuHours: 192, memHours: 768 };
      return [
        // prometheus: 576 × [0.8, 1, 1, 8]; memory 576 × [3, 4, 4, 32]
        podRow('platform-monitoring', w, c, [460.8, 576, 576, 4608], [1728, 2304, 2304, 18432]),
        // elasticsearch: 576 × [1.5, 2, 2, 8]; memory 576 × [6, 8, 8, 32]
        podRow('platform-logging', w, c, [864, 1152, 1152, 4608], [3456, 4608, 4608, 18432]),
        // orphan-pod: 576 × [0.3, 0.5, 0.5, 8]; memory 576 × [0.8, 1, 1, 32]
        podRow('unassigned-namespace', w, c, [172.8, 288, 288, 4608], [460.8, 576, 576, 18432]),
        // 192 − [460.8+864+172.8, 576+1152+288, same]; 768 − [1728+3456+460.8, 2304+4608+576, same]
        unallocatedRow(w, c, [-1305.6, -1824, -1824], [-4876.8, -6720, -6720]),
      ];
    },
  },
  {
    title: '07-unallocated-capacity', dir: '07-unallocated-capacity', keys: ['app', 'component', 'tier'],
    expected: ({ platform }) => {
      const m = nodeOf('master-1', 'i-master001', 4, 16); // 96, 384
      const w = nodeOf('worker-1', 'i-worker001', 8, 32); // 192, 768
      const c = { cpuHours: 288, memHours: 1152 };
      return [
        // kube-apiserver: 576 × [0.3, 0.5, 0.5, 1]; memory 576 × [1.5, 2, 2, 4]; Platform (kube-%)
        podRow('kube-system', m, c, [172.8, 288, 288, 576], [864, 1152, 1152, 2304], { costCategory: platform }),
        // app-pod: 576 × [1.5, 2, 2, 4]; memory 576 × [6, 8, 8, 16]
        podRow('default', w, c, [864, 1152, 1152, 2304], [3456, 4608, 4608, 9216]),
        // Not "Platform unallocated" as the manifest says: nise gives master-1 no role → worker (spec §8.1)
        unallocatedRow(m, c, [96 - 172.8, 96 - 288, 96 - 288], [384 - 864, 384 - 1152, 384 - 1152]),
        unallocatedRow(w, c, [192 - 864, 192 - 1152, 192 - 1152], [768 - 3456, 768 - 4608, 768 - 4608]),
      ];
    },
  },
  {
    title: '08-shared-pv-nodes', dir: '08-shared-pv-nodes', keys: ['app', 'storage'],
    expected: () => {
      const w1 = nodeOf('worker-1', 'i-worker001', 8, 32);
      const w2 = nodeOf('worker-2', 'i-worker002', 8, 32);
      const c = { cpuHours: 384, memHours: 1536 };
      // app-pod-1 / app-pod-2: 576 × [0.3, 0.5, 0.5, 8]; memory 576 × [0.8, 1, 1, 32]
      const cpu = [172.8, 288, 288, 4608] as const;
      const mem = [460.8, 576, 576, 18432] as const;
      // PV shared-pvc is mounted from 2 nodes → node_count 2: capacity whole (100/31), request 100/31/2, usage 30/31/2
      const shared = [100, 100 / 31, 100 / 31 / 2, 30 / 31 / 2] as const;
      return [
        podRow('shared-storage', w1, c, cpu, mem),
        podRow('shared-storage', w2, c, cpu, mem),
        // 192 − [172.8, 288, 288]; 768 − [460.8, 576, 576]
        unallocatedRow(w1, c, [19.2, -96, -96], [307.2, 192, 192]),
        unallocatedRow(w2, c, [19.2, -96, -96], [307.2, 192, 192]),
        storageRow('shared-storage', w1, 'shared-pvc', 'shared-pvc', 'gp2', shared, { labels: { storage: 'shared' } }),
        storageRow('shared-storage', w2, 'shared-pvc', 'shared-pvc', 'gp2', shared, { labels: { storage: 'shared' } }),
      ];
    },
  },
  {
    title: '09-days-in-month', dir: '09-days-in-month', keys: ['app', 'storage'],
    expected: () => daysInMonthRows(31),
  },
  {
    title: '09-days-in-month moved to 2024-02-29 (D = 29)', dir: '09-days-in-month', keys: ['app', 'storage'],
    text: (yaml) => yaml.replaceAll('2025-10-01', '2024-02-29').replaceAll('2025-10-02', '2024-03-01'),
    month: { year: 2024, month: 2 }, day: '2024-02-29',
    expected: () => daysInMonthRows(29),
  },
  {
    // With a user category on `platform-%` (the manifest's intent): LIKE gives it to Pod and Storage rows (§5.3).
    title: '10-storage-cost-category', dir: '10-storage-cost-category', keys: ['app', 'storage'], userCategory: 'platform-%',
    expected: ({ user }) => {
      const w = nodeOf('worker-1', 'i-worker001', 8, 32);
      const c = { cpuHours: 192, memHours: 768 };
      // storage-pod and app-pod: 576 × [0.3, 0.5, 0.5, 8]; memory 576 × [0.8, 1, 1, 32]
      const cpu = [172.8, 288, 288, 4608] as const;
      const mem = [460.8, 576, 576, 18432] as const;
      return [
        podRow('platform-storage', w, c, cpu, mem, { costCategory: user }),
        podRow('standalone-app', w, c, cpu, mem),
        // 192 − 2 × [172.8, 288, 288]; 768 − 2 × [460.8, 576, 576]
        unallocatedRow(w, c, [-153.6, -384, -384], [-153.6, -384, -384]),
        // 50 GiB, request 50, usage 25; 20 GiB, request 20, usage 10 (÷ 31 days)
        storageRow('platform-storage', w, 'platform-pvc', 'platform-pvc', 'gp2', [50, 50 / 31, 50 / 31, 25 / 31], { labels: { storage: 'platform' }, costCategory: user }),
        storageRow('standalone-app', w, 'app-pvc', 'app-pvc', 'gp2', [20, 20 / 31, 20 / 31, 10 / 31], { labels: { storage: 'app' } }),
      ];
    },
  },
  {
    title: '11-pvc-capacity-gb', dir: '11-pvc-capacity-gb', keys: ['app', 'size'],
    expected: () => {
      const w = nodeOf('worker-1', 'i-worker001', 8, 32);
      const c = { cpuHours: 192, memHours: 768 };
      return [
        // db-pod: 576 × [0.8, 1, 1, 8]; memory 576 × [3, 4, 4, 32]
        podRow('storage-test', w, c, [460.8, 576, 576, 4608], [1728, 2304, 2304, 18432]),
        unallocatedRow(w, c, [192 - 460.8, 192 - 576, 192 - 576], [768 - 1728, 768 - 2304, 768 - 2304]),
        storageRow('storage-test', w, 'small-pvc', 'small-pvc', 'gp2', [10, 10 / 31, 10 / 31, 5 / 31], { labels: { size: 'small' } }),
        storageRow('storage-test', w, 'medium-pvc', 'medium-pvc', 'gp2', [100, 100 / 31, 100 / 31, 50 / 31], { labels: { size: 'medium' } }),
        storageRow('storage-test', w, 'large-pvc', 'large-pvc', 'gp2', [1000, 1000 / 31, 1000 / 31, 500 / 31], { labels: { size: 'large' } }),
      ];
    },
  },
  {
    // The manifest's pod_labels never reach the data (nise reads `labels:`), so the enabled keys change nothing.
    title: '12-label-precedence', dir: '12-label-precedence', keys: ['env', 'app', 'tier'],
    expected: () => smallPodRows('app-namespace', {}),
  },
  {
    // The labels moved to `labels:` and node / namespace labels added: pod > namespace > node, enabled keys only.
    title: '12-label-precedence with pod labels under labels: and node + namespace labels', dir: '12-label-precedence',
    keys: ['env', 'app', 'tier', 'team', 'zone'],
    change: (m) => {
      podLabelsToLabels(m); // env:pod-level|app:frontend|tier:web
      const pod = (namespaceOf(m, 'worker-1', 'app-namespace').pods as Mapping[])[0];
      pod.labels = `${String(pod.labels)}|hidden:pod`;
      nodeNamed(m, 'worker-1').node_labels = 'label_env:node-level|label_team:node-team|label_zone:z1|label_hidden:node';
      namespaceOf(m, 'worker-1', 'app-namespace').namespace_labels = 'label_env:ns-level|label_team:ns-team|label_tier:ns-tier|label_hidden:ns';
    },
    // env, app, tier from the pod; team from the namespace (over the node); zone from the node; hidden not enabled
    expected: () => smallPodRows('app-namespace', { env: 'pod-level', app: 'frontend', tier: 'web', team: 'ns-team', zone: 'z1' }),
  },
  {
    title: '13-labels-special-chars', dir: '13-labels-special-chars', keys: ['app', 'team', 'region'],
    expected: () => smallPodRows('special-labels', {}),
  },
  {
    // No key enabled (Koku's default): every label map is {} (SaaS, spec §5.1).
    title: '14-empty-labels', dir: '14-empty-labels', keys: [],
    expected: () => {
      const w = nodeOf('worker-1', 'i-worker001', 4, 16);
      const c = { cpuHours: 96, memHours: 384 };
      // each pod: 576 × [0.3, 0.5, 0.5, 4]; memory 576 × [0.8, 1, 1, 16]
      return [
        podRow('no-labels-ns', w, c, [172.8, 288, 288, 2304], [460.8, 576, 576, 9216]),
        podRow('some-labels-ns', w, c, [172.8, 288, 288, 2304], [460.8, 576, 576, 9216]),
        // 96 − 2 × [172.8, 288, 288]; 384 − 2 × [460.8, 576, 576]
        unallocatedRow(w, c, [-249.6, -480, -480], [-537.6, -768, -768]),
      ];
    },
  },
  {
    // All three pods share (day, namespace, node, merged labels {}) → ONE Pod row (spec §6 group key).
    title: '15-effective-usage', dir: '15-effective-usage', keys: ['app'],
    expected: () => {
      const w = nodeOf('worker-1', 'i-worker001', 8, 32);
      const c = { cpuHours: 192, memHours: 768 };
      return [
        // usage 576 × (1.5+0.1+1); request 576 × (0.5+2+1); effective 576 × (max(1.5,0.5)+max(0.1,2)+max(1,1)) = 576 × 4.5,
        // more than max(Σusage, Σrequest) = 2016 because the max is per hour and pod; limit 576 × (2+4+2).
        // memory: 576 × (3+0.5+2), 576 × (1+8+2), 576 × (3+8+2), 576 × (4+16+4)
        podRow('test', w, c, [1497.6, 2016, 2592, 4608], [3168, 6336, 7488, 13824]),
        unallocatedRow(w, c, [192 - 1497.6, 192 - 2016, 192 - 2592], [768 - 3168, 768 - 6336, 768 - 7488]),
      ];
    },
  },
  {
    // With `labels:` the three pods have different merged maps → three Pod rows, effective per pod.
    title: '15-effective-usage with pod labels under labels:', dir: '15-effective-usage', keys: ['app'], change: podLabelsToLabels,
    expected: () => {
      const w = nodeOf('worker-1', 'i-worker001', 8, 32);
      const c = { cpuHours: 192, memHours: 768 };
      return [
        // burst: 576 × [1.5, 0.5, 1.5, 2]; memory 576 × [3, 1, 3, 4]
        podRow('test', w, c, [864, 288, 864, 1152], [1728, 576, 1728, 2304], { labels: { app: 'burst' } }),
        // idle: 576 × [0.1, 2, 2, 4]; memory 576 × [0.5, 8, 8, 16]
        podRow('test', w, c, [57.6, 1152, 1152, 2304], [288, 4608, 4608, 9216], { labels: { app: 'idle' } }),
        // optimal: 576 × [1, 1, 1, 2]; memory 576 × [2, 2, 2, 4]
        podRow('test', w, c, [576, 576, 576, 1152], [1152, 1152, 1152, 2304], { labels: { app: 'optimal' } }),
        unallocatedRow(w, c, [192 - 1497.6, 192 - 2016, 192 - 2592], [768 - 3168, 768 - 6336, 768 - 7488]),
      ];
    },
  },
  {
    title: '16-all-labels', dir: '16-all-labels', keys: ['app', 'tier', 'env', 'storage', 'backup'],
    expected: () => {
      const w = nodeOf('worker-1', 'i-worker001', 4, 16);
      const c = { cpuHours: 96, memHours: 384 };
      return [
        // db-pod: 576 × [0.8, 1, 1, 4]; memory 576 × [3, 4, 4, 16]; pod_labels: ignored → {}
        podRow('storage-app', w, c, [460.8, 576, 576, 2304], [1728, 2304, 2304, 9216]),
        unallocatedRow(w, c, [96 - 460.8, 96 - 576, 96 - 576], [384 - 1728, 384 - 2304, 384 - 2304]),
        // all_labels of a Storage row = its volume_labels (the PV's labels; no pod labels on storage rows)
        storageRow('storage-app', w, 'db-pvc', 'db-pvc', 'gp2', [100, 100 / 31, 100 / 31, 50 / 31], { labels: { storage: 'premium', backup: 'enabled', env: 'storage' } }),
      ];
    },
  },
  {
    // Volume precedence PVC > PV > namespace > node (of the mounting pod), pod precedence pod > namespace > node.
    title: '16-all-labels with node, namespace, pod and claim labels', dir: '16-all-labels',
    keys: ['app', 'tier', 'env', 'storage', 'backup', 'zone', 'team', 'claim'],
    change: (m) => {
      podLabelsToLabels(m); // app:database|tier:backend|env:production
      nodeNamed(m, 'worker-1').node_labels = 'label_env:node|label_zone:z1|label_tier:node-tier';
      namespaceOf(m, 'worker-1', 'storage-app').namespace_labels = 'label_env:ns|label_team:t1|label_tier:ns-tier';
      claimsOf(m)[0].labels = 'backup:disabled|claim:c1'; // PV labels stay storage:premium|backup:enabled|env:storage
    },
    expected: () => {
      const w = nodeOf('worker-1', 'i-worker001', 4, 16);
      const c = { cpuHours: 96, memHours: 384 };
      return [
        // node {env:node, zone, tier:node-tier} < ns {env:ns, team, tier:ns-tier} < pod {app, tier:backend, env:production}
        podRow('storage-app', w, c, [460.8, 576, 576, 2304], [1728, 2304, 2304, 9216], { labels: { app: 'database', tier: 'backend', env: 'production', team: 't1', zone: 'z1' } }),
        unallocatedRow(w, c, [96 - 460.8, 96 - 576, 96 - 576], [384 - 1728, 384 - 2304, 384 - 2304]),
        // node < ns < PV {storage, backup:enabled, env:storage} < PVC {backup:disabled, claim}
        storageRow('storage-app', w, 'db-pvc', 'db-pvc', 'gp2', [100, 100 / 31, 100 / 31, 50 / 31], {
          labels: { env: 'storage', zone: 'z1', tier: 'ns-tier', team: 't1', storage: 'premium', backup: 'disabled', claim: 'c1' },
        }),
      ];
    },
  },
  {
    title: '17-node-roles', dir: '17-node-roles', keys: ['app', 'component'],
    expected: ({ platform }) => nodeRoleRows(platform, 'kube-system', { master: 'Worker unallocated', infra: 'Worker unallocated' }),
  },
  {
    // master-1's namespace renamed openshift-kube-apiserver (→ master), infra-1 labelled node-role infra (→ infra).
    title: '17-node-roles with an apiserver namespace and an infra node label', dir: '17-node-roles', keys: ['app', 'component'],
    change: (m) => {
      const master = nodeNamed(m, 'master-1');
      const namespaces = master.namespaces as Record<string, unknown>;
      master.namespaces = { 'openshift-kube-apiserver': namespaces['kube-system'] };
      nodeNamed(m, 'infra-1').node_labels = 'label_node_role_kubernetes_io:infra';
    },
    expected: ({ platform }) => nodeRoleRows(platform, 'openshift-kube-apiserver', { master: 'Platform unallocated', infra: 'Platform unallocated' }),
  },
  {
    // Zero usage is "unset" in nise and drawn at random: the random hours are taken from the generated rows.
    title: '18-zero-usage', dir: '18-zero-usage', keys: ['app'],
    expected: (_ctx, manifest) => {
      const w = nodeOf('worker-1', 'i-worker001', 8, 32);
      const c = { cpuHours: 192, memHours: 768 };
      const drawn = drawnUsage(manifest);
      // zero-cpu-pod: drawn cpu, request 1 (per hour max), limit 2; memory 1, 2, 2, 4
      // zero-mem-pod: cpu 0.3, 0.5, 0.5, 1; drawn memory, request 4 (per hour max), limit 8
      // minimal-pod: cpu 0.001, 0.1, 0.1, 0.5; memory 0.001, 0.1, 0.1, 0.5
      const cpu = [drawn.cpuHours + 172.8 + 0.576, 576 * (1 + 0.5 + 0.1), drawn.cpuEffectiveHours + 288 + 57.6, 576 * (2 + 1 + 0.5)] as const;
      const mem = [576 + drawn.memHours + 0.576, 576 * (2 + 4 + 0.1), 1152 + drawn.memEffectiveHours + 57.6, 576 * (4 + 8 + 0.5)] as const;
      return [
        podRow('test', w, c, cpu, mem),
        unallocatedRow(w, c, [192 - cpu[0], 192 - cpu[1], 192 - cpu[2]], [768 - mem[0], 768 - mem[1], 768 - mem[2]]),
      ];
    },
  },
  {
    // pod_labels ignored → both pods in one Pod row.
    title: '19-vm-pods', dir: '19-vm-pods', keys: ['app'],
    expected: () => vmRows([{ labels: {}, cpu: [1900.8, 2592, 2592, 5184], mem: [7372.8, 9792, 9792, 19584] }]),
  },
  {
    // With `labels:` and `app` enabled, vm_kubevirt_io_name is kept without being enabled (spec §5.1).
    title: '19-vm-pods with pod labels under labels:', dir: '19-vm-pods', keys: ['app'], change: podLabelsToLabels,
    expected: () => vmRows([
      // virt-launcher: 576 × [3, 4, 4, 8]; memory 576 × [12, 16, 16, 32]
      { labels: { vm_kubevirt_io_name: 'rhel-vm', app: 'vm' }, cpu: [1728, 2304, 2304, 4608], mem: [6912, 9216, 9216, 18432] },
      // regular-pod: 576 × [0.3, 0.5, 0.5, 1]; memory 576 × [0.8, 1, 1, 2]
      { labels: { app: 'web' }, cpu: [172.8, 288, 288, 576], mem: [460.8, 576, 576, 1152] },
    ]),
  },
  {
    // With `labels:` but no key enabled, SaaS drops even vm_kubevirt_io_name (array_agg of nothing is NULL, §5.1).
    title: '19-vm-pods with pod labels under labels: and no key enabled', dir: '19-vm-pods', keys: [], change: podLabelsToLabels,
    expected: () => vmRows([{ labels: {}, cpu: [1900.8, 2592, 2592, 5184], mem: [7372.8, 9792, 9792, 19584] }]),
  },
  {
    // Both PVCs are mounted (placeholder-pod exists), so both Storage rows have the node and node_count 1.
    title: '20-storage-no-pod', dir: '20-storage-no-pod', keys: ['app', 'storage'],
    expected: () => storageNoPodRows(true),
  },
  {
    // orphan-pvc's claim names a pod that does not exist, and a PV without claims is added: no pod match → node,
    // resource_id NULL; request and usage NULL (Trino divides by a NULL node_count), capacity still counted (spec §7).
    title: '20-storage-no-pod with the orphan claim on a pod that does not exist and a claimless PV', dir: '20-storage-no-pod', keys: ['app', 'storage'],
    change: (m) => {
      const claim = claimsOf(m).find((x) => x.volume_claim_name === 'orphan-pvc');
      assert.ok(claim);
      claim.pod_name = 'gone-pod';
      const ns = namespaceOf(m, 'worker-1', 'storage-only');
      (ns.volumes as Mapping[]).push({ volume: null, volume_name: 'claimless-pv', storage_class: 'gp2', volume_request_gig: 30, labels: 'storage:claimless' });
    },
    expected: () => [
      ...storageNoPodRows(false),
      // nise writes a claimless PV with namespace, pod, PVC "" and no request/usage: one Storage row in namespace "",
      // capacity 30 GiB → 30/31 GiB-months, request and usage NULL (no node_count), PV labels only
      storageRow('', null, '', 'claimless-pv', 'gp2', [30, 30 / 31, null, null], { labels: { storage: 'claimless' } }),
    ],
  },
];

/** Scenario 09 (one day of a month of D days). */
function daysInMonthRows(days: number): Expected[] {
  const w = nodeOf('worker-1', 'i-worker001', 4, 16);
  const c = { cpuHours: 96, memHours: 384 };
  return [
    // db-pod: 576 × [0.8, 1, 1, 4]; memory 576 × [3, 4, 4, 16]
    podRow('storage-test', w, c, [460.8, 576, 576, 2304], [1728, 2304, 2304, 9216]),
    unallocatedRow(w, c, [96 - 460.8, 96 - 576, 96 - 576], [384 - 1728, 384 - 2304, 384 - 2304]),
    // 100 GiB for one whole day = 100 / D GiB-months; request 100 / D; usage 50 / D
    storageRow('storage-test', w, 'db-pvc', 'db-pvc', 'gp2', [100, 100 / days, 100 / days, 50 / days], { labels: { storage: 'database' } }),
  ];
}

/** Scenarios 12 and 13: one pod (0.5 request, 0.3 usage, 1 / 0.8 GiB) on a 4-core, 16 GiB node. */
function smallPodRows(namespace: string, labels: Labels): Expected[] {
  const w = nodeOf('worker-1', 'i-worker001', 4, 16);
  const c = { cpuHours: 96, memHours: 384 };
  return [
    // 576 × [0.3, 0.5, 0.5, 4]; memory 576 × [0.8, 1, 1, 16]
    podRow(namespace, w, c, [172.8, 288, 288, 2304], [460.8, 576, 576, 9216], { labels }),
    // 96 − [172.8, 288, 288]; 384 − [460.8, 576, 576]
    unallocatedRow(w, c, [-76.8, -192, -192], [-76.8, -192, -192]),
  ];
}

/** Scenario 17: master-1 (4/16), infra-1 (4/32), worker-1 (8/32); `roles` gives the unallocated namespaces. */
function nodeRoleRows(platform: number, masterNamespace: string, roles: { master: string; infra: string }): Expected[] {
  const m = nodeOf('master-1', 'i-master001', 4, 16); // 96, 384
  const i = nodeOf('infra-1', 'i-infra001', 4, 32); // 96, 768
  const w = nodeOf('worker-1', 'i-worker001', 8, 32); // 192, 768
  const c = { cpuHours: 96 + 96 + 192, memHours: 384 + 768 + 768 };
  const categoryOf = (ns: string) => (ns === 'Platform unallocated' ? platform : null);
  return [
    // api-server: 576 × [0.3, 0.5, 0.5, 4]; memory 576 × [1.5, 2, 2, 16]; kube-% / openshift-% → Platform
    podRow(masterNamespace, m, c, [172.8, 288, 288, 2304], [864, 1152, 1152, 9216], { costCategory: platform }),
    // prometheus: 576 × [0.8, 1, 1, 4]; memory 576 × [6, 8, 8, 32]
    podRow('monitoring', i, c, [460.8, 576, 576, 2304], [3456, 4608, 4608, 18432]),
    // app-pod: 576 × [1.5, 2, 2, 8]; memory 576 × [3, 4, 4, 32]
    podRow('default', w, c, [864, 1152, 1152, 4608], [1728, 2304, 2304, 18432]),
    unallocatedRow(m, c, [96 - 172.8, 96 - 288, 96 - 288], [384 - 864, 384 - 1152, 384 - 1152], { namespace: roles.master, costCategory: categoryOf(roles.master) }),
    unallocatedRow(i, c, [96 - 460.8, 96 - 576, 96 - 576], [768 - 3456, 768 - 4608, 768 - 4608], { namespace: roles.infra, costCategory: categoryOf(roles.infra) }),
    unallocatedRow(w, c, [192 - 864, 192 - 1152, 192 - 1152], [768 - 1728, 768 - 2304, 768 - 2304]),
  ];
}

/** Scenario 19 on worker-1 (16 cores, 64 GiB → 384, 1536); unallocated = capacity − the sum of the Pod rows. */
function vmRows(pods: Array<{ labels: Labels; cpu: Quad; mem: Quad }>): Expected[] {
  const w = nodeOf('worker-1', 'i-worker001', 16, 64);
  const c = { cpuHours: 384, memHours: 1536 };
  const sum = (pick: (p: (typeof pods)[number]) => number) => pods.reduce((s, p) => s + pick(p), 0);
  // both pods together: 576 × [3.3, 4.5, 4.5, 9]; memory 576 × [12.8, 17, 17, 34]
  return [
    ...pods.map((p) => podRow('vm-namespace', w, c, p.cpu, p.mem, { labels: p.labels })),
    unallocatedRow(w, c, [384 - sum((p) => p.cpu[0]), 384 - sum((p) => p.cpu[1]), 384 - sum((p) => p.cpu[2])], [1536 - sum((p) => p.mem[0]), 1536 - sum((p) => p.mem[1]), 1536 - sum((p) => p.mem[2])]),
  ];
}

/** Scenario 20; `orphanMounted` false when orphan-pvc's pod does not exist. */
function storageNoPodRows(orphanMounted: boolean): Expected[] {
  const w = nodeOf('worker-1', 'i-worker001', 8, 32);
  const c = { cpuHours: 192, memHours: 768 };
  return [
    // app-pod: 576 × [0.3, 0.5, 0.5, 8]; memory 576 × [0.8, 1, 1, 32]
    podRow('with-pods', w, c, [172.8, 288, 288, 4608], [460.8, 576, 576, 18432]),
    // placeholder-pod: 576 × [0.05, 0.1, 0.1, 8]; memory 576 × [0.05, 0.1, 0.1, 32]
    podRow('storage-only', w, c, [28.8, 57.6, 57.6, 4608], [28.8, 57.6, 57.6, 18432]),
    // 192 − [172.8+28.8, 288+57.6, same]; 768 − [460.8+28.8, 576+57.6, same]
    unallocatedRow(w, c, [-9.6, -153.6, -153.6], [278.4, 134.4, 134.4]),
    storageRow('with-pods', w, 'used-pvc', 'used-pvc', 'gp2', [50, 50 / 31, 50 / 31, 25 / 31], { labels: { storage: 'used' } }),
    orphanMounted
      ? storageRow('storage-only', w, 'orphan-pvc', 'orphan-pvc', 'gp2', [100, 100 / 31, 100 / 31, 50 / 31], { labels: { storage: 'orphan' } })
      : storageRow('storage-only', null, 'orphan-pvc', 'orphan-pvc', 'gp2', [100, 100 / 31, null, null], { labels: { storage: 'orphan' } }),
  ];
}

/**
 * Scenario 18's random hours, read from the rows nise's emulation generates (same default seed as
 * `writeNiseManifest`): zero-cpu-pod's drawn CPU and zero-mem-pod's drawn memory, as hours and as per-hour
 * max(usage, request) hours.
 */
function drawnUsage(manifest: NiseManifest): { cpuHours: number; cpuEffectiveHours: number; memHours: number; memEffectiveHours: number } {
  const report = generateNiseOcpRows(manifest.ocpClusters[0]).pod_usage;
  const col = (name: string) => report.header.indexOf(name);
  const rowsOf = (pod: string) => report.rows.filter((r) => r[col('pod')] === pod);
  const sum = (rows: string[][], f: (r: string[]) => number) => rows.reduce((s, r) => s + f(r), 0);
  const cpuRows = rowsOf('zero-cpu-pod');
  const memRows = rowsOf('zero-mem-pod');
  assert.equal(cpuRows.length, 24);
  assert.equal(memRows.length, 24);
  const u = (r: string[], c: string) => Number(r[col(c)]);
  const gibHours = 3600 * 2 ** 30;
  const drawn = {
    cpuHours: sum(cpuRows, (r) => u(r, 'pod_usage_cpu_core_seconds')) / 3600,
    cpuEffectiveHours: sum(cpuRows, (r) => Math.max(u(r, 'pod_usage_cpu_core_seconds'), u(r, 'pod_request_cpu_core_seconds'))) / 3600,
    memHours: sum(memRows, (r) => u(r, 'pod_usage_memory_byte_seconds')) / gibHours,
    memEffectiveHours: sum(memRows, (r) => Math.max(u(r, 'pod_usage_memory_byte_seconds'), u(r, 'pod_request_memory_byte_seconds'))) / gibHours,
  };
  // nise cannot express zero usage (poc-lessons §5.2 item 4): every hour has a drawn value > 0
  assert.ok(cpuRows.every((r) => u(r, 'pod_usage_cpu_core_seconds') > 0) && memRows.every((r) => u(r, 'pod_usage_memory_byte_seconds') > 0));
  return drawn;
}

// ---- comparison ----------------------------------------------------------------------------------------------------

function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const o = value as Record<string, unknown>;
  return `{${Object.keys(o).sort().map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`).join(',')}}`;
}

/** The logical grain: data source, namespace, node, PVC and the merged pod labels (§3.1). */
function identity(row: Record<string, unknown>): string {
  return [row.data_source, row.namespace, row.node, row.persistentvolumeclaim, canonical(row.pod_labels)].map((v) => String(v)).join(' | ');
}

/** Every difference between the stored rows and the expected ones, as readable lines (empty = equal). */
function differences(actual: Array<Record<string, unknown>>, expected: Expected[]): string[] {
  const out: string[] = [];
  const unmatched = new Set(actual);
  for (const e of expected) {
    const id = identity(e);
    const candidates = actual.filter((a) => identity(a) === id);
    if (candidates.length !== 1) {
      out.push(`${id}: ${candidates.length} stored rows, expected 1`);
      continue;
    }
    const a = candidates[0];
    unmatched.delete(a);
    for (const [column, want] of Object.entries(e)) {
      const got = a[column];
      if (typeof want === 'number') {
        const n = got === null || got === undefined ? NaN : Number(got);
        if (!(Math.abs(n - want) <= TOLERANCE)) out.push(`${id}: ${column} = ${String(got)}, expected ${want}`);
      } else if (canonical(got) !== canonical(want)) {
        out.push(`${id}: ${column} = ${canonical(got)}, expected ${canonical(want)}`);
      }
    }
  }
  for (const a of unmatched) out.push(`unexpected row ${identity(a)}`);
  return out;
}

async function idOfCategory(db: FreshSchema, name: string): Promise<number> {
  const { rows } = await db.pool.query(`SELECT id FROM "${db.schema}".reporting_ocp_cost_category WHERE name = $1`, [name]);
  assert.equal(rows.length, 1, `cost category ${name}`);
  return rows[0].id as number;
}

describe('ocp-only scenario manifests: nise → Koku ingest → summarize, against spec-derived rows', { concurrency: 2 }, () => {
  it('covers all 20 ocp-only scenarios, each also unchanged', () => {
    const onDisk = readdirSync(SCENARIOS).filter((d) => existsSync(`${SCENARIOS}/${d}/manifest.yml`)).sort();
    assert.equal(onDisk.length, 20);
    assert.deepEqual(SCENARIO_LIST.filter((s) => !s.text && !s.change).map((s) => s.dir).sort(), onDisk);
  });

  for (const scenario of SCENARIO_LIST) {
    it(scenario.title, async () => {
      const file = `${SCENARIOS}/${scenario.dir}/manifest.yml`;
      const manifest = scenario.text ? loadNiseManifest({ name: file, text: scenario.text(readFileSync(file, 'utf8')) }) : loadNiseManifest(file);
      scenario.change?.(manifest);
      let user: number | null = null;
      const run = await summarizeFreshStore(
        {
          providerUuid: PROVIDER,
          clusterId: CLUSTER,
          month: scenario.month ?? OCTOBER,
          enableKeys: scenario.keys,
          prepare: async (db) => {
            if (scenario.userCategory === undefined) return;
            const { rows } = await db.pool.query(
              `INSERT INTO "${db.schema}".reporting_ocp_cost_category (name, description, source_type, system_default, label)
               VALUES ('Scenario', 'user category of the scenario test', 'OCP', false, '{}') RETURNING id`,
            );
            user = rows[0].id as number;
            await db.pool.query(`INSERT INTO "${db.schema}".reporting_ocp_cost_category_namespace (namespace, system_default, cost_category_id) VALUES ($1, false, $2)`, [scenario.userCategory, user]);
          },
        },
        (store, schema) => writeNiseManifest({ store, schema, manifest, ocpProviderUuids: PROVIDER }),
      );
      try {
        assert.equal(run.code, 0, run.output.join('\n'));
        const day = scenario.day ?? '2025-10-01';
        const { rows: days } = await run.db.pool.query(`SELECT DISTINCT usage_start::text AS s, usage_end::text AS e FROM "${run.db.schema}".reporting_ocpusagelineitem_daily_summary`);
        assert.deepEqual(days, [{ s: day, e: day }]);
        const ctx: Ctx = { platform: await idOfCategory(run.db, 'Platform'), user };
        assert.deepEqual(differences(run.rows, scenario.expected(ctx, manifest)), []);
      } finally {
        await run.db.cleanup();
      }
    });
  }
});
