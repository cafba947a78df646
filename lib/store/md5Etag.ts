import { createHash } from 'node:crypto';

/** The ETag S3 gives a single-part upload: the hex md5 of the content. */
export function md5Etag(body: Uint8Array): string {
  return createHash('md5').update(body).digest('hex');
}
