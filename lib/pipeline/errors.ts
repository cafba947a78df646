import { KokuAggError } from '../common/errors.js';

/** An SQS message body that is not a known message shape (subject: the SQS message id). */
export class InvalidMessageError extends KokuAggError {}

/** A provider the pipeline has no metadata for (cluster id, alias), so its rows cannot be written. */
export class UnknownProviderError extends KokuAggError {}

/** A day task that could not read or aggregate its inputs (subject: the object key or the day). */
export class DayTaskError extends KokuAggError {}

/** A partial object or manifest that cannot be read back (subject: its key). */
export class InvalidPartialError extends KokuAggError {}

/** A finalize the database refused (subject: the source, its days and the target schema), wrapping the driver's error. */
export class FinalizeError extends KokuAggError {}

/**
 * Our own errors already name what is wrong; a driver error (a value PostgreSQL refuses, a lost connection) gets
 * `subject` (the source, days and schema of the finalize), which its message lacks.
 */
export function namedFinalizeError(err: unknown, subject: string): unknown {
  if (err instanceof KokuAggError || !(err instanceof Error)) return err;
  const code = (err as { code?: unknown }).code;
  return new FinalizeError(subject, `the transaction failed: ${err.message}${typeof code === 'string' ? ` (SQLSTATE ${code})` : ''}`, { cause: err });
}
