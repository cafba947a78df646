import { InvalidAwsLineTableError } from './errors.js';
import type { ArrowInput } from './types.js';

/** Reads one cell of a named column, or undefined when the column is absent. */
export type CellReader = (row: number) => unknown;

/**
 * Column access over an Arrow Table or RecordBatch of Koku's AWS Parquet, whatever the physical encoding
 * (Dictionary or plain strings, any timestamp unit: `Vector.get` decodes them). Absent optional columns read as
 * Koku's defaults; absent required ones are an error naming the column.
 */
export class ArrowColumnReader {
  readonly numRows: number;

  constructor(
    private readonly input: ArrowInput,
    private readonly subject: string,
  ) {
    this.numRows = input.numRows;
  }

  /** A reader for `name`; throws if `required` and the column is missing. */
  column(name: string, required: boolean): CellReader | undefined {
    const vector = this.input.schema.fields.some((f) => f.name === name) ? this.input.getChild(name) : null;
    if (vector === null) {
      if (required) throw new InvalidAwsLineTableError(this.subject, `missing required column ${name}`);
      return undefined;
    }
    return (row) => vector.get(row) as unknown;
  }

  /** Koku's string convention: a missing value is `""`. */
  string(name: string, required = false): (row: number) => string {
    const cell = this.column(name, required);
    return cell === undefined ? () => '' : (row) => toText(cell(row));
  }

  /** Koku's `safe_float`: blank or invalid is `0.0`. */
  number(name: string, required = false): (row: number) => number {
    const cell = this.column(name, required);
    return cell === undefined ? () => 0 : (row) => toNumber(cell(row));
  }

  /** Epoch milliseconds, NaN for NULL or unreadable values. */
  timestampMs(name: string): (row: number) => number {
    const cell = this.column(name, true) as CellReader;
    return (row) => toEpochMs(cell(row), `${this.subject} column ${name}`);
  }
}

const decoder = new TextDecoder();

function toText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (value instanceof Uint8Array) return decoder.decode(value);
  return String(value);
}

function toNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string') {
    const n = Number.parseFloat(value);
    return Number.isNaN(n) ? 0 : n;
  }
  return 0;
}

function toEpochMs(value: unknown, subject: string): number {
  if (value === null || value === undefined) return Number.NaN;
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'string') return Date.parse(value);
  throw new InvalidAwsLineTableError(subject, `unreadable timestamp value of type ${typeof value}`);
}
