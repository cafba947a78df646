import type pg from 'pg';

/** Every OCP summary row of a schema without `uuid`, in a stable order: what two runs must agree on. */
export async function readSummaryRows(pool: pg.Pool, schema: string, where = 'TRUE'): Promise<Array<Record<string, unknown>>> {
  const { rows } = await pool.query(`SELECT * FROM "${schema}".reporting_ocpusagelineitem_daily_summary WHERE ${where}`);
  const clean = rows.map(({ uuid: _uuid, report_period_id: _rp, ...rest }) => normalise(rest));
  return clean.sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
}

export async function readUuidsByDay(pool: pg.Pool, schema: string, day: string): Promise<string[]> {
  const { rows } = await pool.query(`SELECT uuid FROM "${schema}".reporting_ocpusagelineitem_daily_summary WHERE usage_start = $1 ORDER BY uuid`, [day]);
  return rows.map((r) => r.uuid as string);
}

function normalise(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(row).sort()) {
    const v = row[k];
    out[k] = v instanceof Date ? v.toISOString().slice(0, 10) : v !== null && typeof v === 'object' ? sortKeys(v as Record<string, unknown>) : v;
  }
  return out;
}

function sortKeys(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]]));
}
