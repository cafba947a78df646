import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeRow, rowKind, summaryRowKey } from '../../../lib/compare/index.js';

const base = { usage_start: '2024-03-15', source_uuid: 'u', namespace: 'shop', node: 'n1', resource_id: 'i-1', persistentvolumeclaim: null, persistentvolume: null, storageclass: null, volume_labels: null };

describe('summaryRowKey', () => {
  it('classifies rows by the spec grain', () => {
    assert.equal(rowKind({ data_source: 'Pod', namespace: 'shop' }), 'Pod');
    assert.equal(rowKind({ data_source: 'Pod', namespace: 'Platform unallocated' }), 'Unallocated');
    assert.equal(rowKind({ data_source: 'Pod', namespace: null }), 'Unallocated');
    assert.equal(rowKind({ data_source: 'Storage', namespace: 'shop' }), 'Storage');
    assert.equal(rowKind({ data_source: 'GPU', namespace: 'shop' }), 'Other');
  });

  it('keys labels as JSON objects and keeps a label-free key', () => {
    const a = summaryRowKey({ ...base, data_source: 'Pod', pod_labels: { app: 'web', env: 'prod' } });
    const b = summaryRowKey({ ...base, data_source: 'Pod', pod_labels: { env: 'prod', app: 'web' } });
    const c = summaryRowKey({ ...base, data_source: 'Pod', pod_labels: { app: 'shop' } });
    assert.equal(a.key, b.key);
    assert.notEqual(a.key, c.key);
    assert.equal(a.keyWithoutLabels, c.keyWithoutLabels);
    assert.notEqual(summaryRowKey({ ...base, data_source: 'Pod', pod_labels: {} }).key, summaryRowKey({ ...base, data_source: 'Pod', pod_labels: null }).key);
  });

  it('ignores resource_id for Pod rows (not in their grain) but not for Storage rows', () => {
    const pod = (r: string) => summaryRowKey({ ...base, resource_id: r, data_source: 'Pod', pod_labels: {} }).key;
    const storage = (r: string) => summaryRowKey({ ...base, resource_id: r, data_source: 'Storage', pod_labels: null, volume_labels: {} }).key;
    assert.equal(pod('i-1'), pod('i-2'));
    assert.notEqual(storage('i-1'), storage('i-2'));
  });

  it('describes a row by its grain', () => {
    const row = summaryRowKey({ ...base, data_source: 'Storage', pod_labels: null, persistentvolumeclaim: 'data', persistentvolume: 'pv1', storageclass: 'gp3', volume_labels: { b: '2', a: '1' } });
    assert.equal(describeRow(row).text, 'Storage 2024-03-15 ns=shop node=n1 resource_id=i-1 pvc=data pv=pv1 storageclass=gp3 volume_labels={"a":"1","b":"2"}');
  });
});
