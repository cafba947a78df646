import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack, aws_lambda as lambda, aws_lambda_nodejs as nodejs } from 'aws-cdk-lib';
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { KokuPipelineStack } from '../../infra/kokuPipelineStack.js';
import { lambdaBundling, projectRoot } from '../../infra/lambdaBundling.js';
import { readPipelineConfig } from '../../infra/pipelineConfig.js';

// Builds the Lambda assets exactly as `cdk deploy` does (NodejsFunction + local esbuild + the wasm copy hook),
// copies each to a directory with no node_modules above it, and runs it on this Node with a fake SQS event.

const runner = `
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
const [dir, eventJson] = process.argv.slice(2);
const { handler } = await import(pathToFileURL(join(dir, 'index.mjs')).href);
const context = {
  functionName: 'bundle-test', functionVersion: '$LATEST', memoryLimitInMB: '1024', awsRequestId: 'req-1',
  invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:bundle-test', logGroupName: 'g', logStreamName: 's',
  callbackWaitsForEmptyEventLoop: true, getRemainingTimeInMillis: () => 30000, done() {}, fail() {}, succeed() {},
};
let result;
try {
  result = await handler(JSON.parse(eventJson), context);
} catch (err) {
  // What Lambda does with a throw: the whole batch goes back to the queue.
  result = { thrown: err?.name ?? String(err) };
}
process.stdout.write('\\nRESULT ' + JSON.stringify(result) + '\\n');
process.exit(0);
`;

// Lambda runs nodejs22.x; this Node is 20. KOKU_TEST_LAMBDA_NODE may name a Node 22 binary to run the bundles with.
const lambdaNode = process.env.KOKU_TEST_LAMBDA_NODE ?? process.execPath;

// Nothing listens on port 1: any unexpected network call fails fast instead of hanging.
const lambdaEnv = {
  PATH: process.env.PATH ?? '',
  NODE_OPTIONS: '--enable-source-maps',
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'test',
  AWS_SECRET_ACCESS_KEY: 'test',
  AWS_ENDPOINT_URL: 'http://127.0.0.1:1',
  DATA_BUCKET: 'koku-data',
  PARTIALS_BUCKET: 'koku-partials',
  PARTIALS_PREFIX: 'partials/',
  DATABASE_URL: 'postgres://koku:koku@127.0.0.1:1/koku',
  FINALIZE_QUEUE_URL: 'http://127.0.0.1:1/123456789012/KokuPipeline-finalize.fifo',
  LOG_LEVEL: 'ERROR',
  POWERTOOLS_SERVICE_NAME: 'bundle-test',
};

function sqsRecord(messageId: string, body: string, fifoGroup?: string): SQSRecord {
  return {
    messageId,
    receiptHandle: `rh-${messageId}`,
    body,
    attributes: {
      ApproximateReceiveCount: '1',
      SentTimestamp: '1761955200000',
      SenderId: 'AIDA',
      ApproximateFirstReceiveTimestamp: '1761955200001',
      ...(fifoGroup ? { MessageGroupId: fifoGroup, MessageDeduplicationId: messageId, SequenceNumber: '1' } : {}),
    },
    messageAttributes: {},
    md5OfBody: '0',
    eventSource: 'aws:sqs',
    eventSourceARN: 'arn:aws:sqs:us-east-1:123456789012:q',
    awsRegion: 'us-east-1',
  };
}

function run(bundleDir: string, event: unknown): { result: any; output: string } {
  const runnerDir = mkdtempSync(join(tmpdir(), 'koku-bundle-runner-'));
  const runnerPath = join(runnerDir, 'runner.mjs');
  writeFileSync(runnerPath, runner);
  const r = spawnSync(lambdaNode, [runnerPath, bundleDir, JSON.stringify(event)], { env: lambdaEnv, encoding: 'utf8', timeout: 60_000 });
  rmSync(runnerDir, { recursive: true, force: true });
  const output = `${r.stdout}\n${r.stderr}`;
  const line = r.stdout.split('\n').find((l) => l.startsWith('RESULT '));
  assert.ok(line, `the bundle in ${bundleDir} did not answer (exit ${r.status}):\n${output.slice(-4000)}`);
  return { result: JSON.parse(line.slice('RESULT '.length)), output };
}

function dirBytes(dir: string): number {
  return readdirSync(dir, { recursive: true }).reduce((n, f) => {
    const s = statSync(join(dir, String(f)));
    return s.isFile() ? n + s.size : n;
  }, 0);
}

