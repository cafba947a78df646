import pLimit from 'p-limit';
import type { Pool } from 'pg';
import type { Logger } from '../common/logger.js';
import type { ObjectStore } from '../store/types.js';
import { listAwsDaysWithData } from './awsDayInputs.js';
import { commitDaysApartOnFailure } from './commitDaysApart.js';
import { finalizeOcpAws, type FinalizeOcpAwsDeps } from './finalizeOcpAws.js';
import type { FinalizeResult } from './finalizeOcp.js';
import { runOcpAwsDayTask, type OcpAwsDayTaskResult } from './ocpAwsDayTask.js';
import type { OcpAwsSettings } from './ocpAwsSettings.js';
import { summarizeOcpMonth, type SummarizeOcpMonthResult } from './summarizeOcpMonth.js';
import { OCP_AWS_SUMMARY_TYPE } from './constants.js';
import { DayTaskError } from './errors.js';
import type { DayTask, PartialManifest } from './types.js';

export interface SummarizeOcpAwsMonthDeps {
  pool: Pool;
  dataStore: ObjectStore;
  partialStore: ObjectStore;
  partialsPrefix: string;
  schema: string;
  logger: Logger;
  createReportPeriods: boolean;
  /** Runs one OCP day task (in-process, or on a worker thread) and resolves with its partial's manifest. */
  runOcpDay(task: DayTask): Promise<PartialManifest>;
  /** Read after the OCP summaries are committed, so node roles and report periods are those of this run. */
  loadSettings(): Promise<OcpAwsSettings>;
  /** OCP-on-AWS day tasks at once (default 2). */
  concurrency?: number;
  hooks?: FinalizeOcpAwsDeps['hooks'];
  onOcpDayDone?(task: DayTask): void;
  onAwsDayDone?(task: DayTask): void;
}

export interface SummarizeOcpAwsMonthRequest {
  account: string;
  awsProviderUuid: string;
  /** The OCP sources to summarise first (those paired with the AWS source). */
  ocpProviderUuids: readonly string[];
  year: number;
  month: number;
  /** Restrict to these `YYYY-MM-DD` days; default every day with data. */
  days?: string[];
}

export interface SummarizeOcpAwsMonthResult {
  /** The OCP summary of each OCP source (its days committed to `reporting_ocpusagelineitem_daily_summary`). */
  ocp: Array<{ providerUuid: string; result: SummarizeOcpMonthResult }>;
  /** AWS days asked for that have AWS daily data. */
  days: string[];
  tasks: OcpAwsDayTaskResult[];
  finalize: FinalizeResult;
  /** Days whose OCP-on-AWS task or commit failed; their previous rows are untouched. */
  failures: Array<{ day: string; error: unknown }>;
}

/**
 * The in-process OCP-on-AWS runner behind the CLI: first the OCP summary of each paired OCP source (day tasks and
 * finalize, exactly as `summarizeOcpMonth`), so their day partials and node roles exist; then the OCP-on-AWS day
 * task of every AWS day and one forced finalize (an operator re-run; if it fails, one per day). Days that fail are
 * reported and keep their rows.
 *
 * @example const result = await summarizeOcpAwsMonth(deps, { account: 'org1', awsProviderUuid, ocpProviderUuids: [ocpUuid], year: 2025, month: 10 })
 */
export async function summarizeOcpAwsMonth(deps: SummarizeOcpAwsMonthDeps, req: SummarizeOcpAwsMonthRequest): Promise<SummarizeOcpAwsMonthResult> {
  const ocp: SummarizeOcpAwsMonthResult['ocp'] = [];
  // The hooks are for the OCP-on-AWS commit only.
  const { hooks: _hooks, ...ocpDeps } = deps;
  for (const providerUuid of req.ocpProviderUuids) {
    const result = await summarizeOcpMonth(
      {
        ...ocpDeps,
        runDay: deps.runOcpDay,
        onDayDone: (t) => deps.onOcpDayDone?.(t),
      },
      { account: req.account, providerUuid, year: req.year, month: req.month, days: req.days },
    );
    ocp.push({ providerUuid, result });
  }

  const sourceMonth = { account: req.account, providerType: 'AWS' as const, providerUuid: req.awsProviderUuid, year: req.year, month: req.month };
  const present = await listAwsDaysWithData(deps.dataStore, sourceMonth);
  const days = req.days ? present.filter((d) => req.days!.includes(d)) : present;
  const settings = await deps.loadSettings();
  const limit = pLimit(deps.concurrency ?? 2);
  const settled = await Promise.allSettled(
    days.map((day) =>
      limit(async () => {
        const task: DayTask = { ...sourceMonth, day };
        const r = await runOcpAwsDayTask({ ...deps, settings }, task);
        deps.onAwsDayDone?.(task);
        return r;
      }),
    ),
  );
  const failures = settled.flatMap((s, i) => (s.status === 'rejected' ? [{ day: days[i], error: s.reason as unknown }] : []));
  const tasks = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  for (const t of tasks) {
    if (t.manifest === null && t.waitingFor.length > 0) {
      const subject = `AWS source ${req.awsProviderUuid} day ${t.task.day}`;
      failures.push({ day: t.task.day, error: new DayTaskError(subject, `the OCP day partials of ${t.waitingFor.join(', ')} are missing (their OCP day task failed); previous rows kept`) });
    }
  }
  const okDays = tasks.filter((t) => t.manifest !== null).map((t) => t.task.day);
  const finalize: FinalizeResult = { committed: [], unchanged: [], waiting: [], skipped: [] };
  const finalizeDays = (some: string[]) =>
    finalizeOcpAws(deps, { type: 'finalize', summaryType: OCP_AWS_SUMMARY_TYPE, account: req.account, providerType: 'AWS', providerUuid: req.awsProviderUuid, year: req.year, month: req.month, days: some, force: true });
  failures.push(...(await commitDaysApartOnFailure(okDays, finalizeDays, finalize, deps.logger, 'OCP on AWS finalize')));
  failures.sort((a, b) => (a.day < b.day ? -1 : 1));
  return { ocp, days, tasks, finalize, failures };
}
