import { processPartialResponse, SqsFifoPartialProcessorAsync } from '@aws-lambda-powertools/batch';
import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { schemaForAccount } from '../lib/layout/index.js';
import { finalizeOcp, type FinalizeDeps } from '../lib/pipeline/finalizeOcp.js';
import { parseFinalizeMessage } from '../lib/pipeline/messages.js';
import { S3ObjectStore } from '../lib/store/index.js';
import { awsClients, databasePool } from './shared/clients.js';
import { finalizerEnvSchema, readEnv } from './shared/environment.js';
import { loggerPort } from './shared/loggerPort.js';
import { withFailureLogging } from './shared/recordFailureLogging.js';

export type FinalizerDeps = Omit<FinalizeDeps, 'schema'>;

const powertoolsLogger = new Logger({ serviceName: 'koku-agg-finalizer' });


/**
 * Builds the FIFO finalize-queue consumer around explicit dependencies. On a failure the failed record and every
 * later record of the batch are reported, so a source-month's requests never overtake each other.
 */
export function createFinalizerHandler(getDeps: () => Promise<FinalizerDeps>) {
  const processor = new SqsFifoPartialProcessorAsync();
  return middy(async (event: SQSEvent, context: Context): Promise<SQSBatchResponse> => {
    const deps = await getDeps();
    const handle = withFailureLogging(deps.logger, async (record) => {
      const request = parseFinalizeMessage(record.messageId, record.body);
      return finalizeOcp({ ...deps, schema: schemaForAccount(request.account) }, request);
    });
    return processPartialResponse(event, handle, processor, { context });
  }).use(injectLambdaContext(powertoolsLogger));
}

let envDeps: Promise<FinalizerDeps> | undefined;

function depsFromEnvironment(): Promise<FinalizerDeps> {
  envDeps ??= (async () => {
    const env = readEnv(finalizerEnvSchema);
    const clients = awsClients(env.AWS_ENDPOINT_URL);
    return {
      pool: await databasePool(env, clients.secrets),
      dataStore: new S3ObjectStore({ client: clients.s3, bucket: env.DATA_BUCKET }),
      partialStore: new S3ObjectStore({ client: clients.s3, bucket: env.PARTIALS_BUCKET }),
      partialsPrefix: env.PARTIALS_PREFIX,
      createReportPeriods: env.CREATE_REPORT_PERIODS === 'true',
      logger: loggerPort(powertoolsLogger),
    };
  })();
  return envDeps;
}

/** Finalize queue consumer: commits the current partials of a source-month into PostgreSQL. */
export const handler = createFinalizerHandler(depsFromEnvironment);
