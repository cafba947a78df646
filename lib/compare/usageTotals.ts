import { addDecimal, decimalToNumber, parseDecimal, subtractDecimal, ZERO, type Decimal } from './decimal.js';
import { USAGE_TOTAL_COLUMNS } from './constants.js';
import type { SummaryRowRead, TotalsEntry } from './types.js';

interface Sums {
  rows: number;
  sums: Map<string, Decimal>;
}

/**
 * Exact per-group sums of the usage columns on both sides (NULLs add nothing), e.g. per day or per namespace, in
 * group order. A group differs when a column's sums are further apart than `tolerance` × the rows summed.
 *
 * @example usageTotals(refRows, ourRows, (r) => String(r.values.usage_start), 1e-9)
 */
export function usageTotals(
  reference: readonly SummaryRowRead[],
  ours: readonly SummaryRowRead[],
  groupOf: (row: SummaryRowRead) => string,
  tolerance: number,
  columns: readonly string[] = USAGE_TOTAL_COLUMNS,
): TotalsEntry[] {
  const ref = sumBy(reference, groupOf, columns);
  const our = sumBy(ours, groupOf, columns);
  const groups = [...new Set([...ref.keys(), ...our.keys()])].sort();
  return groups.map((group) => {
    const a = ref.get(group) ?? { rows: 0, sums: new Map() };
    const b = our.get(group) ?? { rows: 0, sums: new Map() };
    const allowed = tolerance * Math.max(1, a.rows + b.rows);
    let differs = false;
    const out: TotalsEntry['columns'] = {};
    for (const c of columns) {
      const x = a.sums.get(c) ?? ZERO;
      const y = b.sums.get(c) ?? ZERO;
      const difference = decimalToNumber(subtractDecimal(y, x));
      if (Math.abs(difference) > allowed) differs = true;
      out[c] = { reference: decimalToNumber(x), ours: decimalToNumber(y), difference };
    }
    return { group, referenceRows: a.rows, oursRows: b.rows, columns: out, differs };
  });
}

function sumBy(rows: readonly SummaryRowRead[], groupOf: (row: SummaryRowRead) => string, columns: readonly string[]): Map<string, Sums> {
  const out = new Map<string, Sums>();
  for (const row of rows) {
    const group = groupOf(row);
    let s = out.get(group);
    if (!s) out.set(group, (s = { rows: 0, sums: new Map() }));
    s.rows += 1;
    for (const c of columns) {
      const v = row.values[c];
      if (v === null || v === undefined) continue;
      const d = parseDecimal(String(v));
      if (d !== null) s.sums.set(c, addDecimal(s.sums.get(c) ?? ZERO, d));
    }
  }
  return out;
}
