import { recordLedger } from '../db/index.js';
import type { DbClient } from '../db/types.js';
import type { CommittedDay } from './summaryCommitted.js';
import type { PartialManifest } from './types.js';

/**
 * Records in the ledger which partial each day's rows came from, with their count and control totals, and returns
 * the days as a committed event reports them. Call it in the transaction that wrote the rows.
 *
 * @example const committed = await recordCommittedDays(client, schema, { providerUuid, summaryType }, partials, rowsByDay, ocpControlTotals);
 */
export async function recordCommittedDays<R>(
  client: DbClient,
  schema: string,
  source: { providerUuid: string; summaryType: string },
  partials: ReadonlyArray<{ day: string; manifest: PartialManifest }>,
  rowsByDay: ReadonlyMap<string, R[]>,
  controlTotalsOf: (rows: R[]) => Record<string, number>,
): Promise<CommittedDay[]> {
  const entries = partials.map((p) => ({
    providerUuid: source.providerUuid,
    summaryType: source.summaryType,
    usageDate: p.day,
    fingerprint: p.manifest.fingerprint,
    inputs: p.manifest.inputs,
    rowCount: rowsByDay.get(p.day)!.length,
    controlTotals: controlTotalsOf(rowsByDay.get(p.day)!),
    codeVersion: p.manifest.codeVersion,
  }));
  await recordLedger(client, schema, entries);
  return entries.map((e) => ({ day: e.usageDate, rowCount: e.rowCount, controlTotals: e.controlTotals, fingerprint: e.fingerprint }));
}
