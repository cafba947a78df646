import { ObjectNotFoundError, ObjectStoreError } from './errors.js';
import { compareKeys } from './compareKeys.js';
import { md5Etag } from './md5Etag.js';
import { rangeOf } from './rangeOf.js';
import { toBytes } from './toBytes.js';
import type { ObjectHead, ObjectInfo, ObjectStore, PutOptions } from './types.js';

interface StoredObject {
  body: Uint8Array;
  head: ObjectHead;
}

/**
 * An object store held in memory, for tests and for partials passed between steps of one process.
 *
 * @example
 * const store = new MemoryObjectStore();
 * await store.put('partials/x.parquet', bytes, { metadata: { rows: '3' } });
 */
export class MemoryObjectStore implements ObjectStore {
  readonly location: string;
  private readonly objects = new Map<string, StoredObject>();

  constructor(name = 'memory') {
    this.location = `memory://${name}`;
  }

  async list(prefix: string): Promise<ObjectInfo[]> {
    return [...this.objects.values()]
      .filter(({ head }) => head.key.startsWith(prefix))
      .map(({ head: { key, etag, size, lastModified } }) => ({ key, etag, size, lastModified }))
      .sort((a, b) => compareKeys(a.key, b.key));
  }

  async head(key: string): Promise<ObjectHead> {
    const { head } = this.find(key);
    return { ...head, metadata: { ...head.metadata } };
  }

  async get(key: string): Promise<Uint8Array> {
    return this.find(key).body.slice();
  }

  async getRange(key: string, start: number, endInclusive?: number): Promise<Uint8Array> {
    const { body } = this.find(key);
    const range = rangeOf(body.length, start, endInclusive);
    if (range === null) {
      throw new ObjectStoreError(this.subject(key), `range ${start}-${endInclusive ?? ''} outside ${body.length} bytes`);
    }
    return body.slice(range.start, range.end);
  }

  async openBlob(key: string): Promise<{ blob: Blob; release: () => Promise<void> }> {
    return { blob: new Blob([this.find(key).body as Uint8Array<ArrayBuffer>]), release: async () => {} };
  }

  async put(key: string, body: Uint8Array | string, options: PutOptions = {}): Promise<{ etag: string }> {
    if (key === '') throw new ObjectStoreError(this.subject(key), 'empty key');
    const bytes = new Uint8Array(toBytes(body)); // a copy, so later edits by the caller do not leak in
    const etag = md5Etag(bytes);
    const metadata = Object.fromEntries(Object.entries(options.metadata ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
    this.objects.set(key, {
      body: bytes,
      head: { key, etag, size: bytes.length, lastModified: new Date(), metadata },
    });
    return { etag };
  }

  async delete(key: string): Promise<void> {
    this.objects.delete(key);
  }

  private find(key: string): StoredObject {
    const stored = this.objects.get(key);
    if (stored === undefined) throw new ObjectNotFoundError(this.subject(key));
    return stored;
  }

  private subject(key: string): string {
    return `${this.location}/${key}`;
  }
}
