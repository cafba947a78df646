import { S3Client } from '@aws-sdk/client-s3';
import { resolve } from 'node:path';
import { LocalObjectStore, S3ObjectStore } from '../lib/store/index.js';
import type { ObjectStore } from '../lib/store/types.js';

/** A serialisable description of a store, so worker threads can open the same one. */
export type StoreSpec = { kind: 'local'; dir: string } | { kind: 's3'; bucket: string; prefix: string; endpoint?: string };

/** `--source DIR` or `--source s3://bucket[/prefix]` (AWS credentials and `AWS_ENDPOINT_URL` from the environment). */
export function parseStoreSpec(source: string, endpoint = process.env.AWS_ENDPOINT_URL): StoreSpec {
  const m = /^s3:\/\/([^/]+)\/?(.*)$/.exec(source);
  if (!m) return { kind: 'local', dir: resolve(source) };
  const prefix = m[2] && !m[2].endsWith('/') ? `${m[2]}/` : m[2];
  return { kind: 's3', bucket: m[1], prefix, endpoint };
}

export function openStore(spec: StoreSpec): ObjectStore {
  if (spec.kind === 'local') return new LocalObjectStore(spec.dir);
  const client = new S3Client({ ...(spec.endpoint ? { endpoint: spec.endpoint, forcePathStyle: true } : {}) });
  return new S3ObjectStore({ client, bucket: spec.bucket, prefix: spec.prefix || undefined });
}
