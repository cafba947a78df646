/**
 * Deploys the real CDK stack (target=moto) into a moto server and returns what was deployed, so tests can drive
 * the deployed wiring (notification filter, queues, DLQs, batch sizes, Lambda environment) instead of a copy.
 *
 * moto cannot run Lambdas, so three gaps are closed here (notes/emulators.md §2):
 * - `Custom::S3BucketNotifications` would wait forever for its Python handler: we apply its notification
 *   configuration ourselves and send the CloudFormation response (§2.2);
 * - moto's event source mappings would consume messages inside SendMessage: they are synthesized disabled for
 *   target=moto and any still enabled are disabled here (§2.4); tests poll with the mapping's settings instead;
 * - CloudFormation queue URLs point at sqs.<region>.amazonaws.com: they are rewritten to the emulator.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GetBucketNotificationConfigurationCommand, PutBucketNotificationConfigurationCommand, S3Client } from '@aws-sdk/client-s3';
import type { NotificationConfiguration } from '@aws-sdk/client-s3';
import { GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { outputKeys } from '../../infra/kokuPipelineStack.js';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const cdkBin = join(projectRoot, 'node_modules', 'aws-cdk', 'bin', 'cdk');
const region = 'us-east-1';
const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };
const callTimeoutMs = 20_000;

export interface DeployedQueue {
  /** Rewritten to the emulator endpoint. */
  url: string;
  arn: string;
  dlqUrl: string;
  visibilityTimeoutSeconds: number;
  maxReceiveCount: number;
  fifo: boolean;
}

export interface DeployedFunction {
  functionName: string;
  /** From GetFunctionConfiguration; values that are queue URLs are rewritten to the emulator endpoint. */
  environment: Record<string, string>;
  timeoutSeconds: number;
  /** The queue its event source mapping reads (the mapping itself is disabled: tests play Lambda's poller). */
  queueUrl: string;
  eventSourceMappingUuid: string;
  batchSize: number;
  maximumBatchingWindowInSeconds: number;
  reportBatchItemFailures: boolean;
  maxConcurrency?: number;
}

export interface MotoStackTopology {
  endpoint: string;
  region: string;
  accountId: string;
  stackName: string;
  stackId: string;
  dataBucket: string;
  dataPrefix: string;
  partialsBucket: string;
  partialsPrefix: string;
  ingestQueueUrl: string;
  ingestDlqUrl: string;
  finalizeQueueUrl: string;
  finalizeDlqUrl: string;
  queues: { ingest: DeployedQueue; finalize: DeployedQueue };
  functions: { dayAggregator: DeployedFunction; finalizer: DeployedFunction };
  /** Raw stack outputs (queue URLs as CloudFormation reported them). */
  outputs: Record<string, string>;
  /** Seconds spent in bootstrap (0 when already bootstrapped) and deploy. */
  timings: { bootstrapSeconds: number; deploySeconds: number };
  /** Deletes the stack (best effort; leaves the shared CDKToolkit bootstrap in place). */
  destroy(): Promise<void>;
}

export interface DeployMotoStackOptions {
  /** moto base URL; defaults to KOKU_TEST_AWS_ENDPOINT. */
  endpoint?: string;
  /** Unique per call by default, so tests sharing one moto never collide. */
  stackName?: string;
  /** Becomes the functions' DATABASE_URL (`-c databaseUrl=`). */
  databaseUrl?: string;
  /** Extra CDK context (`-c key=value`), e.g. `{ ingestBatchSize: '5' }`. */
  context?: Record<string, string>;
  /** Receives the CDK CLI's output lines (default: kept, and shown only if the deploy fails). */
  log?: (line: string) => void;
  timeoutMs?: number;
}

/**
 * `cdk bootstrap` (once per moto) and `cdk deploy --method=direct` of the pipeline stack into moto.
 *
 * @example
 * const topology = await deployMotoStack({ databaseUrl: process.env.KOKU_TEST_DATABASE_URL });
 * await s3.send(new PutObjectCommand({ Bucket: topology.dataBucket, Key: 'data/parquet/…/x.parquet', Body }));
 * // poll topology.ingestQueueUrl with topology.functions.dayAggregator.batchSize …
 * await topology.destroy();
 */
