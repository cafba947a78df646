import { dayOfMs } from '../common/days.js';
import type { Logger } from '../common/logger.js';
import { PhaseTimer } from '../common/phaseTimer.js';
import { buildUnallocatedRows } from '../ocp/index.js';
import type { NodeRoleLookup, OcpSummaryRow } from '../ocp/types.js';
import {
  AWS_DAILY_LINE_COLUMNS,
  AWS_RAW_LINE_COLUMNS,
  awsDailyLinesFromArrow,
  awsRawLinesFromArrow,
  diskCapacityResourceIds,
  findInfraMapCandidates,
  summarizeOcpOnAwsDay,
} from '../ocp-aws/index.js';
import type { AwsDailyLine, AwsRawLine, OcpClusterDay } from '../ocp-aws/types.js';
import { DecodeBuffers, InvalidParquetObjectError, readRecordBatches } from '../parquet/index.js';
import type { RecordBatch } from 'apache-arrow';
import type { ObjectStore } from '../store/types.js';
import { listAwsDayInputs, type AwsDayInputObject } from './awsDayInputs.js';
import { eachReadAhead, openAhead } from './readAhead.js';
import { CODE_VERSION } from './constants.js';
import { currentOcpPartial, type OcpPartialState } from './currentOcpPartial.js';
import { hashOf, inputsFingerprint } from './fingerprint.js';
import { ocpAwsControlTotals } from './ocpAwsControlTotals.js';
import { writeOcpAwsPartial, type OcpAwsPartialManifest, type OcpAwsPartialRows } from './ocpAwsPartials.js';
import type { OcpAwsSettings } from './ocpAwsSettings.js';
import { readOcpPartialRows } from './partials.js';
import type { DayTask } from './types.js';
import { UnreadableInputs } from './unreadableInputs.js';

export interface OcpAwsDayTaskDeps {
  dataStore: ObjectStore;
  partialStore: ObjectStore;
  partialsPrefix: string;
  /** The tenant's settings for this AWS source (`loadOcpAwsSettings`). */
  settings: OcpAwsSettings;
  logger: Logger;
  codeVersion?: string;
  /** Rows per Arrow batch while streaming a row group. */
  batchSize?: number;
}

export interface OcpAwsDayTaskResult {
  task: DayTask;
  /** The partial written, or null when there was nothing to compute yet (see `waitingFor` and `reason`). */
  manifest: OcpAwsPartialManifest | null;
  /** Paired OCP sources whose day has objects but no partial for them yet: their day task will trigger this one again. */
  waitingFor: string[];
  /** Why no partial was written. */
  reason?: string;
}

/**
 * One (AWS source, day) of OCP on AWS (ocp-on-aws spec; ARCHITECTURE step 5): reads the AWS daily Parquet of the
 * day (and raw rows only for the disk capacity of CSI volumes, §4.1), takes the current OCP day partial of every OCP
 * source of the tenant (the role of Koku's Hive copy of the OCP summary, Unallocated rows added as the OCP finalizer
 * adds them), pairs OCP sources by the registry and by resource-id discovery (§2.4), attributes the day with
 * `summarizeOcpOnAwsDay` per paired source, and writes an OCP-on-AWS partial whose manifest names the AWS objects and
 * the OCP partials used. A pure function of what is present: re-running it only repeats work.
 *
 * When a registered paired source has objects for the day but no current partial, nothing is written: that source's
 * own day task runs OCP on AWS again once its partial exists ("once both sides of the day exist").
 *
 * @example const { manifest } = await runOcpAwsDayTask({ dataStore, partialStore, partialsPrefix, settings, logger }, awsTask)
 */
