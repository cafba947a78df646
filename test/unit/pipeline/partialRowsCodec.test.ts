import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { blankSummaryRow } from '../../../lib/ocp/summaryRow.js';
import type { OcpSummaryRow } from '../../../lib/ocp/types.js';
import { ocpControlTotals } from '../../../lib/pipeline/controlTotals.js';
import { decodePartialRows, encodePartialRows, isEncodedPartialRows } from '../../../lib/pipeline/partialRowsCodec.js';
import { SUMMARY_ROW_FIELDS } from '../../../lib/pipeline/summaryRowFields.js';
import type { OcpPartialRows } from '../../../lib/pipeline/types.js';

function rows(): OcpSummaryRow[] {
  const shared = { app: 'web', env: 'prod' };
  const out: OcpSummaryRow[] = [];
  for (let i = 0; i < 50; i++) {
    const row = blankSummaryRow('2025-11-03', i % 3 === 0 ? 'Storage' : 'Pod');
    row.namespace = i % 5 === 0 ? null : `ns-${i % 4}`;
    row.node = `node-${i % 7}`;
    row.pod_labels = i % 4 === 0 ? null : i % 2 === 0 ? shared : { app: `a${i}`, 'odd "key"': 'v\u2028\ud83d\ude00' };
    row.all_labels = row.pod_labels ?? {};
    row.pod_usage_cpu_core_hours = [1.5, -0, 0, 1e-300, Number.NaN, Infinity, -Infinity, null, 2 ** 53 + 2][i % 9] as number | null;
    row.persistentvolumeclaim_capacity_gigabyte = i % 2 ? 0.1 + 0.2 : null;
    row.infrastructure_usage_cost_zero = i % 2 === 0;
    row.cost_category_id = i % 3 === 0 ? null : i;
    out.push(row);
  }
  return out;
}

const viaJson = (data: OcpPartialRows) => JSON.parse(JSON.stringify(data)) as OcpPartialRows;

describe('partialRowsCodec', () => {
  it('round-trips exactly what JSON did (keys, order, null/NaN/±Infinity/-0, unicode, shared maps)', () => {
    const data: OcpPartialRows = { rows: rows(), nodeRoles: [{ node: 'n', resource_id: 'i-1', node_capacity_cpu_cores: 4, node_role: 'worker' }] };
    const encoded = encodePartialRows(data);
    assert.ok(encoded && isEncodedPartialRows(encoded));
    const decoded = decodePartialRows(encoded);
    assert.equal(JSON.stringify(decoded), JSON.stringify(viaJson(data)));
    assert.deepEqual(decoded, viaJson(data));
    // An unaligned copy of the bytes (as a store may hand back) decodes the same.
    const shifted = new Uint8Array(encoded.length + 3).subarray(3);
    shifted.set(encoded);
    assert.deepEqual(decodePartialRows(shifted), viaJson(data));
  });

  it('knows every OcpSummaryRow field in blankSummaryRow order (its fast path)', () => {
    assert.deepEqual(SUMMARY_ROW_FIELDS.map((f) => f.name), Object.keys(blankSummaryRow('2025-11-03', 'Pod')));
  });

  it('keeps the key order of rows not built by blankSummaryRow', () => {
    const { usage_start, ...rest } = blankSummaryRow('2025-11-03', 'Pod');
    const reordered = { ...rest, usage_start, namespace: 'x' } as OcpSummaryRow;
    const data = { rows: [reordered, { ...reordered, namespace: null }], nodeRoles: [] };
    const decoded = decodePartialRows(encodePartialRows(data) as Uint8Array);
    assert.equal(JSON.stringify(decoded), JSON.stringify(viaJson(data)));
  });

  it('handles no rows and all-null columns', () => {
    assert.deepEqual(decodePartialRows(encodePartialRows({ rows: [], nodeRoles: [] }) as Uint8Array), { rows: [], nodeRoles: [] });
    const one = { rows: [blankSummaryRow('2025-11-03', 'Pod')], nodeRoles: [] };
    assert.deepEqual(decodePartialRows(encodePartialRows(one) as Uint8Array), viaJson(one));
  });

  it('declines rows of different shapes or mixed kinds (the caller then writes JSON)', () => {
    const a = blankSummaryRow('2025-11-03', 'Pod');
    const b = { ...blankSummaryRow('2025-11-03', 'Pod'), extra: 1 } as unknown as OcpSummaryRow;
    assert.equal(encodePartialRows({ rows: [a, b], nodeRoles: [] }), null);
    const c = { ...blankSummaryRow('2025-11-03', 'Pod'), namespace: 5 } as unknown as OcpSummaryRow;
    assert.equal(encodePartialRows({ rows: [{ ...a, namespace: 'x' }, c], nodeRoles: [] }), null);
    assert.throws(() => decodePartialRows(new Uint8Array(16)), /bad magic/);
  });
});

describe('ocpControlTotals', () => {
  it('matches the straightforward per-row sums, key order included', () => {
    const SUMMED = ['pod_usage_cpu_core_hours', 'pod_request_cpu_core_hours', 'pod_effective_usage_cpu_core_hours', 'pod_usage_memory_gigabyte_hours',
      'pod_request_memory_gigabyte_hours', 'pod_effective_usage_memory_gigabyte_hours', 'persistentvolumeclaim_capacity_gigabyte_months',
      'volume_request_storage_gigabyte_months', 'persistentvolumeclaim_usage_gigabyte_months'] as const;
    const input = rows().map((r, i) => ({ ...r, namespace: i % 6 === 1 ? 'Worker unallocated' : r.namespace, pod_request_cpu_core_hours: i > 20 ? i / 3 : null }));
    const want: Record<string, number> = { rows: input.length };
    for (const row of input) {
      const k = `rows_${row.data_source === 'Pod' && row.namespace !== null && row.namespace.endsWith(' unallocated') && row.pod_labels === null ? 'Unallocated' : row.data_source}`;
      want[k] = (want[k] ?? 0) + 1;
      for (const col of SUMMED) {
        const v = row[col];
        if (typeof v === 'number') want[col] = (want[col] ?? 0) + v;
      }
    }
    const got = ocpControlTotals(input);
    assert.deepEqual(Object.keys(got), Object.keys(want));
    assert.equal(JSON.stringify(got), JSON.stringify(want));
  });
});
