import { KokuAggError } from '../common/errors.js';

/** A Parquet object that cannot be read: corrupt, truncated, empty, not Parquet, or not what we asked of it. */
export class InvalidParquetObjectError extends KokuAggError {
  readonly label: string;

  /** `problem` is either a sentence or the error the reader raised (kept as `cause`). */
  constructor(label: string, problem: unknown) {
    const message =
      typeof problem === 'string'
        ? problem
        : `cannot read Parquet: ${problem instanceof Error ? problem.message : String(problem)}`;
    super(label, message, typeof problem === 'string' ? undefined : { cause: problem });
    this.label = label;
  }
}

/** An Arrow column whose type an accessor in `columns.ts` cannot read. */
export class UnsupportedColumnTypeError extends KokuAggError {}
