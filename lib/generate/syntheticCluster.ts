import {
  DEFAULT_PODS,
  DEFAULT_SEED,
  ENVIRONMENTS,
  GIB,
  HTML_SPECIAL_NAMESPACE,
  LABEL_CHANGE_HOUR,
  NODE_SHAPES,
  PLATFORM_NAMESPACES,
  TEAMS,
  UNKNOWN_NODE_ROLE,
  ZONES,
} from './constants.js';
import { InvalidGenerateOptionsError } from './errors.js';
import { Prng } from './prng.js';
import type { SyntheticCluster, SyntheticClusterSpec, SyntheticNamespace, SyntheticNode, SyntheticPod, SyntheticVolume } from './types.js';

const MASTERS = 3;
const INFRA = 2;
/** Pods per deployment: pods of one deployment share app and template-hash labels. */
const DEPLOYMENT_SIZE = 5;

/**
 * A deterministic synthetic OpenShift cluster (nodes, namespaces, pods, volumes) with the features the Koku
 * summary must handle: master/infra/worker nodes plus one of an unknown role, pods without a node, platform
 * namespaces, a namespace with HTML-special characters, a node whose labels change mid-day, namespace labels,
 * own PVCs, one PVC shared by pods on two nodes and one claim no pod mounts. Same spec → same cluster.
 *
 * @example
 * const cluster = buildSyntheticCluster({ pods: 10_000, seed: 7 }); // ~240k pod rows per day
 */
export function buildSyntheticCluster(spec: SyntheticClusterSpec = {}): SyntheticCluster {
  const seed = spec.seed ?? DEFAULT_SEED;
  const podCount = spec.pods ?? DEFAULT_PODS;
  const nodeCount = spec.nodes ?? Math.max(MASTERS + INFRA + 2, Math.ceil(podCount / 40));
  const namespaceCount = spec.namespaces ?? Math.max(PLATFORM_NAMESPACES.length + 3, Math.ceil(podCount / 25));
  const withoutNode = spec.podsWithoutNode ?? Math.max(2, Math.floor(podCount / 500));
  if (!Number.isInteger(podCount) || podCount < 10) throw new InvalidGenerateOptionsError('pods', `need at least 10 pods, got ${podCount}`);
  if (nodeCount < MASTERS + INFRA + 2) throw new InvalidGenerateOptionsError('nodes', `need at least ${MASTERS + INFRA + 2} nodes, got ${nodeCount}`);
  if (namespaceCount < PLATFORM_NAMESPACES.length + 2) {
    throw new InvalidGenerateOptionsError('namespaces', `need at least ${PLATFORM_NAMESPACES.length + 2} namespaces, got ${namespaceCount}`);
  }
  const rng = new Prng(seed);
  const nodes = buildNodes(rng.fork(1), nodeCount);
  const namespaces = buildNamespaces(rng.fork(2), namespaceCount);
  const pods = buildPods(rng.fork(3), podCount, withoutNode, nodes, namespaces);
  const volumes = buildVolumes(rng.fork(4), pods, namespaces, spec.pvcShare ?? 0.1);
  return { seed, nodes, namespaces, pods, volumes, labelChangeHour: LABEL_CHANGE_HOUR };
}

function buildNodes(rng: Prng, count: number): SyntheticNode[] {
  const nodes: SyntheticNode[] = [];
  for (let i = 0; i < count; i++) {
    const role = i < MASTERS ? 'master' : i < MASTERS + INFRA ? 'infra' : i === MASTERS + INFRA ? UNKNOWN_NODE_ROLE : 'worker';
    const [cores, memoryGiB] = role === 'master' ? NODE_SHAPES[1] : rng.pick(NODE_SHAPES);
    const name = `ip-10-0-${Math.floor(i / 250)}-${(i % 250) + 1}.ec2.internal`;
    const zone = ZONES[i % ZONES.length];
    const labels = `label_beta_kubernetes_io_arch:amd64|label_kubernetes_io_hostname:${name}|label_node_role_kubernetes_io:${role}|label_topology_kubernetes_io_zone:${zone}`;
    nodes.push({ name, resourceId: `i-${rng.hex(17)}`, cores, memoryBytes: memoryGiB * GIB, role, labels, laterLabels: null });
  }
  // The first worker is relabelled mid-day, so Koku sees two label sets for it that day (spec §5.2).
  const relabelled = nodes[MASTERS + INFRA + 1];
  relabelled.laterLabels = `${relabelled.labels}|label_env:green`;
  relabelled.labels = `${relabelled.labels}|label_env:blue`;
  return nodes;
}

function buildNamespaces(rng: Prng, count: number): SyntheticNamespace[] {
  const namespaces: SyntheticNamespace[] = PLATFORM_NAMESPACES.map((name) => ({
    name,
    labels: name === 'openshift' ? '' : `label_kubernetes_io_metadata_name:${name}|label_openshift_io_cluster_monitoring:true`,
    platform: true,
  }));
  namespaces.push({ name: HTML_SPECIAL_NAMESPACE, labels: 'label_team:qa|label_env:qa', platform: false });
  for (let i = namespaces.length; i < count; i++) {
    const team = rng.pick(TEAMS);
    const name = `${team}-${rng.word()}-${i}`;
    // Every fifth user namespace has no labels at all (an empty cell, "{}" in Parquet).
    const labels = i % 5 === 0 ? '' : `label_kubernetes_io_metadata_name:${name}|label_team:${team}|label_env:${rng.pick(ENVIRONMENTS)}`;
    namespaces.push({ name, labels, platform: false });
  }
  return namespaces;
}

