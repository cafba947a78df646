import { KokuAggError } from '../common/errors.js';

/**
 * A source Koku does not know (no `api_provider` row, no tenant, or another tenant's). Koku logs "possible
 * source/provider delete during processing - halting processing" and skips; callers get this as a value in a
 * `ProviderLookup` so they can do the same. Subject: `provider <uuid>`.
 */
export class ProviderNotFoundError extends KokuAggError {}

/** An OCP source whose authentication has no `cluster_id` (Koku raises `...ClusterNotFound` and fails the task). */
export class MissingClusterIdError extends KokuAggError {}

/** A cost model whose markup cannot be read as a number (Koku's `Decimal(...)` would raise). Subject: the cost model. */
export class InvalidCostModelError extends KokuAggError {}
