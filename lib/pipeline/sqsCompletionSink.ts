import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { SummaryCommittedEvent } from './summaryCommitted.js';

/**
 * Publishes "summary committed" events to a queue (standard or FIFO) so Koku's downstream steps (cost model, UI
 * summaries) can run for exactly the days that changed.
 */
export function sqsCompletionSink(client: SQSClient, queueUrl: string) {
  const fifo = queueUrl.endsWith('.fifo');
  return async (event: SummaryCommittedEvent): Promise<void> => {
    const group = `${event.account}:${event.providerUuid}:${event.year}-${String(event.month).padStart(2, '0')}`;
    await client.send(
      new SendMessageCommand({
        QueueUrl: queueUrl,
        MessageBody: JSON.stringify(event),
        MessageAttributes: { summaryType: { DataType: 'String', StringValue: event.summaryType } },
        ...(fifo ? { MessageGroupId: group, MessageDeduplicationId: `${group}:${event.days.map((d) => d.fingerprint).join(',')}`.slice(0, 128) } : {}),
      }),
    );
  };
}
