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
const MIN_INFRA = 2;
/** Pods per deployment: pods of one deployment share app and template-hash labels. */
const DEPLOYMENT_SIZE = 5;
/** Default density: user pods per worker, platform pods per control-plane (master or infra) node. */
const PODS_PER_WORKER = 40;
const PLATFORM_PODS_PER_NODE = 80;
/** Apiserver pods per master; the other platform pods go to the other platform namespaces. */
const APISERVER_PODS_PER_MASTER = 3;
/**
 * Requests (cores, GiB) drawn uniformly. User pods at the default density request ~60 % of the average worker's
 * cores and memory; platform pods less. With usage at most 130 % of requests, effective usage stays below capacity.
 */
const USER_CPU_REQUEST = [0.02, 0.44] as const;
const USER_MEM_REQUEST_GIB = [0.125, 1.7] as const;
const PLATFORM_CPU_REQUEST = [0.01, 0.2] as const;
const PLATFORM_MEM_REQUEST_GIB = [0.05, 0.5] as const;
/** Requests above this share of a node's cores or memory are placed elsewhere when one of `MAX_DRAWS` nodes has room. */
const MAX_FILL = 0.75;
const MAX_DRAWS = 16;

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
  const platformPods = platformPodCount(podCount);
  const infraWanted = defaultInfraCount(platformPods);
  const nodeCount = spec.nodes ?? MASTERS + infraWanted + Math.ceil((podCount - platformPods) / PODS_PER_WORKER) + 1;
  const namespaceCount = spec.namespaces ?? Math.max(PLATFORM_NAMESPACES.length + 3, Math.ceil(podCount / 25));
  const withoutNode = spec.podsWithoutNode ?? Math.max(2, Math.floor(podCount / 500));
  if (!Number.isInteger(podCount) || podCount < 10) throw new InvalidGenerateOptionsError('pods', `need at least 10 pods, got ${podCount}`);
  if (nodeCount < MASTERS + MIN_INFRA + 2) throw new InvalidGenerateOptionsError('nodes', `need at least ${MASTERS + MIN_INFRA + 2} nodes, got ${nodeCount}`);
  if (namespaceCount < PLATFORM_NAMESPACES.length + 2) {
    throw new InvalidGenerateOptionsError('namespaces', `need at least ${PLATFORM_NAMESPACES.length + 2} namespaces, got ${namespaceCount}`);
  }
  const rng = new Prng(seed);
  // With fewer nodes given than the pods want, infra leaves room for the edge node and one worker.
  const nodes = buildNodes(rng.fork(1), nodeCount, Math.min(infraWanted, nodeCount - MASTERS - 2));
  const namespaces = buildNamespaces(rng.fork(2), namespaceCount);
  const pods = buildPods(rng.fork(3), podCount, platformPods, withoutNode, nodes, namespaces);
  const volumes = buildVolumes(rng.fork(4), pods, namespaces, spec.pvcShare ?? 0.1);
  return { seed, nodes, namespaces, pods, volumes, labelChangeHour: LABEL_CHANGE_HOUR };
}

function platformPodCount(podCount: number): number {
  return Math.max(PLATFORM_NAMESPACES.length, Math.floor(podCount * 0.1));
}

/** Infra nodes enough for the platform pods (with the masters), as a larger cluster has more. */
function defaultInfraCount(platformPods: number): number {
  return Math.max(MIN_INFRA, Math.ceil(platformPods / PLATFORM_PODS_PER_NODE));
}

