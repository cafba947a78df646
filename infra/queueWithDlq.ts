import { Duration, RemovalPolicy, aws_sqs as sqs } from 'aws-cdk-lib';
import { Construct } from 'constructs';

export interface QueueWithDlqProps {
  visibilityTimeoutSeconds: number;
  /** Receives before SQS moves a message to the DLQ. */
  maxReceiveCount: number;
  /**
   * FIFO queues get explicit `<name>.fifo` and `<name>-dlq.fifo` names: CloudFormation appends `.fifo` to
   * generated names, moto does not and then rejects the queue (emulators §2.2).
   */
  fifoName?: string;
  removalPolicy: RemovalPolicy;
}

/** A work queue and its dead-letter queue, encrypted with SQS-managed keys (S3 notifications cannot use the AWS-managed KMS key). */
export class QueueWithDlq extends Construct {
  readonly queue: sqs.Queue;
  readonly deadLetterQueue: sqs.Queue;

  constructor(scope: Construct, id: string, props: QueueWithDlqProps) {
    super(scope, id);
    const fifo = props.fifoName !== undefined;
    this.deadLetterQueue = new sqs.Queue(this, 'Dlq', {
      queueName: fifo ? `${props.fifoName}-dlq.fifo` : undefined,
      fifo: fifo || undefined,
      // Long enough to read, fix and redrive by hand.
      retentionPeriod: Duration.days(14),
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      removalPolicy: props.removalPolicy,
    });
    this.queue = new sqs.Queue(this, 'Queue', {
      queueName: fifo ? `${props.fifoName}.fifo` : undefined,
      fifo: fifo || undefined,
      // No content-based deduplication on purpose: two finalize requests with the same body five minutes apart
      // can carry different partials, so the sender must name each request (MessageDeduplicationId).
      contentBasedDeduplication: fifo ? false : undefined,
      visibilityTimeout: Duration.seconds(props.visibilityTimeoutSeconds),
      retentionPeriod: Duration.days(4),
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: props.maxReceiveCount },
      removalPolicy: props.removalPolicy,
    });
  }
}
