import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { summarizeOcpDay } from '../../../lib/ocp/index.js';
import { nodeLabelsTable, podDailyTable } from '../../helpers/ocpArrow.js';
import type { PodUsageRow } from '../../helpers/ocpArrow.js';

const DAY = '2024-03-15';
const config = { enabledKeys: [], costCategories: [] };

function pod(node: string, f: Partial<PodUsageRow> = {}): PodUsageRow {
  return { interval_start: DAY, namespace: 'shop', pod: `p-${node}`, node, resource_id: `i-${node}`, node_capacity_cpu_cores: 4, ...f };
}

describe('node role observations (spec §8.1 step 1)', () => {
  it('uses max(node_role) first, then the api-server namespace, then the infra node label, else worker', () => {
    const podDaily = podDailyTable([
      pod('with-role', { node_role: 'infra' }),
      pod('with-role', { pod: 'x', node_role: 'worker', node_capacity_cpu_cores: 8 }), // string max: worker > infra
      pod('api', { namespace: 'openshift-kube-apiserver' }),
      pod('api', { namespace: 'shop' }),
      pod('infra'),
      pod('plain'),
      pod('unlabelled'), // no node-label row that day: Koku's inner join gives no observation
    ]);
    const labels = (node: string, node_labels: Record<string, string> | string) => ({ interval_start: DAY, node, node_labels });
    const nodeLabelsDaily = nodeLabelsTable([
      labels('with-role', { node_role_kubernetes_io: 'infra' }),
      labels('api', { node_role_kubernetes_io: 'infra' }),
      labels('infra', { a: 'b' }),
      labels('infra', { node_role_kubernetes_io: 'infra' }),
      labels('plain', { node_role_kubernetes_io_master: 'true' }),
    ]);
    const { nodeRoles } = summarizeOcpDay(DAY, config, { podDaily: [podDaily], podHourly: [], nodeLabelsDaily: [nodeLabelsDaily] });
    assert.deepEqual(nodeRoles, [
      { node: 'api', resource_id: 'i-api', node_capacity_cpu_cores: 4, node_role: 'master' },
      { node: 'infra', resource_id: 'i-infra', node_capacity_cpu_cores: 4, node_role: 'infra' },
      { node: 'plain', resource_id: 'i-plain', node_capacity_cpu_cores: 4, node_role: 'worker' },
      { node: 'with-role', resource_id: 'i-with-role', node_capacity_cpu_cores: 8, node_role: 'worker' },
    ]);
  });

  it('matches the infra label text with LIKE, so it needs json.dumps spacing and `_` matches any character', () => {
    const podDaily = podDailyTable([pod('compact'), pod('dashes')]);
    const nodeLabelsDaily = nodeLabelsTable([
      { interval_start: DAY, node: 'compact', node_labels: '{"node_role_kubernetes_io":"infra"}' },
      { interval_start: DAY, node: 'dashes', node_labels: '{"node-role-kubernetes-io": "infra"}' },
    ]);
    const { nodeRoles } = summarizeOcpDay(DAY, config, { podDaily: [podDaily], podHourly: [], nodeLabelsDaily: [nodeLabelsDaily] });
    assert.deepEqual(nodeRoles.map((r) => [r.node, r.node_role]), [['compact', 'worker'], ['dashes', 'infra']]);
  });

  it('observes one entry per (node, resource_id)', () => {
    const podDaily = podDailyTable([pod('n', { resource_id: 'i-1' }), pod('n', { resource_id: 'i-2', pod: 'q' })]);
    const nodeLabelsDaily = nodeLabelsTable([{ interval_start: DAY, node: 'n', node_labels: {} }]);
    const { nodeRoles } = summarizeOcpDay(DAY, config, { podDaily: [podDaily], podHourly: [], nodeLabelsDaily: [nodeLabelsDaily] });
    assert.deepEqual(nodeRoles.map((r) => r.resource_id), ['i-1', 'i-2']);
  });
});
