import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvalidCsvValueError } from '../../../lib/ingest/errors.js';
import { OcpChunkBuilder } from '../../../lib/ingest/ocpChunkBuilder.js';
import type { ColumnarChunk, Float64Column, StringColumn } from '../../../lib/ingest/types.js';
import { POD_HEADER, STORAGE_HEADER, podRecord, storageRecord } from '../../helpers/ingestFixtures.js';

function strings(chunk: ColumnarChunk, name: string): Array<string | null> {
  const col = chunk.columns[name] as StringColumn;
  return [...col.codes].map((c) => (c < 0 ? null : col.dictionary[c]));
}

function floats(chunk: ColumnarChunk, name: string): number[] {
  return [...(chunk.columns[name] as Float64Column).values];
}

function build(header: string[], records: string[][], type: 'pod_usage' | 'storage_usage' = 'pod_usage') {
  const builder = new OcpChunkBuilder('test.csv', header, type);
  records.forEach((r, i) => builder.add(r, i + 2));
  return { builder, chunk: builder.build() };
}

describe('OcpChunkBuilder (spec §1 step 2, §2.2)', () => {
  it('adds per-hour effective usage = max(usage, request), so the day sum exceeds both sums (spec §11)', () => {
    const { chunk } = build(POD_HEADER, [
      podRecord({ hour: 10, pod_usage_cpu_core_seconds: 1800, pod_usage_memory_byte_seconds: 3865470566400 }),
      podRecord({ hour: 11, pod_usage_cpu_core_seconds: 5400, pod_usage_memory_byte_seconds: 11596411699200 }),
    ]);
    assert.deepEqual(floats(chunk, 'pod_effective_usage_cpu_core_seconds'), [3600, 5400]);
    assert.deepEqual(floats(chunk, 'pod_effective_usage_memory_byte_seconds'), [7730941132800, 11596411699200]);
    assert.deepEqual(chunk.names.slice(-2), ['pod_effective_usage_cpu_core_seconds', 'pod_effective_usage_memory_byte_seconds']);
  });

  it('turns empty and invalid numeric cells into 0.0, never null', () => {
    const { chunk } = build(POD_HEADER, [podRecord({ pod_limit_cpu_core_seconds: '', pod_limit_memory_byte_seconds: 'n/a', node_capacity_cpu_cores: 'four' })]);
    assert.deepEqual(floats(chunk, 'pod_limit_cpu_core_seconds'), [0]);
    assert.deepEqual(floats(chunk, 'pod_limit_memory_byte_seconds'), [0]);
    assert.deepEqual(floats(chunk, 'node_capacity_cpu_cores'), [0]);
  });

  it('drops a row when a listed column exceeds 1e18, keeps exactly 1e18, and counts raw rows', () => {
    const { builder, chunk } = build(POD_HEADER, [
      podRecord({ hour: 0, pod_usage_memory_byte_seconds: '1.5e18' }),
      podRecord({ hour: 1, node_capacity_memory_bytes: '1e18' }),
      podRecord({ hour: 2, pod_request_cpu_core_seconds: 'inf' }),
    ]);
    assert.equal(chunk.length, 1);
    assert.equal(builder.rawRows, 3);
    assert.equal(builder.droppedRows, 2);
  });

  it('parses +0000 UTC timestamps to epoch ms without time zone', () => {
    const { chunk } = build(POD_HEADER, [podRecord({ day: '2020-11-06', hour: 18 })]);
    const start = chunk.columns.interval_start;
    assert.equal(start.kind, 'timestamp');
    assert.deepEqual([...(start as { values: Float64Array }).values], [Date.UTC(2020, 10, 6, 18)]);
    assert.equal((start as { utc: boolean }).utc, false);
    assert.deepEqual([...(chunk.columns.interval_end as { values: Float64Array }).values], [Date.UTC(2020, 10, 6, 18, 59, 59)]);
  });

  it('HTML-escapes identifier columns but not label columns, and removes NUL', () => {
    const { chunk } = build(POD_HEADER, [podRecord({ namespace: `r&d <"lab's">`, pod: 'p\u00001', pod_labels: 'label_owner:a&b' })]);
    assert.deepEqual(strings(chunk, 'namespace'), ['r&amp;d &lt;&quot;lab&#x27;s&quot;&gt;']);
    assert.deepEqual(strings(chunk, 'pod'), ['p1']);
    assert.deepEqual(strings(chunk, 'pod_labels'), ['{"owner": "a&b"}']);
  });

  it('keeps other columns as text: empty node is "" (not null), pandas NA spellings become ""', () => {
    const { chunk } = build(POD_HEADER, [podRecord({ node: '', resource_id: 'None', pod_labels: 'null' })]);
    assert.deepEqual(strings(chunk, 'node'), ['']);
    assert.deepEqual(strings(chunk, 'resource_id'), ['']);
    assert.deepEqual(strings(chunk, 'pod_labels'), ['{}']);
  });

  it('converts both storage label columns and leaves storage rows without effective columns', () => {
    const { chunk } = build(STORAGE_HEADER, [storageRecord({ persistentvolume_labels: 'label_a:1|label_b:2:3', persistentvolumeclaim_labels: '' })], 'storage_usage');
    assert.deepEqual(strings(chunk, 'persistentvolume_labels'), ['{"a": "1"}']);
    assert.deepEqual(strings(chunk, 'persistentvolumeclaim_labels'), ['{}']);
    assert.equal(chunk.columns.pod_effective_usage_cpu_core_seconds, undefined);
  });

  it('fails the file on an unparseable timestamp, naming file, row and column', () => {
    const builder = new OcpChunkBuilder('bad.csv', POD_HEADER, 'pod_usage');
    assert.throws(() => builder.add(podRecord({ interval_start: 'not a date' }), 7), (err: unknown) => {
      assert.ok(err instanceof InvalidCsvValueError);
      assert.match((err as Error).message, /bad\.csv row 7 column interval_start/);
      return true;
    });
  });
});
