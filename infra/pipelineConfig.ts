import type { Node } from 'constructs';
import { InvalidContextError } from './errors.js';

export type DeployTarget = 'aws' | 'localstack' | 'moto';

export type LambdaArchitecture = 'arm64' | 'x86_64';

/** DB_SSL: `true` encrypts without checking the server's certificate, `verify-full` checks it and the host name. */
export type DbSslMode = 'true' | 'false' | 'verify-full';
const dbSslModes: readonly DbSslMode[] = ['true', 'false', 'verify-full'];

/** Where the functions find PostgreSQL: an RDS-style JSON secret (AWS) or a plain URL (local targets). */
export type DatabaseConnection =
  | { kind: 'secret'; secretArn: string }
  | { kind: 'url'; url: string }
  /** No context given for AWS: the stack asks for the secret ARN as a CloudFormation parameter at deploy time. */
  | { kind: 'secretParameter' };

export interface FunctionSettings {
  memoryMb: number;
  timeoutSeconds: number;
  /** SQS event source `maxConcurrency` (2..1000): caps how many concurrent invocations one queue drives. */
  maxConcurrency: number;
  batchSize: number;
  /** Only for the standard ingest queue; FIFO event sources do not accept a batching window. */
  batchingWindowSeconds: number;
}

export interface PipelineConfig {
  target: DeployTarget;
  stackName: string;
  /** Existing (Koku) bucket to import; undefined = the stack creates one. */
  dataBucketName?: string;
  /** Key prefix of Koku's Parquet objects; the notification filter and the read grant use it. */
  dataPrefix: string;
  /** Existing bucket for partials; undefined = the stack creates one. */
  partialsBucketName?: string;
  partialsPrefix: string;
  /** Lifecycle expiry of partials in a bucket the stack creates; undefined = keep. */
  partialsExpirationDays?: number;
  database: DatabaseConnection;
  vpc?: { vpcId: string; subnetIds: string[]; securityGroupIds: string[] };
  dayAggregator: FunctionSettings;
  finalizer: FunctionSettings;
  ingestVisibilityTimeoutSeconds: number;
  finalizeVisibilityTimeoutSeconds: number;
  maxReceiveCount: number;
  architecture: LambdaArchitecture;
  logLevel: string;
  logRetentionDays: number;
  /** Alarm threshold on ApproximateAgeOfOldestMessage of the ingest and finalize queues. */
  oldestMessageAgeAlarmSeconds: number;
  /** CREATE_REPORT_PERIODS for the finalizer; undefined = its default. */
  createReportPeriods?: boolean;
  /**
   * The functions' database settings (DB_SSL, DB_POOL_MAX; the day-aggregator's DAY_TASK_CONCURRENCY and
   * PARQUET_BATCH_SIZE; the finalizer's KOKU_PUBLIC_SCHEMA); an undefined one keeps the functions' default.
   */
  dbSsl?: DbSslMode;
  dbPoolMax?: number;
  dayTaskConcurrency?: number;
  parquetBatchSize?: number;
  kokuPublicSchema?: string;
  /** Existing queue the finalizer tells about committed days (COMPLETION_QUEUE_URL); none by default. */
  completionQueueArn?: string;
  /** Shadow mode: the finalizer writes `<tenant schema><suffix>` and leaves Koku's tables alone. */
  shadowSchemaSuffix?: string;
  /** `koku`: the finalizer reads cluster id/alias and source state from Koku's public tables (PROVIDER_METADATA). */
  providerMetadata: 'standalone' | 'koku';
  /** Optional SNS topic the alarms notify. */
  alarmTopicArn?: string;
  /**
   * moto cannot run Lambdas; its enabled event source mappings consume messages inside SendMessage and push them
   * towards the DLQ (emulators §2.4), so they are synthesized disabled there and the tests poll instead.
   */
  eventSourcesEnabled: boolean;
}

