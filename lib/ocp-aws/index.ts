/** OCP-on-AWS cost attribution (spec/ocp-on-aws.md): the public surface of `lib/ocp-aws`. */
export { summarizeOcpOnAwsDay } from './summarizeOcpOnAwsDay.js';
export { awsDailyLinesFromArrow } from './awsDailyLinesFromArrow.js';
export { awsRawLinesFromArrow } from './awsRawLinesFromArrow.js';
export { diskCapacityResourceIds } from './diskCapacityResourceIds.js';
export { findInfraMapCandidates } from './findInfraMapCandidates.js';
export { ocpInventoryFromRows } from './ocpInventoryFromRows.js';
export { ensureOcpAwsTables, ensureOcpAwsMonthPartition } from './ddl.js';
export { ensureAwsBill } from './awsBill.js';
export { ocpAwsDeleteStatement, deleteOcpAwsRows } from './deleteRule.js';
export type { OcpAwsDeleteScope, OcpAwsDeleteStatement } from './deleteRule.js';
export * from './errors.js';
export * from './constants.js';
export type * from './types.js';
