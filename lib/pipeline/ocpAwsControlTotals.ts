import type { OcpAwsSummaryRow } from '../ocp-aws/types.js';

const SUMMED = [
  'unblended_cost',
  'markup_cost',
  'blended_cost',
  'savingsplan_effective_cost',
  'calculated_amortized_cost',
  'usage_amount',
  'infrastructure_data_in_gigabytes',
  'infrastructure_data_out_gigabytes',
] as const satisfies ReadonlyArray<keyof OcpAwsSummaryRow>;

/**
 * Row counts per data source and sums of the cost columns of OCP-on-AWS rows: cheap checks an operator can compare
 * with the AWS bill (what was attributed) and with Koku.
 *
 * @example ocpAwsControlTotals(rows) // { rows: 5, rows_Pod: 3, rows_Storage: 2, unblended_cost: 2.658…, … }
 */
export function ocpAwsControlTotals(rows: readonly OcpAwsSummaryRow[]): Record<string, number> {
  const totals: Record<string, number> = { rows: rows.length };
  for (const row of rows) {
    totals[`rows_${row.data_source}`] = (totals[`rows_${row.data_source}`] ?? 0) + 1;
    for (const col of SUMMED) {
      const v = row[col];
      if (typeof v === 'number') totals[col] = (totals[col] ?? 0) + v;
    }
  }
  return totals;
}
