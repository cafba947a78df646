import type { Logger } from '../../lib/common/logger.js';
import type { SQSRecord } from 'aws-lambda';
import { describeError, KokuAggError } from '../../lib/common/errors.js';

/**
 * Wraps a record handler so every failure is logged with the message id and what it was about before the batch
 * processor reports it; the DLQ then holds messages whose reason is in the logs.
 */
export function withFailureLogging<R>(logger: Logger, handle: (record: SQSRecord) => Promise<R>) {
  return async (record: SQSRecord): Promise<R> => {
    try {
      return await handle(record);
    } catch (err) {
      logger.error('record failed; it will be retried and, after the last try, moved to the DLQ', {
        messageId: record.messageId,
        receiveCount: record.attributes?.ApproximateReceiveCount,
        subject: err instanceof KokuAggError ? err.subject : undefined,
        error: describeError(err),
        errorName: err instanceof Error ? err.name : undefined,
      });
      throw err;
    }
  };
}
