export { OcpDayAggregator } from './ocpDayAggregator.js';
export type { OcpDayAggregatorOptions } from './ocpDayAggregator.js';
export { summarizeOcpDay } from './summarizeOcpDay.js';
export { buildUnallocatedRows } from './unallocatedRows.js';
export { createCostCategoryMatcher, likePatternToRegExp } from './costCategory.js';
export {
  labelAllowList,
  parseLabels,
  filterLabels,
  canonicalLabels,
  mergeLabels,
  sortedLabels,
  LabelFilter,
} from './labels.js';
export { allLabels } from './allLabels.js';
export { capacityFromHourly, CapacityAccumulator } from './capacity.js';
export type { NodeCapacity, DayCapacity, HourlyCapacityRow } from './capacity.js';
export { NodeRoleAccumulator } from './nodeRoles.js';
export { compareSummaryRows, sortSummaryRows } from './sortSummaryRows.js';
export type { PodRowColumns } from './podRowColumns.js';
export { POD_SUM } from './podGroups.js';
export { dayRowCount, dayRowsAsObjects } from './dayRows.js';
export { parseSummaryDay } from './summaryDay.js';
export type { SummaryDay } from './summaryDay.js';
export * from './constants.js';
export * from './errors.js';
export type * from './types.js';
