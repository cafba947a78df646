import { processPartialResponse, SqsFifoPartialProcessorAsync } from '@aws-lambda-powertools/batch';
import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { schemaForAccount } from '../lib/layout/index.js';
import { OCP_AWS_SUMMARY_TYPE } from '../lib/pipeline/constants.js';
import { finalizeOcp, type FinalizeDeps } from '../lib/pipeline/finalizeOcp.js';
import { finalizeOcpAws } from '../lib/pipeline/finalizeOcpAws.js';
import { kokuProviderMetadata } from '../lib/koku/index.js';
import { parseFinalizeMessage } from '../lib/pipeline/messages.js';
import { sqsCompletionSink } from '../lib/pipeline/sqsCompletionSink.js';
import { ensureShadowSchema, withClient } from '../lib/db/index.js';
import type { Pool } from 'pg';
import { S3ObjectStore } from '../lib/store/index.js';
import { awsClients, databasePool } from './shared/clients.js';
import { finalizerEnvSchema, loggerServiceName, readEnv } from './shared/environment.js';
import { loggerPort } from './shared/loggerPort.js';
import { withFailureLogging } from './shared/recordFailureLogging.js';

export type FinalizerDeps = Omit<FinalizeDeps, 'schema' | 'targetSchema'> & {
  /** Shadow mode: rows go to `<tenant schema><suffix>`, created on first use with the same DDL. */
  shadowSchemaSuffix?: string;
};

const powertoolsLogger = new Logger({ serviceName: loggerServiceName('koku-finalizer') });

/**
 * Builds the FIFO finalize-queue consumer around explicit dependencies. On a failure the failed record and every
 * later record of its message group are reported (so a group's requests never overtake each other); records of other
 * groups (other source-days) in the batch still run.
 */
export function createFinalizerHandler(getDeps: () => Promise<FinalizerDeps>) {
  const processor = new SqsFifoPartialProcessorAsync();
  return middy(async (event: SQSEvent, context: Context): Promise<SQSBatchResponse> => {
    const deps = await getDeps();
    const handle = withFailureLogging(deps.logger, async (record) => {
      const request = parseFinalizeMessage(record.messageId, record.body);
      const schema = schemaForAccount(request.account);
      const targetSchema = deps.shadowSchemaSuffix ? await shadowSchemas.ensure(deps.pool, `${schema}${deps.shadowSchemaSuffix}`) : schema;
      const finalize = request.summaryType === OCP_AWS_SUMMARY_TYPE ? finalizeOcpAws : finalizeOcp;
      // A redelivered request announces again what an earlier attempt committed but may not have announced.
      return finalize({ ...deps, schema, targetSchema }, request, { redelivered: Number(record.attributes.ApproximateReceiveCount) > 1 });
    });
    return processPartialResponse(event, handle, processor, { context, skipGroupOnError: true });
  }).use(injectLambdaContext(powertoolsLogger));
}

const shadowSchemas = createdSchemas();

/** Creates each shadow schema once per container (the DDL is idempotent, this only saves round trips). */
function createdSchemas() {
  const done = new Map<string, Promise<string>>();
  return {
    ensure(pool: Pool, schema: string): Promise<string> {
      if (!done.has(schema)) {
        done.set(schema, withClient(pool, async (client) => {
          await ensureShadowSchema(client, schema);
          return schema;
        }).catch((err) => {
          done.delete(schema);
          throw err;
        }));
      }
      return done.get(schema)!;
    },
  };
}

let envDeps: Promise<FinalizerDeps> | undefined;

function depsFromEnvironment(): Promise<FinalizerDeps> {
  envDeps ??= (async () => {
    const env = readEnv(finalizerEnvSchema);
    const clients = awsClients(env.AWS_ENDPOINT_URL);
    const pool = await databasePool(env, clients.secrets, loggerPort(powertoolsLogger));
    return {
      pool,
      providers: env.PROVIDER_METADATA === 'koku' ? kokuProviderMetadata(pool, { publicSchema: env.KOKU_PUBLIC_SCHEMA }) : undefined,
      dataStore: new S3ObjectStore({ client: clients.s3, bucket: env.DATA_BUCKET }),
      partialStore: new S3ObjectStore({ client: clients.s3, bucket: env.PARTIALS_BUCKET }),
      partialsPrefix: env.PARTIALS_PREFIX,
      createReportPeriods: env.CREATE_REPORT_PERIODS === 'true',
      shadowSchemaSuffix: env.SHADOW_SCHEMA_SUFFIX,
      onCommitted: env.COMPLETION_QUEUE_URL ? sqsCompletionSink(clients.sqs, env.COMPLETION_QUEUE_URL) : undefined,
      logger: loggerPort(powertoolsLogger),
    };
  })();
  return envDeps;
}

/** Finalize queue consumer: commits the current partials of a source-month into PostgreSQL. */
export const handler = createFinalizerHandler(depsFromEnvironment);
