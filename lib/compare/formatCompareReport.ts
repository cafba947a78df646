import { canonicalJson } from './canonicalJson.js';
import type { CompareReport, SideSummary, TotalsEntry } from './types.js';

/** The usage columns the text report shows per day / namespace (JSON output has all of them). */
const TOTALS_SHOWN: ReadonlyArray<[string, string]> = [
  ['pod_usage_cpu_core_hours', 'cpu usage h'],
  ['pod_request_cpu_core_hours', 'cpu request h'],
  ['pod_usage_memory_gigabyte_hours', 'mem usage GiB-h'],
  ['persistentvolumeclaim_usage_gigabyte_months', 'pvc usage GiB-mo'],
];

/**
 * The compare report as text for a terminal: counts, the missing / extra / relabelled rows, per-column mismatches
 * with their largest differences, per-day and per-namespace usage totals, notes, and the verdict on the last line.
 *
 * @example process.stdout.write(formatCompareReport(report))
 */
export function formatCompareReport(r: CompareReport): string {
  const out: string[] = [];
  const days = r.days ? ` days ${r.days.map((d) => Number(d.slice(8))).join(',')}` : '';
  out.push(`compare source ${r.providerUuid}, ${r.month}${days}, tolerance ${r.tolerance}`);
  out.push(side('reference', r.reference), side('ours     ', r.ours));
  out.push(
    `rows: ${r.matched} matched (${r.matchedWithDifferences} with differences), ${r.missing.count} missing, ${r.extra.count} extra, ` +
      `${r.labelDifferences.count} with different labels` + (r.duplicateKeys ? `; ${r.duplicateKeys} grain key(s) with duplicate rows paired by closest values` : ''),
  );

  if (r.missing.count) {
    out.push('', `MISSING from ours (only in the reference): ${r.missing.count}`);
    for (const row of r.missing.rows) out.push(`  ${row.text}`);
    if (r.missing.count > r.missing.rows.length) out.push(`  ... and ${r.missing.count - r.missing.rows.length} more`);
  }
  if (r.extra.count) {
    out.push('', `EXTRA in ours (not in the reference): ${r.extra.count}`);
    for (const row of r.extra.rows) out.push(`  ${row.text}`);
    if (r.extra.count > r.extra.rows.length) out.push(`  ... and ${r.extra.count - r.extra.rows.length} more`);
  }
  if (r.labelDifferences.count) {
    out.push('', `DIFFERENT LABELS (same grain otherwise): ${r.labelDifferences.count}`);
    for (const p of r.labelDifferences.pairs) out.push(`  reference ${p.reference.text}`, `  ours      ${p.ours.text}`);
  }

  const mismatched = r.columns.filter((c) => c.mismatches > 0);
  if (mismatched.length) {
    out.push('', 'COLUMN MISMATCHES (largest first)');
    for (const c of mismatched) {
      out.push(`  ${c.column}: ${c.mismatches} row(s)`);
      for (const d of c.largest) {
        const diff = d.difference === null ? '' : `diff ${d.difference > 0 ? '+' : ''}${d.difference}  `;
        out.push(`    ${diff}reference ${value(d.reference)}  ours ${value(d.ours)}  @ ${d.row.text}`);
      }
    }
  }
  const ignored = r.columns.filter((c) => c.nullVsZeroIgnored > 0);
  if (ignored.length) {
    out.push('', 'NULL vs 0 in cost-model columns, ignored (--strict-nulls counts them):');
    out.push(`  ${ignored.map((c) => `${c.column} ${c.nullVsZeroIgnored}`).join(', ')}`);
  }

  out.push('', ...totals('TOTALS BY DAY', 'day', r.totals.byDay, r.tolerance));
  out.push('', ...totals('TOTALS BY NAMESPACE', 'namespace', r.totals.byNamespace, r.tolerance));

  if (r.notes.length) {
    out.push('', 'NOTES');
    for (const n of r.notes) out.push(`  - ${n}`);
  }
  out.push('', r.passed ? 'RESULT: PASS' : `RESULT: FAIL (${r.failures.join('; ')})`);
  return `${out.join('\n')}\n`;
}

function side(name: string, s: SideSummary): string {
  const kinds = Object.entries(s.byKind).filter(([, n]) => n > 0).map(([k, n]) => `${k} ${n}`).join(', ') || 'none';
  const left = s.excludedInfrastructureRows || s.excludedCostModelRows
    ? `; left out ${s.excludedInfrastructureRows} OCP-on-cloud, ${s.excludedCostModelRows} cost-model row(s)`
    : '';
  return `${name} ${s.table}: ${s.rowsRead} rows read, ${s.rowsCompared} compared (${kinds})${left}`;
}

function value(v: unknown): string {
  if (v === null || v === undefined) return 'NULL';
  return typeof v === 'object' ? canonicalJson(v) : String(v);
}

function num(n: number): string {
  return String(Number(n.toPrecision(12)));
}

function totals(title: string, groupName: string, entries: readonly TotalsEntry[], tolerance: number): string[] {
  const out = [`${title} (reference / ours; * = differs)`];
  if (entries.length === 0) return [...out, '  (no rows)'];
  const header = [groupName, 'rows', ...TOTALS_SHOWN.map(([, label]) => label)];
  const rows = entries.map((e) => [
    `${e.differs ? '*' : ' '}${e.group}`,
    `${e.referenceRows}/${e.oursRows}`,
    ...TOTALS_SHOWN.map(([c]) => `${num(e.columns[c].reference)}/${num(e.columns[c].ours)}`),
  ]);
  const widths = header.map((h, i) => Math.max(h.length + (i === 0 ? 1 : 0), ...rows.map((row) => row[i].length)));
  out.push(`  ${header.map((h, i) => (i === 0 ? ` ${h}` : h).padEnd(widths[i])).join('  ')}`.trimEnd());
  for (const [i, row] of rows.entries()) {
    out.push(`  ${row.map((cell, j) => cell.padEnd(widths[j])).join('  ')}`.trimEnd());
    const e = entries[i];
    if (!e.differs) continue;
    const allowed = tolerance * Math.max(1, e.referenceRows + e.oursRows);
    for (const [c, t] of Object.entries(e.columns)) {
      if (Math.abs(t.difference) > allowed) out.push(`      ${c}: ${num(t.reference)} vs ${num(t.ours)} (diff ${t.difference})`);
    }
  }
  return out;
}
