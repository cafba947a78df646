import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HTML_SPECIAL_NAMESPACE, UNKNOWN_NODE_ROLE } from '../../../lib/generate/constants.js';
import { buildSyntheticCluster } from '../../../lib/generate/syntheticCluster.js';
import { syntheticChunks } from '../../../lib/generate/syntheticChunks.js';
import { syntheticCsvRecords, syntheticCsvText } from '../../../lib/generate/syntheticCsv.js';
import { dayNumber, podHourValues, podSeconds } from '../../../lib/generate/syntheticValues.js';
import type { StringColumn } from '../../../lib/ingest/types.js';

describe('buildSyntheticCluster', () => {
  it('is deterministic: the same seed gives the same cluster and the same rows', () => {
    const a = buildSyntheticCluster({ pods: 50, seed: 9 });
    const b = buildSyntheticCluster({ pods: 50, seed: 9 });
    assert.deepEqual(a, b);
    assert.equal(syntheticCsvText(a, '2025-10-01', 'pod_usage'), syntheticCsvText(b, '2025-10-01', 'pod_usage'));
    assert.notEqual(syntheticCsvText(buildSyntheticCluster({ pods: 50, seed: 10 }), '2025-10-01', 'pod_usage'), syntheticCsvText(a, '2025-10-01', 'pod_usage'));
  });

  it('has the features the summary must handle', () => {
    const c = buildSyntheticCluster({ pods: 300, seed: 3 });
    const roles = new Set(c.nodes.map((n) => n.role));
    for (const role of ['master', 'infra', 'worker', UNKNOWN_NODE_ROLE]) assert.ok(roles.has(role), role);
    assert.ok(c.pods.some((p) => p.node === -1), 'pods without a node');
    const names = c.namespaces.map((n) => n.name);
    for (const ns of ['openshift-kube-apiserver', 'kube-system', 'openshift', HTML_SPECIAL_NAMESPACE]) assert.ok(names.includes(ns), ns);
    assert.ok(c.pods.some((p) => c.namespaces[p.namespace].name === 'openshift-kube-apiserver' && c.nodes[p.node]?.role === 'master'));
    assert.equal(c.nodes.filter((n) => n.laterLabels !== null).length, 1, 'one node relabelled during the day');
    assert.ok(c.namespaces.some((n) => n.labels === '') && c.namespaces.some((n) => n.labels !== ''));
    const shared = c.volumes.find((v) => v.pods.length === 2);
    assert.ok(shared && c.pods[shared.pods[0]].node !== c.pods[shared.pods[1]].node, 'a PVC mounted on two nodes');
    assert.ok(c.volumes.some((v) => v.pods.length === 0), 'a claim no pod mounts');
    assert.ok(c.pods.some((p) => p.cpuLimit === 0) && c.pods.some((p) => p.startHour > 0));
  });

  it("keeps every node's pods within its capacity, in every hour, so unallocated capacity is never negative", () => {
    for (const pods of [200, 3000]) {
      const c = buildSyntheticCluster({ pods, seed: 5 });
      const day = dayNumber('2025-10-01');
      const values = new Float64Array(6);
      for (let hour = 0; hour < 24; hour++) {
        // Koku's unallocated capacity subtracts effective usage, the larger of usage and request (spec §6, §8.2).
        const cpu = new Float64Array(c.nodes.length);
        const memory = new Float64Array(c.nodes.length);
        c.pods.forEach((pod, i) => {
          const seconds = podSeconds(pod, hour);
          if (pod.node < 0 || seconds === 0) return;
          podHourValues(c, i, day, hour, seconds, values);
          cpu[pod.node] += Math.max(values[0], values[1]) / seconds;
          memory[pod.node] += Math.max(values[3], values[4]) / seconds;
        });
        c.nodes.forEach((node, n) => {
          assert.ok(cpu[n] < node.cores, `${pods} pods, hour ${hour}: ${node.name} uses ${cpu[n]} of ${node.cores} cores`);
          assert.ok(memory[n] < node.memoryBytes, `${pods} pods, hour ${hour}: ${node.name} uses ${memory[n]} of ${node.memoryBytes} bytes`);
        });
      }
      const workers = c.nodes.filter((n) => n.role === 'worker');
      const podsOn = (cores: number) => c.pods.filter((p) => c.nodes[p.node]?.role === 'worker' && c.nodes[p.node].cores === cores).length;
      const countOf = (cores: number) => workers.filter((n) => n.cores === cores).length;
      // Pods follow node size: a 32-core worker holds several times what a 4-core one does.
      assert.ok(podsOn(32) / countOf(32) > 4 * (podsOn(4) / countOf(4)), `${pods} pods: placement ignores node size`);
    }
  });

  it('emits about 24 rows per pod and a label change at the change hour', () => {
    const c = buildSyntheticCluster({ pods: 40, seed: 1 });
    const podRows = [...syntheticCsvRecords(c, '2025-10-01', 'pod_usage')].length;
    const expected = c.pods.reduce((s, p) => s + 24 - p.startHour, 0);
    assert.equal(podRows, expected);
    const relabelled = c.nodes.find((n) => n.laterLabels !== null)!;
    const labels = new Set([...syntheticCsvRecords(c, '2025-10-01', 'node_labels')].filter((r) => r[4] === relabelled.name).map((r) => r[5]));
    assert.equal(labels.size, 2);
  });

  it('fast path: pod chunks come straight from typed arrays with sanitised dictionaries and JSON labels', () => {
    const c = buildSyntheticCluster({ pods: 40, seed: 1 });
    const chunks = [...syntheticChunks(c, '2025-10-01', 'pod_usage', 300)];
    assert.ok(chunks.length > 1 && chunks.slice(0, -1).every((ch) => ch.length === 300));
    const ns = chunks[0].columns.namespace as StringColumn;
    assert.ok(ns.dictionary.includes('q&amp;a &lt;&quot;team&#x27;s&quot;&gt;'));
    assert.ok((chunks[0].columns.pod_labels as StringColumn).dictionary.every((l) => l.startsWith('{"app": ')));
    assert.ok(chunks[0].names.includes('pod_effective_usage_cpu_core_seconds'));
  });
});
