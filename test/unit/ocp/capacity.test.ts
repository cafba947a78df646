import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { capacityFromHourly } from '../../../lib/ocp/capacity.js';

const H = 3_600_000;
const t0 = Date.UTC(2024, 2, 15);

describe('capacityFromHourly (spec §6)', () => {
  it('takes the max per (hour, node) and sums it over the hours observed', () => {
    const { nodes, cluster } = capacityFromHourly([
      { intervalStart: t0, node: 'a', cpuCoreSeconds: 14400, memoryByteSeconds: 100 },
      { intervalStart: t0, node: 'a', cpuCoreSeconds: 7200, memoryByteSeconds: 300 },
      { intervalStart: t0 + 5 * H, node: 'a', cpuCoreSeconds: 14400, memoryByteSeconds: 100 },
      { intervalStart: t0 + 5 * H, node: 'b', cpuCoreSeconds: 3600, memoryByteSeconds: 50 },
    ]);
    assert.deepEqual(nodes.get('a'), { cpuCoreSeconds: 28800, memoryByteSeconds: 400 });
    assert.deepEqual(nodes.get('b'), { cpuCoreSeconds: 3600, memoryByteSeconds: 50 });
    assert.deepEqual(cluster, { cpuCoreSeconds: 32400, memoryByteSeconds: 450 });
  });

  it('counts the "" node towards the cluster', () => {
    const { nodes, cluster } = capacityFromHourly([
      { intervalStart: t0, node: 'a', cpuCoreSeconds: 10, memoryByteSeconds: 10 },
      { intervalStart: t0, node: '', cpuCoreSeconds: 1, memoryByteSeconds: 0 },
    ]);
    assert.deepEqual(nodes.get(''), { cpuCoreSeconds: 1, memoryByteSeconds: 0 });
    assert.deepEqual(cluster, { cpuCoreSeconds: 11, memoryByteSeconds: 10 });
  });

  it('ignores NULL values like SQL max/sum and gives NULL cluster capacity without hourly rows', () => {
    const { nodes } = capacityFromHourly([
      { intervalStart: t0, node: 'a', cpuCoreSeconds: null, memoryByteSeconds: 5 },
      { intervalStart: t0 + H, node: 'a', cpuCoreSeconds: null, memoryByteSeconds: 5 },
    ]);
    assert.deepEqual(nodes.get('a'), { cpuCoreSeconds: null, memoryByteSeconds: 10 });
    assert.equal(capacityFromHourly([]).cluster, null);
  });
});
