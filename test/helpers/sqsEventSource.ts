/**
 * Plays Lambda's SQS event source mapping against a real queue (moto or LocalStack): receives up to `batchSize`
 * messages, invokes the real handler in-process with the exact SQSEvent shape, deletes what succeeded, and makes the
 * failures visible again so the queue's own redrive policy moves poison messages to the DLQ after maxReceiveCount.
 * A handler that throws, or reports an item id that is not in the batch, fails the whole batch (as Lambda does).
 */
import {
  ChangeMessageVisibilityBatchCommand,
  DeleteMessageBatchCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  type Message,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';

export type SqsHandler = (event: SQSEvent, context: Context) => Promise<SQSBatchResponse | void>;

export interface EventSourceOptions {
  name: string;
  sqs: SQSClient;
  queueUrl: string;
  queueArn: string;
  batchSize: number;
  handler: SqsHandler;
  region?: string;
}

export interface EventSourceStats {
  invocations: number;
  received: number;
  succeeded: number;
  failed: number;
}

export class SqsEventSource {
  readonly stats: EventSourceStats = { invocations: 0, received: 0, succeeded: 0, failed: 0 };

  constructor(private readonly o: EventSourceOptions) {}

  /** One poll + invoke; resolves with the number of messages received. */
  async pollOnce(): Promise<number> {
    const out = await this.o.sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: this.o.queueUrl,
        MaxNumberOfMessages: Math.min(this.o.batchSize, 10),
        WaitTimeSeconds: 0,
        MessageSystemAttributeNames: ['All'],
        MessageAttributeNames: ['All'],
      }),
    );
    const messages = out.Messages ?? [];
    if (messages.length === 0) return 0;
    this.stats.invocations++;
    this.stats.received += messages.length;
    const event: SQSEvent = { Records: messages.map((m) => this.toRecord(m)) };
    const failedIds = await this.invoke(event);
    const ok = messages.filter((m) => !failedIds.has(m.MessageId!));
    const failed = messages.filter((m) => failedIds.has(m.MessageId!));
    this.stats.succeeded += ok.length;
    this.stats.failed += failed.length;
    if (ok.length) {
      await this.o.sqs.send(new DeleteMessageBatchCommand({ QueueUrl: this.o.queueUrl, Entries: ok.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle! })) }));
    }
    if (failed.length) {
      await this.o.sqs.send(
        new ChangeMessageVisibilityBatchCommand({
          QueueUrl: this.o.queueUrl,
          Entries: failed.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle!, VisibilityTimeout: 0 })),
        }),
      );
    }
    return messages.length;
  }

  private async invoke(event: SQSEvent): Promise<Set<string>> {
    const all = new Set(event.Records.map((r) => r.messageId));
    let response: SQSBatchResponse | void;
    try {
      response = await this.o.handler(event, lambdaContext(this.o.name));
    } catch {
      return all;
    }
    const failures = response?.batchItemFailures ?? [];
    if (failures.some((f) => !f.itemIdentifier || !all.has(f.itemIdentifier))) return all;
    return new Set(failures.map((f) => f.itemIdentifier));
  }

  private toRecord(m: Message): SQSRecord {
    const attrs = m.Attributes ?? {};
    return {
      messageId: m.MessageId!,
      receiptHandle: m.ReceiptHandle!,
      body: m.Body ?? '',
      attributes: {
        ApproximateReceiveCount: attrs.ApproximateReceiveCount ?? '1',
        SentTimestamp: attrs.SentTimestamp ?? String(Date.now()),
        SenderId: attrs.SenderId ?? 'test',
        ApproximateFirstReceiveTimestamp: attrs.ApproximateFirstReceiveTimestamp ?? String(Date.now()),
        ...(attrs.MessageGroupId ? { MessageGroupId: attrs.MessageGroupId } : {}),
        ...(attrs.MessageDeduplicationId ? { MessageDeduplicationId: attrs.MessageDeduplicationId } : {}),
        ...(attrs.SequenceNumber ? { SequenceNumber: attrs.SequenceNumber } : {}),
      },
      messageAttributes: Object.fromEntries(
        Object.entries(m.MessageAttributes ?? {}).map(([k, v]) => [k, { stringValue: v.StringValue, dataType: v.DataType ?? 'String', stringListValues: [], binaryListValues: [] }]),
      ),
      md5OfBody: m.MD5OfBody ?? '',
      eventSource: 'aws:sqs',
      eventSourceARN: this.o.queueArn,
      awsRegion: this.o.region ?? 'us-east-1',
    };
  }
}

/** Polls every source until all their queues (and `alsoWatch`) are empty and nothing is in flight, twice in a row. */
export async function runUntilIdle(sources: SqsEventSource[], sqs: SQSClient, watchUrls: string[], timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let quietRounds = 0;
  while (quietRounds < 2) {
    if (Date.now() > deadline) throw new Error(`queues not idle after ${timeoutMs} ms`);
    let received = 0;
    for (const s of sources) received += await s.pollOnce();
    if (received > 0) {
      quietRounds = 0;
      continue;
    }
    quietRounds = (await queuesEmpty(sqs, watchUrls)) ? quietRounds + 1 : 0;
    if (quietRounds < 2) await new Promise((r) => setTimeout(r, 100));
  }
}

export async function queueDepth(sqs: SQSClient, queueUrl: string): Promise<number> {
  const out = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible', 'ApproximateNumberOfMessagesDelayed'] }));
  const a = out.Attributes ?? {};
  return Number(a.ApproximateNumberOfMessages ?? 0) + Number(a.ApproximateNumberOfMessagesNotVisible ?? 0) + Number(a.ApproximateNumberOfMessagesDelayed ?? 0);
}

async function queuesEmpty(sqs: SQSClient, urls: string[]): Promise<boolean> {
  for (const u of urls) if ((await queueDepth(sqs, u)) > 0) return false;
  return true;
}

function lambdaContext(functionName: string): Context {
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:us-east-1:123456789012:function:${functionName}`,
    memoryLimitInMB: '1024',
    awsRequestId: crypto.randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'test',
    getRemainingTimeInMillis: () => 60_000,
    done: () => {},
    fail: () => {},
    succeed: () => {},
  };
}
