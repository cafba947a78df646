import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { aggregateOcpDaily } from '../../../lib/ingest/aggregateOcpDaily.js';
import { OcpChunkBuilder } from '../../../lib/ingest/ocpChunkBuilder.js';
import type { ColumnarChunk, SummaryReportType } from '../../../lib/ingest/types.js';
import { POD_HEADER, STORAGE_HEADER, podRecord, storageRecord, ts } from '../../helpers/ingestFixtures.js';

function chunkOf(header: string[], records: string[][], type: SummaryReportType): ColumnarChunk {
  const builder = new OcpChunkBuilder('t.csv', header, type);
  records.forEach((r, i) => builder.add(r, i + 2));
  return builder.build();
}

/** Daily rows as plain objects, for readable assertions. */
function rows(chunk: ColumnarChunk): Array<Record<string, unknown>> {
  return Array.from({ length: chunk.length }, (_, i) => {
    const row: Record<string, unknown> = {};
    for (const name of chunk.names) {
      const col = chunk.columns[name];
      row[name] = col.kind === 'string' ? (col.codes[i] < 0 ? null : col.dictionary[col.codes[i]]) : col.values[i];
    }
    return row;
  });
}

describe('aggregateOcpDaily (spec §2.2 daily frame, §2.3)', () => {
  it('reproduces the worked example of spec §11: sums, maxes, effective 9000, day at midnight, no interval_end', () => {
    const daily = aggregateOcpDaily(
      chunkOf(POD_HEADER, [
        podRecord({ day: '2024-03-15', hour: 10, pod_usage_cpu_core_seconds: 1800, pod_usage_memory_byte_seconds: 3865470566400 }),
        podRecord({ day: '2024-03-15', hour: 11, pod_usage_cpu_core_seconds: 5400, pod_usage_memory_byte_seconds: 11596411699200 }),
      ], 'pod_usage'),
      'pod_usage',
    );
    assert.deepEqual(rows(daily), [{
      namespace: 'shop', node: 'node-a', pod: 'web-1', pod_labels: '{"app": "web"}',
      interval_start: Date.UTC(2024, 2, 15),
      report_period_start: Date.UTC(2024, 2, 1), report_period_end: Date.UTC(2024, 3, 1), resource_id: 'i-0abc',
      pod_usage_cpu_core_seconds: 7200, pod_request_cpu_core_seconds: 7200, pod_effective_usage_cpu_core_seconds: 9000,
      pod_limit_cpu_core_seconds: 14400,
      pod_usage_memory_byte_seconds: 15461882265600, pod_request_memory_byte_seconds: 15461882265600,
      pod_effective_usage_memory_byte_seconds: 19327352832000, pod_limit_memory_byte_seconds: 30923764531200,
      node_capacity_cpu_cores: 4, node_capacity_cpu_core_seconds: 28800, node_capacity_memory_bytes: 17179869184,
      node_capacity_memory_byte_seconds: 123695058124800, node_role: null,
    }]);
    assert.equal(daily.names.includes('interval_end'), false);
  });

  it('groups by labels and by UTC day, and takes max of resource_id and node_role as strings', () => {
    const header = [...POD_HEADER, 'node_role'];
    const rec = (v: Parameters<typeof podRecord>[0], role: string) => [...podRecord(v), role];
    const daily = aggregateOcpDaily(chunkOf(header, [
      rec({ hour: 1, pod_labels: 'label_app:a' }, 'worker'),
      rec({ hour: 2, pod_labels: 'label_app:b' }, 'worker'),
      rec({ hour: 3, pod_labels: 'label_app:a', resource_id: 'i-0abd' }, ''),
      rec({ day: '2025-10-02', hour: 0, pod_labels: 'label_app:a' }, 'master'),
    ], 'pod_usage'), 'pod_usage');
    const out = rows(daily).map((r) => [r.interval_start, r.pod_labels, r.resource_id, r.node_role, r.pod_usage_cpu_core_seconds]);
    assert.deepEqual(out, [
      [Date.UTC(2025, 9, 1), '{"app": "a"}', 'i-0abd', 'worker', 3600],
      [Date.UTC(2025, 9, 1), '{"app": "b"}', 'i-0abc', 'worker', 1800],
      [Date.UTC(2025, 9, 2), '{"app": "a"}', 'i-0abc', 'master', 1800],
    ]);
  });

  it('sums with compensated (Kahan) summation as pandas does', () => {
    const records = [podRecord({ hour: 0, pod_usage_cpu_core_seconds: 1e16 }), ...Array.from({ length: 10 }, (_, h) => podRecord({ hour: h + 1, pod_usage_cpu_core_seconds: 1 }))];
    const daily = aggregateOcpDaily(chunkOf(POD_HEADER, records, 'pod_usage'), 'pod_usage');
    assert.equal(rows(daily)[0].pod_usage_cpu_core_seconds, 1e16 + 10);
  });

  it('adds absent new storage columns (node, csi_driver, csi_volume_handle) as all-null strings', () => {
    const daily = aggregateOcpDaily(chunkOf(STORAGE_HEADER, [storageRecord({ hour: 0 }), storageRecord({ hour: 1 })], 'storage_usage'), 'storage_usage');
    const [row] = rows(daily);
    assert.equal(daily.length, 1);
    assert.equal(row.node, null);
    assert.equal(row.csi_driver, null);
    assert.equal(row.csi_volume_handle, null);
    assert.equal(row.persistentvolumeclaim_capacity_bytes, 10 * 2 ** 30);
    assert.equal(row.persistentvolumeclaim_usage_byte_seconds, 2 * 5 * 2 ** 30 * 3600);
    assert.deepEqual(daily.names.slice(-3), ['node', 'csi_driver', 'csi_volume_handle']);
  });

  it('keeps two node-label rows for a node whose labels changed during the day (spec §2.3)', () => {
    const header = ['report_period_start', 'report_period_end', 'interval_start', 'interval_end', 'node', 'node_labels'];
    const rec = (hour: number, labels: string) => [ts('2025-10-01', 0), ts('2025-11-01', 0), ts('2025-10-01', hour), ts('2025-10-01', hour, 59, 59), 'node-a', labels];
    const daily = aggregateOcpDaily(chunkOf(header, [rec(0, 'label_env:blue'), rec(1, 'label_env:blue'), rec(2, 'label_env:green')], 'node_labels'), 'node_labels');
    assert.deepEqual(rows(daily).map((r) => r.node_labels), ['{"env": "blue"}', '{"env": "green"}']);
  });
});
