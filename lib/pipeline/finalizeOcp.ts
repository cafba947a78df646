import type { Pool } from 'pg';
import { isoDay } from '../common/days.js';
import type { Logger } from '../common/logger.js';
import { PhaseTimer } from '../common/phaseTimer.js';
import {
  acquireMonthSetupLock,
  acquireXactLocks,
  ensureReportPeriod,
  findProvider,
  findReportPeriod,
  monthPartitionExists,
  readNodeRoleLookup,
  readOcpSummaryConfig,
  replaceOcpDays,
  upsertNodeRoles,
  withTransaction,
} from '../db/index.js';
import { OCP_SUMMARY_TABLE } from '../db/constants.js';
import type { DbClient, ReplaceOcpDaysHooks } from '../db/types.js';
import { providerSkipReason, requireClusterId } from '../koku/index.js';
import type { ProviderMetadataSource } from '../koku/types.js';
import { buildUnallocatedRows } from '../ocp/index.js';
import type { OcpSummaryRow } from '../ocp/types.js';
import type { ObjectStore } from '../store/types.js';
import { OCP_SUMMARY_TYPE } from './constants.js';
import { ocpControlTotals } from './controlTotals.js';
import { currentPartialsByDay } from './currentPartialsByDay.js';
import { listOcpDayInputs } from './dayInputs.js';
import { namedFinalizeError, UnknownProviderError } from './errors.js';
import { inputsFingerprint } from './fingerprint.js';
import { newestFirst } from './newestFirst.js';
import { listPartialManifests, readOcpPartialRows } from './partials.js';
import { partialsToCommit } from './partialsToCommit.js';
import { recordCommittedDays } from './recordCommittedDays.js';
import { daysToAnnounce, publishSummaryCommitted, type CommittedDay, type FinalizeOptions, type SummaryCommittedEvent } from './summaryCommitted.js';
import type { DayTask, FinalizeRequest, PartialManifest } from './types.js';

export interface FinalizeDeps {
  pool: Pool;
  dataStore: ObjectStore;
  partialStore: ObjectStore;
  partialsPrefix: string;
  /** Tenant schema whose settings (enabled keys, cost categories) apply. */
  schema: string;
  /**
   * Where rows, report periods, node roles, the provider registry and the ledger live; default `schema`. Shadow mode
   * points it at a separate schema with the same DDL, so Koku's own tables stay untouched.
   */
  targetSchema?: string;
  /**
   * Where cluster id and alias come from: Koku's own tables (integration mode) or our `koku_agg_provider` registry in
   * the target schema (default). An unknown, paused or inactive source is skipped with a log line, as Koku does.
   */
  providers?: ProviderMetadataSource;
  /** Told what changed after each commit (e.g. publishes to a queue so Koku's downstream steps can run). */
  onCommitted?(event: SummaryCommittedEvent): Promise<void>;
  logger: Logger;
  /** Standalone mode: create the report period when Koku has none (Koku itself would skip the month). */
  createReportPeriods: boolean;
  hooks?: ReplaceOcpDaysHooks;
}

export interface FinalizeResult {
  /** Days whose rows were replaced in this call. */
  committed: string[];
  /** Days whose current partial is already what the database holds. */
  unchanged: string[];
  /** Days with no partial for the objects present now (a newer day task is still running or has failed). */
  waiting: string[];
  /** Days skipped because the source is unknown, paused or inactive, or the month has no report period (as Koku does). */
  skipped: string[];
}

/**
 * Commits the current partial of each requested day, serialised per source-day by advisory locks.
 *
 * "Current" means computed from exactly the objects present now: the choice is made inside the day's lock, so a
 * partial built from an older input set can never replace rows built from a newer one (latest wins), and a day whose
 * ledger already holds that partial's fingerprint is left alone (idempotent) unless `force` is set. All changed days
 * are replaced in one transaction: a failure leaves every day's previous rows.
 *
 * Everything a finalize reads and writes per day (the day's rows, its ledger entry) is covered by the day's lock, so
 * finalizes of different days of one month can commit at the same time, on several database connections. The rows a
 * month shares are created behind locks of their own, taken only when something is missing: the report period and
 * partition behind the schema's month-setup lock (`reportPeriodFor`), the cluster and node rows in `ensureOcpCluster`
 * and `upsertNodeRoles`.
 */
