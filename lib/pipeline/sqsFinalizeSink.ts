import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { FinalizeSink } from './ingestProcessor.js';
import type { FinalizeRequest } from './types.js';

/** The FIFO group that serialises finalizers of one source-month. */
export function finalizeGroupId(req: Pick<FinalizeRequest, 'account' | 'providerUuid' | 'year' | 'month'>): string {
  return `${req.account}:${req.providerUuid}:${req.year}-${String(req.month).padStart(2, '0')}`;
}

/** Sends finalize requests to the FIFO finalize queue, one message group per source-month. */
export function sqsFinalizeSink(client: SQSClient, queueUrl: string): FinalizeSink {
  return {
    async send(request, deduplicationId) {
      await client.send(
        new SendMessageCommand({
          QueueUrl: queueUrl,
          MessageBody: JSON.stringify(request),
          MessageGroupId: finalizeGroupId(request),
          // SQS caps the id at 128 characters.
          MessageDeduplicationId: deduplicationId.slice(0, 128),
        }),
      );
    },
  };
}
