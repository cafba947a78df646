import {
  AWS_COLUMN_TRANSLATION,
  AWS_COST_CATEGORY_PREFIX,
  AWS_KEPT_COLUMNS,
  AWS_NUMERIC_COLUMNS,
  AWS_REQUIRED_COLUMNS,
  AWS_TAG_PREFIX,
  AWS_TIMESTAMP_COLUMNS,
  AWS_USER_TAG_PREFIX,
  PANDAS_NA_VALUES,
} from './constants.js';
import { comparePythonStrings } from './comparePythonStrings.js';
import { InvalidCsvValueError } from './errors.js';
import { Float64ColumnBuilder } from './float64ColumnBuilder.js';
import { normalizeAwsColumnName } from './normalizeAwsColumnName.js';
import { parseIsoTimestamp } from './parseIsoTimestamp.js';
import { pythonJsonDumps } from './pythonJsonDumps.js';
import { safeFloat } from './safeFloat.js';
import { StringColumnBuilder } from './stringColumnBuilder.js';
import type { Column, ColumnarChunk } from './types.js';

type Kind = 'timestamp' | 'float64' | 'string';

interface KeptColumn {
  index: number;
  /** Koku's Parquet name (`lineitem_unblendedcost`). */
  name: string;
  kind: Kind;
}

/** Where each output column of a CUR file comes from; computed once per header. */
export interface AwsHeaderPlan {
  kept: KeptColumn[];
  /** `[index, key]` of `resourceTags/user:*` columns in sorted column-name order. */
  tags: Array<[number, string]>;
  /** `[index, key]` of `costCategory/*` columns in sorted column-name order. */
  categories: Array<[number, string]>;
  /** Required columns the file lacks, added with defaults. */
  missing: Array<[string, Kind]>;
}

/**
 * Plans Koku's CUR post-processing for a header (ocp-on-aws §1.1): only the columns Koku keeps, underscore
 * names translated to slash names, then every name normalised (`lineItem/UnblendedCost` → `lineitem_unblendedcost`);
 * `resourceTags/user:*` and `costCategory/*` fold into JSON columns and the raw tag columns disappear.
 */
export function planAwsHeader(header: readonly string[]): AwsHeaderPlan {
  const kept: KeptColumn[] = [];
  const tagColumns: Array<[string, number]> = [];
  const categoryColumns: Array<[string, number]> = [];
  header.forEach((raw, index) => {
    const name = Object.hasOwn(AWS_COLUMN_TRANSLATION, raw) ? AWS_COLUMN_TRANSLATION[raw] : raw;
    if (!isKept(name)) return;
    if (name.includes(AWS_USER_TAG_PREFIX)) tagColumns.push([name, index]);
    if (name.includes(AWS_COST_CATEGORY_PREFIX)) categoryColumns.push([name, index]);
    if (name.includes(AWS_TAG_PREFIX) || name.includes(AWS_COST_CATEGORY_PREFIX)) return;
    const lower = name.toLowerCase();
    const kind: Kind = AWS_TIMESTAMP_COLUMNS.has(lower) ? 'timestamp' : AWS_NUMERIC_COLUMNS.has(lower) ? 'float64' : 'string';
    kept.push({ index, name: normalizeAwsColumnName(name), kind });
  });
  const present = new Set(kept.map((k) => k.name));
  const missing = AWS_REQUIRED_COLUMNS.map(([name, kind]) => [normalizeAwsColumnName(name), kind] as [string, Kind]).filter(
    ([name]) => !present.has(name),
  );
  const keyed = (cols: Array<[string, number]>, prefix: string): Array<[number, string]> =>
    cols.sort(([a], [b]) => comparePythonStrings(a, b)).map(([name, index]) => [index, name.replaceAll(prefix, '')]);
  return { kept, tags: keyed(tagColumns, AWS_USER_TAG_PREFIX), categories: keyed(categoryColumns, AWS_COST_CATEGORY_PREFIX), missing };
}