export async function runOcpAwsDayTask(deps: OcpAwsDayTaskDeps, task: DayTask): Promise<OcpAwsDayTaskResult> {
  const timer = new PhaseTimer();
  const { settings } = deps;
  if (settings.ocpSources.length === 0) return skip(deps, task, 'the tenant has no OCP source registered with a cluster id');
  const awsInputs = await listAwsDayInputs(deps.dataStore, task);
  const dailyInputs = awsInputs.filter((i) => i.role === 'awsDaily');
  if (dailyInputs.length === 0) return skip(deps, task, 'no AWS daily objects for the day');

  const states = await Promise.all(
    settings.ocpSources.map((s) =>
      currentOcpPartial(deps.dataStore, deps.partialStore, deps.partialsPrefix, { ...task, providerType: 'OCP', providerUuid: s.providerUuid }),
    ),
  );
  const present = states.filter((s) => s.hasInputs);
  const { clusters, roles } = await loadClusters(deps, present);
  timer.lap('list');
  const awsDaily = await readAwsObjects(dailyInputs, deps, (batch, key) => awsDailyLinesFromArrow(batch, key), AWS_DAILY_LINE_COLUMNS, task);

  const known = new Set(settings.ocpSources.map((s) => s.providerUuid));
  const unknown = settings.registeredPairings.filter((u) => !known.has(u));
  if (unknown.length > 0) {
    deps.logger.warn('paired OCP sources not registered with a cluster id are left out', { awsProviderUuid: task.providerUuid, ocpProviderUuids: unknown });
  }
  const registered = settings.registeredPairings.filter((u) => known.has(u));
  const discovered = settings.discoverPairings ? findInfraMapCandidates(awsDaily.map((l) => l.lineitem_resourceid), clusters) : [];
  const paired = [...new Set([...registered, ...discovered])].sort();
  const waitingFor = registered.filter((u) => present.some((s) => s.providerUuid === u && s.manifest === null));
  if (waitingFor.length > 0) {
    deps.logger.info('OCP on AWS waits for the OCP day partials of paired sources', { awsProviderUuid: task.providerUuid, day: task.day, waitingFor });
    return { task, manifest: null, waitingFor, reason: 'waiting for OCP day partials' };
  }

  const pairedClusters = clusters.filter((c) => paired.includes(c.providerUuid));
  const diskIds = diskCapacityResourceIds(awsDaily, pairedClusters);
  const rawInputs = awsInputs.filter((i) => i.role === 'awsRaw');
  const awsRaw = diskIds.size === 0 ? [] : await readAwsObjects(rawInputs, deps, (batch, key) => awsRawLinesFromArrow(batch, key, diskIds), AWS_RAW_LINE_COLUMNS, task);
  timer.lap('read');

  const rows: OcpAwsPartialRows = {
    bySource: pairedClusters.map((c) => ({
      ocpProviderUuid: c.providerUuid,
      rows: summarizeOcpOnAwsDay({
        day: task.day,
        awsSourceUuid: task.providerUuid,
        awsDaily,
        awsHourlyForDiskCapacity: awsRaw,
        ocp: clusters,
        config: {
          pairedOcpSourceUuids: [c.providerUuid],
          enabledTagKeys: settings.enabledTagKeys,
          markup: settings.markup,
          distributionByOcpSource: settings.distributionByOcpSource,
          billId: null,
          accountAliasIdByAccount: settings.accountAliasIdByAccount,
        },
      }),
    })),
  };
  const allRows = rows.bySource.flatMap((s) => s.rows);
  timer.lap('attribute');

  const codeVersion = deps.codeVersion ?? CODE_VERSION;
  const ocpSources = present.map((s) => ({ providerUuid: s.providerUuid, inputsFingerprint: s.inputsFingerprint, partialFingerprint: s.manifest?.fingerprint ?? null }));
  const awsFp = inputsFingerprint(awsInputs);
  const inputsFp = ocpAwsInputsFingerprint(awsFp, ocpSources);
  const { roleOf: _roleOf, ...plainSettings } = settings;
  const configFingerprint = hashOf({ settings: plainSettings, paired, roles });
  const manifest = await writeOcpAwsPartial(
    deps.partialStore,
    deps.partialsPrefix,
    {
      kind: 'ocp-aws',
      task,
      inputsFingerprint: inputsFp,
      awsInputsFingerprint: awsFp,
      fingerprint: hashOf({ inputsFp, partials: ocpSources.map((s) => [s.providerUuid, s.partialFingerprint]), configFingerprint, codeVersion }),
      inputs: [
        ...awsInputs.map(({ key, etag, size, role }) => ({ key, etag, size, role })),
        ...present.flatMap((s) => (s.manifest ? [{ key: s.manifest.rowsKey, etag: s.manifest.fingerprint, size: s.manifest.rowCount, role: 'ocpPartial' as const }] : [])),
      ],
      ocpSources,
      ocpUniverse: settings.ocpSources.map((s) => s.providerUuid).sort(),
      pairedOcpSources: paired,
      configFingerprint,
      codeVersion,
      rowCount: allRows.length,
      controlTotals: ocpAwsControlTotals(allRows),
      createdAt: new Date().toISOString(),
    },
    rows,
  );
  timer.lap('partial');
  deps.logger.info('OCP on AWS day attributed', {
    awsProviderUuid: task.providerUuid,
    day: task.day,
    awsObjects: awsInputs.length,
    awsLines: awsDaily.length,
    pairedOcpSources: paired,
    outputRows: allRows.length,
    partial: manifest.rowsKey,
    ms: timer.total(),
    phasesMs: timer.phases,
  });
  return { task, manifest, waitingFor: [] };
}