export async function finalizeOcp(deps: FinalizeDeps, req: FinalizeRequest, options: FinalizeOptions = {}): Promise<FinalizeResult> {
  const result: FinalizeResult = { committed: [], unchanged: [], waiting: [], skipped: [] };
  const timings = new PhaseTimer();
  const days = [...new Set(req.days)].sort();
  const target = deps.targetSchema ?? deps.schema;
  let committed: CommittedDay[] = [];
  await withTransaction(deps.pool, async (client) => {
    await acquireXactLocks(client, days.map((day) => ocpDayLockKey(target, req.providerUuid, day)));
    const { current, waiting } = await chooseCurrentPartials(deps, req, days);
    result.waiting.push(...waiting);
    const { changed, unchanged } = await partialsToCommit(client, target, { providerUuid: req.providerUuid, summaryType: OCP_SUMMARY_TYPE, force: req.force }, current);
    result.unchanged.push(...unchanged);
    if (changed.length === 0) return;

    const provider = await providerFor(client, deps, req);
    if ('skip' in provider) {
      result.skipped.push(...changed.map(([d]) => d));
      deps.logger.warn('source skipped', { providerUuid: req.providerUuid, reason: provider.skip });
      return;
    }
    const reportPeriodId = await reportPeriodFor(client, deps, req, provider);
    if (reportPeriodId === null) {
      result.skipped.push(...changed.map(([d]) => d));
      deps.logger.warn('no report period for the month; days skipped as Koku would', { providerUuid: req.providerUuid, year: req.year, month: req.month });
      return;
    }
    committed = await commitDays(client, deps, req, reportPeriodId, provider, changed, timings);
    result.committed.push(...changed.map(([d]) => d));
    timings.lap('rest');
  }).catch((err: unknown) => {
    throw namedFinalizeError(err, `OCP source ${req.providerUuid} ${days.join(', ')} in ${target}`);
  });
  timings.lap('commit');
  const rows = committed.reduce((n, d) => n + d.rowCount, 0);
  deps.logger.info('finalize done', { providerUuid: req.providerUuid, year: req.year, month: req.month, schema: target, ...result, rows, ms: timings.total(), phasesMs: timings.phases });
  if (deps.onCommitted) {
    const announce = await daysToAnnounce(deps.pool, { schema: target, providerUuid: req.providerUuid, summaryType: OCP_SUMMARY_TYPE, committed, unchanged: result.unchanged, options });
    await publishSummaryCommitted(deps.onCommitted, { summaryType: OCP_SUMMARY_TYPE, schema: target, request: req, days: announce });
  }
  return result;
}

/**
 * Per day, the newest partial computed from exactly the objects present now. Unlike `currentOcpPartial`, a day whose
 * objects are all gone still has a current partial (the empty one its day task wrote): committing it clears the day.
 */
function chooseCurrentPartials(deps: FinalizeDeps, req: FinalizeRequest, days: string[]) {
  return currentPartialsByDay(days, async (day): Promise<PartialManifest | undefined> => {
    const task: DayTask = { account: req.account, providerType: req.providerType, providerUuid: req.providerUuid, year: req.year, month: req.month, day };
    const fp = inputsFingerprint(await listOcpDayInputs(deps.dataStore, task));
    const manifests = await listPartialManifests(deps.partialStore, deps.partialsPrefix, task);
    return newestFirst(manifests.filter((m) => m.inputsFingerprint === fp))[0];
  });
}

