import type { OcpDayRows, OcpSummaryRow } from './types.js';

/** The day's rows as objects, sorted: the Pod rows in `podOrder`, then the Storage rows. */
export function dayRowsAsObjects(day: OcpDayRows): OcpSummaryRow[] {
  const rows: OcpSummaryRow[] = [];
  for (let i = 0; i < day.podOrder.length; i++) rows.push(day.pod.row(day.podOrder[i] as number));
  for (const row of day.storage) rows.push(row);
  return rows;
}

export function dayRowCount(day: OcpDayRows): number {
  return day.podOrder.length + day.storage.length;
}