export async function deployMotoStack(options: DeployMotoStackOptions = {}): Promise<MotoStackTopology> {
  const endpoint = (options.endpoint ?? process.env.KOKU_TEST_AWS_ENDPOINT ?? '').replace(/\/+$/, '');
  // KOKU_TEST_CDK_LOG=1 streams the CDK CLI's output to stderr (otherwise it is shown only when the deploy fails).
  const log = options.log ?? (process.env.KOKU_TEST_CDK_LOG ? (line: string) => process.stderr.write(`[cdk ${new Date().toISOString().slice(11, 19)}] ${line}\n`) : undefined);
  if (!endpoint) throw new Error('deployMotoStack: no moto endpoint (set KOKU_TEST_AWS_ENDPOINT or pass options.endpoint)');
  const stackName = options.stackName ?? `KokuPipelineT${randomBytes(4).toString('hex')}`;
  const timeoutMs = options.timeoutMs ?? 240_000;
  const deadline = Date.now() + timeoutMs;
  const api = new MotoApi(endpoint);
  // Bounded calls: a moto that stopped answering (seen after other suites) must fail the test, not hang it.
  const requestHandler = { connectionTimeout: 5_000, requestTimeout: callTimeoutMs };
  const s3 = new S3Client({ region, endpoint, credentials, forcePathStyle: true, requestHandler });
  const sqs = new SQSClient({ region, endpoint, credentials, requestHandler });

  const accountId = await api.accountId();
  const t0 = Date.now();
  let bootstrapSeconds = 0;
  if ((await api.stackStatus('CDKToolkit')) !== 'CREATE_COMPLETE') {
    const cwd = mkdtempSync(join(tmpdir(), 'koku-cdk-bootstrap-'));
    try {
      // From an empty directory, so the CLI does not synthesize the app just to bootstrap.
      await startCdk(['bootstrap', `aws://${accountId}/${region}`], endpoint, { cwd, deadline, log }).done;
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
    bootstrapSeconds = (Date.now() - t0) / 1000;
  }

  const outdir = mkdtempSync(join(tmpdir(), 'koku-cdk-moto-'));
  const t1 = Date.now();
  try {
    const context: Record<string, string> = { target: 'moto', stackName, ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}), ...options.context };
    const deploy = startCdk(
      ['deploy', stackName, '--require-approval', 'never', '--method=direct', '--output', outdir, '--progress', 'events',
        ...Object.entries(context).flatMap(([k, v]) => ['-c', `${k}=${v}`])],
      endpoint,
      { cwd: projectRoot, deadline, log },
    );
    try {
      await completeBucketNotifications({ api, s3, sqs, stackName, templatePath: join(outdir, `${stackName}.template.json`), deadline, done: deploy.done });
    } catch (err) {
      deploy.kill();
      throw err;
    }
    await deploy.done;
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
  const deploySeconds = (Date.now() - t1) / 1000;

  const stack = await api.describeStack(stackName);
  if (stack.status !== 'CREATE_COMPLETE' && stack.status !== 'UPDATE_COMPLETE') throw new Error(`stack ${stackName} ended in ${stack.status}`);
  const o = stack.outputs;
  const need = (key: string) => {
    const v = o[key];
    if (!v) throw new Error(`stack ${stackName} has no output ${key} (outputs: ${JSON.stringify(o)})`);
    return v;
  };
  const toEmulator = (url: string) => rewriteQueueUrl(url, endpoint);

  const queueInfo = async (urlKey: string, dlqKey: string): Promise<DeployedQueue> => {
    const url = toEmulator(need(urlKey));
    const attrs = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['All'] }))).Attributes ?? {};
    const redrive = JSON.parse(attrs.RedrivePolicy ?? '{}') as { maxReceiveCount?: number | string };
    return {
      url,
      arn: attrs.QueueArn ?? '',
      dlqUrl: toEmulator(need(dlqKey)),
      visibilityTimeoutSeconds: Number(attrs.VisibilityTimeout),
      maxReceiveCount: Number(redrive.maxReceiveCount),
      fifo: attrs.FifoQueue === 'true',
    };
  };
  const ingest = await queueInfo(outputKeys.ingestQueueUrl, outputKeys.ingestDlqUrl);
  const finalize = await queueInfo(outputKeys.finalizeQueueUrl, outputKeys.finalizeDlqUrl);
  const queueUrlByArn = new Map([[ingest.arn, ingest.url], [finalize.arn, finalize.url]]);

  const deployedFunction = async (outputName: string): Promise<DeployedFunction> => {
    const { name, mappings } = await functionWithMapping(api, outputName);
    if (mappings.length !== 1) throw new Error(`function ${name} has ${mappings.length} event source mappings, expected 1`);
    const config = await api.lambda<{ Environment?: { Variables?: Record<string, string> }; Timeout: number }>('GET', `/2015-03-31/functions/${encodeURIComponent(name)}/configuration`);
    const esm = mappings[0];
    if (esm.State !== 'Disabled') await api.lambda('PUT', `/2015-03-31/event-source-mappings/${esm.UUID}`, { Enabled: false });
    const environment: Record<string, string> = {};
    for (const [k, v] of Object.entries(config.Environment?.Variables ?? {})) environment[k] = looksLikeQueueUrl(v) ? toEmulator(v) : v;
    const queueUrl = queueUrlByArn.get(esm.EventSourceArn);
    if (!queueUrl) throw new Error(`function ${name} reads ${esm.EventSourceArn}, which is not a queue of stack ${stackName}`);
    return {
      functionName: name,
      environment,
      timeoutSeconds: config.Timeout,
      queueUrl,
      eventSourceMappingUuid: esm.UUID,
      batchSize: esm.BatchSize,
      maximumBatchingWindowInSeconds: esm.MaximumBatchingWindowInSeconds ?? 0,
      reportBatchItemFailures: (esm.FunctionResponseTypes ?? []).includes('ReportBatchItemFailures'),
      maxConcurrency: esm.ScalingConfig?.MaximumConcurrency,
    };
  };

  return {
    endpoint,
    region,
    accountId,
    stackName,
    stackId: stack.stackId,
    dataBucket: need(outputKeys.dataBucket),
    dataPrefix: need(outputKeys.dataPrefix),
    partialsBucket: need(outputKeys.partialsBucket),
    partialsPrefix: need(outputKeys.partialsPrefix),
    ingestQueueUrl: ingest.url,
    ingestDlqUrl: ingest.dlqUrl,
    finalizeQueueUrl: finalize.url,
    finalizeDlqUrl: finalize.dlqUrl,
    queues: { ingest, finalize },
    functions: {
      dayAggregator: await deployedFunction(need(outputKeys.dayAggregatorFunction)),
      finalizer: await deployedFunction(need(outputKeys.finalizerFunction)),
    },
    outputs: o,
    timings: { bootstrapSeconds, deploySeconds },
    destroy: async () => {
      try {
        await api.cloudformation({ Action: 'DeleteStack', StackName: stackName });
      } catch {
        // Best effort: a bucket that still holds objects can block deletion in moto; the server is thrown away anyway.
      }
    },
  };
}

