/**
 * Base of every error `lib/` throws on purpose. `subject` names the object, message or setting that is wrong,
 * so a log line or DLQ reason always says what broke.
 */
export class KokuAggError extends Error {
  readonly subject: string;

  constructor(subject: string, message: string, options?: { cause?: unknown }) {
    super(`${subject}: ${message}`, options);
    this.name = new.target.name;
    this.subject = subject;
  }
}

/** A value from outside (CLI flag, environment, message) that cannot be used. */
export class InvalidSettingError extends KokuAggError {}

export function describeError(err: unknown): string {
  if (err instanceof Error) {
    // Our errors often quote their cause already; saying it twice makes a log line harder to read, not clearer.
    const cause = err.cause instanceof Error && !err.message.includes(err.cause.message) ? ` (caused by: ${err.cause.message})` : '';
    return `${err.message}${cause}`;
  }
  return String(err);
}
