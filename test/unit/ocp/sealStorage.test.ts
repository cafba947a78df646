// `sealStorage()` only changes what the aggregator remembers of daily pod rows (the nodes of pods with storage);
// the day's rows must be exactly those of an aggregator that was never sealed, whatever the input order.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { OcpDayAggregator, summarizeOcpDay } from '../../../lib/ocp/index.js';
import type { OcpDayInputs, OcpSummaryConfig } from '../../../lib/ocp/types.js';
import { hourlyPodRows, podDailyTable, podHourlyTable, storageDailyTable } from '../../helpers/ocpArrow.js';
import type { StorageUsageRow } from '../../helpers/ocpArrow.js';

const GIB = 2 ** 30;
const DAY = '2024-03-15';
const config: OcpSummaryConfig = { enabledKeys: ['app'], costCategories: [] };
const nodeA = { node: 'node-a', resource_id: 'i-a', node_capacity_cpu_cores: 2, node_capacity_memory_bytes: 8 * GIB };
const nodeB = { node: 'node-b', resource_id: 'i-b', node_capacity_cpu_cores: 1, node_capacity_memory_bytes: 4 * GIB };

function mount(namespace: string, pod: string | null, pvc: string): StorageUsageRow {
  return {
    interval_start: DAY, namespace, pod: pod as string, persistentvolumeclaim: pvc, persistentvolume: `pv-${pvc}`, storageclass: 'gp3',
    persistentvolumeclaim_capacity_bytes: GIB, persistentvolumeclaim_capacity_byte_seconds: GIB * 3600,
    volume_request_storage_byte_seconds: GIB * 3600, persistentvolumeclaim_usage_byte_seconds: GIB * 1800,
  };
}

function inputs(strings: 'utf8' | 'dictionary'): OcpDayInputs {
  const pod = (node: typeof nodeA, namespace: string, name: string, cpu: number) =>
    ({ ...node, interval_start: DAY, namespace, pod: name, pod_usage_cpu_core_seconds: cpu, pod_labels: { app: name } });
  return {
    podDaily: [
      podDailyTable([pod(nodeA, 'db', 'p1', 3600), pod(nodeB, 'db', 'p2', 1800), pod(nodeA, 'web', 'p1', 900)], { strings }),
      podDailyTable([pod(nodeB, 'db', 'p1', 7200), pod(nodeA, 'web', 'no-volume', 60), { ...pod(nodeA, 'db', 'pending', 0), node: '' }], { strings }),
    ],
    podHourly: [podHourlyTable([...hourlyPodRows({ ...nodeA, namespace: 'db', pod: 'p1', day: DAY, hours: [0, 1] }), ...hourlyPodRows({ ...nodeB, namespace: 'db', pod: 'p2', day: DAY, hours: [0] })])],
    storageDaily: [
      // p1 of db runs on two nodes; p2 shares the PVC; "gone" has no pod row; a NULL pod; p1 of web has no volume.
      storageDailyTable([mount('db', 'p1', 'data'), mount('db', 'p2', 'data'), mount('db', 'gone', 'old')], { strings }),
      storageDailyTable([mount('db', null, 'orphan'), mount('db', 'pending', 'queue')], { strings }),
    ],
  };
}

function unsealed(input: OcpDayInputs, storageFirst: boolean) {
  const agg = new OcpDayAggregator({ day: DAY, config });
  if (storageFirst) for (const b of input.storageDaily ?? []) agg.addStorageDaily(b);
  for (const b of input.podDaily) agg.addPodDaily(b);
  for (const b of input.podHourly) agg.addPodHourly(b);
  if (!storageFirst) for (const b of input.storageDaily ?? []) agg.addStorageDaily(b);
  return agg.finish();
}

describe('OcpDayAggregator.sealStorage', () => {
  for (const strings of ['utf8', 'dictionary'] as const) {
    it(`gives exactly the rows of an unsealed aggregator, storage fed first or last (${strings} strings)`, () => {
      const sealed = summarizeOcpDay(DAY, config, inputs(strings));
      assert.ok(sealed.rows.some((r) => r.data_source === 'Storage' && r.node === 'node-b'), 'the fixture maps a volume to node-b');
      assert.deepEqual(sealed, unsealed(inputs(strings), false));
      assert.deepEqual(sealed, unsealed(inputs(strings), true));
    });
  }

  it('refuses storage rows after it (they would lose their pods\' nodes)', () => {
    const agg = new OcpDayAggregator({ day: DAY, config });
    agg.sealStorage();
    assert.throws(() => agg.addStorageDaily(storageDailyTable([mount('db', 'p1', 'data')])), /storage rows fed after sealStorage/);
  });
});