/**
 * The function a stack output names, and its event source mappings. moto 5.2.1 sometimes creates a function twice
 * during one CreateStack (seen in about one full integration run in three, never in isolation): the queue's mapping
 * then points at one copy (`<stack>-<logicalId>-<suffix A>`) and the stack output at the other (suffix B). Both copies
 * come from the same template resource, so the one the queue is wired to is used, with a line on stderr. A function
 * whose logical id has no mapping at all still fails.
 */
async function functionWithMapping(api: MotoApi, outputName: string): Promise<{ name: string; mappings: EsmConfig[] }> {
  let mappings: EsmConfig[] = [];
  // moto has been seen to list a freshly deployed mapping only a moment later: ask again for a few seconds.
  for (let attempt = 0; attempt < 20 && mappings.length === 0; attempt++) {
    if (attempt > 0) await new Promise((r) => setTimeout(r, 500));
    mappings = (await api.lambda<{ EventSourceMappings?: EsmConfig[] }>('GET', `/2015-03-31/event-source-mappings/?FunctionName=${encodeURIComponent(outputName)}`)).EventSourceMappings ?? [];
  }
  if (mappings.length > 0) return { name: outputName, mappings };
  const sameResource = `${outputName.slice(0, outputName.lastIndexOf('-'))}-`;
  const all = (await api.lambda<{ EventSourceMappings?: EsmConfig[] }>('GET', '/2015-03-31/event-source-mappings/')).EventSourceMappings ?? [];
  const copies = all.filter((m) => (m.FunctionArn ?? '').split(':function:')[1]?.startsWith(sameResource));
  const name = copies[0]?.FunctionArn?.split(':function:')[1];
  if (copies.length !== 1 || name === undefined) {
    throw new Error(`function ${outputName} has 0 event source mappings, expected 1; moto holds: ${JSON.stringify(all.map((m) => ({ uuid: m.UUID, functionArn: m.FunctionArn, source: m.EventSourceArn })))}`);
  }
  process.stderr.write(`motoStack: moto created ${sameResource}* twice; using ${name}, the copy its queue is wired to (the stack output says ${outputName})\n`);
  return { name, mappings: copies };
}

