/**
 * Clients and resources on the S3/SQS emulator the runner provides (`KOKU_TEST_AWS_ENDPOINT`: moto here, LocalStack
 * where Docker exists). The "sdk" topology creates what the CDK stack would (bucket, notification, queues, DLQs).
 */
import { CreateBucketCommand, PutBucketNotificationConfigurationCommand, S3Client } from '@aws-sdk/client-s3';
import { CreateQueueCommand, GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { randomBytes } from 'node:crypto';

export function emulatorEndpoint(): string {
  const endpoint = process.env.KOKU_TEST_AWS_ENDPOINT;
  if (!endpoint) throw new Error('KOKU_TEST_AWS_ENDPOINT is not set: run the integration suite with `node test/run.mjs integration`');
  return endpoint;
}

export function emulatorClients(endpoint = emulatorEndpoint()) {
  const common = { region: 'us-east-1', endpoint, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } };
  return { s3: new S3Client({ ...common, forcePathStyle: true }), sqs: new SQSClient(common) };
}

export interface QueuePair {
  url: string;
  arn: string;
  dlqUrl: string;
  dlqArn: string;
}

export interface SdkTopology {
  bucket: string;
  ingest: QueuePair;
  finalize: QueuePair;
  maxReceiveCount: number;
}

/** Bucket + ObjectCreated(.parquet under data/parquet/) → ingest queue; FIFO finalize queue; both with DLQs. */
export async function createSdkTopology(clients: ReturnType<typeof emulatorClients>, maxReceiveCount = 3): Promise<SdkTopology> {
  const id = randomBytes(4).toString('hex');
  const bucket = `koku-test-${id}`;
  await clients.s3.send(new CreateBucketCommand({ Bucket: bucket }));
  const ingest = await queueWithDlq(clients.sqs, `ingest-${id}`, false, maxReceiveCount);
  const finalize = await queueWithDlq(clients.sqs, `finalize-${id}`, true, maxReceiveCount);
  await clients.s3.send(
    new PutBucketNotificationConfigurationCommand({
      Bucket: bucket,
      NotificationConfiguration: {
        QueueConfigurations: [
          {
            Id: 'parquet-created',
            QueueArn: ingest.arn,
            Events: ['s3:ObjectCreated:*'],
            // moto answers HTTP 500 to capitalised rule names (notes/emulators.md §1.1).
            Filter: { Key: { FilterRules: [{ Name: 'prefix' as never, Value: 'data/parquet/' }, { Name: 'suffix' as never, Value: '.parquet' }] } },
          },
        ],
      },
    }),
  );
  return { bucket, ingest, finalize, maxReceiveCount };
}

async function queueWithDlq(sqs: SQSClient, name: string, fifo: boolean, maxReceiveCount: number): Promise<QueuePair> {
  const suffix = fifo ? '.fifo' : '';
  const fifoAttrs: Record<string, string> = fifo ? { FifoQueue: 'true' } : {};
  const dlqUrl = (await sqs.send(new CreateQueueCommand({ QueueName: `${name}-dlq${suffix}`, Attributes: fifoAttrs }))).QueueUrl!;
  const dlqArn = await arnOf(sqs, dlqUrl);
  const url = (
    await sqs.send(
      new CreateQueueCommand({
        QueueName: `${name}${suffix}`,
        Attributes: { ...fifoAttrs, VisibilityTimeout: '30', RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlqArn, maxReceiveCount }) },
      }),
    )
  ).QueueUrl!;
  return { url, arn: await arnOf(sqs, url), dlqUrl, dlqArn };
}

async function arnOf(sqs: SQSClient, url: string): Promise<string> {
  const out = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['QueueArn'] }));
  return out.Attributes!.QueueArn!;
}