describe('Lambda bundles (NodejsFunction, local esbuild)', () => {
  const work = mkdtempSync(join(tmpdir(), 'koku-bundle-'));
  const bundles: Record<'dayAggregator' | 'finalizer' | 'probe', string> = { dayAggregator: '', finalizer: '', probe: '' };

  before(() => {
    const outdir = join(work, 'cdk.out');
    const app = new App({ outdir, builtinCloudFormationValidation: false, context: { target: 'localstack', 'aws:cdk:enable-asset-metadata': true } });
    const config = readPipelineConfig(app.node);
    const stack = new KokuPipelineStack(app, config.stackName, { config });
    const probeStack = new Stack(app, 'ParquetWasmProbe');
    const probe = new nodejs.NodejsFunction(probeStack, 'Probe', {
      entry: join(projectRoot, 'test', 'infra', 'fixtures', 'parquetWasmProbe.ts'),
      projectRoot,
      depsLockFilePath: join(projectRoot, 'package-lock.json'),
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.X86_64,
      bundling: lambdaBundling('x86_64'),
    });
    const assembly = app.synth();
    const assetDir = (stackName: string, logicalId: string): string => {
      const template = assembly.getStackByName(stackName).template as { Resources: Record<string, { Metadata?: Record<string, string> }> };
      const path = template.Resources[logicalId]?.Metadata?.['aws:asset:path'];
      assert.ok(path, `no asset for ${stackName}/${logicalId}`);
      // A fresh directory outside the repository, so nothing can resolve from our node_modules.
      const copy = join(work, `run-${logicalId}`);
      cpSync(join(outdir, path), copy, { recursive: true });
      return copy;
    };
    const id = (s: Stack, c: lambda.Function) => s.getLogicalId(c.node.defaultChild as lambda.CfnFunction);
    bundles.dayAggregator = assetDir(stack.stackName, id(stack, stack.dayAggregator));
    bundles.finalizer = assetDir(stack.stackName, id(stack, stack.finalizer));
    bundles.probe = assetDir(probeStack.stackName, id(probeStack, probe));
  });

  after(() => rmSync(work, { recursive: true, force: true }));

  it('ships an ESM bundle and the parquet-wasm binary where lib/parquet/wasm.ts resolves it', () => {
    for (const [name, dir] of Object.entries(bundles)) {
      assert.ok(existsSync(join(dir, 'index.mjs')), `${name}: index.mjs`);
      assert.ok(existsSync(join(dir, 'node_modules', 'parquet-wasm', 'package.json')), `${name}: parquet-wasm/package.json`);
      assert.ok(statSync(join(dir, 'node_modules', 'parquet-wasm', 'esm', 'parquet_wasm_bg.wasm')).size > 1_000_000, `${name}: wasm`);
      // Lambda's unzipped limit is 250 MB; a bundle near it means something (a native module?) slipped in.
      assert.ok(dirBytes(dir) < 40_000_000, `${name}: ${dirBytes(dir)} bytes`);
    }
  });

  it('loads parquet-wasm and round-trips a Parquet table from the bundle, with the native snappy decoder on x86_64', () => {
    const { result } = run(bundles.probe, {});
    // CI runs on linux x64, where npm ci installs the binary the x86_64 bundle ships; elsewhere the JS decoder runs.
    const expected = process.platform === 'linux' && process.arch === 'x64' ? 'native' : 'js';
    assert.deepEqual(result, { rows: 3, total: 6.5, snappy: expected });
  });

  it('ships the native snappy binary only for the architecture npm installed it for', (t) => {
    if (process.platform !== 'linux' || process.arch !== 'x64') return t.skip('the expectation below is for linux x64 (CI)');
    const hooks = (arch: 'arm64' | 'x86_64') => lambdaBundling(arch).commandHooks!.afterBundling(projectRoot, '/out').join('\n');
    assert.match(hooks('x86_64'), /snappy-linux-x64-gnu/);
    assert.doesNotMatch(hooks('arm64'), /snappy/);
  });

  it('day-aggregator: acknowledges an s3:TestEvent and reports a malformed message as a batch item failure', () => {
    const testEvent = JSON.stringify({ Service: 'Amazon S3', Event: 's3:TestEvent', Time: '2025-10-01T00:00:00.000Z', Bucket: 'koku-data' });
    const event: SQSEvent = { Records: [sqsRecord('m-test', testEvent), sqsRecord('m-bad', 'this is not json')] };
    const { result, output } = run(bundles.dayAggregator, event);
    assert.deepEqual(result, { batchItemFailures: [{ itemIdentifier: 'm-bad' }] }, output.slice(-3000));
  });

  it('finalizer: fails a batch of malformed FIFO messages as a whole (Powertools throws when every record failed)', () => {
    const event: SQSEvent = { Records: [sqsRecord('f-bad', '{"type":"nonsense"}', 'g1'), sqsRecord('f-next', '{"type":"nonsense"}', 'g1')] };
    const { result, output } = run(bundles.finalizer, event);
    assert.deepEqual(result, { thrown: 'FullBatchFailureError' }, output.slice(-3000));
    assert.match(output, /message f-bad: invalid finalize message/, 'the failure names the message');
  });
});
