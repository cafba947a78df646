import { MS_PER_DAY } from './constants.js';
import type { AggregateKind } from './constants.js';
import { comparePythonStrings } from './comparePythonStrings.js';
import { TupleIndex } from '../common/tupleIndex.js';
import type { Column, ColumnarChunk, StringColumn } from './types.js';

export interface DailyGrouping {
  /** Key columns in output order (all present in the chunk, string-typed). */
  groupBy: readonly string[];
  /** The timestamp column floored to UTC midnight and added as a key after `groupBy`. */
  dayColumn: string;
  /** Aggregated columns present in the chunk, in output order. */
  aggregates: ReadonlyArray<readonly [string, AggregateKind]>;
  /** Columns appended as all-NULL strings. */
  nullColumns: readonly string[];
}

/**
 * The pandas group-by behind Koku's daily frames (spec §2.2 "Daily frame", ocp-on-aws §1.1): groups by the key
 * columns plus the UTC day of `dayColumn` with `dropna=False`, sums with pandas' compensated (Kahan) summation,
 * takes maxima skipping NaN/NULL (strings in Python order). Groups come out ordered by day, then first appearance.
 */
export function aggregateDaily(chunk: ColumnarChunk, grouping: DailyGrouping): ColumnarChunk {
  const { groupOfRow, firstRow, groupDays } = assignGroups(chunk, grouping);
  const order = orderByDay(groupDays);
  const n = order.length;
  const columns: Record<string, Column> = {};
  for (const name of grouping.groupBy) columns[name] = pickStrings(chunk.columns[name] as StringColumn, firstRow, order);
  const dayColumn = chunk.columns[grouping.dayColumn];
  columns[grouping.dayColumn] = {
    kind: 'timestamp',
    values: Float64Array.from(order, (g) => groupDays[g]),
    utc: dayColumn?.kind === 'timestamp' && dayColumn.utc,
  };
  for (const [name, kind] of grouping.aggregates) {
    columns[name] = aggregateColumn(chunk.columns[name], kind, groupOfRow, firstRow.length, order);
  }
  for (const name of grouping.nullColumns) columns[name] = { kind: 'string', dictionary: [], codes: new Int32Array(n).fill(-1) };
  const names = [...grouping.groupBy, grouping.dayColumn, ...grouping.aggregates.map(([c]) => c), ...grouping.nullColumns];
  return { length: n, names, columns };
}

interface Groups {
  groupOfRow: Int32Array;
  firstRow: number[];
  groupDays: number[];
}

/** Each row's group: the tuple (day, key codes…) interned to a dense id, first-seen order. */
function assignGroups(chunk: ColumnarChunk, grouping: DailyGrouping): Groups {
  const day = chunk.columns[grouping.dayColumn];
  if (day === undefined || day.kind !== 'timestamp') throw new TypeError(`day column ${grouping.dayColumn} is not a timestamp`);
  const keys = grouping.groupBy.map((name) => (chunk.columns[name] as StringColumn).codes);
  const days = new Map<number, number>();
  const dayValues: number[] = [];
  const groups = new TupleIndex(keys.length + 1);
  const key = groups.key;
  const groupOfRow = new Int32Array(chunk.length);
  const firstRow: number[] = [];
  const groupDays: number[] = [];
  for (let i = 0; i < chunk.length; i++) {
    const dayMs = Math.floor(day.values[i] / MS_PER_DAY) * MS_PER_DAY;
    let dayId = days.get(dayMs);
    if (dayId === undefined) {
      dayId = dayValues.length;
      days.set(dayMs, dayId);
      dayValues.push(dayMs);
    }
    key[0] = dayId;
    for (let k = 0; k < keys.length; k++) key[k + 1] = keys[k][i];
    const group = groups.intern();
    if (group === firstRow.length) {
      firstRow.push(i);
      groupDays.push(dayMs);
    }
    groupOfRow[i] = group;
  }
  return { groupOfRow, firstRow, groupDays };
}

function orderByDay(groupDays: number[]): number[] {
  const order = groupDays.map((_, g) => g);
  return order.sort((a, b) => groupDays[a] - groupDays[b] || a - b);
}

function pickStrings(column: StringColumn, firstRow: number[], order: number[]): StringColumn {
  return { kind: 'string', dictionary: column.dictionary, codes: Int32Array.from(order, (g) => column.codes[firstRow[g]]) };
}

function aggregateColumn(
  column: Column | undefined,
  kind: AggregateKind,
  groupOfRow: Int32Array,
  groups: number,
  order: number[],
): Column {
  if (column === undefined) throw new TypeError('aggregated column missing');
  if (column.kind === 'string') {
    if (kind !== 'max') throw new TypeError('only max is defined on strings');
    return maxStrings(column, groupOfRow, groups, order);
  }
  const acc = kind === 'sum' ? kahanSums(column.values, groupOfRow, groups) : nanMaxima(column.values, groupOfRow, groups);
  const values = Float64Array.from(order, (g) => acc[g]);
  return column.kind === 'timestamp' ? { kind: 'timestamp', values, utc: column.utc } : { kind: 'float64', values };
}

/** pandas `group_sum`: Kahan summation per group, NaN skipped, a NaN compensation (from ±inf) reset to 0. */
function kahanSums(values: Float64Array, groupOfRow: Int32Array, groups: number): Float64Array {
  const sum = new Float64Array(groups);
  const comp = new Float64Array(groups);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== v) continue;
    const g = groupOfRow[i];
    const y = v - comp[g];
    const t = sum[g] + y;
    const c = t - sum[g] - y;
    comp[g] = c !== c ? 0 : c;
    sum[g] = t;
  }
  return sum;
}

function nanMaxima(values: Float64Array, groupOfRow: Int32Array, groups: number): Float64Array {
  const max = new Float64Array(groups).fill(Number.NaN);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== v) continue;
    const g = groupOfRow[i];
    const m = max[g];
    if (m !== m || v > m) max[g] = v;
  }
  return max;
}

function maxStrings(column: StringColumn, groupOfRow: Int32Array, groups: number, order: number[]): StringColumn {
  const rank = dictionaryRanks(column.dictionary);
  const best = new Int32Array(groups).fill(-1);
  for (let i = 0; i < column.codes.length; i++) {
    const code = column.codes[i];
    if (code < 0) continue;
    const g = groupOfRow[i];
    const b = best[g];
    if (b < 0 || rank[code] > rank[b]) best[g] = code;
  }
  return { kind: 'string', dictionary: column.dictionary, codes: Int32Array.from(order, (g) => best[g]) };
}

function dictionaryRanks(dictionary: string[]): Int32Array {
  const sorted = dictionary.map((_, i) => i).sort((a, b) => comparePythonStrings(dictionary[a], dictionary[b]));
  const rank = new Int32Array(dictionary.length);
  sorted.forEach((code, r) => {
    rank[code] = r;
  });
  return rank;
}
