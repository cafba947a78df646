import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import type { CfnElement } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { KokuPipelineStack, outputKeys } from '../../infra/kokuPipelineStack.js';
import { readPipelineConfig } from '../../infra/pipelineConfig.js';

interface Synthesized {
  stack: KokuPipelineStack;
  template: Template;
  json: { Resources: Record<string, { Type: string; Properties?: Record<string, any> }>; Outputs: Record<string, any>; Parameters?: Record<string, any> };
  id: (construct: IConstruct) => string;
}

// Each synth costs seconds (CloudFormation validation runs in wasm), so tests share one per context.
const cache = new Map<string, Synthesized>();

function synth(context: Record<string, unknown> = {}): Synthesized {
  const key = JSON.stringify(context);
  const hit = cache.get(key);
  if (hit) return hit;
  // Skipping bundling keeps these tests independent of the handlers compiling; lambdaBundle.test.ts covers that.
  // cdk.json's feature flags apply, as they do under the CLI. CloudFormation validation (seconds of wasm per
  // synth) runs once, in its own test below.
  const app = new App({ builtinCloudFormationValidation: false, context: { ...cdkJsonContext, 'aws:cdk:bundling-stacks': [], ...context } });
  const config = readPipelineConfig(app.node);
  const stack = new KokuPipelineStack(app, config.stackName, { config });
  const template = Template.fromStack(stack);
  const id = (construct: IConstruct) => stack.getLogicalId(construct.node.defaultChild as CfnElement);
  const out: Synthesized = { stack, template, json: template.toJSON() as Synthesized['json'], id };
  cache.set(key, out);
  return out;
}

const cdkJsonContext = (JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as { context: Record<string, unknown> }).context;
const localContext = { target: 'localstack' };
const secretArn = 'arn:aws:secretsmanager:us-east-1:111122223333:secret:koku-db-AbC123';

/** Renders an IAM resource (string or intrinsic) as text: `{DataBucket.Arn}/data/parquet/*`. */
function render(value: unknown): string {
  if (typeof value === 'string') return value;
  const v = value as Record<string, any>;
  if (v.Ref) return `{${v.Ref}}`;
  if (v['Fn::GetAtt']) return `{${v['Fn::GetAtt'].join('.')}}`;
  if (v['Fn::Join']) return (v['Fn::Join'][1] as unknown[]).map(render).join(v['Fn::Join'][0]);
  return JSON.stringify(v);
}

/** Every (action, resource, condition) an inline policy attached to `roleId` allows, as sorted lines. */
function allowedBy(s: Synthesized, roleId: string): string[] {
  const lines: string[] = [];
  for (const r of Object.values(s.json.Resources)) {
    if (r.Type !== 'AWS::IAM::Policy') continue;
    if (!(r.Properties!.Roles as Array<{ Ref: string }>).some((x) => x.Ref === roleId)) continue;
    for (const st of r.Properties!.PolicyDocument.Statement) {
      assert.equal(st.Effect, 'Allow');
      const actions: string[] = [st.Action].flat();
      const resources: unknown[] = [st.Resource].flat();
      for (const a of actions) for (const res of resources) {
        lines.push(`${a} ${render(res)}${st.Condition ? ` if ${JSON.stringify(st.Condition)}` : ''}`);
      }
    }
  }
  return lines.sort();
}

function roleOf(s: Synthesized, fnId: string): string {
  return s.json.Resources[fnId].Properties!.Role['Fn::GetAtt'][0];
}

