import { compareText } from './compareText.js';
import { canonicalLabels } from './labels.js';
import type { PodRowColumns } from './podRowColumns.js';
import type { FilteredLabels, Labels, OcpSummaryRow } from './types.js';

/** A deterministic order of summary rows, so a day's partial is byte-for-byte reproducible. */
export function compareSummaryRows(a: OcpSummaryRow, b: OcpSummaryRow): number {
  return (
    compareText(a.usage_start, b.usage_start) ||
    compareText(a.data_source, b.data_source) ||
    compareText(a.namespace, b.namespace) ||
    compareText(a.node, b.node) ||
    compareText(a.resource_id, b.resource_id) ||
    compareText(a.persistentvolumeclaim, b.persistentvolumeclaim) ||
    compareText(a.persistentvolume, b.persistentvolume) ||
    compareText(a.storageclass, b.storageclass) ||
    compareText(a.csi_volume_handle, b.csi_volume_handle) ||
    compareText(canonicalLabels(a.pod_labels), canonicalLabels(b.pod_labels)) ||
    compareText(canonicalLabels(a.volume_labels), canonicalLabels(b.volume_labels)) ||
    (a.cost_category_id ?? -Infinity) - (b.cost_category_id ?? -Infinity) ||
    0
  );
}

type SortKind = 'text' | 'labels' | 'number';
type LabelKey = (labels: Labels | null) => string;

/** A key's rank on each row of a list (`ranks[i]` for its `i`th row), in `0 .. buckets - 1`. */
interface SortKey {
  ranks: Int32Array;
  buckets: number;
}

/** `compareSummaryRows`'s first keys (usage_start, data_source, namespace, node), as `readLeadingKeys` reads them. */
const LEADING_KINDS: readonly SortKind[] = ['text', 'text', 'text', 'text'];
/**
 * Its other keys, as `readTrailingKeys` reads them: resource_id, persistentvolumeclaim, persistentvolume,
 * storageclass, csi_volume_handle, pod_labels, volume_labels, cost_category_id.
 */
const TRAILING_KINDS: readonly SortKind[] = ['text', 'text', 'text', 'text', 'text', 'labels', 'labels', 'number'];

/**
 * Sorts in place in `compareSummaryRows` order and returns the array. A key's distinct values are ranked once (sorted
 * with the same comparison) and rows are ordered by a least-significant-digit radix sort: one stable counting-sort
 * pass per key that is not the same on every row, linear in the rows. All rows are sorted by the leading keys; a
 * namespace and node nearly always tell rows apart, so only rows tied on them are read and sorted by the trailing
 * keys, which hold the costly ones (label texts, unique volume names). Ties keep input order, like a stable sort.
 * `labelKey` may supply the canonical texts the caller already has (it must equal `canonicalLabels`); it is called
 * once per distinct label map object of a tied row.
 */
export function sortSummaryRows(rows: OcpSummaryRow[], labelKey: LabelKey = canonicalLabels): OcpSummaryRow[] {
  const order = sortedOrder(
    rows.length,
    { keys: readLeadingKeys(rows), kinds: LEADING_KINDS },
    { read: (which) => readTrailingKeys(rows, which), kinds: TRAILING_KINDS },
    labelKey,
  );
  const input = rows.slice();
  for (let i = 0; i < rows.length; i++) rows[i] = input[order[i] as number] as OcpSummaryRow;
  return rows;
}

/**
 * The order of a day's Pod rows (`PodRowColumns` output ids) that `sortSummaryRows` would give their rows, read from
 * the columns. On Pod rows `compareSummaryRows` reduces to (namespace, node, resource_id, canonical pod_labels): the
 * day and data source are the same on every row, the volume columns are NULL, and cost_category_id follows the
 * namespace. Label maps are ranked by their canonical text (`FilteredLabels.key`), as `canonicalLabels` gives it.
 */
export function sortPodRows(pod: PodRowColumns): Int32Array {
  const leading = [new ValueIds(pod.count), new ValueIds(pod.count)] as const;
  for (let o = 0; o < pod.count; o++) {
    leading[0].set(o, pod.namespaces[o]);
    leading[1].set(o, pod.nodes[o]);
  }
  const readTrailing = (which: readonly number[]): ValueIds[] => {
    const keys = [new ValueIds(which.length), new ValueIds(which.length)] as const;
    for (let i = 0; i < which.length; i++) {
      const o = which[i] as number;
      keys[0].set(i, pod.resourceIds[o]);
      keys[1].set(i, (pod.labels[o] as FilteredLabels).key);
    }
    return [...keys];
  };
  return sortedOrder(pod.count, { keys: [...leading], kinds: POD_LEADING_KINDS }, { read: readTrailing, kinds: POD_TRAILING_KINDS }, canonicalLabels);
}