/** The one place context keys are named; `-c key=value` on the CLI or `context` in cdk.json / `new App()`. */
export const contextKeys = [
  'target', 'stackName', 'dataBucketName', 'dataPrefix', 'partialsBucketName', 'partialsPrefix', 'partialsExpirationDays',
  'dbSecretArn', 'databaseUrl', 'vpcId', 'subnetIds', 'securityGroupId',
  'dayAggregatorMemoryMb', 'dayAggregatorTimeoutSeconds', 'dayAggregatorMaxConcurrency',
  'finalizerMemoryMb', 'finalizerTimeoutSeconds', 'finalizerMaxConcurrency',
  'ingestBatchSize', 'ingestBatchingWindowSeconds', 'finalizeBatchSize',
  'visibilityTimeoutSeconds', 'maxReceiveCount', 'architecture', 'logLevel', 'logRetentionDays',
  'oldestMessageAgeAlarmSeconds', 'alarmTopicArn', 'createReportPeriods', 'completionQueueArn', 'shadowSchemaSuffix', 'providerMetadata',
  'dbSsl', 'dbPoolMax', 'dayTaskConcurrency', 'parquetBatchSize', 'kokuPublicSchema',
] as const;

export type ContextKey = (typeof contextKeys)[number];

const logRetentionChoices = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

function isUnset(v: unknown): boolean {
  return v === undefined || v === null || v === '';
}

/** Local emulators get the same database everywhere the compose file and README say. */
const localstackDatabaseUrl = 'postgres://koku:koku@postgres:5432/koku';
const motoDatabaseUrl = 'postgres://postgres:postgres@127.0.0.1:5432/koku';

/**
 * Reads and validates the stack settings from CDK context, applying per-target defaults.
 *
 * @example
 * const config = readPipelineConfig(app.node); // app = new App(), run with `cdk deploy -c target=localstack`
 */