function isKept(name: string): boolean {
  return AWS_KEPT_COLUMNS.has(name) || name.startsWith(AWS_TAG_PREFIX) || name.startsWith(AWS_COST_CATEGORY_PREFIX);
}

/** Accumulates CUR records of one daily file into a ColumnarChunk in Koku's AWS Parquet shape. */
export class AwsChunkBuilder {
  private readonly strings = new Map<string, StringColumnBuilder>();
  private readonly numbers = new Map<string, Float64ColumnBuilder>();
  private readonly tags = new StringColumnBuilder();
  private readonly categories = new StringColumnBuilder();
  private rows = 0;

  constructor(
    private readonly file: string,
    private readonly plan: AwsHeaderPlan,
  ) {
    for (const col of plan.kept) {
      if (col.kind === 'string') this.strings.set(col.name, new StringColumnBuilder());
      else this.numbers.set(col.name, new Float64ColumnBuilder());
    }
  }

  get length(): number {
    return this.rows;
  }

  add(record: readonly string[], rowNumber: number): void {
    for (const col of this.plan.kept) {
      const cell = normalizeNa(record[col.index]);
      if (col.kind === 'string') this.strings.get(col.name)!.push(cell);
      else if (col.kind === 'float64') this.numbers.get(col.name)!.push(safeFloat(cell));
      else this.numbers.get(col.name)!.push(this.timestamp(cell, rowNumber, col.name));
    }
    this.tags.push(jsonOf(record, this.plan.tags));
    this.categories.push(jsonOf(record, this.plan.categories));
    this.rows += 1;
  }

  build(): ColumnarChunk {
    const columns: Record<string, Column> = {};
    const names: string[] = [];
    for (const col of this.plan.kept) {
      names.push(col.name);
      columns[col.name] =
        col.kind === 'string'
          ? this.strings.get(col.name)!.build()
          : col.kind === 'float64'
            ? { kind: 'float64', values: this.numbers.get(col.name)!.build() }
            : { kind: 'timestamp', values: this.numbers.get(col.name)!.build(), utc: true };
    }
    names.push('resourcetags', 'costcategory');
    columns.resourcetags = this.tags.build();
    columns.costcategory = this.categories.build();
    for (const [name, kind] of this.plan.missing) {
      names.push(name);
      columns[name] = defaultColumn(kind, this.rows);
    }
    return { length: this.rows, names, columns };
  }

  private timestamp(cell: string, rowNumber: number, column: string): number {
    const ms = parseIsoTimestamp(cell);
    if (ms === null) throw new InvalidCsvValueError(this.file, rowNumber, column, cell, 'not a timestamp ciso8601 can parse');
    return ms;
  }
}

/** `json.dumps` of the non-empty values, keys in sorted column order (`handle_user_defined_json_columns`). */
function jsonOf(record: readonly string[], columns: Array<[number, string]>): string {
  if (columns.length === 0) return '{}';
  const entries: Array<[string, string]> = [];
  for (const [index, key] of columns) {
    const value = normalizeNa(record[index]);
    if (value !== '') entries.push([key, value]);
  }
  return pythonJsonDumps(new Map(entries));
}

/** Koku's `TRINO_REQUIRED_COLUMNS` defaults: '' strings, 0.0 doubles, NaT timestamps. */
function defaultColumn(kind: Kind, length: number): Column {
  if (kind === 'string') return { kind: 'string', dictionary: [''], codes: new Int32Array(length) };
  if (kind === 'float64') return { kind: 'float64', values: new Float64Array(length) };
  return { kind: 'timestamp', values: new Float64Array(length).fill(Number.NaN), utc: true };
}

// Koku reads a CUR with dtype=string and writes its daily CSVs back (`create_daily_archives`): NA spellings empty out.
function normalizeNa(cell: string | undefined): string {
  return cell === undefined || PANDAS_NA_VALUES.has(cell) ? '' : cell;
}
