import { acquireXactLock, ensureReportPeriod, findProvider, findReportPeriod, readLedger, recordLedger, withTransaction } from '../db/index.js';
import { qualifiedName } from '../db/identifiers.js';
import type { DbClient } from '../db/types.js';
import { ensureAwsBill, ensureOcpAwsTables, findAwsBill, OCP_AWS_SUMMARY_TABLE, replaceOcpAwsDays } from '../ocp-aws/index.js';
import type { ReplaceOcpAwsDaysHooks } from '../ocp-aws/index.js';
import { listAwsDayInputs } from './awsDayInputs.js';
import { OCP_AWS_SUMMARY_TYPE } from './constants.js';
import { currentOcpPartial } from './currentOcpPartial.js';
import { UnknownProviderError } from './errors.js';
import type { FinalizeDeps, FinalizeResult, SummaryCommittedEvent } from './finalizeOcp.js';
import { inputsFingerprint } from './fingerprint.js';
import { ocpAwsControlTotals } from './ocpAwsControlTotals.js';
import { isOcpAwsManifest, readOcpAwsPartialRows, type OcpAwsPartialManifest } from './ocpAwsPartials.js';
import { listTenantAwsSources } from './ocpAwsSettings.js';
import { listPartialManifests } from './partials.js';
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
export async function finalizeOcpAws(deps: FinalizeOcpAwsDeps, req: FinalizeRequest): Promise<FinalizeResult> {
  const result: FinalizeResult = { committed: [], unchanged: [], waiting: [], skipped: [] };
  const days = [...new Set(req.days)].sort();
  const target = deps.targetSchema ?? deps.schema;
  let committed: SummaryCommittedEvent['days'] = [];
  await withTransaction(deps.pool, async (client) => {
    await acquireXactLock(client, `ocp-aws:${target}:${req.providerUuid}:${req.year}-${req.month}`);
    const current = await chooseCurrentPartials(deps, req, days, result);
    const ledger = await readLedger(client, target, req.providerUuid, OCP_AWS_SUMMARY_TYPE, [...current.keys()]);
    const changed = [...current.entries()].filter(([day, m]) => req.force || ledger.get(day)?.fingerprint !== m.fingerprint);
    for (const [day] of current) if (!changed.some(([d]) => d === day)) result.unchanged.push(day);
    if (changed.length === 0) return;

    await ensureTables(client, target);
    const billId = deps.createReportPeriods
      ? await ensureAwsBill(client, target, { providerUuid: req.providerUuid, year: req.year, month: req.month })
      : await findAwsBill(client, target, { providerUuid: req.providerUuid, year: req.year, month: req.month });
    if (billId === null) {
      result.skipped.push(...changed.map(([d]) => d));
      deps.logger.warn('no AWS bill for the month; days skipped as Koku would', { awsProviderUuid: req.providerUuid, year: req.year, month: req.month });
      return;
    }
    const partials = await Promise.all(changed.map(async ([day, m]) => ({ day, manifest: m, data: await readOcpAwsPartialRows(deps.partialStore, m) })));
    const periods = await reportPeriodsFor(client, deps, target, req, [...new Set(partials.flatMap((p) => p.data.bySource.filter((s) => s.rows.length > 0).map((s) => s.ocpProviderUuid)))]);
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
    const entries = ready.map((p) => ({
      providerUuid: req.providerUuid,
      summaryType: OCP_AWS_SUMMARY_TYPE,
      usageDate: p.day,
      fingerprint: p.manifest.fingerprint,
      inputs: p.manifest.inputs,
      rowCount: rowsByDay.get(p.day)!.length,
      controlTotals: ocpAwsControlTotals(rowsByDay.get(p.day)!),
      codeVersion: p.manifest.codeVersion,
    }));
    await recordLedger(client, target, entries);
    committed = entries.map((e) => ({ day: e.usageDate, rowCount: e.rowCount, controlTotals: e.controlTotals, fingerprint: e.fingerprint }));
    result.committed.push(...ready.map((p) => p.day));
  });
  deps.logger.info('OCP on AWS finalize done', { awsProviderUuid: req.providerUuid, year: req.year, month: req.month, schema: target, ...result });
  if (committed.length > 0 && deps.onCommitted) {
    const { type: _t, days: _d, force: _f, summaryType: _s, ...source } = req;
    await deps.onCommitted({ type: 'summary-committed', summaryType: OCP_AWS_SUMMARY_TYPE, schema: target, ...source, days: committed, committedAt: new Date().toISOString() });
  }
  return result;
}

/**
 * Per day, the newest OCP-on-AWS partial computed from exactly the AWS objects present now and, for every OCP source
 * it looked at, the day's objects and current OCP partial present now.
 */
async function chooseCurrentPartials(
  deps: FinalizeOcpAwsDeps,
  req: FinalizeRequest,
  days: string[],
  result: FinalizeResult,
): Promise<Map<string, OcpAwsPartialManifest>> {
  const current = new Map<string, OcpAwsPartialManifest>();
  for (const day of days) {
    const task: DayTask = { account: req.account, providerType: 'AWS', providerUuid: req.providerUuid, year: req.year, month: req.month, day };
    const awsFp = inputsFingerprint(await listAwsDayInputs(deps.dataStore, task));
    const candidates = (await listPartialManifests(deps.partialStore, deps.partialsPrefix, task))
      .filter(isOcpAwsManifest)
      .filter((m) => m.awsInputsFingerprint === awsFp)
      .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
    const ocpNow = new Map<string, { inputsFingerprint: string; hasInputs: boolean; partialFingerprint: string | null }>();
    const stateOf = async (uuid: string) => {
      if (!ocpNow.has(uuid)) {
        const s = await currentOcpPartial(deps.dataStore, deps.partialStore, deps.partialsPrefix, { ...task, providerType: 'OCP', providerUuid: uuid });
        ocpNow.set(uuid, { inputsFingerprint: s.inputsFingerprint, hasInputs: s.hasInputs, partialFingerprint: s.manifest?.fingerprint ?? null });
      }
      return ocpNow.get(uuid)!;
    };
    let chosen: OcpAwsPartialManifest | undefined;
    for (const m of candidates) {
      if (await isCurrent(m, stateOf)) {
        chosen = m;
        break;
      }
    }
    if (chosen === undefined) result.waiting.push(day);
    else current.set(day, chosen);
  }
  return current;
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
  const r = await client.query<{ present: boolean }>('SELECT to_regclass($1) IS NOT NULL AS present', [qualifiedName(schema, OCP_AWS_SUMMARY_TABLE)]);
  if (!r.rows[0].present) await ensureOcpAwsTables(client, schema);
}

/** The OCP report period of the month per OCP source (created in standalone mode); sources without one are absent. */
async function reportPeriodsFor(client: DbClient, deps: FinalizeOcpAwsDeps, schema: string, req: FinalizeRequest, ocpUuids: string[]): Promise<Map<string, number>> {
  const monthStart = `${req.year}-${String(req.month).padStart(2, '0')}-01`;
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
