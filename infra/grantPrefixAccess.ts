import { aws_iam as iam, aws_s3 as s3 } from 'aws-cdk-lib';

export interface PrefixAccess {
  /** Key prefix ending in "/"; access stops at it. */
  prefix: string;
  write?: boolean;
  /**
   * Allow listing the whole bucket. Only for a bucket that holds nothing else: without an unconditional
   * s3:ListBucket, S3 answers GET/HEAD of a missing key with 403 instead of 404.
   */
  listWholeBucket?: boolean;
}

/**
 * Grants object read (and optionally put) under one key prefix, and listing of that prefix only.
 * `bucket.grantRead(fn, prefix)` is broader: it also grants `s3:GetBucket*` and unconditioned `s3:List*`.
 *
 * @example
 * grantPrefixAccess(fn, dataBucket, { prefix: 'data/parquet/' });
 */
export function grantPrefixAccess(grantee: iam.IGrantable, bucket: s3.IBucket, access: PrefixAccess): void {
  const objectActions = access.write ? ['s3:GetObject', 's3:PutObject'] : ['s3:GetObject'];
  grantee.grantPrincipal.addToPrincipalPolicy(new iam.PolicyStatement({
    actions: objectActions,
    resources: [bucket.arnForObjects(`${access.prefix}*`)],
  }));
  grantee.grantPrincipal.addToPrincipalPolicy(new iam.PolicyStatement({
    actions: ['s3:ListBucket'],
    resources: [bucket.bucketArn],
    conditions: access.listWholeBucket ? undefined : { StringLike: { 's3:prefix': [`${access.prefix}*`] } },
  }));
}
