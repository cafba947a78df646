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
  // Every day is queued at once (the runner bounds concurrency); each window is committed as soon as its days are
  // done, so the database work of one window overlaps the day tasks of the next.
  const runs = tasks.map(async (t) => {
    const m = await deps.runDay(t);
    deps.onDayDone?.(t, m);
    return m;
  });
  for (const run of runs) run.catch(() => undefined); // settled below, window by window; never unhandled
  const failures: SummarizeOcpMonthResult['failures'] = [];
  const manifests: PartialManifest[] = [];
  const finalize: FinalizeResult = { committed: [], unchanged: [], waiting: [], skipped: [] };
  // Koku commits in 5-day windows (TRINO_DATE_STEP); so do we, which bounds the rows held in memory per transaction.
  for (let i = 0; i < tasks.length; i += FINALIZE_DAYS_PER_TRANSACTION) {
    const settled = await Promise.allSettled(runs.slice(i, i + FINALIZE_DAYS_PER_TRANSACTION));
    const ok: string[] = [];
    settled.forEach((s, k) => {
      if (s.status === 'rejected') failures.push({ day: tasks[i + k].day, error: s.reason as unknown });
      else {
        manifests.push(s.value);
        ok.push(s.value.task.day);
      }
    });
    if (ok.length === 0) continue;
    const r = await finalizeOcp(deps, { type: 'finalize', account: req.account, providerType: 'OCP', providerUuid: req.providerUuid, year: req.year, month: req.month, days: ok, force: true });
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
