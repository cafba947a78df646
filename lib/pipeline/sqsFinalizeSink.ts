import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { OCP_AWS_SUMMARY_TYPE } from './constants.js';
import type { FinalizeSink } from './ingestProcessor.js';
import type { FinalizeRequest } from './types.js';

/**
 * The FIFO message group of a finalize request: requests of one group run one at a time, groups in parallel (up to
 * the finalizer's concurrency). An OCP request of one day gets the source-day's group, because `finalizeOcp` locks
 * per source-day in PostgreSQL (and what a month shares behind locks of its own): the days of a month commit on
 * several connections at once. OCP on AWS, which `finalizeOcpAws` locks per AWS source-month, and any request of
 * several days keep the source-month's group. Order between groups does not matter for correctness: each finalize
 * chooses, inside its locks, the partial computed from the objects present now.
 */
export function finalizeGroupId(req: Pick<FinalizeRequest, 'account' | 'providerUuid' | 'year' | 'month' | 'days' | 'summaryType'>): string {
  const month = `${req.account}:${req.providerUuid}:${req.year}-${String(req.month).padStart(2, '0')}`;
  if (req.summaryType === OCP_AWS_SUMMARY_TYPE || req.days.length !== 1) return month;
  return `${req.account}:${req.providerUuid}:${req.days[0]}`;
}

/** Sends finalize requests to the FIFO finalize queue, in the message group `finalizeGroupId` gives. */
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
