import {
  ANOMALY_COLUMNS,
  ANOMALY_THRESHOLD,
  OCP_LABEL_COLUMNS,
  OCP_NUMERIC_COLUMNS,
  OCP_TIMESTAMP_COLUMNS,
  PANDAS_NA_VALUES,
  SANITIZED_COLUMNS,
} from './constants.js';
import { addEffectiveUsage } from './addEffectiveUsage.js';
import { InvalidCsvValueError } from './errors.js';
import { Float64ColumnBuilder } from './float64ColumnBuilder.js';
import { openshiftLabelsToJson } from './parseOpenshiftLabels.js';
import { parseOcpTimestamp } from './parseOcpTimestamp.js';
import { safeFloat } from './safeFloat.js';
import { sanitizeIdentifier } from './sanitizeIdentifier.js';
import { StringColumnBuilder } from './stringColumnBuilder.js';
import type { ColumnarChunk, OcpReportType } from './types.js';

type ColumnKind = 'timestamp' | 'float64' | 'labels' | 'identifier' | 'string';

interface ColumnPlan {
  name: string;
  kind: ColumnKind;
  anomaly: boolean;
}

const LABEL_CACHE_LIMIT = 100_000;

/**
 * Turns operator CSV records of one report type into a ColumnarChunk with Koku's post-processing (spec §1 step 2,
 * §2.2): pandas NA spellings become empty, identifiers are sanitised, timestamps parsed, numerics coerced,
 * labels converted to JSON, anomalous rows dropped, and pod chunks get effective usage.
 */
export class OcpChunkBuilder {
  private readonly plan: ColumnPlan[];
  private readonly strings = new Map<string, StringColumnBuilder>();
  private readonly numbers = new Map<string, Float64ColumnBuilder>();
  private readonly labelJson = new Map<string, string>();
  private readonly scratch: number[];
  private rows = 0;
  /** Records offered, kept or not: Koku cuts chunks on raw CSV rows (spec §1 step 4). */
  rawRows = 0;
  droppedRows = 0;

  constructor(
    private readonly file: string,
    header: readonly string[],
    readonly reportType: OcpReportType,
  ) {
    this.plan = header.map((name) => planColumn(name));
    this.scratch = new Array<number>(header.length).fill(0);
    for (const col of this.plan) {
      if (col.kind === 'timestamp' || col.kind === 'float64') this.numbers.set(col.name, new Float64ColumnBuilder());
      else this.strings.set(col.name, new StringColumnBuilder());
    }
  }

  get length(): number {
    return this.rows;
  }

  /** Adds one CSV record (`rowNumber` is 1-based, for errors); false when the anomaly filter drops it. */
  add(record: readonly string[], rowNumber: number): boolean {
    this.rawRows += 1;
    const plan = this.plan;
    // Converters run on every cell before the filter (a bad timestamp fails the file even on a dropped row).
    let anomalous = false;
    for (let c = 0; c < plan.length; c++) {
      const col = plan[c];
      if (col.kind !== 'timestamp' && col.kind !== 'float64') continue;
      const cell = normalizeNa(record[c]);
      const value = col.kind === 'timestamp' ? this.timestamp(cell, rowNumber, col.name) : safeFloat(cell);
      if (col.anomaly && value > ANOMALY_THRESHOLD) anomalous = true;
      this.scratch[c] = value;
    }
    if (anomalous) {
      this.droppedRows += 1;
      return false;
    }
    for (let c = 0; c < plan.length; c++) {
      const col = plan[c];
      if (col.kind === 'timestamp' || col.kind === 'float64') {
        this.numbers.get(col.name)!.push(this.scratch[c]);
        continue;
      }
      const cell = normalizeNa(record[c]);
      const text = col.kind === 'labels' ? this.labels(cell) : col.kind === 'identifier' ? sanitizeIdentifier(cell) : cell;
      this.strings.get(col.name)!.push(text);
    }
    this.rows += 1;
    return true;
  }

  build(): ColumnarChunk {
    const columns: ColumnarChunk['columns'] = {};
    for (const col of this.plan) {
      columns[col.name] =
        col.kind === 'timestamp'
          ? { kind: 'timestamp', values: this.numbers.get(col.name)!.build(), utc: false }
          : col.kind === 'float64'
            ? { kind: 'float64', values: this.numbers.get(col.name)!.build() }
            : this.strings.get(col.name)!.build();
    }
    const chunk: ColumnarChunk = { length: this.rows, names: this.plan.map((c) => c.name), columns };
    return this.reportType === 'pod_usage' ? addEffectiveUsage(chunk) : chunk;
  }

  private timestamp(cell: string, rowNumber: number, column: string): number {
    const ms = parseOcpTimestamp(cell);
    if (ms === null) throw new InvalidCsvValueError(this.file, rowNumber, column, cell, 'not a timestamp ciso8601 can parse');
    return ms;
  }

  private labels(cell: string): string {
    let json = this.labelJson.get(cell);
    if (json === undefined) {
      if (this.labelJson.size >= LABEL_CACHE_LIMIT) this.labelJson.clear();
      json = openshiftLabelsToJson(cell);
      this.labelJson.set(cell, json);
    }
    return json;
  }
}

function planColumn(name: string): ColumnPlan {
  const lower = name.toLowerCase();
  const kind: ColumnKind = OCP_TIMESTAMP_COLUMNS.has(lower)
    ? 'timestamp'
    : OCP_NUMERIC_COLUMNS.has(lower)
      ? 'float64'
      : OCP_LABEL_COLUMNS.has(lower)
        ? 'labels'
        : SANITIZED_COLUMNS.has(name)
          ? 'identifier'
          : 'string';
  return { name, kind, anomaly: ANOMALY_COLUMNS.has(name) };
}

function normalizeNa(cell: string | undefined): string {
  return cell === undefined || PANDAS_NA_VALUES.has(cell) ? '' : cell;
}
