import type { Pool } from 'pg';
import { readLedger, withClient } from '../db/index.js';
import type { LedgerEntry } from '../db/types.js';
import type { FinalizeRequest } from './types.js';

/** One day a finalize replaced: its row count, control totals and the fingerprint of the partial committed. */
export interface CommittedDay {
  day: string;
  rowCount: number;
  controlTotals: Record<string, number>;
  fingerprint: string;
}

/** What one finalize committed: enough for downstream steps (cost model, UI summaries) to know what to refresh. */
export interface SummaryCommittedEvent {
  type: 'summary-committed';
  summaryType: string;
  schema: string;
  account: string;
  providerType: string;
  providerUuid: string;
  year: number;
  month: number;
  days: CommittedDay[];
  committedAt: string;
}

/**
 * Tells `onCommitted` which days of the request's source-month were committed; nothing when none were (or no one
 * listens). Call it after the transaction commits, so a listener never hears of rows it cannot yet read.
 *
 * @example await publishSummaryCommitted(deps.onCommitted, { summaryType: 'ocp_daily_summary', schema, request: req, days: committed });
 */
export async function publishSummaryCommitted(
  onCommitted: ((event: SummaryCommittedEvent) => Promise<void>) | undefined,
  what: { summaryType: string; schema: string; request: FinalizeRequest; days: CommittedDay[] },
): Promise<void> {
  if (what.days.length === 0 || !onCommitted) return;
  const { type: _t, days: _d, force: _f, summaryType: _s, ...source } = what.request;
  await onCommitted({ type: 'summary-committed', summaryType: what.summaryType, schema: what.schema, ...source, days: what.days, committedAt: new Date().toISOString() });
}

/** How a finalize was asked for, beyond its request. */
export interface FinalizeOptions {
  /**
   * The request was delivered before (SQS receive count above 1). An earlier attempt may have committed and then
   * failed before its event went out, so days found already committed are announced again: at least once.
   */
  redelivered?: boolean;
}

/**
 * The committed days to announce: those this finalize committed, and, on a redelivery, the days it found unchanged,
 * as the ledger describes them. In day order.
 */
export async function daysToAnnounce(
  pool: Pool,
  what: { schema: string; providerUuid: string; summaryType: string; committed: CommittedDay[]; unchanged: string[]; options: FinalizeOptions },
): Promise<CommittedDay[]> {
  const again = what.options.redelivered && what.unchanged.length > 0
    ? await withClient(pool, (c) => readLedger(c, what.schema, what.providerUuid, what.summaryType, what.unchanged))
    : new Map<string, LedgerEntry>();
  const fromLedger = [...again.values()].map((e) => ({ day: e.usageDate, rowCount: e.rowCount, controlTotals: e.controlTotals, fingerprint: e.fingerprint }));
  return [...what.committed, ...fromLedger].sort((a, b) => (a.day < b.day ? -1 : 1));
}