interface EsmConfig {
  UUID: string;
  State: string;
  EventSourceArn: string;
  FunctionArn?: string;
  BatchSize: number;
  MaximumBatchingWindowInSeconds?: number;
  FunctionResponseTypes?: string[];
  ScalingConfig?: { MaximumConcurrency?: number };
}

/** `https://sqs.us-east-1.amazonaws.com/123456789012/q` → `<endpoint>/123456789012/q`. */
export function rewriteQueueUrl(url: string, endpoint: string): string {
  return `${endpoint}${new URL(url).pathname}`;
}

function looksLikeQueueUrl(value: string): boolean {
  return /^https?:\/\/[^/]+\/\d{12}\/[A-Za-z0-9_-]+(\.fifo)?$/.test(value);
}

/**
 * Plays the `Custom::S3BucketNotifications` handler: once moto has created the resource, puts the configuration
 * from the template on the bucket and reports SUCCESS to moto's CloudFormation response endpoint.
 */
async function completeBucketNotifications(args: {
  api: MotoApi; s3: S3Client; sqs: SQSClient; stackName: string; templatePath: string; deadline: number; done: Promise<unknown>;
}): Promise<void> {
  const { api, s3, sqs, stackName, templatePath, deadline } = args;
  let deployFinished = false;
  args.done.then(() => { deployFinished = true; }, () => { deployFinished = true; });
  const applied = new Set<string>();
  const answered = new Set<string>();
  while (Date.now() < deadline && !deployFinished) {
    await sleep(500);
    if (!existsSync(templatePath)) continue;
    const template = JSON.parse(readFileSync(templatePath, 'utf8')) as { Resources: Record<string, { Type: string; Properties: any }> };
    const customs = Object.entries(template.Resources).filter(([, r]) => r.Type === 'Custom::S3BucketNotifications');
    if (customs.length === 0 || answered.size === customs.length) return;
    if ((await api.stackStatus(stackName)) !== 'CREATE_IN_PROGRESS') continue;
    const resources = await api.stackResources(stackName);
    const { stackId } = await api.describeStack(stackName);
    for (const [logicalId, resource] of customs) {
      if (answered.has(logicalId) || !resources.has(logicalId)) continue;
      if (!applied.has(logicalId)) {
        const props = resource.Properties as { BucketName: unknown; NotificationConfiguration: NotificationConfiguration; Managed?: boolean | string };
        const bucket = resolveRef(props.BucketName, resources);
        let config = await resolveQueueArns(props.NotificationConfiguration, resources, sqs, api.endpoint);
        if (String(props.Managed ?? 'true') !== 'true') {
          // Imported bucket: keep what is already configured, as CDK's handler does.
          const existing = await s3.send(new GetBucketNotificationConfigurationCommand({ Bucket: bucket }));
          config = { ...config, QueueConfigurations: [...(existing.QueueConfigurations ?? []), ...(config.QueueConfigurations ?? [])] };
        }
        await s3.send(new PutBucketNotificationConfigurationCommand({ Bucket: bucket, NotificationConfiguration: config }));
        applied.add(logicalId);
      }
      try {
        await api.cfnResponse(stackId, logicalId);
        answered.add(logicalId);
      } catch (err) {
        // moto registers the custom resource a moment after listing it; answer again on the next round.
        if (!(err instanceof MotoApiError)) throw err;
      }
    }
  }
}

