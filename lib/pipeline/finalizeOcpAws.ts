import { isoDay } from '../common/days.js';
import { acquireMonthSetupLock, acquireXactLock, ensureReportPeriod, findProvider, findReportPeriod, monthPartitionExists, tableExists, withTransaction } from '../db/index.js';
import { qualifiedName } from '../db/identifiers.js';
import type { DbClient } from '../db/types.js';
import { ensureAwsBill, ensureOcpAwsTables, findAwsBill, OCP_AWS_SUMMARY_TABLE, replaceOcpAwsDays } from '../ocp-aws/index.js';
import type { ReplaceOcpAwsDaysHooks } from '../ocp-aws/index.js';
import { listAwsDayInputs } from './awsDayInputs.js';
import { OCP_AWS_SUMMARY_TYPE } from './constants.js';
import { currentOcpPartial } from './currentOcpPartial.js';
import { currentPartialsByDay } from './currentPartialsByDay.js';
import { namedFinalizeError, UnknownProviderError } from './errors.js';
import type { FinalizeDeps, FinalizeResult } from './finalizeOcp.js';
import { inputsFingerprint } from './fingerprint.js';
import { newestFirst } from './newestFirst.js';
import { ocpAwsControlTotals } from './ocpAwsControlTotals.js';
import { isOcpAwsManifest, readOcpAwsPartialRows, type OcpAwsPartialManifest } from './ocpAwsPartials.js';
import { listTenantAwsSources } from './ocpAwsSettings.js';
import { listPartialManifests } from './partials.js';
import { partialsToCommit } from './partialsToCommit.js';
import { recordCommittedDays } from './recordCommittedDays.js';
import { daysToAnnounce, publishSummaryCommitted, type CommittedDay, type FinalizeOptions } from './summaryCommitted.js';
import type { DayTask, FinalizeRequest } from './types.js';

/**
 * `finalizeOcp`'s dependencies: rows, bills, report periods, the registries and the ledger live in `targetSchema`
 * (default `schema`; shadow mode points it elsewhere). `createReportPeriods` also creates the AWS bill.
 */
export type FinalizeOcpAwsDeps = Omit<FinalizeDeps, 'hooks'> & { hooks?: ReplaceOcpAwsDaysHooks };

/**
 * Commits the current OCP-on-AWS partial of each requested day of an AWS source-month into
 * `reporting_ocpawscostlineitem_project_daily_summary_p`, serialised per (AWS source, month) by an advisory lock.
 *
 * "Current" is decided inside the lock from a fresh listing: the AWS objects of the day and, for every OCP source the
 * partial looked at, the day's objects and the OCP partial computed from them must be exactly those the partial was
 * computed from; so an attribution from an older AWS or OCP input set never replaces a newer one (latest wins). Days
 * whose ledger (`summary_type` `ocp_aws_daily_summary`) already holds that result are left alone unless `force`.
 * The changed days are replaced in one transaction with Koku's delete rule (spec §6) and a COPY; a failure leaves
 * the previous rows of every day.
 *
 * @example await finalizeOcpAws(deps, { type: 'finalize', summaryType: 'ocp_aws_daily_summary', account, providerType: 'AWS', providerUuid: awsUuid, year: 2025, month: 10, days: ['2025-10-01'] })
 */