export function readPipelineConfig(node: Node): PipelineConfig {
  const raw = (key: ContextKey): unknown => node.tryGetContext(key);
  const str = (key: ContextKey): string | undefined => {
    const v = raw(key);
    if (isUnset(v)) return undefined;
    if (typeof v !== 'string') throw new InvalidContextError(key, `expected a string, got ${JSON.stringify(v)}`);
    return v;
  };
  const int = (key: ContextKey, fallback: number, min: number, max: number): number => {
    const v = raw(key);
    if (isUnset(v)) return fallback;
    const n = typeof v === 'number' ? v : Number(v);
    if (!Number.isInteger(n) || n < min || n > max) {
      throw new InvalidContextError(key, `expected an integer in [${min}, ${max}], got ${JSON.stringify(v)}`);
    }
    return n;
  };
  const list = (key: ContextKey): string[] => {
    const v = raw(key);
    if (isUnset(v)) return [];
    if (Array.isArray(v)) return v.map(String);
    return String(v).split(',').map((s) => s.trim()).filter(Boolean);
  };

  const bool = (key: ContextKey): boolean | undefined => {
    const v = raw(key);
    if (isUnset(v)) return undefined;
    if (v === true || v === 'true') return true;
    if (v === false || v === 'false') return false;
    throw new InvalidContextError(key, `expected true or false, got ${JSON.stringify(v)}`);
  };

  const target = (str('target') ?? 'aws') as DeployTarget;
  if (!['aws', 'localstack', 'moto'].includes(target)) {
    throw new InvalidContextError('target', `expected aws, localstack or moto, got "${target}"`);
  }
  const local = target !== 'aws';

  const prefix = (key: ContextKey, fallback: string): string => {
    const v = str(key) ?? fallback;
    if (v.startsWith('/') || !v.endsWith('/')) throw new InvalidContextError(key, `expected a key prefix like "${fallback}", got "${v}"`);
    return v;
  };

  const dbSecretArn = str('dbSecretArn');
  const databaseUrl = str('databaseUrl');
  if (dbSecretArn && databaseUrl) throw new InvalidContextError('dbSecretArn', 'give either dbSecretArn or databaseUrl, not both');
  let database: DatabaseConnection;
  if (dbSecretArn) {
    if (!/^arn:aws[a-z-]*:secretsmanager:/.test(dbSecretArn)) throw new InvalidContextError('dbSecretArn', `not a Secrets Manager ARN: "${dbSecretArn}"`);
    database = { kind: 'secret', secretArn: dbSecretArn };
  } else if (databaseUrl) {
    if (!/^postgres(ql)?:\/\//.test(databaseUrl)) throw new InvalidContextError('databaseUrl', 'expected a postgres:// URL');
    database = { kind: 'url', url: databaseUrl };
  } else if (target === 'localstack') {
    database = { kind: 'url', url: localstackDatabaseUrl };
  } else if (target === 'moto') {
    database = { kind: 'url', url: motoDatabaseUrl };
  } else {
    database = { kind: 'secretParameter' };
  }

  const vpcId = str('vpcId');
  const subnetIds = list('subnetIds');
  const securityGroupIds = list('securityGroupId');
  if (!vpcId && (subnetIds.length || securityGroupIds.length)) {
    throw new InvalidContextError('vpcId', 'subnetIds / securityGroupId need vpcId');
  }
  if (vpcId && subnetIds.length === 0) throw new InvalidContextError('subnetIds', 'vpcId needs at least one subnet id');

  // Local timeouts stay short so a poison message reaches its DLQ in minutes, not the hour AWS defaults imply.
  // LocalStack gets 60 s because a cold start there includes starting a container.
  const defaultTimeout = target === 'aws' ? 300 : target === 'localstack' ? 60 : 30;
  const dayAggregator: FunctionSettings = {
    memoryMb: int('dayAggregatorMemoryMb', 2048, 128, 10240),
    timeoutSeconds: int('dayAggregatorTimeoutSeconds', defaultTimeout, 1, 900),
    maxConcurrency: int('dayAggregatorMaxConcurrency', local ? 2 : 20, 2, 1000),
    batchSize: int('ingestBatchSize', 10, 1, 10000),
    batchingWindowSeconds: int('ingestBatchingWindowSeconds', local ? 0 : 5, 0, 300),
  };
  if (dayAggregator.batchSize > 10 && dayAggregator.batchingWindowSeconds === 0) {
    throw new InvalidContextError('ingestBatchSize', 'a batch size above 10 needs ingestBatchingWindowSeconds >= 1');
  }
  const finalizer: FunctionSettings = {
    memoryMb: int('finalizerMemoryMb', 1024, 128, 10240),
    timeoutSeconds: int('finalizerTimeoutSeconds', defaultTimeout, 1, 900),
    maxConcurrency: int('finalizerMaxConcurrency', local ? 2 : 5, 2, 1000),
    batchSize: int('finalizeBatchSize', 10, 1, 10),
    batchingWindowSeconds: 0,
  };

  // AWS recommends 6x the function timeout so throttled batches are not redelivered while still queued for a retry.
  const visibilityOverride = isUnset(raw('visibilityTimeoutSeconds')) ? undefined : int('visibilityTimeoutSeconds', 0, 0, 43200);
  const ingestVisibilityTimeoutSeconds = visibilityOverride ?? (local ? dayAggregator.timeoutSeconds : 6 * dayAggregator.timeoutSeconds + dayAggregator.batchingWindowSeconds);
  const finalizeVisibilityTimeoutSeconds = visibilityOverride ?? (local ? finalizer.timeoutSeconds : 6 * finalizer.timeoutSeconds);
  // Lambda refuses an SQS event source whose visibility timeout is shorter than the function timeout.
  if (ingestVisibilityTimeoutSeconds < dayAggregator.timeoutSeconds || finalizeVisibilityTimeoutSeconds < finalizer.timeoutSeconds) {
    throw new InvalidContextError('visibilityTimeoutSeconds', `must be at least the function timeouts (${dayAggregator.timeoutSeconds} s, ${finalizer.timeoutSeconds} s)`);
  }

  const architecture = (str('architecture') ?? (local ? 'x86_64' : 'arm64')) as LambdaArchitecture;
  if (architecture !== 'arm64' && architecture !== 'x86_64') throw new InvalidContextError('architecture', 'expected arm64 or x86_64');

  const logRetentionDays = int('logRetentionDays', local ? 7 : 30, 1, 3653);
  if (!logRetentionChoices.includes(logRetentionDays)) {
    throw new InvalidContextError('logRetentionDays', `CloudWatch accepts only ${logRetentionChoices.join(', ')}`);
  }

  const completionQueueArn = str('completionQueueArn');
  if (completionQueueArn && !/^arn:aws[a-z-]*:sqs:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]+(\.fifo)?$/.test(completionQueueArn)) {
    throw new InvalidContextError('completionQueueArn', `not an SQS queue ARN: "${completionQueueArn}"`);
  }
  const shadowSchemaSuffix = str('shadowSchemaSuffix');
  if (shadowSchemaSuffix && !/^[a-z0-9_]{1,20}$/.test(shadowSchemaSuffix)) {
    throw new InvalidContextError('shadowSchemaSuffix', 'lower-case letters, digits and "_", at most 20');
  }

  const providerMetadata = str('providerMetadata') ?? 'standalone';
  if (providerMetadata !== 'standalone' && providerMetadata !== 'koku') throw new InvalidContextError('providerMetadata', 'standalone or koku');

  const dbSsl = str('dbSsl');
  if (dbSsl !== undefined && !dbSslModes.includes(dbSsl as DbSslMode)) {
    throw new InvalidContextError('dbSsl', `expected ${dbSslModes.join(', ')}, got "${dbSsl}"`);
  }
  const optionalInt = (key: ContextKey, min: number, max: number): number | undefined => (isUnset(raw(key)) ? undefined : int(key, 0, min, max));
  const kokuPublicSchema = str('kokuPublicSchema');
  if (kokuPublicSchema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(kokuPublicSchema)) {
    throw new InvalidContextError('kokuPublicSchema', 'a lower-case PostgreSQL identifier (letters, digits, "_")');
  }

  const stackName = str('stackName') ?? 'KokuPipeline';
  // The FIFO queue names derive from it and SQS allows 80 characters including "-finalize-dlq.fifo".
  if (!/^[A-Za-z][A-Za-z0-9-]{0,59}$/.test(stackName)) throw new InvalidContextError('stackName', 'letters, digits and "-", at most 60 characters');

  return {
    target,
    stackName,
    dataBucketName: str('dataBucketName'),
    dataPrefix: prefix('dataPrefix', 'data/parquet/'),
    partialsBucketName: str('partialsBucketName'),
    partialsPrefix: prefix('partialsPrefix', 'partials/'),
    partialsExpirationDays: isUnset(raw('partialsExpirationDays')) ? undefined : int('partialsExpirationDays', 0, 1, 3650),
    database,
    vpc: vpcId ? { vpcId, subnetIds, securityGroupIds } : undefined,
    dayAggregator,
    finalizer,
    ingestVisibilityTimeoutSeconds,
    finalizeVisibilityTimeoutSeconds,
    maxReceiveCount: int('maxReceiveCount', local ? 3 : 5, 1, 1000),
    architecture,
    logLevel: str('logLevel') ?? (local ? 'DEBUG' : 'INFO'),
    logRetentionDays,
    oldestMessageAgeAlarmSeconds: int('oldestMessageAgeAlarmSeconds', 1800, 60, 1209600),
    alarmTopicArn: str('alarmTopicArn'),
    createReportPeriods: bool('createReportPeriods'),
    completionQueueArn,
    shadowSchemaSuffix,
    providerMetadata,
    dbSsl: dbSsl as DbSslMode | undefined,
    dbPoolMax: optionalInt('dbPoolMax', 1, 100),
    dayTaskConcurrency: optionalInt('dayTaskConcurrency', 1, 64),
    parquetBatchSize: optionalInt('parquetBatchSize', 1024, 1048576),
    kokuPublicSchema,
    eventSourcesEnabled: target !== 'moto',
  };
}