/**
 * The identity of an OCP-on-AWS input set: the AWS objects of the day and every OCP source's objects of the day.
 * A finalizer recomputes it from a fresh listing to find the partial that is current.
 */
export function ocpAwsInputsFingerprint(awsInputsFingerprint: string, ocpSources: ReadonlyArray<{ providerUuid: string; inputsFingerprint: string }>): string {
  const ocp = ocpSources.map((s) => [s.providerUuid, s.inputsFingerprint]).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return hashOf({ aws: awsInputsFingerprint, ocp });
}

function skip(deps: OcpAwsDayTaskDeps, task: DayTask, reason: string): OcpAwsDayTaskResult {
  deps.logger.info('OCP on AWS day skipped', { awsProviderUuid: task.providerUuid, day: task.day, reason });
  return { task, manifest: null, waitingFor: [], reason };
}

/**
 * The OCP sources' rows of the day as Koku's Hive copy of the OCP summary holds them: the partial's Pod and Storage
 * rows plus the Unallocated rows, whose namespace follows the committed node roles, else the partial's own
 * observations (what the OCP finalizer will commit). Returns the roles used, so the result's identity covers them.
 */
async function loadClusters(deps: OcpAwsDayTaskDeps, present: OcpPartialState[]) {
  const partials = await Promise.all(
    present.flatMap((s) => (s.manifest ? [readOcpPartialRows(deps.partialStore, s.manifest).then((data) => ({ state: s, data }))] : [])),
  );
  const observed = new Map<string, string>();
  for (const { data } of partials) {
    for (const o of data.nodeRoles) {
      const key = roleKey(o.node, o.resource_id);
      const prev = observed.get(key);
      if (prev === undefined || o.node_role > prev) observed.set(key, o.node_role);
    }
  }
  const used = new Map<string, [string, string | null, string | null]>();
  const roleOf: NodeRoleLookup = (node, resourceId) => {
    const role = deps.settings.roleOf(node, resourceId) ?? (resourceId === null ? null : observed.get(roleKey(node, resourceId)) ?? null);
    used.set(roleKey(node, resourceId ?? ''), [node, resourceId, role]);
    return role;
  };
  const clusters: OcpClusterDay[] = [];
  for (const { state, data } of partials) {
    const source = deps.settings.ocpSources.find((s) => s.providerUuid === state.providerUuid)!;
    const podRows = data.rows.filter((r: OcpSummaryRow) => r.data_source === 'Pod');
    const unallocated = buildUnallocatedRows(podRows, roleOf, deps.settings.costCategories);
    clusters.push({ providerUuid: source.providerUuid, clusterId: source.clusterId, clusterAlias: source.clusterAlias, rows: [...data.rows, ...unallocated] });
  }
  const roles = [...used.values()].sort((a, b) => (a.join('\u0000') < b.join('\u0000') ? -1 : 1));
  return { clusters, roles };
}

function roleKey(node: string, resourceId: string): string {
  return `${node}\u0000${resourceId}`;
}

/**
 * Reads the day's rows of AWS objects, one row group at a time with only the needed columns. Keeps going after a bad
 * object so one failure names every bad object of the day.
 */
async function readAwsObjects<T extends AwsDailyLine | AwsRawLine>(
  inputs: readonly AwsDayInputObject[],
  deps: OcpAwsDayTaskDeps,
  convert: (batch: RecordBatch, key: string) => T[],
  columns: readonly string[],
  task: DayTask,
): Promise<T[]> {
  const out: T[] = [];
  const unreadable = new UnreadableInputs(task, 'AWS object');
  // `convert` copies every value out of the batch (strings, numbers, Dates), so the next row group may reuse its arrays.
  const buffers = new DecodeBuffers();
  // The next object's footer and first row group are read while this one is decoded.
  await eachReadAhead(
    inputs,
    (input) => openAhead(deps.dataStore, { key: input.key, size: input.size, columns, rowGroups: input.rowGroups }),
    async (input, opening) => {
      try {
        const opened = await opening;
        try {
          const { footer, blob } = await opened.prefetched;
          const batches = readRecordBatches(blob, {
            columns: [...columns], rowGroups: input.rowGroups, batchSize: deps.batchSize, label: input.key, footer, buffers,
          });
          for await (const batch of batches) {
            let lines: T[];
            try {
              lines = convert(batch, input.key);
            } catch (err) {
              throw new InvalidParquetObjectError(input.key, err);
            }
            for (const line of lines) if (dayOfMs(line.lineitem_usagestartdate.getTime()) === task.day) out.push(line);
          }
        } finally {
          await opened.release();
        }
      } catch (err) {
        unreadable.keep(err);
      }
    },
    (opened) => opened.release(),
  );
  buffers.release();
  unreadable.throwIfAny();
  return out;
}