function buildPods(rng: Prng, count: number, withoutNode: number, nodes: SyntheticNode[], namespaces: SyntheticNamespace[]): SyntheticPod[] {
  const platformPods = Math.max(PLATFORM_NAMESPACES.length, Math.floor(count * 0.1));
  const workers = nodes.map((n, i) => [n, i] as const).filter(([n]) => n.role === 'worker' || n.role === UNKNOWN_NODE_ROLE).map(([, i]) => i);
  const controlPlane = nodes.map((n, i) => [n, i] as const).filter(([n]) => n.role !== 'worker' && n.role !== UNKNOWN_NODE_ROLE).map(([, i]) => i);
  const userNamespaces = namespaces.map((ns, i) => [ns, i] as const).filter(([ns]) => !ns.platform).map(([, i]) => i);
  const pods: SyntheticPod[] = [];
  for (let i = 0; i < count; i++) {
    const platform = i < platformPods;
    const namespace = platform ? i % PLATFORM_NAMESPACES.length : userNamespaces[Math.floor(i / DEPLOYMENT_SIZE) % userNamespaces.length];
    // The apiserver runs on masters (Koku's master heuristic, spec §8.1); other platform pods on masters and infra.
    const node = i >= count - withoutNode ? -1 : platform ? controlPlane[namespace === 0 ? i % 3 : i % controlPlane.length] : rng.pick(workers);
    const deployment = Math.floor(i / DEPLOYMENT_SIZE);
    const app = `${platform ? PLATFORM_NAMESPACES[namespace] : namespaces[namespace].name.split('-')[0]}-app-${deployment}`;
    const cpuRequest = round(rng.uniform(0.05, 2), 3);
    const memRequestGiB = round(rng.uniform(0.125, 4), 3);
    const limited = rng.next() < 0.7;
    const startHour = rng.next() < 0.05 ? rng.int(1, 20) : 0;
    pods.push({
      name: `${app}-${rng.hex(5)}-${i}`,
      namespace,
      node,
      labels: `label_app:${app}|label_app_kubernetes_io_name:${app}|label_pod_template_hash:${hashOf(deployment)}|label_env:${rng.pick(ENVIRONMENTS)}`,
      cpuRequest,
      cpuLimit: limited ? round(cpuRequest * rng.uniform(1, 3), 3) : 0,
      memRequestGiB,
      memLimitGiB: limited ? round(memRequestGiB * rng.uniform(1, 2), 3) : 0,
      startHour,
      firstHourSeconds: startHour > 0 ? rng.int(60, 3540) : 3600,
    });
  }
  return pods;
}

function buildVolumes(rng: Prng, pods: SyntheticPod[], namespaces: SyntheticNamespace[], share: number): SyntheticVolume[] {
  const volumes: SyntheticVolume[] = [];
  const userPods = pods.map((p, i) => [p, i] as const).filter(([p]) => p.node >= 0 && !namespaces[p.namespace].platform);
  const volume = (pvc: string, namespace: number, podIndexes: number[]): SyntheticVolume => {
    const id = volumes.length;
    const capacityGiB = rng.pick([10, 20, 50, 100]);
    return {
      persistentVolume: `pvc-${rng.hex(8)}-${id}`,
      persistentVolumeClaim: pvc,
      namespace,
      storageClass: rng.next() < 0.8 ? 'gp3-csi' : 'gp2',
      csiDriver: 'ebs.csi.aws.com',
      csiVolumeHandle: `vol-${rng.hex(17)}`,
      capacityBytes: capacityGiB * GIB,
      pods: podIndexes,
      pvLabels: `label_storage_tier:${rng.pick(['standard', 'fast'])}`,
      pvcLabels: `label_app:${pvc.split('-data')[0]}|label_backup:${rng.pick(['daily', 'none'])}`,
    };
  };
  for (const [pod, index] of userPods) {
    if (rng.next() < share) volumes.push(volume(`${pod.name}-data`, pod.namespace, [index]));
  }
  // One claim mounted by two pods of one namespace on two different nodes (spec §7 node_count).
  const shared = findPodsOnTwoNodes(userPods.map(([, i]) => i), pods);
  if (shared !== null) volumes.push(volume(`shared-data-${shared[0]}`, pods[shared[0]].namespace, shared));
  // One claim no pod mounts: its storage row has pod "" (spec §7, storage without a pod match).
  const orphanNamespace = userPods.length > 0 ? userPods[0][0].namespace : namespaces.length - 1;
  volumes.push(volume('unmounted-data', orphanNamespace, []));
  return volumes;
}

function findPodsOnTwoNodes(candidates: number[], pods: SyntheticPod[]): [number, number] | null {
  for (let a = 0; a < candidates.length; a++) {
    for (let b = a + 1; b < Math.min(candidates.length, a + 50); b++) {
      const pa = pods[candidates[a]];
      const pb = pods[candidates[b]];
      if (pa.namespace === pb.namespace && pa.node !== pb.node) return [candidates[a], candidates[b]];
    }
  }
  return null;
}

function hashOf(n: number): string {
  return ((Math.imul(n + 1, 2654435761) >>> 0).toString(36) + 'abcde').slice(0, 10);
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