/** The advisory lock that serialises finalizes of one OCP source-day in a target schema. */
function ocpDayLockKey(schema: string, providerUuid: string, day: string): string {
  return `ocp:${schema}:${providerUuid}:${day}`;
}

type ClusterOf = { clusterId: string; clusterAlias: string | null };

async function reportPeriodFor(client: DbClient, deps: FinalizeDeps, req: FinalizeRequest, provider: ClusterOf): Promise<number | null> {
  const target = deps.targetSchema ?? deps.schema;
  const monthStart = isoDay(req.year, req.month, 1);
  let found = await findReportPeriod(client, target, req.providerUuid, monthStart);
  if (found !== null && (await monthPartitionExists(client, target, OCP_SUMMARY_TABLE, req.year, req.month))) return found;
  // Creating either: one transaction of the schema at a time (see acquireMonthSetupLock). Held to the end; the usual
  // commit, with both in place, never gets here.
  await acquireMonthSetupLock(client, target);
  found ??= await findReportPeriod(client, target, req.providerUuid, monthStart);
  if (found !== null || !deps.createReportPeriods) return found;
  return ensureReportPeriod(client, target, { providerUuid: req.providerUuid, clusterId: provider.clusterId, clusterAlias: provider.clusterAlias, year: req.year, month: req.month });
}

async function providerFor(client: DbClient, deps: FinalizeDeps, req: FinalizeRequest): Promise<ClusterOf | { skip: string }> {
  if (deps.providers) {
    const lookup = await deps.providers.lookupProvider(req.providerUuid, { schema: deps.schema });
    const skip = providerSkipReason(lookup);
    return skip !== null || !lookup.found ? { skip: skip ?? 'unknown source' } : requireClusterId(lookup.provider);
  }
  const target = deps.targetSchema ?? deps.schema;
  const provider = await findProvider(client, target, req.providerUuid);
  if (!provider) return { skip: `provider ${req.providerUuid} is not registered in ${target}.koku_agg_provider (run "koku-agg provider add", then replay)` };
  if (!provider.clusterId) throw new UnknownProviderError(`provider ${req.providerUuid}`, `registered in ${target}.koku_agg_provider without a cluster id`);
  return { clusterId: provider.clusterId, clusterAlias: provider.clusterAlias };
}

async function commitDays(
  client: DbClient,
  deps: FinalizeDeps,
  req: FinalizeRequest,
  reportPeriodId: number,
  provider: ClusterOf,
  changed: Array<[string, PartialManifest]>,
  timings: PhaseTimer,
): Promise<CommittedDay[]> {
  const target = deps.targetSchema ?? deps.schema;
  timings.lap('choose');
  const partials = await Promise.all(changed.map(async ([day, m]) => ({ day, manifest: m, data: await readOcpPartialRows(deps.partialStore, m) })));
  timings.lap('readPartials');
  await upsertNodeRoles(client, target, provider.clusterId, partials.flatMap((p) => p.data.nodeRoles));
  const roleOf = await readNodeRoleLookup(client, target);
  const { costCategories } = await readOcpSummaryConfig(client, deps.schema);
  const rowsByDay = new Map<string, OcpSummaryRow[]>();
  for (const p of partials) {
    const unallocated = buildUnallocatedRows(p.data.rows.filter((r) => r.data_source === 'Pod'), roleOf, costCategories);
    rowsByDay.set(p.day, [...p.data.rows, ...unallocated]);
  }
  const rows = [...rowsByDay.values()].flat();
  timings.lap('buildRows');
  await replaceOcpDays(
    client,
    { schema: target, reportPeriodId, clusterId: provider.clusterId, clusterAlias: provider.clusterAlias, providerUuid: req.providerUuid, days: [...rowsByDay.keys()], rows },
    deps.hooks,
  );
  timings.lap('write');
  return recordCommittedDays(client, target, { providerUuid: req.providerUuid, summaryType: OCP_SUMMARY_TYPE }, partials, rowsByDay, ocpControlTotals);
}
