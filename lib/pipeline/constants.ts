/** Bumped when the summary logic changes, so partials and ledger entries made by older code are recomputed. */
export const CODE_VERSION = 'koku-agg/0.1.0';

/** Default key prefix of partial results in the partials store. */
export const DEFAULT_PARTIALS_PREFIX = 'partials/';

/** `summary_type` in the ledger for the OCP daily summary. */
export const OCP_SUMMARY_TYPE = 'ocp_daily_summary';

/** `summary_type` in the ledger for OCP on AWS (`reporting_ocpawscostlineitem_project_daily_summary_p`), per AWS source. */
export const OCP_AWS_SUMMARY_TYPE = 'ocp_aws_daily_summary';

/** The AWS CUR column whose footer statistics tell which days an undated AWS object holds (ocp-on-aws spec §1.1). */
export const AWS_USAGE_START_COLUMN = 'lineitem_usagestartdate';
