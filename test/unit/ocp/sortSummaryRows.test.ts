import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canonicalLabels } from '../../../lib/ocp/labels.js';
import { compareSummaryRows, sortSummaryRows } from '../../../lib/ocp/sortSummaryRows.js';
import { blankSummaryRow } from '../../../lib/ocp/summaryRow.js';
import type { Labels, OcpSummaryRow } from '../../../lib/ocp/types.js';

/** mulberry32: small, seeded, and exact in doubles (an LCG on doubles loses bits and cycles). */
function prng(seed: number): (n: number) => number {
  let s = seed >>> 0;
  return (n) => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

// '\uffff' and '\ue000' sort before astral characters by code point but after them by UTF-16 unit.
const TEXTS = [null, '', 'a', 'b', 'ab', 'a\u0000', 'Z', 'é', '\ue000', '\uffff', '😀', '😀a', '\u{10ffff}', '\ud83d'];
const LABEL_VALUES = ['1', '2', '\uffff', '😀'];

/** The reference: a stable sort by the comparator; compared by row identity, shown as input indices. */
function assertSortedLikeComparator(rows: readonly OcpSummaryRow[], labelKey?: (labels: Labels | null) => string): void {
  const index = new Map(rows.map((row, i) => [row, i]));
  const want = [...rows].sort(compareSummaryRows).map((row) => index.get(row));
  const input = [...rows];
  const got = sortSummaryRows(input, labelKey);
  assert.equal(got, input, 'sorts in place and returns the array');
  assert.deepEqual(got.map((row) => index.get(row)), want);
}

/** Label maps, including equal maps as distinct objects and with keys in another order (same canonical text). */
function labelMaps(next: (n: number) => number, count: number): Array<Labels | null> {
  const maps: Array<Labels | null> = [null, {}];
  for (let i = 0; i < count; i++) {
    const map: Labels = {};
    for (const key of ['b', 'a', 'app', '😀', '\uffff'].slice(0, next(4))) map[key] = LABEL_VALUES[next(LABEL_VALUES.length)] as string;
    maps.push(map, Object.fromEntries(Object.entries(map).reverse()));
  }
  return maps;
}

/** A caller-style `labelKey`: canonical texts looked up by map identity, computed for the ones it does not know. */
function cachedLabelKey(maps: ReadonlyArray<Labels | null>): (labels: Labels | null) => string {
  const keys = new Map<Labels, string>();
  for (const map of maps) if (map !== null && keys.size % 2 === 0) keys.set(map, canonicalLabels(map));
  return (labels) => (labels === null ? canonicalLabels(null) : (keys.get(labels) ?? canonicalLabels(labels)));
}

/** Random rows over small per-column alphabets, some of one value (or only NULL), some in runs of equal values. */
function randomRows(next: (n: number) => number, maps: ReadonlyArray<Labels | null>): OcpSummaryRow[] {
  const width = () => 1 + next(next(2) ? 3 : TEXTS.length);
  const alphabets = Array.from({ length: 9 }, () => {
    const size = width();
    const offset = next(TEXTS.length);
    return Array.from({ length: size }, (_, i) => TEXTS[(offset + i) % TEXTS.length] as string | null);
  });
  const podMaps = maps.slice(0, 1 + next(maps.length));
  const volumeMaps = maps.slice(next(maps.length));
  const costs = [null, 0, -0, 1, 2, -1, 2 ** 40, -Infinity].slice(0, 1 + next(8));
  const pick = <T>(values: readonly T[]) => values[next(values.length)] as T;
  const rows: OcpSummaryRow[] = [];
  const size = next(300);
  while (rows.length < size) {
    const row = blankSummaryRow(pick(['2025-11-03', '2025-11-04']), next(2) ? 'Pod' : 'Storage');
    if (next(4) === 0) row.usage_start = pick(alphabets[0] as string[]) ?? '';
    row.namespace = pick(alphabets[1] as string[]);
    row.node = pick(alphabets[2] as string[]);
    row.resource_id = pick(alphabets[3] as string[]);
    row.persistentvolumeclaim = pick(alphabets[4] as string[]);
    row.persistentvolume = pick(alphabets[5] as string[]);
    row.storageclass = pick(alphabets[6] as string[]);
    row.csi_volume_handle = pick(alphabets[7] as string[]);
    row.pod_labels = pick(podMaps);
    row.volume_labels = pick(volumeMaps);
    row.cost_category_id = pick(costs);
    // Runs of equal rows (distinct objects): ties must keep input order.
    for (let copies = next(3) === 0 ? next(4) : 0; copies >= 0 && rows.length < size; copies--) rows.push({ ...row });
  }
  return rows;
}

describe('sortSummaryRows', () => {
  it('orders exactly like a stable sort by compareSummaryRows on random rows', () => {
    const next = prng(20251103);
    for (let round = 0; round < 400; round++) {
      const maps = labelMaps(next, 1 + next(6));
      const rows = randomRows(next, maps);
      assertSortedLikeComparator(rows);
      assertSortedLikeComparator(rows, cachedLabelKey(maps));
    }
  });

  it('orders by code point, not UTF-16 unit, in text columns and label texts', () => {
    const texts = ['\uffff', '😀', '\ue000', 'a', null, '\u{10000}', '\ud7ff'];
    const rows = texts.map((text) => {
      const row = blankSummaryRow('2025-11-03', 'Pod');
      row.namespace = text;
      row.pod_labels = text === null ? null : { app: text };
      return row;
    });
    assertSortedLikeComparator(rows);
    const flipped = rows.map((row) => ({ ...row, namespace: 'same' }));
    assertSortedLikeComparator(flipped);
    assert.deepEqual(
      sortSummaryRows(flipped).map((row) => row.pod_labels?.app ?? null),
      [null, 'a', '\ud7ff', '\ue000', '\uffff', '\u{10000}', '😀'],
    );
  });

  it('keeps input order when every key is equal, and handles no rows and one row', () => {
    const rows = Array.from({ length: 50 }, () => blankSummaryRow('2025-11-03', 'Pod'));
    const sorted = sortSummaryRows([...rows]);
    assert.ok(sorted.every((row, i) => row === rows[i]));
    assert.deepEqual(sortSummaryRows([]), []);
    assertSortedLikeComparator([blankSummaryRow('2025-11-03', 'Storage')]);
  });

  it('treats a NULL cost category as -Infinity, and label maps by canonical text, not identity', () => {
    const rows = [3, null, -Infinity, 1, null, -Infinity, 0].map((id, i) => {
      const row = blankSummaryRow('2025-11-03', 'Pod');
      row.cost_category_id = id;
      row.pod_labels = i % 2 ? { a: '1', b: '2' } : { b: '2', a: '1' };
      return row;
    });
    assertSortedLikeComparator(rows);
    assert.deepEqual(sortSummaryRows([...rows]).map((row) => row.cost_category_id), [null, -Infinity, null, -Infinity, 0, 1, 3]);
  });

  it('sorts rows with many distinct values in every column (more combinations than one double can pack)', () => {
    const next = prng(53);
    const word = () => Array.from({ length: 1 + next(6) }, () => 'aZé\uffff😀0'.charAt(next(7)) || '😀').join('');
    const rows = Array.from({ length: 3000 }, () => {
      const row = blankSummaryRow('2025-11-03', next(2) ? 'Pod' : 'Storage');
      row.namespace = word();
      row.node = next(50) ? word() : null;
      row.resource_id = word();
      row.persistentvolumeclaim = word();
      row.persistentvolume = word();
      row.storageclass = word();
      row.csi_volume_handle = word();
      row.pod_labels = { app: word() };
      row.volume_labels = next(3) ? { v: word(), w: word() } : null;
      row.cost_category_id = next(1000);
      return row;
    });
    assertSortedLikeComparator(rows);
    // Same columns, few namespaces and nodes: the ties fall through to every later key.
    for (const row of rows) {
      row.namespace = row.namespace?.charAt(0) ?? null;
      row.node = row.node === null ? null : 'node';
    }
    assertSortedLikeComparator(rows);
  });

  it('accepts rows in grouped order: Pod rows in runs, then Storage rows with NULL pod columns', () => {
    const next = prng(7);
    const pods = Array.from({ length: 2000 }, (_, i) => {
      const row = blankSummaryRow('2025-11-03', 'Pod');
      row.namespace = `ns-${Math.floor(i / 40) % 17}`;
      row.node = `node-${(i * 7) % 23}`;
      row.resource_id = `i-${(i * 7) % 23}`;
      row.pod_labels = next(5) ? { app: `a${next(9)}` } : null;
      return row;
    });
    const storage = Array.from({ length: 500 }, (_, i) => {
      const row = blankSummaryRow('2025-11-03', 'Storage');
      row.namespace = `ns-${next(17)}`;
      row.persistentvolumeclaim = `pvc-${i % 300}`;
      row.persistentvolume = `pv-${next(400)}`;
      row.storageclass = ['gp2', 'gp3'][next(2)] as string;
      row.volume_labels = { app: `a${next(9)}` };
      return row;
    });
    assertSortedLikeComparator([...pods, ...storage]);
  });
});
