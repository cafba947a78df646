import { KokuAggError } from '../common/errors.js';

/** A table `compare` cannot read: absent, or missing a grain column. Subject: `schema.table`. */
export class CompareTableError extends KokuAggError {}

/** A compare option that cannot be used (tolerance, days outside the month). Subject: the option. */
export class InvalidCompareOptionError extends KokuAggError {}
