// The parity helper must itself catch differences, or every parity test passes vacuously.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { assertRowsEqual, expectedPodRow } from '../../helpers/ocpArrow.js';

const row = expectedPodRow({ usage_start: '2024-03-15', namespace: 'a', node: 'n', pod_labels: { x: '1', y: '2' }, pod_usage_cpu_core_hours: 1 });

describe('assertRowsEqual', () => {
  it('accepts equal multisets in any order, labels in any key order, numbers within the tolerance', () => {
    const other = { ...row, namespace: 'b' };
    assertRowsEqual([other, row], [{ ...row, pod_labels: { y: '2', x: '1' }, all_labels: { y: '2', x: '1' }, pod_usage_cpu_core_hours: 1 + 5e-10 }, other]);
  });

  it('rejects a numeric difference beyond the tolerance, NULL vs 0, a label difference, a missing or extra row', () => {
    assert.throws(() => assertRowsEqual([row], [{ ...row, pod_usage_cpu_core_hours: 1 + 2e-9 }]));
    assert.throws(() => assertRowsEqual([row], [{ ...row, pod_limit_cpu_core_hours: 0 }]));
    assert.throws(() => assertRowsEqual([row], [{ ...row, pod_labels: { x: '1' } }]));
    assert.throws(() => assertRowsEqual([row, row], [row]));
    assert.throws(() => assertRowsEqual([row], [row, row]));
  });
});
