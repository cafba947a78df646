import Table from 'cli-table3';
import type { SummaryTotalsRow } from '../lib/db/summaryTotals.js';

const fmt = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 3 });

/** The closing table of `summarize`: rows per data source and totals of the usage columns. */
export function renderSummaryTable(totals: SummaryTotalsRow[], elapsedMs: number): string {
  const table = new Table({
    head: ['rows of', 'count', 'cpu usage h', 'cpu request h', 'mem usage GiB·h', 'mem request GiB·h', 'pvc capacity GiB·mo', 'pvc usage GiB·mo'],
    style: { head: [], border: [] },
  });
  for (const t of totals) {
    table.push([t.kind, fmt(t.rows), fmt(t.cpuUsageCoreHours), fmt(t.cpuRequestCoreHours), fmt(t.memoryUsageGigabyteHours), fmt(t.memoryRequestGigabyteHours), fmt(t.pvcCapacityGigabyteMonths), fmt(t.pvcUsageGigabyteMonths)]);
  }
  return `${table.toString()}\nelapsed ${(elapsedMs / 1000).toFixed(2)} s`;
}
