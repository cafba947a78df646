import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Decimal, Float64, Int32, Null, Table, Utf8, makeData, makeVector, vectorFromArray } from 'apache-arrow';
import { ColumnAccess } from '../../../lib/ocp/columnAccess.js';
import { InvalidOcpInputError } from '../../../lib/ocp/errors.js';
import { NOT_FOUND, StringPool, NULL_ID } from '../../../lib/ocp/stringPool.js';
import { podDailyTable } from '../../helpers/ocpArrow.js';

describe('ColumnAccess', () => {
  it('reads Null-typed "new" columns (all-null in the daily file) as NULL strings and numbers', () => {
    const nulls = makeVector(makeData({ type: new Null(), length: 2 }));
    const batch = new Table({ node_role: nulls, eff: nulls, x: vectorFromArray([1, null], new Float64()) }).batches[0];
    const access = new ColumnAccess(new StringPool());
    assert.deepEqual([...access.strings(batch, 'node_role', 's')], [NULL_ID, NULL_ID]);
    assert.deepEqual([...(access.numbers(batch, 'eff', 's').valid ?? [])], [0, 0]);
    const x = access.numbers(batch, 'x', 's');
    assert.deepEqual([x.values[0], [...(x.valid ?? [])]], [1, [1, 0]]);
  });

  it('names the input and column when a required column is missing', () => {
    const batch = podDailyTable([{ interval_start: '2024-03-15', namespace: 'a', pod: 'b', node: 'c' }], { omit: ['pod_labels'] }).batches[0];
    assert.throws(
      () => new ColumnAccess(new StringPool()).strings(batch, 'pod_labels', 'pod_usage daily input'),
      (e: unknown) => e instanceof InvalidOcpInputError && e.message === 'pod_usage daily input column pod_labels: is missing',
    );
  });

  it('refuses a text column of another type (as Trino refuses the Hive schema) instead of turning numbers into text', () => {
    const batch = new Table({ namespace: vectorFromArray([0, 1], new Int32()) }).batches[0];
    assert.throws(
      () => new ColumnAccess(new StringPool()).strings(batch, 'namespace', 'pod_usage daily input'),
      (e: unknown) => e instanceof InvalidOcpInputError && e.message === 'pod_usage daily input column namespace: has type Int32, expected text',
    );
  });

  it('reads an all-NULL column of any type as NULL text (a writer may type an empty column as anything)', () => {
    const batch = new Table({ node_role: vectorFromArray([null, null], new Int32()) }).batches[0];
    assert.deepEqual([...new ColumnAccess(new StringPool()).strings(batch, 'node_role', 's')], [NULL_ID, NULL_ID]);
  });

  it('reads a decimal at its scale (Arrow hands it out unscaled)', () => {
    const words = new Uint32Array(8);
    words.set([150, 0, 0, 0], 0);
    words.set([-225 >>> 0, 0xffffffff, 0xffffffff, 0xffffffff], 4); // -225, two's complement over 128 bits
    const batch = new Table({ x: makeVector(makeData({ type: new Decimal(2, 10, 128), length: 2, data: words })) }).batches[0];
    assert.deepEqual([...new ColumnAccess(new StringPool()).numbers(batch, 'x', 's').values], [1.5, -2.25]);
  });

  it('refuses NaN and ±Infinity, which Koku cannot copy into numeric(33,15), naming the column and counting them', () => {
    for (const values of [[1, Number.NaN, 2, Number.NaN], [Number.POSITIVE_INFINITY, 1, null, Number.NaN]]) {
      const batch = new Table({ pod_usage_cpu_core_seconds: vectorFromArray(values, new Float64()) }).batches[0];
      assert.throws(
        () => new ColumnAccess(new StringPool()).numbers(batch, 'pod_usage_cpu_core_seconds', 'pod_usage daily input'),
        (e: unknown) => e instanceof InvalidOcpInputError && /^pod_usage daily input column pod_usage_cpu_core_seconds: has 2 value\(s\) that are not finite numbers \(first: (NaN in row 1|Infinity in row 0) of the batch\)$/.test(e.message),
      );
    }
    const fine = new Table({ x: vectorFromArray([-0, -5, 1e300, null], new Float64()) }).batches[0];
    assert.deepEqual([...new ColumnAccess(new StringPool()).numbers(fine, 'x', 's').values], [-0, -5, 1e300, 0]);
  });

  it('lookupOnly: ids of values already in the pool, NOT_FOUND for the others, nothing added (Utf8 and Dictionary)', () => {
    const pool = new StringPool();
    const known = { b: pool.id('b'), d: pool.id('d') };
    const rows = ['a', 'b', null, 'b', 'd', 'e'].map((pod) => ({ interval_start: '2024-03-15', namespace: 'n', pod, node: 'x' }));
    for (const strings of ['utf8', 'dictionary'] as const) {
      const batch = podDailyTable(rows as never, { strings }).batches[0];
      const ids = new ColumnAccess(pool, { lookupOnly: true }).strings(batch, 'pod', 's');
      assert.deepEqual([...ids], [NOT_FOUND, known.b, NULL_ID, known.b, known.d, NOT_FOUND], strings);
      assert.equal(pool.size, 3, `${strings}: NULL, b and d only`);
    }
  });

  it('tells neighbouring values of one length apart wherever they differ (the run check), at any byte offset', () => {
    // Each text is followed by itself, then by texts that differ from it in one byte only, at every position.
    const base = 'abcdefghijklmnopqrstuvw';
    const texts: string[] = [];
    for (let n = 0; n <= base.length; n++) {
      const text = base.slice(0, n);
      texts.push(text, text);
      for (let k = 0; k < n; k++) texts.push(`${text.slice(0, k)}#${text.slice(k + 1)}`, text);
    }
    const bytes = new TextEncoder().encode(texts.join(''));
    const values = new Uint8Array(bytes.length + 5).subarray(5);
    values.set(bytes);
    const valueOffsets = new Int32Array(texts.length + 1);
    texts.forEach((text, i) => (valueOffsets[i + 1] = (valueOffsets[i] as number) + text.length));
    const column = makeVector(makeData({ type: new Utf8(), length: texts.length, valueOffsets, data: values }));
    const batch = new Table({ pod: column }).batches[0];
    const pool = new StringPool();
    const ids = new ColumnAccess(pool).strings(batch, 'pod', 's');
    assert.deepEqual([...ids].map((id) => pool.value(id)), texts);
  });

  it('decodes ms and us timestamps to the same epoch milliseconds', () => {
    const access = new ColumnAccess(new StringPool());
    const row = { interval_start: '2024-03-15T10:00:00', namespace: 'a', pod: 'b', node: 'c' };
    const ms = access.timestampsMs(podDailyTable([row]).batches[0], 'interval_start', 's');
    const us = access.timestampsMs(podDailyTable([row], { timestampUnit: 'us' }).batches[0], 'interval_start', 's');
    assert.deepEqual([...us], [...ms]);
    assert.equal(ms[0], Date.UTC(2024, 2, 15, 10));
  });
});