export async function finalizeOcpAws(deps: FinalizeOcpAwsDeps, req: FinalizeRequest, options: FinalizeOptions = {}): Promise<FinalizeResult> {
  const result: FinalizeResult = { committed: [], unchanged: [], waiting: [], skipped: [] };
  const days = [...new Set(req.days)].sort();
  const target = deps.targetSchema ?? deps.schema;
  let committed: CommittedDay[] = [];
  await withTransaction(deps.pool, async (client) => {
    await acquireXactLock(client, `ocp-aws:${target}:${req.providerUuid}:${req.year}-${req.month}`);
    const { current, waiting } = await chooseCurrentPartials(deps, req, days);
    result.waiting.push(...waiting);
    const { changed, unchanged } = await partialsToCommit(client, target, { providerUuid: req.providerUuid, summaryType: OCP_AWS_SUMMARY_TYPE, force: req.force }, current);
    result.unchanged.push(...unchanged);
    if (changed.length === 0) return;

    await ensureTables(client, target);
    const partials = await Promise.all(changed.map(async ([day, m]) => ({ day, manifest: m, data: await readOcpAwsPartialRows(deps.partialStore, m) })));
    const ocpUuids = [...new Set(partials.flatMap((p) => p.data.bySource.filter((s) => s.rows.length > 0).map((s) => s.ocpProviderUuid)))].sort();
    if (await monthSetupMissing(client, deps, target, req, ocpUuids)) await acquireMonthSetupLock(client, target);
    const billId = deps.createReportPeriods
      ? await ensureAwsBill(client, target, { providerUuid: req.providerUuid, year: req.year, month: req.month })
      : await findAwsBill(client, target, { providerUuid: req.providerUuid, year: req.year, month: req.month });
    if (billId === null) {
      result.skipped.push(...changed.map(([d]) => d));
      deps.logger.warn('no AWS bill for the month; days skipped as Koku would', { awsProviderUuid: req.providerUuid, year: req.year, month: req.month });
      return;
    }
    const periods = await reportPeriodsFor(client, deps, target, req, ocpUuids);
    const ready = partials.filter((p) => p.data.bySource.every((s) => s.rows.length === 0 || periods.has(s.ocpProviderUuid)));
    for (const p of partials) if (!ready.includes(p)) result.skipped.push(p.day);
    if (ready.length === 0) return;

    const rowsByDay = new Map(
      ready.map((p) => [p.day, p.data.bySource.flatMap((s) => s.rows.map((row) => ({ ...row, report_period_id: periods.get(s.ocpProviderUuid) ?? null, cost_entry_bill_id: billId })))]),
    );
    await replaceOcpAwsDays(
      client,
      {
        schema: target,
        billId,
        awsInfraMapCount: new Set([...(await listTenantAwsSources(client, target)), req.providerUuid]).size,
        days: [...rowsByDay.keys()],
        rows: [...rowsByDay.values()].flat(),
      },
      deps.hooks,
    );
    committed = await recordCommittedDays(client, target, { providerUuid: req.providerUuid, summaryType: OCP_AWS_SUMMARY_TYPE }, ready, rowsByDay, ocpAwsControlTotals);
    result.committed.push(...ready.map((p) => p.day));
  }).catch((err: unknown) => {
    throw namedFinalizeError(err, `OCP on AWS source ${req.providerUuid} ${days.join(', ')} in ${target}`);
  });
  deps.logger.info('OCP on AWS finalize done', { awsProviderUuid: req.providerUuid, year: req.year, month: req.month, schema: target, ...result });
  if (deps.onCommitted) {
    const announce = await daysToAnnounce(deps.pool, { schema: target, providerUuid: req.providerUuid, summaryType: OCP_AWS_SUMMARY_TYPE, committed, unchanged: result.unchanged, options });
    await publishSummaryCommitted(deps.onCommitted, { summaryType: OCP_AWS_SUMMARY_TYPE, schema: target, request: req, days: announce });
  }
  return result;
}

/**
 * Per day, the newest OCP-on-AWS partial computed from exactly the AWS objects present now and, for every OCP source
 * it looked at, the day's objects and current OCP partial present now.
 */
