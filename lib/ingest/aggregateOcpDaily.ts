import { aggregateDaily } from './aggregateDaily.js';
import { OCP_DAILY_SPECS, OCP_DAY_COLUMN } from './constants.js';
import type { ColumnarChunk, SummaryReportType } from './types.js';

/**
 * Koku's daily frame of one hourly chunk (`OCPPostProcessor._generate_daily_data`, spec §2.2–§2.3): group by the
 * report type's key columns (labels included) and the UTC day, sum the seconds, max the rest, no `interval_end`,
 * and absent "new" columns (`node_role`, storage `node`/`csi_*`) added as all-NULL strings.
 *
 * @example
 * const daily = aggregateOcpDaily(hourlyPodChunk, 'pod_usage'); // one row per (namespace, node, pod, labels, day)
 */
export function aggregateOcpDaily(chunk: ColumnarChunk, reportType: SummaryReportType): ColumnarChunk {
  const spec = OCP_DAILY_SPECS[reportType];
  const present = (name: string) => chunk.columns[name] !== undefined;
  return aggregateDaily(chunk, {
    groupBy: spec.groupBy.filter(present),
    dayColumn: OCP_DAY_COLUMN,
    aggregates: spec.aggregates.filter(([name]) => present(name)),
    nullColumns: spec.newColumns.filter((name) => !present(name)),
  });
}