/** Namespace and node. */
const POD_LEADING_KINDS: readonly SortKind[] = ['text', 'text'];
/** resource_id and the canonical pod_labels text (a text, so it ranks as `labels` keys rank their texts). */
const POD_TRAILING_KINDS: readonly SortKind[] = ['text', 'text'];

/**
 * The permutation that sorts `count` rows: a radix sort of all rows by the leading keys, then of each run of rows
 * tied on them by the trailing keys (read for the tied rows only). Ties that remain keep input order.
 */
function sortedOrder(
  count: number,
  leadingKeys: { keys: readonly ValueIds[]; kinds: readonly SortKind[] },
  trailingKeys: { read: (which: readonly number[]) => ValueIds[]; kinds: readonly SortKind[] },
  labelKey: LabelKey,
): Int32Array {
  const leading = sortKeys(leadingKeys.keys, leadingKeys.kinds, labelKey);
  const order = radixSort(count, leading);
  const ties = tieRuns(order, leading);
  if (ties.runs > 0) sortTies(order, ties, sortTrailing);
  return order;

  function sortTrailing(tied: readonly number[]): SortKey[] {
    return sortKeys(trailingKeys.read(tied), trailingKeys.kinds, labelKey);
  }
}

/** Runs of rows that tie on the keys `order` is sorted by: `run[row]` numbers them in sorted order, -1 if alone. */
interface TieRuns {
  run: Int32Array;
  runs: number;
}

function tieRuns(order: Int32Array, keys: readonly SortKey[]): TieRuns {
  const run = new Int32Array(order.length).fill(-1);
  let runs = 0;
  for (let j = 1; j < order.length; j++) {
    const a = order[j - 1] as number;
    const b = order[j] as number;
    if (!keys.every(({ ranks }) => ranks[a] === ranks[b])) continue;
    if ((run[a] as number) < 0) run[a] = runs++;
    run[b] = run[a] as number;
  }
  return { run, runs };
}

/**
 * Sorts each tie run by the trailing keys, in place in `order`. The tied rows are listed in input order, so it breaks
 * the remaining ties; the run number is the most significant key, and each run fills consecutive positions of `order`.
 */
function sortTies(order: Int32Array, { run, runs }: TieRuns, trailingKeys: (tied: readonly number[]) => SortKey[]): void {
  const tied: number[] = [];
  const runOfTied: number[] = [];
  for (let i = 0; i < run.length; i++) {
    if ((run[i] as number) < 0) continue;
    tied.push(i);
    runOfTied.push(run[i] as number);
  }
  const byRun: SortKey = { ranks: new Int32Array(runOfTied), buckets: runs };
  const sorted = radixSort(tied.length, [byRun, ...trailingKeys(tied)]);
  let next = 0;
  for (let j = 0; j < order.length; j++) {
    if ((run[order[j] as number] as number) >= 0) order[j] = tied[sorted[next++] as number] as number;
  }
}

/** The permutation of `0 .. count - 1` that sorts by `keys`, most significant first, keeping ties in index order. */
function radixSort(count: number, keys: readonly SortKey[]): Int32Array {
  let order = new Int32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  let spare = new Int32Array(count);
  for (let k = keys.length - 1; k >= 0; k--) {
    countingSortPass(order, spare, keys[k] as SortKey);
    [order, spare] = [spare, order];
  }
  return order;
}

/** Stable counting sort of `order` into `out` by `ranks`. */
function countingSortPass(order: Int32Array, out: Int32Array, { ranks, buckets }: SortKey): void {
  const start = new Int32Array(buckets + 1);
  for (let i = 0; i < ranks.length; i++) start[(ranks[i] as number) + 1]++;
  for (let b = 1; b <= buckets; b++) start[b] = (start[b] as number) + (start[b - 1] as number);
  for (let j = 0; j < order.length; j++) {
    const i = order[j] as number;
    out[start[ranks[i] as number]++] = i;
  }
}

/*
 * The readers take every key in one pass with plain property reads: a pass per key, or reads by a computed key name,
 * cost several times as much on ~100k rows.
 */

function readLeadingKeys(rows: readonly OcpSummaryRow[]): ValueIds[] {
  const keys = LEADING_KINDS.map(() => new ValueIds(rows.length));
  const [usageStart, dataSource, namespace, node] = keys as [ValueIds, ValueIds, ValueIds, ValueIds];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as OcpSummaryRow;
    usageStart.set(i, row.usage_start);
    dataSource.set(i, row.data_source);
    namespace.set(i, row.namespace);
    node.set(i, row.node);
  }
  return keys;
}

