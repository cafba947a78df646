import type { Pool } from 'pg';
import type { Logger } from '../common/logger.js';
import type { ObjectStore } from '../store/types.js';
import { listOcpDaysWithData } from './dayInputs.js';
import { finalizeOcp, type FinalizeDeps, type FinalizeResult } from './finalizeOcp.js';
import type { DayTask, PartialManifest } from './types.js';

/** Days per finalize transaction in the in-process runner. */
const FINALIZE_DAYS_PER_TRANSACTION = 5;

export interface SummarizeOcpMonthDeps {
  pool: Pool;
  dataStore: ObjectStore;
  partialStore: ObjectStore;
  partialsPrefix: string;
  schema: string;
  /** Shadow mode: where rows are written (see FinalizeDeps.targetSchema). */
  targetSchema?: string;
  logger: Logger;
  createReportPeriods: boolean;
  onCommitted?: FinalizeDeps['onCommitted'];
  /** Runs one day task (in-process, or on a worker thread) and resolves with its partial's manifest. */
  runDay(task: DayTask): Promise<PartialManifest>;
  onDayDone?(task: DayTask, manifest: PartialManifest): void;
}

export interface SummarizeOcpMonthRequest {
  account: string;
  providerUuid: string;
  year: number;
  month: number;
  /** Restrict to these `YYYY-MM-DD` days; default every day with data. */
  days?: string[];
}

/**
 * The in-process runner behind the CLI: the same day tasks and finalize the Lambdas run, without queues.
 * Days that fail are reported and left as they were; the others are committed (forced: an operator re-run).
 */
export async function summarizeOcpMonth(
  deps: SummarizeOcpMonthDeps,
  req: SummarizeOcpMonthRequest,
): Promise<SummarizeOcpMonthResult> {
  const present = await listOcpDaysWithData(deps.dataStore, { account: req.account, providerType: 'OCP', providerUuid: req.providerUuid, year: req.year, month: req.month });
  const days = req.days ? present.filter((d) => req.days!.includes(d)) : present;
  const tasks: DayTask[] = days.map((day) => ({ account: req.account, providerType: 'OCP', providerUuid: req.providerUuid, year: req.year, month: req.month, day }));
  const settled = await Promise.allSettled(
    tasks.map(async (t) => {
      const m = await deps.runDay(t);
      deps.onDayDone?.(t, m);
      return m;
    }),
  );
  const failures = settled.flatMap((s, i) => (s.status === 'rejected' ? [{ day: tasks[i].day, error: s.reason as unknown }] : []));
  const manifests = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const okDays = manifests.map((m) => m.task.day);
  const finalize: FinalizeResult = { committed: [], unchanged: [], waiting: [], skipped: [] };
  // Koku commits in 5-day windows (TRINO_DATE_STEP); so do we, which bounds the rows held in memory per transaction.
  for (let i = 0; i < okDays.length; i += FINALIZE_DAYS_PER_TRANSACTION) {
    const chunk = okDays.slice(i, i + FINALIZE_DAYS_PER_TRANSACTION);
    const r = await finalizeOcp(deps, { type: 'finalize', account: req.account, providerType: 'OCP', providerUuid: req.providerUuid, year: req.year, month: req.month, days: chunk, force: true });
    for (const k of ['committed', 'unchanged', 'waiting', 'skipped'] as const) finalize[k].push(...r[k]);
  }
  return { days, manifests, finalize, failures };
}

export interface SummarizeOcpMonthResult {
  /** The days that were asked for and have data. */
  days: string[];
  manifests: PartialManifest[];
  finalize: FinalizeResult;
  /** Days whose task failed; their previous rows are untouched. */
  failures: Array<{ day: string; error: unknown }>;
}
