import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import type pg from 'pg';
import { readOcpSummaryConfig, withClient } from '../lib/db/index.js';
import { snappyBackend } from '../lib/parquet/index.js';
import { createIngestProcessor, type IngestProcessorDeps } from '../lib/pipeline/ingestProcessor.js';
import { listTenantAwsSources, loadOcpAwsSettings } from '../lib/pipeline/ocpAwsSettings.js';
import { sqsFinalizeSink } from '../lib/pipeline/sqsFinalizeSink.js';
import { S3ObjectStore } from '../lib/store/index.js';
import { awsClients, databasePool } from './shared/clients.js';
import { dayAggregatorEnvSchema, loggerServiceName, readEnv } from './shared/environment.js';
import { loggerPort } from './shared/loggerPort.js';
import { withFailureLogging } from './shared/recordFailureLogging.js';

export type DayAggregatorDeps = IngestProcessorDeps;

const powertoolsLogger = new Logger({ serviceName: loggerServiceName('koku-day-aggregator') });

/** Builds the handler around explicit dependencies (tests inject them; `handler` builds them from the environment). */
export function createDayAggregatorHandler(getDeps: () => Promise<DayAggregatorDeps>) {
  const processor = new BatchProcessor(EventType.SQS);
  return middy(async (event: SQSEvent, context: Context): Promise<SQSBatchResponse> => {
    const deps = await getDeps();
    const ingest = createIngestProcessor(deps);
    const handle = withFailureLogging(deps.logger, (record) => ingest.handleRecord(record.messageId, record.body));
    return processPartialResponse(event, handle, processor, { context });
  }).use(injectLambdaContext(powertoolsLogger));
}

let envDeps: Promise<DayAggregatorDeps> | undefined;

function depsFromEnvironment(): Promise<DayAggregatorDeps> {
  envDeps ??= (async () => {
    const env = readEnv(dayAggregatorEnvSchema);
    const target = (schema: string) => `${schema}${env.SHADOW_SCHEMA_SUFFIX ?? ''}`;
    const clients = awsClients(env.AWS_ENDPOINT_URL);
    const pool: pg.Pool = await databasePool(env, clients.secrets, loggerPort(powertoolsLogger));
    // The native decoder ships only for the architecture the bundle was built with the binary for (infra/lambdaBundling.ts).
    powertoolsLogger.info('day-aggregator started', { snappy: snappyBackend });
    return {
      dataStore: new S3ObjectStore({ client: clients.s3, bucket: env.DATA_BUCKET }),
      partialStore: new S3ObjectStore({ client: clients.s3, bucket: env.PARTIALS_BUCKET }),
      partialsPrefix: env.PARTIALS_PREFIX,
      loadConfig: (schema: string) => withClient(pool, (c) => readOcpSummaryConfig(c, schema)),
      ocpAws: {
        loadSettings: (schema, awsProviderUuid) => withClient(pool, (c) => loadOcpAwsSettings(c, schema, awsProviderUuid, { targetSchema: target(schema) })),
        awsSourcesFor: (schema) => withClient(pool, (c) => listTenantAwsSources(c, target(schema))),
      },
      finalizeSink: sqsFinalizeSink(clients.sqs, env.FINALIZE_QUEUE_URL),
      logger: loggerPort(powertoolsLogger),
      concurrency: env.DAY_TASK_CONCURRENCY,
      batchSize: env.PARQUET_BATCH_SIZE,
    };
  })();
  return envDeps;
}

/** Ingest queue consumer: S3 ObjectCreated notifications and replay messages → day partials → finalize requests. */
export const handler = createDayAggregatorHandler(depsFromEnvironment);
