import { KokuAggError } from '../common/errors.js';

/** A schema or table name that is not a plain lower-case SQL identifier (so never interpolated). */
export class InvalidIdentifierError extends KokuAggError {}

/** A double that cannot become numeric(33,15): NaN, ±Infinity, or 18+ integer digits. */
export class InvalidNumericError extends KokuAggError {}

/** A summary row the writer refuses: outside the days being replaced, or with an unusable value. */
export class InvalidSummaryRowError extends KokuAggError {}

/** A monthly partition that could not be created or filled from the default partition. */
export class PartitionError extends KokuAggError {}

/** A cluster with no `reporting_ocp_clusters` row and no report period to create one from. */
export class UnknownClusterError extends KokuAggError {}

/** The embedded PostgreSQL server could not be initialised, started or prepared. */
export class EmbeddedPostgresError extends KokuAggError {}
