import { Duration, aws_cloudwatch as cloudwatch, aws_cloudwatch_actions as actions, aws_lambda as lambda, aws_sns as sns, aws_sqs as sqs } from 'aws-cdk-lib';
import { Construct } from 'constructs';

export interface PipelineAlarmsProps {
  /** Each work queue with the DLQ that catches what its consumer gave up on. */
  queues: Array<{ name: string; queue: sqs.IQueue; deadLetterQueue: sqs.IQueue }>;
  functions: Array<{ name: string; fn: lambda.IFunction }>;
  oldestMessageAgeSeconds: number;
  alarmTopicArn?: string;
}

/**
 * The three signals that mean data is not reaching PostgreSQL: anything in a DLQ (a message was given up on),
 * a function error (a whole batch failed; per-record failures surface as DLQ depth instead), and a queue whose
 * oldest message keeps ageing (the consumer is stuck, throttled or disabled).
 */
export class PipelineAlarms extends Construct {
  readonly alarms: cloudwatch.Alarm[] = [];

  constructor(scope: Construct, id: string, props: PipelineAlarmsProps) {
    super(scope, id);
    const period = Duration.minutes(5);
    const topic = props.alarmTopicArn ? sns.Topic.fromTopicArn(this, 'AlarmTopic', props.alarmTopicArn) : undefined;

    const add = (alarmId: string, alarmProps: cloudwatch.AlarmProps): void => {
      const alarm = new cloudwatch.Alarm(this, alarmId, alarmProps);
      if (topic) alarm.addAlarmAction(new actions.SnsAction(topic));
      this.alarms.push(alarm);
    };

    for (const { name, queue, deadLetterQueue } of props.queues) {
      add(`${name}DlqDepth`, {
        alarmDescription: `Messages in the ${name} DLQ: they failed maxReceiveCount times; read the reason in the consumer's logs, fix, then redrive.`,
        metric: deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period, statistic: cloudwatch.Stats.MAXIMUM }),
        threshold: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      });
      add(`${name}OldestMessageAge`, {
        alarmDescription: `The oldest message on the ${name} queue is older than ${props.oldestMessageAgeSeconds} s: its consumer is not keeping up or not running.`,
        metric: queue.metricApproximateAgeOfOldestMessage({ period, statistic: cloudwatch.Stats.MAXIMUM }),
        threshold: props.oldestMessageAgeSeconds,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        evaluationPeriods: 2,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      });
    }
    for (const { name, fn } of props.functions) {
      add(`${name}Errors`, {
        alarmDescription: `The ${name} function failed whole invocations (crash, timeout or out of memory).`,
        metric: fn.metricErrors({ period, statistic: cloudwatch.Stats.SUM }),
        threshold: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      });
    }
  }
}
