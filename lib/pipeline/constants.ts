/** Bumped when the summary logic changes, so partials and ledger entries made by older code are recomputed. */
export const CODE_VERSION = 'koku-agg/0.1.0';

/** Default key prefix of partial results in the partials store. */
export const DEFAULT_PARTIALS_PREFIX = 'partials/';

/** `summary_type` in the ledger for the OCP daily summary. */
export const OCP_SUMMARY_TYPE = 'ocp_daily_summary';
