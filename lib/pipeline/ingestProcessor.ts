import pLimit from 'p-limit';
import type { Logger } from '../common/logger.js';
import { schemaForAccount } from '../layout/index.js';
import type { OcpSummaryConfig } from '../ocp/types.js';
import type { ObjectStore } from '../store/types.js';
import { OCP_AWS_SUMMARY_TYPE } from './constants.js';
import { parseIngestMessage } from './messages.js';
import { runOcpAwsDayTask } from './ocpAwsDayTask.js';
import type { OcpAwsSettings } from './ocpAwsSettings.js';
import { runOcpDayTask } from './ocpDayTask.js';
import { dayTaskId, planDayTasks } from './planDayTasks.js';
import type { DayTask, FinalizeRequest, PartialManifest } from './types.js';

/** Where day tasks announce a new partial: the FIFO finalize queue in AWS, a list in-process. */
export interface FinalizeSink {
  send(request: FinalizeRequest, deduplicationId: string): Promise<void>;
}

export interface IngestProcessorDeps {
  dataStore: ObjectStore;
  partialStore: ObjectStore;
  partialsPrefix: string;
  /** The tenant's summary settings (enabled keys, cost categories), read from its schema. */
  loadConfig(schema: string): Promise<OcpSummaryConfig>;
  finalizeSink: FinalizeSink;
  logger: Logger;
  /** Day tasks run at once within one batch (memory bound). */
  concurrency: number;
  batchSize?: number;
  /** OCP on AWS; without it AWS objects are acknowledged without work. */
  ocpAws?: OcpAwsIngestDeps;
}

/** What the day-aggregator reads from the tenant for OCP on AWS. */
export interface OcpAwsIngestDeps {
  loadSettings(schema: string, awsProviderUuid: string): Promise<OcpAwsSettings>;
  /** The AWS sources whose OCP-on-AWS day an OCP source's day can change (`listTenantAwsSources`). */
  awsSourcesFor(schema: string, ocpProviderUuid: string): Promise<string[]>;
}

/**
 * Handles the records of ONE ingest batch: each record is planned into day tasks, and a day asked for by several
 * records runs once. A record fails (and is retried) only if its own message or one of its days failed.
 *
 * @example
 * const processor = createIngestProcessor(deps);
 * await Promise.allSettled(records.map((r) => processor.handleRecord(r.messageId, r.body)));
 */
export function createIngestProcessor(deps: IngestProcessorDeps) {
  const limit = pLimit(deps.concurrency);
  const running = new Map<string, Promise<PartialManifest | null>>();
  const configs = new Map<string, Promise<OcpSummaryConfig>>();
  const ocpAwsSettings = new Map<string, Promise<OcpAwsSettings>>();

  const configFor = (account: string) => {
    const schema = schemaForAccount(account);
    if (!configs.has(schema)) configs.set(schema, deps.loadConfig(schema));
    return configs.get(schema)!;
  };

  /** `after`: the OCP day task whose new partial this OCP-on-AWS task must see (so it is not merged with an earlier run). */
  const runOnce = (task: DayTask, force: boolean, messageId: string, after = '') => {
    const id = `${dayTaskId(task)}${force ? ':force' : ''}${after ? `@${after}` : ''}`;
    if (!running.has(id)) running.set(id, limit(() => (task.providerType === 'AWS' ? runOcpAws(task, force, messageId) : runOcp(task, force, messageId))));
    return running.get(id)!;
  };

  const runOcp = async (task: DayTask, force: boolean, messageId: string) => {
    const config = await configFor(task.account);
    const manifest = await runOcpDayTask({ ...deps, config }, task);
    await announce(task, force, messageId, manifest.fingerprint);
    return manifest;
  };

  const runOcpAws = async (task: DayTask, force: boolean, messageId: string) => {
    if (!deps.ocpAws) {
      deps.logger.info('AWS object acknowledged: OCP on AWS is not configured', { providerUuid: task.providerUuid, day: task.day });
      return null;
    }
    const schema = schemaForAccount(task.account);
    const key = `${schema}/${task.providerUuid}`;
    if (!ocpAwsSettings.has(key)) ocpAwsSettings.set(key, deps.ocpAws.loadSettings(schema, task.providerUuid));
    const settings = await ocpAwsSettings.get(key)!;
    const { manifest } = await runOcpAwsDayTask({ ...deps, settings }, task);
    if (manifest) await announce(task, force, messageId, manifest.fingerprint, OCP_AWS_SUMMARY_TYPE);
    return manifest;
  };

  /** An OCP day can change the OCP-on-AWS day of the tenant's AWS sources: their day tasks run after it. */
  const runOcpAwsAfter = async (ocpTask: DayTask, messageId: string) => {
    if (!deps.ocpAws) return [];
    const awsSources = await deps.ocpAws.awsSourcesFor(schemaForAccount(ocpTask.account), ocpTask.providerUuid);
    return Promise.all(awsSources.map((providerUuid) => runOnce({ ...ocpTask, providerType: 'AWS', providerUuid }, false, messageId, dayTaskId(ocpTask))));
  };

  const announce = async (task: DayTask, force: boolean, messageId: string, fingerprint: string, summaryType?: FinalizeRequest['summaryType']) => {
    const request: FinalizeRequest = {
      type: 'finalize',
      account: task.account,
      providerType: task.providerType,
      providerUuid: task.providerUuid,
      year: task.year,
      month: task.month,
      days: [task.day],
      ...(force ? { force: true } : {}),
      ...(summaryType ? { summaryType } : {}),
    };
    // Same partial → same dedup id, so a repeated event does not queue a second finalize; a replay is always new.
    await deps.finalizeSink.send(request, force ? `${fingerprint}:replay:${messageId}` : fingerprint);
  };

  return {
    async handleRecord(messageId: string, body: string): Promise<PartialManifest[]> {
      const message = parseIngestMessage(messageId, body);
      if (message.kind === 'test') {
        deps.logger.info('s3:TestEvent acknowledged and ignored', { messageId });
        return [];
      }
      const { tasks, force } = await planDayTasks(deps.dataStore, message, deps.logger);
      const manifests = await Promise.all(
        tasks.map(async (t) => {
          const manifest = await runOnce(t, force, messageId);
          return t.providerType === 'OCP' ? [manifest, ...(await runOcpAwsAfter(t, messageId))] : [manifest];
        }),
      );
      return manifests.flat().filter((m): m is PartialManifest => m !== null);
    },
  };
}
