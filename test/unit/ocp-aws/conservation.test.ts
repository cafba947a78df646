/**
 * Conservation (spec §4.1, §4.2): on the compute and CSI storage paths, attributed plus unallocated/unattributed cost
 * equals the matched line's cost, for every cost column and with markup = cost × m.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { summarizeOcpOnAwsDay } from '../../../lib/ocp-aws/summarizeOcpOnAwsDay.js';
import type { OcpAwsSummaryRow } from '../../../lib/ocp-aws/types.js';
import type { OcpSummaryRow } from '../../../lib/ocp/types.js';
import { OCP_UUID, OCP_UUID_B, cluster, config, dayInput, ebsLine, ec2Line, hourlyDisk, podRow, storageRow, total } from '../../helpers/ocpAwsFactories.js';

/** A small deterministic generator (mulberry32) so the cases are reproducible. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One node's day: pods with random usage and the unallocated remainder, as the OCP summary builds it. */
function nodeDay(rnd: () => number, node: string, resourceId: string, role: string): OcpSummaryRow[] {
  const capCpu = 24 * (2 + Math.floor(rnd() * 14));
  const capMem = 24 * (4 + Math.floor(rnd() * 60));
  const pods: OcpSummaryRow[] = [];
  let usedCpu = 0;
  let usedMem = 0;
  const n = 1 + Math.floor(rnd() * 5);
  for (let i = 0; i < n; i++) {
    const cpu = (capCpu / (n + 1)) * rnd();
    const mem = (capMem / (n + 1)) * rnd();
    usedCpu += cpu;
    usedMem += mem;
    pods.push(podRow({ namespace: `ns-${i % 3}`, labels: { app: `a${i}` }, cpu, mem, node, resourceId, capCpu, capMem }));
  }
  pods.push(podRow({ namespace: role, labels: null, cpu: capCpu - usedCpu, mem: capMem - usedMem, node, resourceId, capCpu, capMem }));
  return pods;
}

function assertConserved(rows: readonly OcpAwsSummaryRow[], cost: number, m: number): void {
  for (const c of ['unblended_cost', 'blended_cost', 'calculated_amortized_cost'] as const) {
    assert.ok(Math.abs(total(rows, c) - cost) < 1e-9, `${c}: ${total(rows, c)} != ${cost}`);
  }
  assert.ok(Math.abs(total(rows, 'markup_cost') - cost * m) < 1e-9);
}

describe('conservation', () => {
  for (const seed of [1, 2, 3, 4, 5]) {
    it(`compute: node pods + unallocated sum to each instance line (seed ${seed}, cpu and memory)`, () => {
      const rnd = random(seed);
      const ocpRows = [...nodeDay(rnd, 'n1', 'i-0001', 'Worker unallocated'), ...nodeDay(rnd, 'n2', 'i-0002', 'Platform unallocated')];
      for (const distribution of ['cpu', 'memory']) {
        for (const id of ['i-0001', 'i-0002']) {
          const cost = 10 * rnd();
          const rows = summarizeOcpOnAwsDay(
            dayInput({
              awsDaily: [ec2Line({ lineitem_resourceid: id, lineitem_unblendedcost: cost, lineitem_blendedcost: cost })],
              ocp: [cluster(ocpRows)],
              config: config({ markup: 0.15, distributionByOcpSource: { [OCP_UUID]: distribution } }),
            }),
          );
          assert.ok(rows.every((r) => r.resource_id === id));
          assertConserved(rows, cost, 0.15);
        }
      }
    });
  }

  it('storage: PVC groups + Storage unattributed sum to the disk line, under and over capacity', () => {
    for (const gibs of [[10, 20], [50, 70], [100], [0.5]]) {
      const ocpRows = gibs.map((gib, i) => storageRow({ namespace: `ns${i}`, pvc: `pvc${i}`, pv: `pv${i}`, gib }));
      const rows = summarizeOcpOnAwsDay(
        dayInput({ awsDaily: [ebsLine()], awsHourlyForDiskCapacity: hourlyDisk('vol-0123abcd', 100, 0.08), ocp: [cluster(ocpRows)] }),
      );
      assertConserved(rows, (100 * 0.08) / 31, 0.1);
      assert.equal(rows.some((r) => r.namespace === 'Storage unattributed'), gibs.reduce((a, b) => a + b, 0) !== 100);
    }
  });

  it('storage: a disk shared by two paired clusters sums to the line over both runs', () => {
    const b = cluster([storageRow({ namespace: 'b', pvc: 'pb', pv: 'pv-b', gib: 25, node: 'nb', resourceId: 'i-0b' })], {
      providerUuid: OCP_UUID_B,
      clusterId: 'c-456',
    });
    const rows = summarizeOcpOnAwsDay(
      dayInput({
        awsDaily: [ebsLine()],
        awsHourlyForDiskCapacity: hourlyDisk('vol-0123abcd', 100, 0.08),
        ocp: [cluster([storageRow({ namespace: 'a', pvc: 'pa', pv: 'pv-a', gib: 40 })]), b],
        config: config({ pairedOcpSourceUuids: [OCP_UUID, OCP_UUID_B] }),
      }),
    );
    assertConserved(rows, (100 * 0.08) / 31, 0.1);
  });
});
