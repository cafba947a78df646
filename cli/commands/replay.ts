import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { Command, Option } from 'commander';
import { accountForSchema } from '../../lib/layout/index.js';
import { replayRequestSchema } from '../../lib/pipeline/messages.js';
import type { ReplayRequest } from '../../lib/pipeline/types.js';
import { daysOfMonth, parseDayList, parseMonth, parseUuid } from '../options.js';

/**
 * Builds the replay message an operator could also paste into the SQS console. Throws `InvalidArgumentError`
 * ("2025-11 has no day 31") for a day the month does not have.
 */
export function replayMessage(o: { schema: string; providerType: 'OCP' | 'AWS'; providerUuid: string; month: { year: number; month: number }; days?: number[] }): ReplayRequest {
  daysOfMonth(o.month.year, o.month.month, o.days);
  return replayRequestSchema.parse({
    type: 'replay',
    account: accountForSchema(o.schema),
    providerType: o.providerType,
    providerUuid: o.providerUuid,
    year: o.month.year,
    month: o.month.month,
    ...(o.days ? { days: o.days } : {}),
  });
}

export function replayCommand(): Command {
  return new Command('replay')
    .description('ask the deployed pipeline to re-run days of a source-month (sends a replay message to the ingest queue)')
    .requiredOption('--queue-url <url>', 'the ingest queue URL (stack output IngestQueueUrl)')
    .requiredOption('--schema <schema>', 'tenant schema')
    .addOption(new Option('--provider-type <type>', 'OCP or AWS').choices(['OCP', 'AWS']).default('OCP'))
    .requiredOption('--provider-uuid <uuid>', 'source UUID', parseUuid)
    .requiredOption('--month <YYYY-MM>', 'month', parseMonth)
    .option('--days <list>', 'days of the month, e.g. 1,2 or 1-5 (default: every day with data)', parseDayList)
    .option('--dry-run', 'print the message instead of sending it')
    .action(async (o) => {
      const body = JSON.stringify(replayMessage(o));
      if (o.dryRun) {
        process.stdout.write(`${body}\n`);
        return;
      }
      const endpoint = process.env.AWS_ENDPOINT_URL;
      const sqs = new SQSClient(endpoint ? { endpoint } : {});
      const sent = await sqs.send(new SendMessageCommand({ QueueUrl: o.queueUrl, MessageBody: body }));
      process.stdout.write(`replay sent as message ${sent.MessageId}: ${body}\n`);
    });
}