function chooseCurrentPartials(deps: FinalizeOcpAwsDeps, req: FinalizeRequest, days: string[]) {
  return currentPartialsByDay(days, async (day): Promise<OcpAwsPartialManifest | undefined> => {
    const task: DayTask = { account: req.account, providerType: 'AWS', providerUuid: req.providerUuid, year: req.year, month: req.month, day };
    const awsFp = inputsFingerprint(await listAwsDayInputs(deps.dataStore, task));
    const manifests = (await listPartialManifests(deps.partialStore, deps.partialsPrefix, task)).filter(isOcpAwsManifest);
    const candidates = newestFirst(manifests.filter((m) => m.awsInputsFingerprint === awsFp));
    const ocpNow = new Map<string, { inputsFingerprint: string; hasInputs: boolean; partialFingerprint: string | null }>();
    const stateOf = async (uuid: string) => {
      if (!ocpNow.has(uuid)) {
        const s = await currentOcpPartial(deps.dataStore, deps.partialStore, deps.partialsPrefix, { ...task, providerType: 'OCP', providerUuid: uuid });
        ocpNow.set(uuid, { inputsFingerprint: s.inputsFingerprint, hasInputs: s.hasInputs, partialFingerprint: s.manifest?.fingerprint ?? null });
      }
      return ocpNow.get(uuid)!;
    };
    for (const m of candidates) if (await isCurrent(m, stateOf)) return m;
    return undefined;
  });
}

async function isCurrent(
  m: OcpAwsPartialManifest,
  stateOf: (uuid: string) => Promise<{ inputsFingerprint: string; hasInputs: boolean; partialFingerprint: string | null }>,
): Promise<boolean> {
  const recorded = new Map(m.ocpSources.map((s) => [s.providerUuid, s]));
  for (const uuid of new Set([...m.ocpUniverse, ...recorded.keys()])) {
    const now = await stateOf(uuid);
    const then = recorded.get(uuid);
    if (!now.hasInputs) {
      if (then !== undefined) return false;
      continue;
    }
    if (then === undefined || then.inputsFingerprint !== now.inputsFingerprint || then.partialFingerprint !== now.partialFingerprint) return false;
  }
  return true;
}

async function ensureTables(client: DbClient, schema: string): Promise<void> {
  if (!(await tableExists(client, qualifiedName(schema, OCP_AWS_SUMMARY_TABLE)))) await ensureOcpAwsTables(client, schema);
}

/**
 * Whether this commit may create the month's partition, AWS bill or an OCP report period: it then takes the schema's
 * month-setup lock first (an OCP finalize creating its partition at the same time would otherwise deadlock with it).
 */
async function monthSetupMissing(client: DbClient, deps: FinalizeOcpAwsDeps, schema: string, req: FinalizeRequest, ocpUuids: string[]): Promise<boolean> {
  if (!(await monthPartitionExists(client, schema, OCP_AWS_SUMMARY_TABLE, req.year, req.month))) return true;
  if (!deps.createReportPeriods) return false;
  if ((await findAwsBill(client, schema, { providerUuid: req.providerUuid, year: req.year, month: req.month })) === null) return true;
  const monthStart = isoDay(req.year, req.month, 1);
  for (const uuid of ocpUuids) if ((await findReportPeriod(client, schema, uuid, monthStart)) === null) return true;
  return false;
}

/** The OCP report period of the month per OCP source (created in standalone mode); sources without one are absent. */
async function reportPeriodsFor(client: DbClient, deps: FinalizeOcpAwsDeps, schema: string, req: FinalizeRequest, ocpUuids: string[]): Promise<Map<string, number>> {
  const monthStart = isoDay(req.year, req.month, 1);
  const out = new Map<string, number>();
  for (const uuid of ocpUuids) {
    let id = await findReportPeriod(client, schema, uuid, monthStart);
    if (id === null && deps.createReportPeriods) {
      const provider = await findProvider(client, schema, uuid);
      if (!provider?.clusterId) {
        throw new UnknownProviderError(`provider ${uuid}`, `not registered in ${schema}.koku_agg_provider with a cluster id (run "koku-agg provider add")`);
      }
      id = await ensureReportPeriod(client, schema, { providerUuid: uuid, clusterId: provider.clusterId, clusterAlias: provider.clusterAlias, year: req.year, month: req.month });
    }
    if (id === null) deps.logger.warn('no OCP report period for the month; its OCP-on-AWS days are skipped as Koku would', { ocpProviderUuid: uuid, year: req.year, month: req.month });
    else out.set(uuid, id);
  }
  return out;
}