function buildNodes(rng: Prng, count: number, infra: number): SyntheticNode[] {
  const nodes: SyntheticNode[] = [];
  for (let i = 0; i < count; i++) {
    const role = i < MASTERS ? 'master' : i < MASTERS + infra ? 'infra' : i === MASTERS + infra ? UNKNOWN_NODE_ROLE : 'worker';
    // Shapes in turn rather than at random, so the average node (and the default pod density's fill) is the same
    // at every cluster size.
    const [cores, memoryGiB] = role === 'master' ? NODE_SHAPES[1] : NODE_SHAPES[i % NODE_SHAPES.length];
    const name = `ip-10-0-${Math.floor(i / 250)}-${(i % 250) + 1}.ec2.internal`;
    const zone = ZONES[i % ZONES.length];
    const labels = `label_beta_kubernetes_io_arch:amd64|label_kubernetes_io_hostname:${name}|label_node_role_kubernetes_io:${role}|label_topology_kubernetes_io_zone:${zone}`;
    nodes.push({ name, resourceId: `i-${rng.hex(17)}`, cores, memoryBytes: memoryGiB * GIB, role, labels, laterLabels: null });
  }
  // The first worker is relabelled mid-day, so Koku sees two label sets for it that day (spec §5.2).
  const relabelled = nodes[MASTERS + infra + 1];
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

function buildPods(
  rng: Prng,
  count: number,
  platformPods: number,
  withoutNode: number,
  nodes: SyntheticNode[],
  namespaces: SyntheticNamespace[],
): SyntheticPod[] {
  const workers = new NodePlacement(nodes, (n) => n.role === 'worker' || n.role === UNKNOWN_NODE_ROLE);
  const controlPlane = new NodePlacement(nodes, (n) => n.role !== 'worker' && n.role !== UNKNOWN_NODE_ROLE);
  const masters = nodes.map((n, i) => [n, i] as const).filter(([n]) => n.role === 'master').map(([, i]) => i);
  const apiserverPods = Math.min(APISERVER_PODS_PER_MASTER * MASTERS, platformPods - (PLATFORM_NAMESPACES.length - 1));
  const userNamespaces = namespaces.map((ns, i) => [ns, i] as const).filter(([ns]) => !ns.platform).map(([, i]) => i);
  const pods: SyntheticPod[] = [];
  for (let i = 0; i < count; i++) {
    const platform = i < platformPods;
    const namespace = !platform
      ? userNamespaces[Math.floor(i / DEPLOYMENT_SIZE) % userNamespaces.length]
      : i < apiserverPods
        ? 0
        : 1 + ((i - apiserverPods) % (PLATFORM_NAMESPACES.length - 1));
    const deployment = Math.floor(i / DEPLOYMENT_SIZE);
    const app = `${platform ? PLATFORM_NAMESPACES[namespace] : namespaces[namespace].name.split('-')[0]}-app-${deployment}`;
    const [cpuLow, cpuHigh] = platform ? PLATFORM_CPU_REQUEST : USER_CPU_REQUEST;
    const [memLow, memHigh] = platform ? PLATFORM_MEM_REQUEST_GIB : USER_MEM_REQUEST_GIB;
    const cpuRequest = round(rng.uniform(cpuLow, cpuHigh), 3);
    const memRequestGiB = round(rng.uniform(memLow, memHigh), 3);
    // The apiserver runs on masters (Koku's master heuristic, spec §8.1); other platform pods on masters and infra.
    const node =
      i >= count - withoutNode
        ? -1
        : namespace === 0
          ? controlPlane.add(masters[i % masters.length] as number, cpuRequest, memRequestGiB * GIB)
          : (platform ? controlPlane : workers).place(rng, cpuRequest, memRequestGiB * GIB);
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

/**
 * Places pods on a set of nodes as a scheduler keeps them within capacity: of two nodes drawn at random, the one
 * whose requests fill the smaller share of its cores or memory; more are drawn while that one would be over
 * `MAX_FILL`. Nodes end up about equally full, each holding pods in proportion to its size.
 */
class NodePlacement {
  private readonly indexes: number[];
  private readonly cores: Float64Array;
  private readonly memoryBytes: Float64Array;

  constructor(
    private readonly nodes: SyntheticNode[],
    accept: (node: SyntheticNode) => boolean,
  ) {
    this.indexes = nodes.map((n, i) => [n, i] as const).filter(([n]) => accept(n)).map(([, i]) => i);
    this.cores = new Float64Array(nodes.length);
    this.memoryBytes = new Float64Array(nodes.length);
  }

  place(rng: Prng, cores: number, memoryBytes: number): number {
    let node = rng.pick(this.indexes);
    for (let draw = 1; draw < MAX_DRAWS && (draw < 2 || this.fill(node, cores, memoryBytes) > MAX_FILL); draw++) {
      const other = rng.pick(this.indexes);
      if (this.fill(other, cores, memoryBytes) < this.fill(node, cores, memoryBytes)) node = other;
    }
    return this.add(node, cores, memoryBytes);
  }

  /** Counts a pod's requests on `node` (placed there by other means); returns `node`. */
  add(node: number, cores: number, memoryBytes: number): number {
    this.cores[node] += cores;
    this.memoryBytes[node] += memoryBytes;
    return node;
  }

  /** The larger of the node's cores and memory shares its pods would request with one more pod. */
  private fill(i: number, cores: number, memoryBytes: number): number {
    const node = this.nodes[i] as SyntheticNode;
    return Math.max(((this.cores[i] as number) + cores) / node.cores, ((this.memoryBytes[i] as number) + memoryBytes) / node.memoryBytes);
  }
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
