import { KokuAggError } from '../common/errors.js';

/** An SQS message body that is not a known message shape (subject: the SQS message id). */
export class InvalidMessageError extends KokuAggError {}

/** A provider the pipeline has no metadata for (cluster id, alias), so its rows cannot be written. */
export class UnknownProviderError extends KokuAggError {}

/** A day task that could not read or aggregate its inputs (subject: the object key or the day). */
export class DayTaskError extends KokuAggError {}

/** A partial object or manifest that cannot be read back (subject: its key). */
export class InvalidPartialError extends KokuAggError {}
