import { KokuAggError } from '../common/errors.js';

/** A store operation that failed; `subject` is the location and key (`s3://bucket/key`, `/dir/key`). */
export class ObjectStoreError extends KokuAggError {}

/** The key does not exist (S3 `NoSuchKey` / 404, ENOENT). */
export class ObjectNotFoundError extends ObjectStoreError {
  constructor(subject: string, options?: { cause?: unknown }) {
    super(subject, 'no such object', options);
  }
}

/** A key the store cannot hold (empty, absolute, `..` segments for a directory store). */
export class InvalidObjectKeyError extends ObjectStoreError {}
