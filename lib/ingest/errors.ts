import { KokuAggError } from '../common/errors.js';

/** A CSV whose header matches no report type Koku knows (spec §1 step 1). */
export class UnknownReportTypeError extends KokuAggError {
  constructor(file: string, header: string[]) {
    super(file, `header matches no OCP report type (columns: ${header.slice(0, 12).join(', ')}${header.length > 12 ? ', …' : ''})`);
  }
}

/** A cell Koku's converters reject, so Koku fails the whole file (e.g. an unparseable timestamp). */
export class InvalidCsvValueError extends KokuAggError {
  constructor(file: string, row: number, column: string, value: string, why: string) {
    super(`${file} row ${row} column ${column}`, `${why}: ${JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value)}`);
  }
}

/** A CSV that cannot be read as CSV (bad quoting, a record longer than the header, …). */
export class CsvFormatError extends KokuAggError {}

/** A CSV that lacks a column the conversion cannot do without. */
export class MissingColumnError extends KokuAggError {
  constructor(file: string, column: string) {
    super(file, `column ${column} is missing`);
  }
}

/** Options that cannot be used (bad uuid, chunk size, provider type). */
export class InvalidConvertOptionsError extends KokuAggError {}
