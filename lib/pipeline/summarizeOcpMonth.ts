import type { Pool } from 'pg';
import type { Logger } from '../common/logger.js';
import type { ObjectStore } from '../store/types.js';
import { commitDaysApartOnFailure } from './commitDaysApart.js';
import { listOcpDaysWithData } from './dayInputs.js';
import { finalizeOcp, type FinalizeDeps, type FinalizeResult } from './finalizeOcp.js';
import type { DayTask, PartialManifest } from './types.js';

/** At most this many days per finalize transaction in the in-process runner (Koku's TRINO_DATE_STEP is 5 too). */
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
  hooks?: FinalizeDeps['hooks'];
  /** Runs one day task (in-process, or on a worker thread) and resolves with its partial's manifest. */
  runDay(task: DayTask): Promise<PartialManifest>;
  onDayDone?(task: DayTask, manifest: PartialManifest): void;
  /**
   * Finalize transactions that may commit at once, each on its own connection and with days of its own (finalize
   * locks per source-day); default 1. More lets the database use more cores for the month's inserts.
   */
  commitConcurrency?: number;
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
  const finished = new FinishedDays(tasks.length);
  // Every day is queued at once (the runner bounds concurrency); the committers below take whatever days are done.
  for (const task of tasks) {
    deps
      .runDay(task)
      .then((manifest) => {
        deps.onDayDone?.(task, manifest);
        return manifest;
      })
      .then(
        (manifest) => finished.add({ task, manifest }),
        (error: unknown) => finished.add({ task, error }),
      );
  }
  const failures: SummarizeOcpMonthResult['failures'] = [];
  const manifests: PartialManifest[] = [];
  const finalize: FinalizeResult = { committed: [], unchanged: [], waiting: [], skipped: [] };
  // Group commit: each transaction takes the days finished since the last one began (at most
  // FINALIZE_DAYS_PER_TRANSACTION), so the first commit starts after one day rather than a whole window, and the
  // database, the critical path of a month, never waits for days that are not done.
  const commitDays = async (): Promise<void> => {
    for (;;) {
      const batch = await finished.take(FINALIZE_DAYS_PER_TRANSACTION);
      if (batch.length === 0) return;
      const ok: string[] = [];
      for (const day of batch) {
        if ('error' in day) failures.push({ day: day.task.day, error: day.error });
        else {
          manifests.push(day.manifest);
          ok.push(day.task.day);
        }
      }
      const finalizeDays = (days: string[]) =>
        finalizeOcp(deps, { type: 'finalize', account: req.account, providerType: 'OCP', providerUuid: req.providerUuid, year: req.year, month: req.month, days, force: true });
      failures.push(...(await commitDaysApartOnFailure(ok, finalizeDays, finalize, deps.logger, 'finalize')));
    }
  };
  // Each committer keeps its own failures; one that still throws (a bug) fails the run once the other is done with the pool.
  const committers = await Promise.allSettled(Array.from({ length: Math.max(1, deps.commitConcurrency ?? 1) }, commitDays));
  const failed = committers.find((c): c is PromiseRejectedResult => c.status === 'rejected');
  if (failed) throw failed.reason;
  manifests.sort((a, b) => (a.task.day < b.task.day ? -1 : 1));
  failures.sort((a, b) => (a.day < b.day ? -1 : 1));
  for (const k of ['committed', 'unchanged', 'waiting', 'skipped'] as const) finalize[k].sort();
  return { days, manifests, finalize, failures };
}

export interface SummarizeOcpMonthResult {
  /** The days that were asked for and have data. */
  days: string[];
  manifests: PartialManifest[];
  finalize: FinalizeResult;
  /** Days whose task or commit failed; their previous rows are untouched. */
  failures: Array<{ day: string; error: unknown }>;
}

type FinishedDay = { task: DayTask; manifest: PartialManifest } | { task: DayTask; error: unknown };

/** Day tasks that have settled and are not yet committed, in the order they settled. */
class FinishedDays {
  private readonly days: FinishedDay[] = [];
  private readonly waiting: Array<() => void> = [];
  private handedOut = 0;

  constructor(private readonly total: number) {}

  add(day: FinishedDay): void {
    this.days.push(day);
    this.waiting.shift()?.();
  }

  /** Up to `max` finished days, waiting for one when none is ready; empty once every day is handed out. */
  async take(max: number): Promise<FinishedDay[]> {
    while (this.days.length === 0 && !this.done()) await new Promise<void>((resolve) => this.waiting.push(resolve));
    const batch = this.days.splice(0, max);
    this.handedOut += batch.length;
    if (this.done()) this.wakeAll();
    return batch;
  }

  private done(): boolean {
    return this.handedOut === this.total;
  }

  private wakeAll(): void {
    for (const wake of this.waiting.splice(0)) wake();
  }
}
