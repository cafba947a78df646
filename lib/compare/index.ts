/** `koku-agg compare`: our summary rows against Koku's, by logical grain, column by column. */
export { compareSummaries } from './compareSummaries.js';
export { formatCompareReport } from './formatCompareReport.js';
export { readSummaryRows } from './readSummaryRows.js';
export { compareValue } from './compareValue.js';
export { pairClosest } from './pairClosest.js';
export { summaryRowKey, rowKind, describeRow } from './summaryRowKey.js';
export { usageTotals } from './usageTotals.js';
export { canonicalJson } from './canonicalJson.js';
export { parseDecimal, addDecimal, subtractDecimal, decimalToNumber } from './decimal.js';
export * from './errors.js';
export * from './constants.js';
export type * from './types.js';