function readTrailingKeys(rows: readonly OcpSummaryRow[], which: readonly number[]): ValueIds[] {
  const keys = TRAILING_KINDS.map(() => new ValueIds(which.length));
  const [resourceId, pvc, pv, storageClass, csi, podLabels, volumeLabels, costCategory] =
    keys as [ValueIds, ValueIds, ValueIds, ValueIds, ValueIds, ValueIds, ValueIds, ValueIds];
  for (let i = 0; i < which.length; i++) {
    const row = rows[which[i] as number] as OcpSummaryRow;
    resourceId.set(i, row.resource_id);
    pvc.set(i, row.persistentvolumeclaim);
    pv.set(i, row.persistentvolume);
    storageClass.set(i, row.storageclass);
    csi.set(i, row.csi_volume_handle);
    podLabels.set(i, row.pod_labels);
    volumeLabels.set(i, row.volume_labels);
    costCategory.set(i, row.cost_category_id);
  }
  return keys;
}

const UNSEEN = Symbol('unseen');

/** One key's distinct values in first-seen order, and each listed row's number (`ids[i]`) into them. */
class ValueIds {
  readonly ids: Int32Array;
  readonly values: unknown[] = [];
  private readonly idOf = new Map<unknown, number>();
  private last: unknown = UNSEEN;
  private lastId = -1;

  constructor(count: number) {
    this.ids = new Int32Array(count);
  }

  /** Rows come in runs of equal values (one day, Pod rows then Storage rows, storage keys NULL on Pod rows). */
  set(i: number, value: unknown): void {
    if (value !== this.last) {
      let id = this.idOf.get(value);
      if (id === undefined) {
        id = this.values.length;
        this.values.push(value);
        this.idOf.set(value, id);
      }
      this.last = value;
      this.lastId = id;
    }
    this.ids[i] = this.lastId;
  }

  id(value: unknown): number {
    return this.idOf.get(value) as number;
  }
}

/** The keys that are not the same on every listed row, ranked (`kinds[k]` says how `keys[k]` compares). */
function sortKeys(keys: readonly ValueIds[], kinds: readonly SortKind[], labelKey: LabelKey): SortKey[] {
  const out: SortKey[] = [];
  keys.forEach((key, k) => {
    const ranking = rankKey(key, kinds[k] as SortKind, labelKey);
    if (ranking === undefined) return;
    // Ranks replace the value numbers in place: the counting sort then reads one array.
    for (let i = 0; i < key.ids.length; i++) key.ids[i] = ranking.byValue[key.ids[i] as number] as number;
    out.push({ ranks: key.ids, buckets: ranking.buckets });
  });
  return out;
}

/** Ranks of a key's distinct values (`byValue[id]` for the value numbered `id`), in `0 .. buckets - 1`. */
interface Ranking {
  byValue: Int32Array;
  buckets: number;
}

/** The ranks of `key`'s values in `compareSummaryRows` order, or undefined when every row has the same rank. */
function rankKey(key: ValueIds, kind: SortKind, labelKey: LabelKey): Ranking | undefined {
  if (key.values.length <= 1) return undefined;
  if (kind === 'text') return rankTexts(key);
  // Distinct label objects may share a canonical text, and null equals -Infinity: number the compared values anew.
  const compared = new ValueIds(key.values.length);
  if (kind === 'labels') key.values.forEach((labels, j) => compared.set(j, labelKey(labels as Labels | null)));
  else key.values.forEach((id, j) => compared.set(j, (id as number | null) ?? -Infinity));
  const ranking = kind === 'labels' ? rankTexts(compared) : rankNumbers(compared);
  if (ranking === undefined) return undefined;
  return { byValue: compared.ids.map((id) => ranking.byValue[id] as number), buckets: ranking.buckets };
}

/** Ranks texts in `compareText` order: NULL first (rank 0, whether or not present). */
function rankTexts(key: ValueIds): Ranking | undefined {
  if (key.values.length <= 1) return undefined;
  const sorted = key.values.filter((text): text is string => text !== null);
  // Without surrogates, UTF-16 order (the native sort) is code-point order; otherwise compare code points.
  if (sorted.some((text) => SURROGATE.test(text))) sorted.sort(compareText);
  else sorted.sort();
  const byValue = new Int32Array(key.values.length);
  for (let r = 0; r < sorted.length; r++) byValue[key.id(sorted[r])] = r + 1;
  return { byValue, buckets: sorted.length + 1 };
}

/** Ranks numbers in ascending order. */
function rankNumbers(key: ValueIds): Ranking | undefined {
  if (key.values.length <= 1) return undefined;
  const sorted = (key.values as number[]).slice().sort((a, b) => a - b);
  const byValue = new Int32Array(key.values.length);
  for (let r = 0; r < sorted.length; r++) byValue[key.id(sorted[r])] = r;
  return { byValue, buckets: sorted.length };
}

const SURROGATE = /[\uD800-\uDFFF]/;
