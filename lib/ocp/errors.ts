import { KokuAggError } from '../common/errors.js';

/** An Arrow input the summary cannot read: a required column is missing or has an unusable type. */
export class InvalidOcpInputError extends KokuAggError {}

/** A label column value that is not a JSON object of scalars (Trino's `cast(json_parse(..) as map)` fails too). */
export class InvalidLabelsError extends KokuAggError {}

/** A day that is not a `YYYY-MM-DD` calendar date. */
export class InvalidSummaryDayError extends KokuAggError {}
