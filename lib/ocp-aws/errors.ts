import { KokuAggError } from '../common/errors.js';

/** An Arrow table of AWS CUR rows that cannot be read: a required column is missing or has an unusable type. */
export class InvalidAwsLineTableError extends KokuAggError {}

/** A day-task input that cannot be attributed: bad day, unknown paired source, unusable setting. */
export class InvalidOcpAwsInputError extends KokuAggError {}
