import pLimit from 'p-limit';
import type { Logger } from '../common/logger.js';
import { schemaForAccount } from '../layout/index.js';
import type { OcpSummaryConfig } from '../ocp/types.js';
import type { ObjectStore } from '../store/types.js';
import { parseIngestMessage } from './messages.js';
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
  const running = new Map<string, Promise<PartialManifest>>();
  const configs = new Map<string, Promise<OcpSummaryConfig>>();

  const configFor = (account: string) => {
    const schema = schemaForAccount(account);
    if (!configs.has(schema)) configs.set(schema, deps.loadConfig(schema));
    return configs.get(schema)!;
  };

  const runOnce = (task: DayTask, force: boolean, messageId: string) => {
    const id = `${dayTaskId(task)}${force ? ':force' : ''}`;
    if (!running.has(id)) running.set(id, limit(() => runAndAnnounce(task, force, messageId)));
    return running.get(id)!;
  };

  const runAndAnnounce = async (task: DayTask, force: boolean, messageId: string) => {
    const config = await configFor(task.account);
    const manifest = await runOcpDayTask({ ...deps, config }, task);
    const request: FinalizeRequest = {
      type: 'finalize',
      account: task.account,
      providerType: task.providerType,
      providerUuid: task.providerUuid,
      year: task.year,
      month: task.month,
      days: [task.day],
      ...(force ? { force: true } : {}),
    };
    // Same partial → same dedup id, so a repeated event does not queue a second finalize; a replay is always new.
    await deps.finalizeSink.send(request, force ? `${manifest.fingerprint}:replay:${messageId}` : manifest.fingerprint);
    return manifest;
  };

  return {
    async handleRecord(messageId: string, body: string): Promise<PartialManifest[]> {
      const message = parseIngestMessage(messageId, body);
      if (message.kind === 'test') {
        deps.logger.info('s3:TestEvent acknowledged and ignored', { messageId });
        return [];
      }
      const { tasks, force } = await planDayTasks(deps.dataStore, message, deps.logger);
      return Promise.all(tasks.map((t) => runOnce(t, force, messageId)));
    },
  };
}
