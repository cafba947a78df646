import { csvCell } from './syntheticCsv.js';
import type { NiseReport } from './types.js';

/**
 * A nise report as CSV text (header first), ready for `convertToKokuParquet({ inputs: [{ name, text }] })`.
 *
 * @example
 * const text = niseReportCsv(generateNiseOcpRows(cluster).pod_usage);
 */
export function niseReportCsv(report: NiseReport): string {
  const lines = [report.header.map(csvCell).join(',')];
  for (const row of report.rows) lines.push(row.map(csvCell).join(','));
  return `${lines.join('\n')}\n`;
}
