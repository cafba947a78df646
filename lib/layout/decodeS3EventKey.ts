import { InvalidS3EventKeyError } from './errors.js';

/**
 * The object key an S3 event notification names: S3 URL-encodes keys in events and writes spaces as `+`.
 *
 * @example
 * decodeS3EventKey('data/parquet/org1/OCP/pod_usage/source%3Dabc/a+b.parquet'); // '.../source=abc/a b.parquet'
 */
export function decodeS3EventKey(raw: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch (err) {
    throw new InvalidS3EventKeyError(raw, { cause: err });
  }
}
