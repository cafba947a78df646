import type { Pool } from 'pg';
import type { Logger } from '../common/logger.js';
import {
  acquireXactLock,
  ensureReportPeriod,
  findProvider,
  findReportPeriod,
  readLedger,
  readNodeRoleLookup,
  readOcpSummaryConfig,
  recordLedger,
  replaceOcpDays,
  upsertNodeRoles,
  withTransaction,
} from '../db/index.js';
import type { DbClient, ReplaceOcpDaysHooks } from '../db/types.js';
import { providerSkipReason, requireClusterId } from '../koku/index.js';
import type { ProviderMetadataSource } from '../koku/types.js';
import { buildUnallocatedRows } from '../ocp/index.js';
import type { OcpSummaryRow } from '../ocp/types.js';
import type { ObjectStore } from '../store/types.js';
import { OCP_SUMMARY_TYPE } from './constants.js';
import { ocpControlTotals } from './controlTotals.js';
import { listOcpDayInputs } from './dayInputs.js';
import { UnknownProviderError } from './errors.js';
import { PhaseTimer } from '../common/phaseTimer.js';
import { inputsFingerprint } from './fingerprint.js';
import { listPartialManifests, readOcpPartialRows } from './partials.js';
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
  days: Array<{ day: string; rowCount: number; controlTotals: Record<string, number>; fingerprint: string }>;
  committedAt: string;
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
 * Commits the current partial of each requested day, serialised per source-month by an advisory lock.
 *
 * "Current" means computed from exactly the objects present now: the choice is made inside the lock, so a partial
 * built from an older input set can never replace rows built from a newer one (latest wins), and a day whose ledger
 * already holds that partial's fingerprint is left alone (idempotent) unless `force` is set. All changed days are
 * replaced in one transaction: a failure leaves every day's previous rows.
 */
export async function finalizeOcp(deps: FinalizeDeps, req: FinalizeRequest): Promise<FinalizeResult> {
  const result: FinalizeResult = { committed: [], unchanged: [], waiting: [], skipped: [] };
  const timings = new PhaseTimer();
  const days = [...new Set(req.days)].sort();
  const target = deps.targetSchema ?? deps.schema;
  let committed: SummaryCommittedEvent['days'] = [];
  await withTransaction(deps.pool, async (client) => {
    await acquireXactLock(client, `ocp:${target}:${req.providerUuid}:${req.year}-${req.month}`);
    const current = await chooseCurrentPartials(deps, req, days, result);
    const ledger = await readLedger(client, target, req.providerUuid, OCP_SUMMARY_TYPE, [...current.keys()]);
    const changed = [...current.entries()].filter(([day, m]) => req.force || ledger.get(day)?.fingerprint !== m.fingerprint);
    for (const [day] of current) if (!changed.some(([d]) => d === day)) result.unchanged.push(day);
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
  });
  timings.lap('commit');
  const rows = committed.reduce((n, d) => n + d.rowCount, 0);
  deps.logger.info('finalize done', { providerUuid: req.providerUuid, year: req.year, month: req.month, schema: target, ...result, rows, ms: timings.total(), phasesMs: timings.phases });
  if (committed.length > 0 && deps.onCommitted) {
    const { type: _t, days: _d, force: _f, ...source } = req;
    await deps.onCommitted({ type: 'summary-committed', summaryType: OCP_SUMMARY_TYPE, schema: target, ...source, days: committed, committedAt: new Date().toISOString() });
  }
  return result;
}

async function chooseCurrentPartials(
  deps: FinalizeDeps,
  req: FinalizeRequest,
  days: string[],
  result: FinalizeResult,
): Promise<Map<string, PartialManifest>> {
  const current = new Map<string, PartialManifest>();
  for (const day of days) {
    const task: DayTask = { account: req.account, providerType: req.providerType, providerUuid: req.providerUuid, year: req.year, month: req.month, day };
    const fp = inputsFingerprint(await listOcpDayInputs(deps.dataStore, task));
    const matching = (await listPartialManifests(deps.partialStore, deps.partialsPrefix, task))
      .filter((m) => m.inputsFingerprint === fp)
      .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
    if (matching.length === 0) result.waiting.push(day);
    else current.set(day, matching[0]);
  }
  return current;
}

type ClusterOf = { clusterId: string; clusterAlias: string | null };

async function reportPeriodFor(client: DbClient, deps: FinalizeDeps, req: FinalizeRequest, provider: ClusterOf): Promise<number | null> {
  const monthStart = `${req.year}-${String(req.month).padStart(2, '0')}-01`;
  const target = deps.targetSchema ?? deps.schema;
  const found = await findReportPeriod(client, target, req.providerUuid, monthStart);
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
): Promise<SummaryCommittedEvent['days']> {
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
  const entries = partials.map((p) => ({
    providerUuid: req.providerUuid,
    summaryType: OCP_SUMMARY_TYPE,
    usageDate: p.day,
    fingerprint: p.manifest.fingerprint,
    inputs: p.manifest.inputs,
    rowCount: rowsByDay.get(p.day)!.length,
    controlTotals: ocpControlTotals(rowsByDay.get(p.day)!),
    codeVersion: p.manifest.codeVersion,
  }));
  await recordLedger(client, target, entries);
  return entries.map((e) => ({ day: e.usageDate, rowCount: e.rowCount, controlTotals: e.controlTotals, fingerprint: e.fingerprint }));
}