describe('KokuPipelineStack', () => {
  describe('S3 notification', () => {
    it('sends only ObjectCreated of .parquet keys under data/parquet/ to the ingest queue', () => {
      const s = synth();
      s.template.resourceCountIs('Custom::S3BucketNotifications', 1);
      s.template.hasResourceProperties('Custom::S3BucketNotifications', {
        BucketName: { Ref: s.id(s.stack.dataBucket) },
        Managed: true,
        NotificationConfiguration: {
          QueueConfigurations: [{
            Events: ['s3:ObjectCreated:*'],
            Filter: { Key: { FilterRules: Match.anyValue() } },
            QueueArn: { 'Fn::GetAtt': [s.id(s.stack.ingest.queue), 'Arn'] },
          }],
        },
      });
      const rules = Object.values(s.json.Resources).find((r) => r.Type === 'Custom::S3BucketNotifications')!
        .Properties!.NotificationConfiguration.QueueConfigurations[0].Filter.Key.FilterRules as Array<{ Name: string; Value: string }>;
      // Lower-case rule names: moto answers HTTP 500 to "Prefix"/"Suffix" (emulators §1.1).
      assert.deepEqual(rules.map((r) => `${r.Name}=${r.Value}`).sort(), ['prefix=data/parquet/', 'suffix=.parquet']);
    });

    it('keeps the existing notifications of an imported bucket and creates no data bucket', () => {
      const s = synth({ dataBucketName: 'koku-report-bucket', dataPrefix: 'data/parquet/' });
      s.template.hasResourceProperties('Custom::S3BucketNotifications', { BucketName: 'koku-report-bucket', Managed: false });
      s.template.resourceCountIs('AWS::S3::Bucket', 1); // the partials bucket only
      assert.deepEqual(s.json.Outputs[outputKeys.dataBucket].Value, 'koku-report-bucket');
    });

    it('lets S3 (and only S3 from this bucket) send to the ingest queue', () => {
      const s = synth();
      s.template.hasResourceProperties('AWS::SQS::QueuePolicy', {
        Queues: [{ Ref: s.id(s.stack.ingest.queue) }],
        PolicyDocument: {
          Statement: Match.arrayWith([Match.objectLike({
            Action: Match.arrayWith(['sqs:SendMessage']),
            Principal: { Service: 's3.amazonaws.com' },
            Condition: { ArnLike: { 'aws:SourceArn': { 'Fn::GetAtt': [s.id(s.stack.dataBucket), 'Arn'] } } },
          })]),
        },
      });
    });
  });

  describe('buckets', () => {
    it('creates private, SSE-S3, TLS-only data and partials buckets', () => {
      const s = synth();
      s.template.resourceCountIs('AWS::S3::Bucket', 2);
      s.template.allResourcesProperties('AWS::S3::Bucket', {
        PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
        BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      });
      s.template.resourceCountIs('AWS::S3::BucketPolicy', 2);
      s.template.allResourcesProperties('AWS::S3::BucketPolicy', {
        PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
      });
    });

    it('retains buckets on AWS and lets local stacks be torn down', () => {
      synth().template.allResources('AWS::S3::Bucket', { DeletionPolicy: 'Retain' });
      synth(localContext).template.allResources('AWS::S3::Bucket', { DeletionPolicy: 'Delete' });
    });

    it('expires partials only when asked', () => {
      const s = synth({ partialsExpirationDays: 45 });
      s.template.hasResourceProperties('AWS::S3::Bucket', {
        LifecycleConfiguration: { Rules: [Match.objectLike({ ExpirationInDays: 45 })] },
      });
      const plain = synth();
      for (const r of Object.values(plain.json.Resources).filter((x) => x.Type === 'AWS::S3::Bucket')) {
        assert.equal(r.Properties!.LifecycleConfiguration.Rules[0].ExpirationInDays, undefined);
      }
    });
  });

  describe('queues', () => {
    it('gives the ingest queue a DLQ with maxReceiveCount and a visibility 6x the aggregator timeout', () => {
      const s = synth();
      s.template.hasResourceProperties('AWS::SQS::Queue', {
        RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': [s.id(s.stack.ingest.deadLetterQueue), 'Arn'] }, maxReceiveCount: 5 },
        VisibilityTimeout: 6 * 300 + 5,
        SqsManagedSseEnabled: true,
      });
    });

    it('makes the finalize queue and its DLQ FIFO with explicit .fifo names and no content-based dedup', () => {
      const s = synth();
      s.template.hasResourceProperties('AWS::SQS::Queue', {
        QueueName: 'KokuPipeline-finalize.fifo',
        FifoQueue: true,
        ContentBasedDeduplication: false,
        RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': [s.id(s.stack.finalize.deadLetterQueue), 'Arn'] }, maxReceiveCount: 5 },
        VisibilityTimeout: 6 * 300,
      });
      s.template.hasResourceProperties('AWS::SQS::Queue', { QueueName: 'KokuPipeline-finalize-dlq.fifo', FifoQueue: true });
      s.template.resourceCountIs('AWS::SQS::Queue', 4);
    });

    it('uses short visibility and fewer receives on local targets, and honours overrides', () => {
      const local = synth(localContext);
      local.template.hasResourceProperties('AWS::SQS::Queue', { QueueName: 'KokuPipeline-finalize.fifo', VisibilityTimeout: 60, RedrivePolicy: Match.objectLike({ maxReceiveCount: 3 }) });
      local.template.hasResourceProperties('AWS::SQS::Queue', { VisibilityTimeout: 60, RedrivePolicy: Match.objectLike({ maxReceiveCount: 3 }), FifoQueue: Match.absent() });
      synth({ target: 'moto' }).template.hasResourceProperties('AWS::SQS::Queue', { QueueName: 'KokuPipeline-finalize.fifo', VisibilityTimeout: 30 });
      const tuned = synth({ ...localContext, visibilityTimeoutSeconds: '90', maxReceiveCount: '2', stackName: 'KokuTest' });
      tuned.template.hasResourceProperties('AWS::SQS::Queue', { QueueName: 'KokuTest-finalize.fifo', VisibilityTimeout: 90, RedrivePolicy: Match.objectLike({ maxReceiveCount: 2 }) });
    });

    it('refuses a visibility timeout shorter than the function timeout', () => {
      const app = new App({ context: { target: 'localstack', visibilityTimeoutSeconds: '45' } });
      assert.throws(() => readPipelineConfig(app.node), /visibilityTimeoutSeconds.*at least the function timeouts/);
    });
  });

  describe('event sources', () => {
    it('reports batch item failures on both, with the configured batch, window and concurrency', () => {
      const s = synth({ ingestBatchSize: '25', ingestBatchingWindowSeconds: '10', dayAggregatorMaxConcurrency: '7', finalizeBatchSize: '4', finalizerMaxConcurrency: '3' });
      s.template.resourceCountIs('AWS::Lambda::EventSourceMapping', 2);
      s.template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
        EventSourceArn: { 'Fn::GetAtt': [s.id(s.stack.ingest.queue), 'Arn'] },
        FunctionName: { Ref: s.id(s.stack.dayAggregator) },
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        BatchSize: 25,
        MaximumBatchingWindowInSeconds: 10,
        ScalingConfig: { MaximumConcurrency: 7 },
        Enabled: true,
      });
      s.template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
        EventSourceArn: { 'Fn::GetAtt': [s.id(s.stack.finalize.queue), 'Arn'] },
        FunctionName: { Ref: s.id(s.stack.finalizer) },
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        BatchSize: 4,
        MaximumBatchingWindowInSeconds: Match.absent(),
        ScalingConfig: { MaximumConcurrency: 3 },
        Enabled: true,
      });
    });

    it('synthesizes disabled mappings for moto, whose mappings would eat messages without Docker', () => {
      synth({ target: 'moto' }).template.allResourcesProperties('AWS::Lambda::EventSourceMapping', { Enabled: false });
    });

    it('rejects a batch above 10 without a batching window', () => {
      const app = new App({ context: { target: 'localstack', ingestBatchSize: '50' } });
      assert.throws(() => readPipelineConfig(app.node), /ingestBatchSize/);
    });
  });

  describe('functions', () => {
    it('run Node 22 ESM bundles with the environment contract', () => {
      const s = synth({ dbSecretArn: secretArn });
      const common = {
        DATA_BUCKET: { Ref: s.id(s.stack.dataBucket) },
        PARTIALS_BUCKET: { Ref: s.id(s.stack.partialsBucket) },
        PARTIALS_PREFIX: 'partials/',
        DB_SECRET_ARN: secretArn,
        LOG_LEVEL: 'INFO',
      };
      s.template.hasResourceProperties('AWS::Lambda::Function', {
        Runtime: 'nodejs22.x',
        Handler: 'index.handler',
        MemorySize: 2048,
        Timeout: 300,
        Architectures: ['arm64'],
        Environment: { Variables: { ...common, POWERTOOLS_SERVICE_NAME: 'koku-day-aggregator', FINALIZE_QUEUE_URL: { Ref: s.id(s.stack.finalize.queue) } } },
      });
      const fin = s.json.Resources[s.id(s.stack.finalizer)].Properties!;
      assert.equal(fin.Runtime, 'nodejs22.x');
      assert.deepEqual({ ...fin.Environment.Variables, NODE_OPTIONS: undefined }, { ...common, POWERTOOLS_SERVICE_NAME: 'koku-finalizer', PROVIDER_METADATA: 'standalone', NODE_OPTIONS: undefined });
      assert.equal(fin.Environment.Variables.DATABASE_URL, undefined);
    });

    it('passes DATABASE_URL on local targets and applies memory/timeout context', () => {
      const s = synth({ ...localContext, dayAggregatorMemoryMb: '3008', finalizerTimeoutSeconds: '20', createReportPeriods: 'true' });
      const day = s.json.Resources[s.id(s.stack.dayAggregator)].Properties!;
      assert.equal(day.Environment.Variables.DATABASE_URL, 'postgres://koku:koku@postgres:5432/koku');
      assert.equal(day.Environment.Variables.DB_SECRET_ARN, undefined);
      assert.equal(day.Environment.Variables.CREATE_REPORT_PERIODS, undefined, 'only the finalizer creates report periods');
      assert.equal(s.json.Resources[s.id(s.stack.finalizer)].Properties!.Environment.Variables.CREATE_REPORT_PERIODS, 'true');
      assert.equal(day.MemorySize, 3008);
      assert.deepEqual(day.Architectures, ['x86_64']);
      assert.equal(s.json.Resources[s.id(s.stack.finalizer)].Properties!.Timeout, 20);
    });

    it('asks for the secret ARN as a deploy-time parameter when no database is given for AWS', () => {
      const s = synth();
      assert.ok(s.json.Parameters?.DbSecretArn, 'DbSecretArn parameter');
      s.template.hasResourceProperties('AWS::Lambda::Function', { Environment: { Variables: Match.objectLike({ DB_SECRET_ARN: { Ref: 'DbSecretArn' } }) } });
    });

    it('wires the optional completion queue into the finalizer only, and the shadow schema into both', () => {
      const completionArn = 'arn:aws:sqs:us-east-1:111122223333:koku-summary-committed';
      const s = synth({ dbSecretArn: secretArn, completionQueueArn: completionArn, shadowSchemaSuffix: '_shadow' });
      const fin = s.json.Resources[s.id(s.stack.finalizer)].Properties!.Environment.Variables;
      assert.equal(fin.SHADOW_SCHEMA_SUFFIX, '_shadow');
      assert.ok(JSON.stringify(fin.COMPLETION_QUEUE_URL).includes('koku-summary-committed'), JSON.stringify(fin.COMPLETION_QUEUE_URL));
      const day = s.json.Resources[s.id(s.stack.dayAggregator)].Properties!.Environment.Variables;
      assert.equal(day.COMPLETION_QUEUE_URL, undefined);
      assert.equal(day.SHADOW_SCHEMA_SUFFIX, '_shadow', 'the day-aggregator reads the registry the finalizer keeps there');
      assert.ok(allowedBy(s, roleOf(s, s.id(s.stack.finalizer))).includes(`sqs:SendMessage ${completionArn}`));
      assert.ok(!allowedBy(s, roleOf(s, s.id(s.stack.dayAggregator))).includes(`sqs:SendMessage ${completionArn}`));
      assert.throws(() => readPipelineConfig(new App({ context: { completionQueueArn: 'https://sqs/x' } }).node), /completionQueueArn/);
    });

    it('passes the database and task settings given as context to the functions that read them', () => {
      const s = synth({
        dbSecretArn: secretArn, dbSsl: 'verify-full', dbPoolMax: '4', dayTaskConcurrency: '3', parquetBatchSize: '32768', kokuPublicSchema: 'koku_public',
      });
      const day = s.json.Resources[s.id(s.stack.dayAggregator)].Properties!.Environment.Variables;
      const fin = s.json.Resources[s.id(s.stack.finalizer)].Properties!.Environment.Variables;
      for (const env of [day, fin]) {
        assert.equal(env.DB_SSL, 'verify-full');
        assert.equal(env.DB_POOL_MAX, '4');
        assert.equal(env.NODE_EXTRA_CA_CERTS, '/var/runtime/ca-cert.pem', 'RDS certificates are in the runtime bundle, not in Node\'s CAs');
      }
      assert.deepEqual([day.DAY_TASK_CONCURRENCY, day.PARQUET_BATCH_SIZE, day.KOKU_PUBLIC_SCHEMA], ['3', '32768', undefined]);
      assert.deepEqual([fin.DAY_TASK_CONCURRENCY, fin.PARQUET_BATCH_SIZE, fin.KOKU_PUBLIC_SCHEMA], [undefined, undefined, 'koku_public']);
      const defaults = synth({ dbSecretArn: secretArn }).json.Resources;
      for (const fn of [s.stack.dayAggregator, s.stack.finalizer]) {
        const env = defaults[s.id(fn)].Properties!.Environment.Variables;
        assert.deepEqual([env.DB_SSL, env.DB_POOL_MAX, env.NODE_EXTRA_CA_CERTS], [undefined, undefined, undefined], 'unset keys keep the functions\' defaults');
      }
      for (const [key, value] of [['dbSsl', 'yes'], ['dbPoolMax', '0'], ['parquetBatchSize', '10'], ['kokuPublicSchema', 'Public; DROP']]) {
        assert.throws(() => readPipelineConfig(new App({ context: { [key]: value } }).node), new RegExp(key));
      }
    });

    it('attaches to the given VPC subnets and security group', () => {
      const s = synth({ vpcId: 'vpc-0abc', subnetIds: 'subnet-1,subnet-2', securityGroupId: 'sg-9', dbSecretArn: secretArn });
      s.template.hasResourceProperties('AWS::Lambda::Function', {
        VpcConfig: { SubnetIds: ['subnet-1', 'subnet-2'], SecurityGroupIds: ['sg-9'] },
      });
    });

    it('rejects unknown targets and two database settings', () => {
      assert.throws(() => readPipelineConfig(new App({ context: { target: 'gcp' } }).node), /target/);
      assert.throws(() => readPipelineConfig(new App({ context: { dbSecretArn: secretArn, databaseUrl: 'postgres://x' } }).node), /either dbSecretArn or databaseUrl/);
    });
  });

  describe('IAM', () => {
    const consume = (queue: string) => ['sqs:ChangeMessageVisibility', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:ReceiveMessage']
      .map((a) => `${a} {${queue}.Arn}`);

    it('grants the day-aggregator exactly: read data/parquet/, read+write partials, send to the finalize queue, read the secret', () => {
      const s = synth({ dbSecretArn: secretArn });
      const data = s.id(s.stack.dataBucket);
      const partials = s.id(s.stack.partialsBucket);
      const logs = s.id(s.stack.dayAggregator.logGroup as unknown as IConstruct);
      assert.deepEqual(allowedBy(s, roleOf(s, s.id(s.stack.dayAggregator))), [
        `logs:CreateLogStream {${logs}.Arn}`,
        `logs:PutLogEvents {${logs}.Arn}`,
        `s3:GetObject {${data}.Arn}/data/parquet/*`,
        `s3:GetObject {${partials}.Arn}/partials/*`,
        `s3:ListBucket {${data}.Arn} if {"StringLike":{"s3:prefix":["data/parquet/*"]}}`,
        `s3:ListBucket {${partials}.Arn}`,
        `s3:PutObject {${partials}.Arn}/partials/*`,
        `secretsmanager:DescribeSecret ${secretArn}`,
        `secretsmanager:GetSecretValue ${secretArn}`,
        `sqs:SendMessage {${s.id(s.stack.finalize.queue)}.Arn}`,
        ...consume(s.id(s.stack.ingest.queue)),
      ].sort());
    });

    it('grants the finalizer only reads, its queue and the secret', () => {
      const s = synth({ dbSecretArn: secretArn });
      const data = s.id(s.stack.dataBucket);
      const partials = s.id(s.stack.partialsBucket);
      const logs = s.id(s.stack.finalizer.logGroup as unknown as IConstruct);
      assert.deepEqual(allowedBy(s, roleOf(s, s.id(s.stack.finalizer))), [
        `logs:CreateLogStream {${logs}.Arn}`,
        `logs:PutLogEvents {${logs}.Arn}`,
        `s3:GetObject {${data}.Arn}/data/parquet/*`,
        `s3:GetObject {${partials}.Arn}/partials/*`,
        `s3:ListBucket {${data}.Arn} if {"StringLike":{"s3:prefix":["data/parquet/*"]}}`,
        `s3:ListBucket {${partials}.Arn}`,
        `secretsmanager:DescribeSecret ${secretArn}`,
        `secretsmanager:GetSecretValue ${secretArn}`,
        ...consume(s.id(s.stack.finalize.queue)),
      ].sort());
    });

    it('scopes listing of an imported partials bucket to the prefix and uses no managed policies', () => {
      const s = synth({ partialsBucketName: 'shared-bucket', partialsPrefix: 'koku-partials/', databaseUrl: 'postgres://u:p@db/koku' });
      const lines = allowedBy(s, roleOf(s, s.id(s.stack.finalizer)));
      assert.ok(lines.includes('s3:ListBucket arn:{AWS::Partition}:s3:::shared-bucket if {"StringLike":{"s3:prefix":["koku-partials/*"]}}'), lines.join('\n'));
      assert.ok(lines.includes('s3:GetObject arn:{AWS::Partition}:s3:::shared-bucket/koku-partials/*'), lines.join('\n'));
      assert.ok(!lines.some((l) => l.startsWith('secretsmanager:')), 'no secret access with a URL');
      for (const fn of [s.stack.dayAggregator, s.stack.finalizer]) {
        assert.equal(s.json.Resources[roleOf(s, s.id(fn))].Properties!.ManagedPolicyArns, undefined);
      }
    });

    it('never grants wildcard actions to the pipeline roles', () => {
      const s = synth();
      for (const fn of [s.stack.dayAggregator, s.stack.finalizer]) {
        for (const line of allowedBy(s, roleOf(s, s.id(fn)))) assert.doesNotMatch(line.split(' ')[0], /\*/, line);
      }
    });
  });

  describe('alarms', () => {
    it('watches DLQ depth, function errors and the age of the oldest message', () => {
      const s = synth({ alarmTopicArn: 'arn:aws:sns:us-east-1:111122223333:koku-alerts' });
      s.template.resourceCountIs('AWS::CloudWatch::Alarm', 6);
      for (const dlq of [s.stack.ingest.deadLetterQueue, s.stack.finalize.deadLetterQueue]) {
        s.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
          MetricName: 'ApproximateNumberOfMessagesVisible', Namespace: 'AWS/SQS', Threshold: 1,
          ComparisonOperator: 'GreaterThanOrEqualToThreshold',
          Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [s.id(dlq), 'QueueName'] } }],
          AlarmActions: ['arn:aws:sns:us-east-1:111122223333:koku-alerts'],
        });
      }
      for (const q of [s.stack.ingest.queue, s.stack.finalize.queue]) {
        s.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
          MetricName: 'ApproximateAgeOfOldestMessage', Threshold: 1800,
          Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [s.id(q), 'QueueName'] } }],
        });
      }
      for (const fn of [s.stack.dayAggregator, s.stack.finalizer]) {
        s.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
          MetricName: 'Errors', Namespace: 'AWS/Lambda', Statistic: 'Sum', Threshold: 1,
          Dimensions: [{ Name: 'FunctionName', Value: { Ref: s.id(fn) } }],
        });
      }
    });
  });

  it('passes CloudFormation validation', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'koku-cdk-validate-'));
    try {
      const app = new App({ outdir, context: { ...cdkJsonContext, 'aws:cdk:bundling-stacks': [] } });
      const config = readPipelineConfig(app.node);
      new KokuPipelineStack(app, config.stackName, { config });
      app.synth();
      const report = JSON.parse(readFileSync(join(outdir, 'validation-report.json'), 'utf8')) as { pluginReports: Array<{ pluginName: string; violations: unknown[] }> };
      // The acknowledged W2509 (an ARN parameter named "…Secret…") leaves a report, which proves the validator ran.
      assert.ok(report.pluginReports.some((r) => r.pluginName === 'CloudFormation Validate'), 'validation ran');
      for (const r of report.pluginReports) assert.deepEqual(r.violations, [], `${r.pluginName}: ${JSON.stringify(r.violations)}`);
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });

  describe('outputs', () => {
    it('exports the buckets, queue URLs for replay, DLQ URLs and function names', () => {
      const s = synth();
      const o = s.json.Outputs;
      assert.deepEqual(o[outputKeys.dataBucket].Value, { Ref: s.id(s.stack.dataBucket) });
      assert.deepEqual(o[outputKeys.partialsBucket].Value, { Ref: s.id(s.stack.partialsBucket) });
      assert.equal(o[outputKeys.dataPrefix].Value, 'data/parquet/');
      assert.equal(o[outputKeys.partialsPrefix].Value, 'partials/');
      assert.deepEqual(o[outputKeys.ingestQueueUrl].Value, { Ref: s.id(s.stack.ingest.queue) });
      assert.deepEqual(o[outputKeys.ingestDlqUrl].Value, { Ref: s.id(s.stack.ingest.deadLetterQueue) });
      assert.deepEqual(o[outputKeys.finalizeQueueUrl].Value, { Ref: s.id(s.stack.finalize.queue) });
      assert.deepEqual(o[outputKeys.finalizeDlqUrl].Value, { Ref: s.id(s.stack.finalize.deadLetterQueue) });
      assert.deepEqual(o[outputKeys.dayAggregatorFunction].Value, { Ref: s.id(s.stack.dayAggregator) });
      assert.deepEqual(o[outputKeys.finalizerFunction].Value, { Ref: s.id(s.stack.finalizer) });
    });
  });
});
