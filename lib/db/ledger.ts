import { LEDGER_TABLE } from './constants.js';
import { qualifiedName } from './identifiers.js';
import type { DbClient, LedgerEntry } from './types.js';

interface LedgerRow {
  provider_uuid: string;
  summary_type: string;
  usage_date: string;
  fingerprint: string;
  inputs: unknown;
  row_count: number;
  control_totals: Record<string, number>;
  code_version: string;
  committed_at: Date;
}

/**
 * What `koku_agg_ledger` says is committed for these days of a source and summary type, keyed by `YYYY-MM-DD`
 * (days without an entry are absent).
 *
 * @example const ledger = await readLedger(client, 'org1234567', providerUuid, 'ocp', ['2025-10-01']); ledger.get('2025-10-01')?.fingerprint
 */
export async function readLedger(
  client: DbClient,
  schema: string,
  providerUuid: string,
  summaryType: string,
  days: readonly string[],
): Promise<Map<string, LedgerEntry>> {
  const out = new Map<string, LedgerEntry>();
  if (days.length === 0) return out;
  // Dates leave PostgreSQL as text: node-postgres would turn a `date` into a local-time Date.
  const r = await client.query<LedgerRow>(
    `SELECT provider_uuid::text AS provider_uuid, summary_type, to_char(usage_date, 'YYYY-MM-DD') AS usage_date,
            fingerprint, inputs, row_count, control_totals, code_version, committed_at
     FROM ${qualifiedName(schema, LEDGER_TABLE)}
     WHERE provider_uuid = $1::uuid AND summary_type = $2 AND usage_date = ANY($3::date[])`,
    [providerUuid, summaryType, [...days]],
  );
  for (const row of r.rows) {
    out.set(row.usage_date, {
      providerUuid: row.provider_uuid,
      summaryType: row.summary_type,
      usageDate: row.usage_date,
      fingerprint: row.fingerprint,
      inputs: row.inputs,
      rowCount: row.row_count,
      controlTotals: row.control_totals,
      codeVersion: row.code_version,
      committedAt: row.committed_at.toISOString(),
    });
  }
  return out;
}

/**
 * Upserts ledger entries (one per source, summary type and day); `committed_at` becomes the transaction time.
 * Call it in the same transaction as the rows it describes.
 *
 * @example await recordLedger(client, 'org1234567', [{ providerUuid, summaryType: 'ocp', usageDate: '2025-10-01', fingerprint, inputs, rowCount: 42, controlTotals: { pod_usage_cpu_core_hours: 12.5 }, codeVersion: '0.1.0' }])
 */
export async function recordLedger(client: DbClient, schema: string, entries: readonly LedgerEntry[]): Promise<void> {
  if (entries.length === 0) return;
  // One row per key, the last one given winning: ON CONFLICT cannot touch the same row twice in one statement.
  const byKey = new Map(entries.map((e) => [`${e.providerUuid}|${e.summaryType}|${e.usageDate}`, e]));
  const payload = [...byKey.values()].map((e) => ({
    provider_uuid: e.providerUuid,
    summary_type: e.summaryType,
    usage_date: e.usageDate,
    fingerprint: e.fingerprint,
    inputs: e.inputs ?? null,
    row_count: e.rowCount,
    control_totals: e.controlTotals,
    code_version: e.codeVersion,
  }));
  await client.query(
    `INSERT INTO ${qualifiedName(schema, LEDGER_TABLE)} AS l
       (provider_uuid, summary_type, usage_date, fingerprint, inputs, row_count, control_totals, code_version, committed_at)
     SELECT provider_uuid, summary_type, usage_date, fingerprint, coalesce(inputs, 'null'::jsonb), row_count, control_totals,
            code_version, now()
     FROM jsonb_to_recordset($1::jsonb) AS e(provider_uuid uuid, summary_type text, usage_date date, fingerprint text,
          inputs jsonb, row_count integer, control_totals jsonb, code_version text)
     ON CONFLICT (provider_uuid, summary_type, usage_date) DO UPDATE SET
       fingerprint = EXCLUDED.fingerprint, inputs = EXCLUDED.inputs, row_count = EXCLUDED.row_count,
       control_totals = EXCLUDED.control_totals, code_version = EXCLUDED.code_version, committed_at = EXCLUDED.committed_at`,
    [JSON.stringify(payload)],
  );
}
