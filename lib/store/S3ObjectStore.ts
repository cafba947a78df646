import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import type { S3Client } from '@aws-sdk/client-s3';
import { ObjectNotFoundError, ObjectStoreError } from './errors.js';
import { RangeBlob } from './RangeBlob.js';
import { toBytes } from './toBytes.js';
import type { ObjectHead, ObjectInfo, ObjectStore, PutOptions } from './types.js';

export interface S3ObjectStoreOptions {
  /** Built by the caller (functions/ or the CLI), so lib/ never reads credentials or endpoints. */
  client: S3Client;
  bucket: string;
  /** Prepended to every key (a `/` is added if missing); keys returned by `list` are relative to it. */
  prefix?: string;
  /** Keys per ListObjectsV2 page (S3's maximum, 1000, by default). */
  listPageSize?: number;
}

/**
 * The object-store port over one S3 bucket (AWS SDK v3). `openBlob` reads lazily with ranged GETs pinned to
 * the object's ETag, so a Parquet object is never downloaded whole and a concurrent overwrite is detected.
 *
 * @example
 * const store = new S3ObjectStore({ client: new S3Client({}), bucket: 'koku-bucket' });
 * const { blob, release } = await store.openBlob(key);
 */
export class S3ObjectStore implements ObjectStore {
  readonly location: string;
  private readonly client: S3Client;
  private readonly bucket: string;
  private readonly prefix: string;
  private readonly listPageSize: number | undefined;

  constructor(options: S3ObjectStoreOptions) {
    this.client = options.client;
    this.bucket = options.bucket;
    this.listPageSize = options.listPageSize;
    const prefix = options.prefix ?? '';
    this.prefix = prefix === '' || prefix.endsWith('/') ? prefix : `${prefix}/`;
    this.location = `s3://${this.bucket}${this.prefix === '' ? '' : `/${this.prefix.replace(/\/$/, '')}`}`;
  }

  async list(prefix: string): Promise<ObjectInfo[]> {
    const infos: ObjectInfo[] = [];
    let token: string | undefined;
    do {
      const page = await this.send(prefix, 'ListObjectsV2', () =>
        this.client.send(
          new ListObjectsV2Command({
            Bucket: this.bucket,
            Prefix: this.prefix + prefix,
            ContinuationToken: token,
            MaxKeys: this.listPageSize,
          }),
        ),
      );
      for (const object of page.Contents ?? []) {
        if (object.Key === undefined) continue;
        infos.push({
          key: object.Key.slice(this.prefix.length),
          etag: unquote(object.ETag),
          size: object.Size ?? 0,
          lastModified: object.LastModified ?? new Date(0),
        });
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token !== undefined);
    return infos;
  }

  async head(key: string): Promise<ObjectHead> {
    const out = await this.send(key, 'HeadObject', () =>
      this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: this.prefix + key })),
    );
    return {
      key,
      etag: unquote(out.ETag),
      size: out.ContentLength ?? 0,
      lastModified: out.LastModified ?? new Date(0),
      metadata: Object.fromEntries(Object.entries(out.Metadata ?? {}).map(([k, v]) => [k.toLowerCase(), v])),
    };
  }

  async get(key: string): Promise<Uint8Array> {
    return (await this.getObject(key)).bytes;
  }

  async getRange(key: string, start: number, endInclusive?: number): Promise<Uint8Array> {
    const range = start < 0 ? `bytes=${start}` : `bytes=${start}-${endInclusive ?? ''}`;
    return (await this.getObject(key, range)).bytes;
  }

  async openBlob(key: string, size?: number): Promise<{ blob: Blob; release: () => Promise<void> }> {
    let etag: string | undefined;
    let length = size;
    if (length === undefined) {
      const head = await this.head(key);
      length = head.size;
      etag = head.etag;
    }
    const read = async (start: number, endExclusive: number): Promise<Uint8Array> => {
      const out = await this.getObject(key, `bytes=${start}-${endExclusive - 1}`, etag);
      etag ??= out.etag;
      return out.bytes;
    };
    return { blob: new RangeBlob(length, read), release: async () => {} };
  }

  async put(key: string, body: Uint8Array | string, options: PutOptions = {}): Promise<{ etag: string }> {
    const out = await this.send(key, 'PutObject', () =>
      this.client.send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: this.prefix + key,
          Body: toBytes(body),
          Metadata: options.metadata,
          ContentType: options.contentType,
        }),
      ),
    );
    return { etag: unquote(out.ETag) };
  }

  async delete(key: string): Promise<void> {
    await this.send(key, 'DeleteObject', () =>
      this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.prefix + key })),
    );
  }

  private async getObject(key: string, range?: string, ifMatch?: string): Promise<{ bytes: Uint8Array; etag: string }> {
    const out = await this.send(key, 'GetObject', () =>
      this.client.send(
        new GetObjectCommand({
          Bucket: this.bucket,
          Key: this.prefix + key,
          Range: range,
          IfMatch: ifMatch === undefined ? undefined : `"${ifMatch}"`,
        }),
      ),
    );
    const bytes = out.Body === undefined ? new Uint8Array(0) : await out.Body.transformToByteArray();
    return { bytes, etag: unquote(out.ETag) };
  }

  /** Runs one SDK call and turns its failure into an error that names `s3://bucket/key` and the operation. */
  private async send<T>(key: string, operation: string, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (err) {
      const subject = `s3://${this.bucket}/${this.prefix}${key}`;
      const name = (err as { name?: string }).name ?? 'Error';
      const status = (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
      if (name === 'NoSuchKey' || name === 'NotFound' || (status === 404 && name !== 'NoSuchBucket')) {
        throw new ObjectNotFoundError(subject, { cause: err });
      }
      const why =
        name === 'PreconditionFailed' || status === 412
          ? 'object changed while being read'
          : `${name}: ${(err as Error).message}`;
      throw new ObjectStoreError(subject, `${operation} failed: ${why}`, { cause: err });
    }
  }
}

function unquote(etag: string | undefined): string {
  return (etag ?? '').replace(/^(W\/)?"|"$/g, '');
}
