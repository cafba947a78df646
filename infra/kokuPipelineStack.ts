import { join } from 'node:path';
import {
  CfnOutput, CfnParameter, Duration, RemovalPolicy, Stack,
  aws_ec2 as ec2, aws_iam as iam, aws_lambda as lambda, aws_lambda_event_sources as eventSources,
  aws_lambda_nodejs as nodejs, aws_logs as logs, aws_s3 as s3, aws_s3_notifications as s3n,
  aws_secretsmanager as secretsmanager, aws_sqs as sqs, Validations,
} from 'aws-cdk-lib';
import type { StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { grantPrefixAccess } from './grantPrefixAccess.js';
import { lambdaBundling, projectRoot } from './lambdaBundling.js';
import { PipelineAlarms } from './pipelineAlarms.js';
import type { FunctionSettings, PipelineConfig } from './pipelineConfig.js';
import { QueueWithDlq } from './queueWithDlq.js';

export interface KokuPipelineStackProps extends StackProps {
  config: PipelineConfig;
}

/** The Amazon CA bundle of Lambda's Node 20+ runtimes (Amazon RDS's certificates among them). */
const LAMBDA_AMAZON_CA_BUNDLE = '/var/runtime/ca-cert.pem';

/** Stack output keys; test/helpers/motoStack.ts and localstack/ read them by these names. */
export const outputKeys = {
  dataBucket: 'DataBucketName',
  dataPrefix: 'DataPrefix',
  partialsBucket: 'PartialsBucketName',
  partialsPrefix: 'PartialsPrefix',
  ingestQueueUrl: 'IngestQueueUrl',
  ingestQueueArn: 'IngestQueueArn',
  ingestDlqUrl: 'IngestDlqUrl',
  finalizeQueueUrl: 'FinalizeQueueUrl',
  finalizeDlqUrl: 'FinalizeDlqUrl',
  dayAggregatorFunction: 'DayAggregatorFunctionName',
  finalizerFunction: 'FinalizerFunctionName',
} as const;

/**
 * S3 (Koku's Parquet) → ingest queue → day-aggregator → partials + FIFO finalize queue → finalizer → PostgreSQL.
 *
 * Partials go to their own bucket rather than under a prefix of the data bucket: in production the data bucket
 * is Koku's, whose lifecycle, replication and policy we do not own; a bucket of our own gets its own lifecycle,
 * an IAM scope that needs no prefix conditions, and can never feed the ingest notification.
 *
 * @example
 * new KokuPipelineStack(app, 'KokuPipeline', { config: readPipelineConfig(app.node) });
 */
export class KokuPipelineStack extends Stack {
  readonly dataBucket: s3.IBucket;
  readonly partialsBucket: s3.IBucket;
  readonly ingest: QueueWithDlq;
  readonly finalize: QueueWithDlq;
  readonly dayAggregator: nodejs.NodejsFunction;
  readonly finalizer: nodejs.NodejsFunction;

  constructor(scope: Construct, id: string, props: KokuPipelineStackProps) {
    super(scope, id, props);
    const { config } = props;
    const local = config.target !== 'aws';
    const removalPolicy = local ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN;

    this.dataBucket = config.dataBucketName
      ? s3.Bucket.fromBucketName(this, 'DataBucket', config.dataBucketName)
      : this.privateBucket('DataBucket', removalPolicy);
    this.partialsBucket = config.partialsBucketName
      ? s3.Bucket.fromBucketName(this, 'PartialsBucket', config.partialsBucketName)
      : this.privateBucket('PartialsBucket', removalPolicy, config.partialsExpirationDays);

    this.ingest = new QueueWithDlq(this, 'Ingest', {
      visibilityTimeoutSeconds: config.ingestVisibilityTimeoutSeconds,
      maxReceiveCount: config.maxReceiveCount,
      removalPolicy,
    });
    this.finalize = new QueueWithDlq(this, 'Finalize', {
      visibilityTimeoutSeconds: config.finalizeVisibilityTimeoutSeconds,
      maxReceiveCount: config.maxReceiveCount,
      fifoName: `${this.stackName}-finalize`,
      removalPolicy,
    });

    // On an imported bucket CDK merges this entry into the existing configuration (Managed: false), so Koku's
    // own notifications survive.
    this.dataBucket.addEventNotification(
      s3.EventType.OBJECT_CREATED,
      new s3n.SqsDestination(this.ingest.queue),
      { prefix: config.dataPrefix, suffix: '.parquet' },
    );

    const database = this.databaseAccess(config);
    const network = this.network(config);
    const commonEnv: Record<string, string> = {
      DATA_BUCKET: this.dataBucket.bucketName,
      PARTIALS_BUCKET: this.partialsBucket.bucketName,
      PARTIALS_PREFIX: config.partialsPrefix,
      LOG_LEVEL: config.logLevel,
      NODE_OPTIONS: '--enable-source-maps',
      ...database.env,
      ...definedSettings({ DB_SSL: config.dbSsl, DB_POOL_MAX: config.dbPoolMax, SHADOW_SCHEMA_SUFFIX: config.shadowSchemaSuffix }),
      // Node 20+ Lambda runtimes trust only Node's own CAs; RDS certificates are in the runtime's Amazon CA bundle.
      ...(config.dbSsl === 'verify-full' && config.target === 'aws' ? { NODE_EXTRA_CA_CERTS: LAMBDA_AMAZON_CA_BUNDLE } : {}),
    };

    this.dayAggregator = this.pipelineFunction('DayAggregator', 'day-aggregator.ts', config, config.dayAggregator, network, {
      ...commonEnv,
      POWERTOOLS_SERVICE_NAME: 'koku-day-aggregator',
      FINALIZE_QUEUE_URL: this.finalize.queue.queueUrl,
      ...definedSettings({ DAY_TASK_CONCURRENCY: config.dayTaskConcurrency, PARQUET_BATCH_SIZE: config.parquetBatchSize }),
    });
    const completionQueue = config.completionQueueArn ? sqs.Queue.fromQueueArn(this, 'CompletionQueue', config.completionQueueArn) : undefined;
    this.finalizer = this.pipelineFunction('Finalizer', 'finalizer.ts', config, config.finalizer, network, {
      ...commonEnv,
      POWERTOOLS_SERVICE_NAME: 'koku-finalizer',
      ...(completionQueue ? { COMPLETION_QUEUE_URL: completionQueue.queueUrl } : {}),
      PROVIDER_METADATA: config.providerMetadata,
      ...definedSettings({ CREATE_REPORT_PERIODS: config.createReportPeriods, KOKU_PUBLIC_SCHEMA: config.kokuPublicSchema }),
    });

    this.dayAggregator.addEventSource(new eventSources.SqsEventSource(this.ingest.queue, {
      batchSize: config.dayAggregator.batchSize,
      maxBatchingWindow: config.dayAggregator.batchingWindowSeconds > 0 ? Duration.seconds(config.dayAggregator.batchingWindowSeconds) : undefined,
      maxConcurrency: config.dayAggregator.maxConcurrency,
      reportBatchItemFailures: true,
      enabled: config.eventSourcesEnabled,
    }));
    this.finalizer.addEventSource(new eventSources.SqsEventSource(this.finalize.queue, {
      batchSize: config.finalizer.batchSize,
      maxConcurrency: config.finalizer.maxConcurrency,
      reportBatchItemFailures: true,
      enabled: config.eventSourcesEnabled,
    }));

    // Least privilege: both read Koku's Parquet (the finalizer re-lists a day's inputs so an older partial never
    // wins); only the aggregator writes partials and sends finalize requests.
    const partialsIsOurs = !config.partialsBucketName;
    grantPrefixAccess(this.dayAggregator, this.dataBucket, { prefix: config.dataPrefix });
    grantPrefixAccess(this.finalizer, this.dataBucket, { prefix: config.dataPrefix });
    grantPrefixAccess(this.dayAggregator, this.partialsBucket, { prefix: config.partialsPrefix, write: true, listWholeBucket: partialsIsOurs });
    grantPrefixAccess(this.finalizer, this.partialsBucket, { prefix: config.partialsPrefix, listWholeBucket: partialsIsOurs });
    this.dayAggregator.addToRolePolicy(new iam.PolicyStatement({
      actions: ['sqs:SendMessage'],
      resources: [this.finalize.queue.queueArn],
    }));
    if (completionQueue) {
      this.finalizer.addToRolePolicy(new iam.PolicyStatement({ actions: ['sqs:SendMessage'], resources: [completionQueue.queueArn] }));
    }
    database.grant(this.dayAggregator);
    database.grant(this.finalizer);

    new PipelineAlarms(this, 'Alarms', {
      queues: [
        { name: 'Ingest', queue: this.ingest.queue, deadLetterQueue: this.ingest.deadLetterQueue },
        { name: 'Finalize', queue: this.finalize.queue, deadLetterQueue: this.finalize.deadLetterQueue },
      ],
      functions: [
        { name: 'DayAggregator', fn: this.dayAggregator },
        { name: 'Finalizer', fn: this.finalizer },
      ],
      oldestMessageAgeSeconds: config.oldestMessageAgeAlarmSeconds,
      alarmTopicArn: config.alarmTopicArn,
    });

    const output = (key: string, value: string, description: string): void => {
      new CfnOutput(this, key, { value, description });
    };
    output(outputKeys.dataBucket, this.dataBucket.bucketName, 'Bucket holding Koku Parquet (the notification source)');
    output(outputKeys.dataPrefix, config.dataPrefix, 'Key prefix the ingest notification listens on');
    output(outputKeys.partialsBucket, this.partialsBucket.bucketName, 'Bucket holding per-day partial results');
    output(outputKeys.partialsPrefix, config.partialsPrefix, 'Key prefix of the partials');
    output(outputKeys.ingestQueueUrl, this.ingest.queue.queueUrl, 'Send replay messages here');
    output(outputKeys.ingestQueueArn, this.ingest.queue.queueArn, 'Ingest queue ARN');
    output(outputKeys.ingestDlqUrl, this.ingest.deadLetterQueue.queueUrl, 'Ingest dead-letter queue');
    output(outputKeys.finalizeQueueUrl, this.finalize.queue.queueUrl, 'FIFO finalize queue (MessageGroupId = source-day; source-month for OCP on AWS)');
    output(outputKeys.finalizeDlqUrl, this.finalize.deadLetterQueue.queueUrl, 'Finalize dead-letter queue');
    output(outputKeys.dayAggregatorFunction, this.dayAggregator.functionName, 'day-aggregator Lambda');
    output(outputKeys.finalizerFunction, this.finalizer.functionName, 'finalizer Lambda');
  }

  private privateBucket(id: string, removalPolicy: RemovalPolicy, expirationDays?: number): s3.Bucket {
    return new s3.Bucket(this, id, {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      removalPolicy,
      lifecycleRules: [{
        abortIncompleteMultipartUploadAfter: Duration.days(1),
        expiration: expirationDays ? Duration.days(expirationDays) : undefined,
      }],
    });
  }

  private databaseAccess(config: PipelineConfig): { env: Record<string, string>; grant: (fn: lambda.IFunction) => void } {
    const db = config.database;
    if (db.kind === 'url') return { env: { DATABASE_URL: db.url }, grant: () => {} };
    let secret: secretsmanager.ISecret;
    if (db.kind === 'secret') {
      // A complete ARN ends in the 6-character suffix Secrets Manager adds; a partial one needs the `-??????` wildcard.
      secret = /-[A-Za-z0-9]{6}$/.test(db.secretArn)
        ? secretsmanager.Secret.fromSecretCompleteArn(this, 'DbSecret', db.secretArn)
        : secretsmanager.Secret.fromSecretPartialArn(this, 'DbSecret', db.secretArn);
    } else {
      const arn = new CfnParameter(this, 'DbSecretArn', {
        type: 'String',
        description: 'Complete ARN of the RDS-style JSON secret (host, port, username, password, dbname) of the Koku database',
        allowedPattern: '^arn:aws[a-z-]*:secretsmanager:.+$',
      });
      Validations.of(this).acknowledge({ id: 'CloudFormation-Validate::W2509', reason: 'the parameter holds an ARN, not a password' });
      secret = secretsmanager.Secret.fromSecretCompleteArn(this, 'DbSecret', arn.valueAsString);
    }
    return { env: { DB_SECRET_ARN: secret.secretArn }, grant: (fn) => { secret.grantRead(fn); } };
  }

  private network(config: PipelineConfig): Pick<nodejs.NodejsFunctionProps, 'vpc' | 'vpcSubnets' | 'securityGroups'> {
    if (!config.vpc) return {};
    const { vpcId, subnetIds, securityGroupIds } = config.vpc;
    // Attributes instead of Vpc.fromLookup: synth stays offline; the subnets are given explicitly anyway.
    const vpc = ec2.Vpc.fromVpcAttributes(this, 'Vpc', { vpcId, availabilityZones: subnetIds.map((_, i) => `az${i}`) });
    return {
      vpc,
      vpcSubnets: { subnets: subnetIds.map((id, i) => ec2.Subnet.fromSubnetId(this, `Subnet${i}`, id)) },
      securityGroups: securityGroupIds.length
        ? securityGroupIds.map((id, i) => ec2.SecurityGroup.fromSecurityGroupId(this, `SecurityGroup${i}`, id))
        : undefined,
    };
  }

  private pipelineFunction(
    id: string,
    entryFile: string,
    config: PipelineConfig,
    settings: FunctionSettings,
    network: Pick<nodejs.NodejsFunctionProps, 'vpc' | 'vpcSubnets' | 'securityGroups'>,
    environment: Record<string, string>,
  ): nodejs.NodejsFunction {
    const logGroup = new logs.LogGroup(this, `${id}Logs`, {
      retention: config.logRetentionDays as logs.RetentionDays,
      removalPolicy: config.target === 'aws' ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    // Our own role instead of AWSLambdaBasicExecutionRole, whose logs grant covers every log group in the account.
    const role = new iam.Role(this, `${id}Role`, {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      managedPolicies: network.vpc
        ? [iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/AWSLambdaVPCAccessExecutionRole')]
        : undefined,
    });
    role.addToPrincipalPolicy(new iam.PolicyStatement({
      actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
      resources: [logGroup.logGroupArn],
    }));
    return new nodejs.NodejsFunction(this, id, {
      role,
      entry: join(projectRoot, 'functions', entryFile),
      handler: 'handler',
      projectRoot,
      depsLockFilePath: join(projectRoot, 'package-lock.json'),
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: config.architecture === 'arm64' ? lambda.Architecture.ARM_64 : lambda.Architecture.X86_64,
      memorySize: settings.memoryMb,
      timeout: Duration.seconds(settings.timeoutSeconds),
      environment,
      logGroup,
      bundling: lambdaBundling(config.architecture),
      ...network,
    });
  }
}

/** The settings given as environment variables; one left undefined is left out, so the function keeps its default. */
function definedSettings(settings: Record<string, string | number | boolean | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(settings).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]));
}
