import { S3Client } from '@aws-sdk/client-s3';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SQSClient } from '@aws-sdk/client-sqs';
import type pg from 'pg';
import type { Logger } from '../../lib/common/logger.js';
import { createPool } from '../../lib/db/index.js';

/**
 * AWS clients with an explicit endpoint when `AWS_ENDPOINT_URL` is set (LocalStack, moto): the SQS client would
 * otherwise follow the QueueUrl's host, and S3 on `localhost` needs path-style addressing (notes/emulators.md §1.4).
 */
export function awsClients(endpoint: string | undefined) {
  const common = endpoint ? { endpoint } : {};
  return {
    s3: new S3Client({ ...common, forcePathStyle: Boolean(endpoint) }),
    sqs: new SQSClient(common),
    secrets: new SecretsManagerClient(common),
  };
}

/**
 * A small pool per Lambda container; credentials from the URL or the secret, never logged. A connection lost while
 * idle (between invocations, on failover) is logged and replaced instead of ending the container (`createPool`).
 */
export async function databasePool(
  settings: { DATABASE_URL?: string; DB_SECRET_ARN?: string; DB_POOL_MAX: number; DB_SSL: 'true' | 'false' | 'verify-full' },
  secrets: SecretsManagerClient,
  logger: Logger,
): Promise<pg.Pool> {
  if (settings.DATABASE_URL) return createPool({ connectionString: settings.DATABASE_URL, max: settings.DB_POOL_MAX }, logger);
  const out = await secrets.send(new GetSecretValueCommand({ SecretId: settings.DB_SECRET_ARN }));
  const secret = JSON.parse(out.SecretString ?? '{}') as { host?: string; port?: number; username?: string; password?: string; dbname?: string };
  if (!secret.host || !secret.username) throw new Error(`database secret ${settings.DB_SECRET_ARN} lacks host or username`);
  return createPool({
    host: secret.host,
    port: Number(secret.port ?? 5432),
    user: secret.username,
    password: secret.password,
    database: secret.dbname ?? 'postgres',
    max: settings.DB_POOL_MAX,
    ssl: sslOptions(settings.DB_SSL),
  }, logger);
}

/** node-postgres TLS options for DB_SSL (`verify-full` checks the certificate chain and the host name, as libpq's). */
export function sslOptions(mode: 'true' | 'false' | 'verify-full'): pg.PoolConfig['ssl'] {
  if (mode === 'false') return false;
  return { rejectUnauthorized: mode === 'verify-full' };
}