function resolveRef(value: unknown, resources: Map<string, string>): string {
  if (typeof value === 'string') return value;
  const ref = (value as { Ref?: string }).Ref;
  const physical = ref ? resources.get(ref) : undefined;
  if (!physical) throw new Error(`cannot resolve ${JSON.stringify(value)} in the deployed stack`);
  return physical;
}

async function resolveQueueArns(config: NotificationConfiguration, resources: Map<string, string>, sqs: SQSClient, endpoint: string): Promise<NotificationConfiguration> {
  const queueConfigurations = [];
  for (const qc of config.QueueConfigurations ?? []) {
    let arn: unknown = qc.QueueArn;
    const getAtt = (arn as { 'Fn::GetAtt'?: [string, string] })['Fn::GetAtt'];
    if (getAtt) {
      const url = resources.get(getAtt[0]);
      if (!url) throw new Error(`queue ${getAtt[0]} not deployed`);
      arn = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl: rewriteQueueUrl(url, endpoint), AttributeNames: ['QueueArn'] }))).Attributes?.QueueArn;
    }
    queueConfigurations.push({ ...qc, QueueArn: String(arn) });
  }
  return { ...config, QueueConfigurations: queueConfigurations };
}

function startCdk(args: string[], endpoint: string, opts: { cwd: string; deadline: number; log?: (line: string) => void }): { done: Promise<void>; kill: () => void } {
  // `localhost`, not 127.0.0.1: the CLI builds TemplateURL from the endpoint and moto treats only localhost URLs
  // as path-style (emulators §2.3).
  const cliEndpoint = endpoint.replace('://127.0.0.1', '://localhost');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    AWS_ENDPOINT_URL: cliEndpoint,
    AWS_ACCESS_KEY_ID: credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    AWS_REGION: region,
    AWS_DEFAULT_REGION: region,
    CDK_DISABLE_VERSION_CHECK: '1',
    CDK_DISABLE_CLI_TELEMETRY: 'true',
    // The template validation costs ~9 s of CPU per synth; test/infra validates the same templates.
    CDK_VALIDATION: 'false',
    CI: 'true',
  };
  const child = spawn(process.execPath, [cdkBin, ...args, '--no-notices', '--ci'], { cwd: opts.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const done = new Promise<void>((resolve, reject) => {
    let tail = '';
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      tail = (tail + text).slice(-8000);
      if (opts.log) for (const line of text.split('\n')) if (line.trim()) opts.log(line);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const timer = setTimeout(() => child.kill('SIGTERM'), Math.max(1, opts.deadline - Date.now()));
    child.on('error', (err) => { clearTimeout(timer); reject(err); });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`cdk ${args[0]} failed (${signal ?? `exit ${code}`}):\n${tail}`));
    });
  });
  return { done, kill: () => { child.kill('SIGTERM'); } };
}

/** The few CloudFormation, STS and Lambda calls we need, over plain HTTP (moto does not check signatures). */
class MotoApi {
  constructor(readonly endpoint: string) {}

  private async fetch(call: string, url: string, init: RequestInit): Promise<Response> {
    try {
      return await fetch(url, { ...init, signal: AbortSignal.timeout(callTimeoutMs) });
    } catch (err) {
      throw new Error(`moto at ${this.endpoint} did not answer ${call} within ${callTimeoutMs / 1000} s (is it hung or gone?)`, { cause: err });
    }
  }

