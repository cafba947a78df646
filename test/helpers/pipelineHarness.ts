/**
 * The serverless pipeline on the emulator and a real PostgreSQL, with the real handlers driven by SqsEventSource
 * pollers. Tests state only what matters to them: upload objects, send messages, settle, then read the tables.
 */
import { CreateQueueCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import { createDayAggregatorHandler } from '../../functions/day-aggregator.js';
import { createFinalizerHandler } from '../../functions/finalizer.js';
import type { Logger } from '../../lib/common/logger.js';
import { readOcpSummaryConfig, upsertProvider, withClient } from '../../lib/db/index.js';
import type { ReplaceOcpDaysHooks } from '../../lib/db/types.js';
import { accountForSchema } from '../../lib/layout/index.js';
import { DEFAULT_PARTIALS_PREFIX } from '../../lib/pipeline/constants.js';
import { sqsCompletionSink } from '../../lib/pipeline/sqsCompletionSink.js';
import type { SummaryCommittedEvent } from '../../lib/pipeline/summaryCommitted.js';
import { listTenantAwsSources, loadOcpAwsSettings } from '../../lib/pipeline/ocpAwsSettings.js';
import { sqsFinalizeSink } from '../../lib/pipeline/sqsFinalizeSink.js';
import { S3ObjectStore } from '../../lib/store/index.js';
import { createSdkTopology, emulatorClients, type SdkTopology } from './awsEmulator.js';
import { freshSchema, type FreshSchema } from './database.js';
import { runUntilIdle, SqsEventSource } from './sqsEventSource.js';

export interface LogLine {
  level: string;
  message: string;
  extra?: Record<string, unknown>;
}

export function capturingLogger(lines: LogLine[]): Logger {
  const at = (level: string) => (message: string, extra?: Record<string, unknown>) => void lines.push({ level, message, extra });
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

export interface Pipeline {
  clients: ReturnType<typeof emulatorClients>;
  topology: SdkTopology;
  db: FreshSchema;
  schema: string;
  account: string;
  providerUuid: string;
  clusterId: string;
  store: S3ObjectStore;
  ingest: SqsEventSource;
  finalize: SqsEventSource;
  /** Receives a "summary-committed" event after every commit. */
  completionQueueUrl: string;
  logs: LogLine[];
  /** Mutable failure injection: `afterDelete` into the next commit, `beforePublish` before a summary-committed event. */
  hooks: PipelineHooks;
  settle(): Promise<void>;
  sendIngest(body: unknown): Promise<void>;
  cleanup(): Promise<void>;
}

export async function startPipeline(opts: { providerUuid?: string; ingestBatchSize?: number } = {}): Promise<Pipeline> {
  const clients = emulatorClients();
  const topology = await createSdkTopology(clients);
  const db = await freshSchema('org');
  const schema = db.schema;
  const providerUuid = opts.providerUuid ?? '3f1e9c2a-0000-4000-8000-00000000a001';
  const clusterId = 'cluster-one';
  await withClient(db.pool, (c) => upsertProvider(c, schema, { providerUuid, providerType: 'OCP', clusterId, clusterAlias: 'Cluster One' }));
  const logs: LogLine[] = [];
  const logger = capturingLogger(logs);
  const hooks: PipelineHooks = {};
  const store = new S3ObjectStore({ client: clients.s3, bucket: topology.bucket });
  const common = { dataStore: store, partialStore: store, partialsPrefix: DEFAULT_PARTIALS_PREFIX, logger };

  const dayAggregator = createDayAggregatorHandler(async () => ({
    ...common,
    loadConfig: (s: string) => withClient(db.pool, (c) => readOcpSummaryConfig(c, s)),
    ocpAws: {
      loadSettings: (s: string, awsProviderUuid: string) => withClient(db.pool, (c) => loadOcpAwsSettings(c, s, awsProviderUuid)),
      awsSourcesFor: (s: string) => withClient(db.pool, (c) => listTenantAwsSources(c, s)),
    },
    finalizeSink: sqsFinalizeSink(clients.sqs, topology.finalize.url),
    concurrency: 2,
  }));
  const completionQueueUrl = (await clients.sqs.send(new CreateQueueCommand({ QueueName: `${topology.bucket}-completed` }))).QueueUrl!;
  const finalizer = createFinalizerHandler(async () => ({ ...common, pool: db.pool, createReportPeriods: true, onCommitted: announceTo(sqsCompletionSink(clients.sqs, completionQueueUrl), hooks), hooks: { afterDelete: () => hooks.afterDelete?.() ?? Promise.resolve() } }));

  const ingest = new SqsEventSource({ name: 'day-aggregator', sqs: clients.sqs, queueUrl: topology.ingest.url, queueArn: topology.ingest.arn, batchSize: opts.ingestBatchSize ?? 10, handler: dayAggregator });
  const finalize = new SqsEventSource({ name: 'finalizer', sqs: clients.sqs, queueUrl: topology.finalize.url, queueArn: topology.finalize.arn, batchSize: 10, handler: finalizer });

  return {
    clients,
    topology,
    db,
    schema,
    account: accountForSchema(schema),
    providerUuid,
    clusterId,
    store,
    ingest,
    finalize,
    completionQueueUrl,
    logs,
    hooks,
    settle: () => runUntilIdle([ingest, finalize], clients.sqs, [topology.ingest.url, topology.finalize.url]),
    sendIngest: async (body) => {
      await clients.sqs.send(new SendMessageCommand({ QueueUrl: topology.ingest.url, MessageBody: typeof body === 'string' ? body : JSON.stringify(body) }));
    },
    cleanup: () => db.cleanup(),
  };
}

export type PipelineHooks = ReplaceOcpDaysHooks & { beforePublish?: () => Promise<void> };

function announceTo(sink: (event: SummaryCommittedEvent) => Promise<void>, hooks: PipelineHooks) {
  return async (event: SummaryCommittedEvent) => {
    await hooks.beforePublish?.();
    await sink(event);
  };
}
