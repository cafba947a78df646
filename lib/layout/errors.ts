import { KokuAggError } from '../common/errors.js';

/** An object key that does not follow Koku's Parquet layout; the message says which segment is wrong. */
export class UnknownKeyLayoutError extends KokuAggError {
  readonly key: string;
  readonly reason: string;

  constructor(key: string, reason: string) {
    super(key, `not a Koku Parquet key: ${reason}`);
    this.key = key;
    this.reason = reason;
  }
}

/** An S3 event key that is not valid URL encoding. */
export class InvalidS3EventKeyError extends KokuAggError {
  constructor(rawKey: string, options?: { cause?: unknown }) {
    super(rawKey, 'S3 event key is not valid URL encoding', options);
  }
}

/** Parts handed to `buildObjectKey` / `monthPrefix` that cannot form a key. */
export class InvalidKeyPartsError extends KokuAggError {}
