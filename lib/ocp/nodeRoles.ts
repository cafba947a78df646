import { compareText } from './compareText.js';
import { API_SERVER_NAMESPACE, INFRA_NODE_LABEL_TEXT } from './constants.js';
import { likePatternToRegExp } from './costCategory.js';
import type { StringPool } from './stringPool.js';
import { TupleIndex } from '../common/tupleIndex.js';
import type { NodeRoleObservation } from './types.js';

/** Koku matches the raw label text with LIKE, so the `_` in the key are wildcards too (spec §8.1). */
const INFRA_LABELS = likePatternToRegExp(`%${INFRA_NODE_LABEL_TEXT}%`);

/**
 * Node-role observations for `reporting_ocp_nodes` from one day's daily pod and node-label rows (spec §8.1 step 1),
 * per (node, resource_id):
 * `coalesce(max(node_role), 'master' if a namespace is openshift-kube-apiserver, 'infra' if a node-label text
 * contains "node_role_kubernetes_io": "infra", 'worker')`. Koku's query inner-joins node labels on node, so a
 * node without node-label rows that day gives no observation.
 */
export class NodeRoleAccumulator {
  private readonly index = new TupleIndex(2, 64);
  private readonly cores: number[] = [];
  private readonly coresSeen: number[] = [];
  private readonly roles: number[] = [];
  private readonly apiServer: number[] = [];
  private readonly labelledNodes = new Map<number, boolean>();
  private readonly apiServerId: number;

  constructor(private readonly pool: StringPool) {
    this.apiServerId = pool.id(API_SERVER_NAMESPACE);
  }

  /** One daily pod row (any node, including ""). */
  addPod(nodeId: number, resourceId: number, nsId: number, roleId: number, cores: number, coresValid: boolean): void {
    this.index.key[0] = nodeId;
    this.index.key[1] = resourceId;
    const g = this.index.intern();
    if (g === this.cores.length) {
      this.cores.push(0);
      this.coresSeen.push(0);
      this.roles.push(roleId);
      this.apiServer.push(0);
    } else if (roleId !== this.roles[g] && compareText(this.pool.value(roleId), this.pool.value(this.roles[g])) > 0) {
      this.roles[g] = roleId;
    }
    if (nsId === this.apiServerId) this.apiServer[g] = 1;
    if (coresValid && (this.coresSeen[g] === 0 || cores > this.cores[g])) {
      this.cores[g] = cores;
      this.coresSeen[g] = 1;
    }
  }

  /** One daily node-label row; `labels` is the raw JSON text. */
  addNodeLabels(nodeId: number, labels: string | null): void {
    const infra = labels !== null && INFRA_LABELS.test(labels);
    this.labelledNodes.set(nodeId, (this.labelledNodes.get(nodeId) ?? false) || infra);
  }

  finish(): NodeRoleObservation[] {
    const out: NodeRoleObservation[] = [];
    for (let g = 0; g < this.cores.length; g++) {
      const nodeId = this.index.get(g, 0);
      const infra = this.labelledNodes.get(nodeId);
      if (infra === undefined) continue;
      const role = this.pool.value(this.roles[g]) ?? (this.apiServer[g] ? 'master' : infra ? 'infra' : 'worker');
      out.push({
        node: this.pool.value(nodeId) ?? '',
        resource_id: this.pool.value(this.index.get(g, 1)) ?? '',
        // Numeric blanks are 0.0 in Parquet (spec §2.2), so a NULL here only comes from a drifted file.
        node_capacity_cpu_cores: this.coresSeen[g] ? this.cores[g] : 0,
        node_role: role,
      });
    }
    return out.sort((a, b) => compareText(a.node, b.node) || compareText(a.resource_id, b.resource_id));
  }
}