  private authorization(service: string): string {
    // moto routes a request by the service in the credential scope.
    return `AWS4-HMAC-SHA256 Credential=test/20250101/${region}/${service}/aws4_request, SignedHeaders=host, Signature=0`;
  }

  async query(service: string, version: string, params: Record<string, string>): Promise<string> {
    const res = await this.fetch(`${service} ${params.Action}`, `${this.endpoint}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: this.authorization(service) },
      body: new URLSearchParams({ Version: version, ...params }).toString(),
    });
    const text = await res.text();
    if (!res.ok) throw new MotoApiError(`${service} ${params.Action}`, res.status, text);
    return text;
  }

  cloudformation(params: Record<string, string>): Promise<string> {
    return this.query('cloudformation', '2010-05-15', params);
  }

  async lambda<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await this.fetch(`lambda ${method} ${path}`, `${this.endpoint}${path}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: this.authorization('lambda') },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new MotoApiError(`lambda ${method} ${path}`, res.status, text);
    return (text ? JSON.parse(text) : {}) as T;
  }

  async accountId(): Promise<string> {
    const xml = await this.query('sts', '2011-06-15', { Action: 'GetCallerIdentity' });
    return xmlValue(xml, 'Account') ?? '123456789012';
  }

  async stackStatus(stackName: string): Promise<string | undefined> {
    try {
      return (await this.describeStack(stackName)).status;
    } catch (err) {
      if (err instanceof MotoApiError && err.status === 400) return undefined;
      throw err;
    }
  }

  async describeStack(stackName: string): Promise<{ stackId: string; status: string; outputs: Record<string, string> }> {
    const xml = await this.cloudformation({ Action: 'DescribeStacks', StackName: stackName });
    const outputs: Record<string, string> = {};
    const outputsXml = /<Outputs>([\s\S]*?)<\/Outputs>/.exec(xml)?.[1] ?? '';
    for (const member of xmlBlocks(outputsXml, 'member')) {
      const key = xmlValue(member, 'OutputKey');
      if (key) outputs[key] = xmlValue(member, 'OutputValue') ?? '';
    }
    return { stackId: xmlValue(xml, 'StackId') ?? '', status: xmlValue(xml, 'StackStatus') ?? '', outputs };
  }

  /** Logical id → physical id. */
  async stackResources(stackName: string): Promise<Map<string, string>> {
    const xml = await this.cloudformation({ Action: 'ListStackResources', StackName: stackName });
    const out = new Map<string, string>();
    for (const member of xmlBlocks(xml, 'member')) {
      const logical = xmlValue(member, 'LogicalResourceId');
      const physical = xmlValue(member, 'PhysicalResourceId');
      if (logical && physical) out.set(logical, physical);
    }
    return out;
  }

  async cfnResponse(stackId: string, logicalId: string): Promise<void> {
    const url = `${this.endpoint}/cloudformation_${region}/cfnresponse?stack=${encodeURIComponent(stackId)}`;
    const res = await this.fetch(`cfnresponse ${logicalId}`, url, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ Status: 'SUCCESS', StackId: stackId, LogicalResourceId: logicalId, PhysicalResourceId: logicalId, Data: {} }),
    });
    if (!res.ok) throw new MotoApiError(`cfnresponse ${logicalId}`, res.status, await res.text());
  }
}

class MotoApiError extends Error {
  constructor(call: string, readonly status: number, body: string) {
    super(`moto ${call}: HTTP ${status}: ${body.slice(0, 500)}`);
    this.name = 'MotoApiError';
  }
}

function xmlBlocks(xml: string, tag: string): string[] {
  return [...xml.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => m[1]);
}

function xmlValue(xml: string, tag: string): string | undefined {
  const m = new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(xml);
  return m ? decodeXml(m[1]) : undefined;
}

function decodeXml(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&#(\d+);/g, (_, d) => String.fromCharCode(Number(d))).replace(/&amp;/g, '&');
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
