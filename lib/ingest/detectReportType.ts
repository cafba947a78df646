import { REPORT_TYPE_COLUMNS } from './constants.js';
import type { OcpReportType } from './types.js';

/**
 * Koku's `detect_type` (spec §1 step 1): the first report type, in Koku's order, whose columns all appear in
 * the CSV header; null when none does.
 *
 * @example
 * detectReportType(['report_period_start', 'report_period_end', 'interval_start', 'interval_end', 'node', 'node_labels']);
 * // 'node_labels'
 */
export function detectReportType(header: readonly string[]): OcpReportType | null {
  const present = new Set(header);
  for (const [reportType, columns] of REPORT_TYPE_COLUMNS) {
    if (columns.every((c) => present.has(c))) return reportType as OcpReportType;
  }
  return null;
}
