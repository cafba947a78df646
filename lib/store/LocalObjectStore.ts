import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, openAsBlob } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { compareKeys } from './compareKeys.js';
import { InvalidObjectKeyError, ObjectNotFoundError, ObjectStoreError } from './errors.js';
import { md5Etag } from './md5Etag.js';
import { rangeOf } from './rangeOf.js';
import { toBytes } from './toBytes.js';
import type { ObjectHead, ObjectInfo, ObjectStore, PutOptions } from './types.js';

/** What a sidecar `.{name}.meta.json` records; size and mtime tell whether it still describes the file. */
interface Sidecar {
  etag: string;
  size: number;
  mtimeMs: number;
  metadata: Record<string, string>;
  contentType?: string;
}

// Our own bookkeeping files; never listed, never accepted as keys.
const HIDDEN_NAME = /^\..+\.(meta\.json|tmp-[0-9a-f]+)$/;

/**
 * A directory standing for a bucket: a key is the path below `rootDir` with `/` separators. ETags are the md5
 * of the content, as S3 gives single-part uploads; user metadata lives in a hidden sidecar next to the file.
 * Writes are atomic (temp file, then rename), so a reader never sees half an object.
 *
 * @example
 * const store = new LocalObjectStore('./koku-bucket');
 * const objects = await store.list('data/parquet/daily/org1/OCP/pod_usage/');
 */
export class LocalObjectStore implements ObjectStore {
  readonly location: string;
  private readonly root: string;
  // Files copied in by hand have no sidecar; hashing them once per (size, mtime) keeps listings cheap.
  private readonly etagCache = new Map<string, { size: number; mtimeMs: number; etag: string }>();
  private readonly sidecarCache = new Map<string, Sidecar>();

  constructor(rootDir: string) {
    this.root = resolve(rootDir);
    this.location = this.root;
  }

  async list(prefix: string): Promise<ObjectInfo[]> {
    // Walk only the deepest directory the prefix names in full.
    const baseDir = prefix.includes('/') ? prefix.slice(0, prefix.lastIndexOf('/')) : '';
    const keys: string[] = [];
    await this.walk(baseDir, prefix, keys);
    keys.sort(compareKeys);
    const infos: ObjectInfo[] = [];
    for (const key of keys) {
      const info = await this.describe(key).catch((err: unknown) => {
        // Deleted between readdir and stat: S3 would not have listed it either.
        if (err instanceof ObjectNotFoundError) return undefined;
        throw err;
      });
      if (info !== undefined) infos.push({ key: info.key, etag: info.etag, size: info.size, lastModified: info.lastModified });
    }
    return infos;
  }

  async head(key: string): Promise<ObjectHead> {
    return this.describe(key);
  }

  async get(key: string): Promise<Uint8Array> {
    const path = this.pathOf(key);
    try {
      return new Uint8Array(await readFile(path));
    } catch (err) {
      throw this.wrap(key, 'read', err);
    }
  }

  async getRange(key: string, start: number, endInclusive?: number): Promise<Uint8Array> {
    const path = this.pathOf(key);
    let handle;
    try {
      handle = await open(path, 'r');
      const { size } = await handle.stat();
      const range = rangeOf(size, start, endInclusive);
      if (range === null) {
        throw new ObjectStoreError(this.subject(key), `range ${start}-${endInclusive ?? ''} outside ${size} bytes`);
      }
      const out = new Uint8Array(range.end - range.start);
      let done = 0;
      while (done < out.length) {
        const { bytesRead } = await handle.read(out, done, out.length - done, range.start + done);
        if (bytesRead === 0) break;
        done += bytesRead;
      }
      return out.subarray(0, done);
    } catch (err) {
      throw this.wrap(key, 'read range of', err);
    } finally {
      await handle?.close();
    }
  }

  async openBlob(key: string): Promise<{ blob: Blob; release: () => Promise<void> }> {
    const path = this.pathOf(key);
    try {
      // openAsBlob reads lazily by range and fails if the file changes underneath it.
      return { blob: await openAsBlob(path), release: async () => {} };
    } catch (err) {
      throw this.wrap(key, 'open', err);
    }
  }

  async put(key: string, body: Uint8Array | string, options: PutOptions = {}): Promise<{ etag: string }> {
    const path = this.pathOf(key);
    const bytes = toBytes(body);
    const etag = md5Etag(bytes);
    const tmpSuffix = `.tmp-${randomBytes(6).toString('hex')}`;
    const tmpData = join(dirname(path), `.${baseName(key)}${tmpSuffix}`);
    const tmpMeta = join(dirname(path), `.${baseName(key)}.meta.json${tmpSuffix}`);
    try {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(tmpData, bytes);
      const { mtimeMs } = await stat(tmpData);
      const sidecar: Sidecar = {
        etag,
        size: bytes.length,
        mtimeMs,
        metadata: lowerCaseKeys(options.metadata ?? {}),
        ...(options.contentType === undefined ? {} : { contentType: options.contentType }),
      };
      await writeFile(tmpMeta, JSON.stringify(sidecar));
      // Data first: a reader between the renames sees a sidecar that does not match and re-hashes the file.
      await rename(tmpData, path);
      await rename(tmpMeta, this.sidecarPath(key));
      this.etagCache.delete(path);
      this.sidecarCache.delete(path);
      return { etag };
    } catch (err) {
      await rm(tmpData, { force: true });
      await rm(tmpMeta, { force: true });
      throw this.wrap(key, 'write', err);
    }
  }

  async delete(key: string): Promise<void> {
    const path = this.pathOf(key);
    try {
      await rm(path, { force: true });
      await rm(this.sidecarPath(key), { force: true });
      this.etagCache.delete(path);
      this.sidecarCache.delete(path);
    } catch (err) {
      throw this.wrap(key, 'delete', err);
    }
  }

  private async describe(key: string): Promise<ObjectHead> {
    const path = this.pathOf(key);
    let stats: Stats;
    try {
      stats = await stat(path);
    } catch (err) {
      throw this.wrap(key, 'stat', err);
    }
    if (!stats.isFile()) throw new ObjectNotFoundError(this.subject(key));
    const sidecar = await this.sidecarFor(key, path, stats);
    const current = sidecar !== undefined && sidecar.size === stats.size && sidecar.mtimeMs === stats.mtimeMs;
    return {
      key,
      etag: current ? sidecar.etag : await this.hashFile(key, path, stats),
      size: stats.size,
      lastModified: stats.mtime,
      metadata: current ? { ...sidecar.metadata } : {},
    };
  }

  /**
   * The sidecar, from memory when the one read before still matches the file's size and mtime: every put rewrites
   * both, so a matching sidecar cannot have changed. Listing a month's folder per day then costs stats, not reads.
   */
  private async sidecarFor(key: string, path: string, stats: Stats): Promise<Sidecar | undefined> {
    const cached = this.sidecarCache.get(path);
    if (cached !== undefined && cached.size === stats.size && cached.mtimeMs === stats.mtimeMs) return cached;
    const sidecar = await this.readSidecar(key);
    if (sidecar !== undefined) this.sidecarCache.set(path, sidecar);
    return sidecar;
  }

  private async readSidecar(key: string): Promise<Sidecar | undefined> {
    try {
      return JSON.parse(await readFile(this.sidecarPath(key), 'utf8')) as Sidecar;
    } catch {
      return undefined;
    }
  }

  private async hashFile(key: string, path: string, stats: Stats): Promise<string> {
    const cached = this.etagCache.get(path);
    if (cached !== undefined && cached.size === stats.size && cached.mtimeMs === stats.mtimeMs) return cached.etag;
    const hash = createHash('md5');
    try {
      for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
    } catch (err) {
      throw this.wrap(key, 'hash', err);
    }
    const etag = hash.digest('hex');
    this.etagCache.set(path, { size: stats.size, mtimeMs: stats.mtimeMs, etag });
    return etag;
  }

  private async walk(relDir: string, prefix: string, out: string[]): Promise<void> {
    let entries;
    try {
      entries = await readdir(relDir === '' ? this.root : join(this.root, ...relDir.split('/')), { withFileTypes: true });
    } catch (err) {
      if (isErrno(err, 'ENOENT') || isErrno(err, 'ENOTDIR')) return;
      throw new ObjectStoreError(`${this.root}/${relDir}`, 'cannot list directory', { cause: err });
    }
    for (const entry of entries) {
      const key = relDir === '' ? entry.name : `${relDir}/${entry.name}`;
      if (entry.isDirectory()) {
        // Descend only where keys can still start with the prefix.
        if (key.startsWith(prefix) || prefix.startsWith(`${key}/`)) await this.walk(key, prefix, out);
      } else if (entry.isFile() && !HIDDEN_NAME.test(entry.name) && key.startsWith(prefix)) {
        out.push(key);
      }
    }
  }

  private pathOf(key: string): string {
    const segments = key.split('/');
    const bad = segments.find((s) => s === '' || s === '.' || s === '..' || HIDDEN_NAME.test(s));
    if (bad !== undefined || key.includes('\0')) {
      throw new InvalidObjectKeyError(this.subject(key), `a directory store cannot hold a key with segment '${bad ?? '\\0'}'`);
    }
    return join(this.root, ...segments);
  }

  private sidecarPath(key: string): string {
    return join(dirname(this.pathOf(key)), `.${baseName(key)}.meta.json`);
  }

  private subject(key: string): string {
    return `${this.root}/${key}`;
  }

  private wrap(key: string, action: string, err: unknown): ObjectStoreError {
    if (err instanceof ObjectStoreError) return err;
    if (isErrno(err, 'ENOENT') || isErrno(err, 'ENOTDIR') || isErrno(err, 'EISDIR')) {
      return new ObjectNotFoundError(this.subject(key), { cause: err });
    }
    return new ObjectStoreError(this.subject(key), `cannot ${action} object: ${(err as Error).message}`, { cause: err });
  }
}

function baseName(key: string): string {
  return key.slice(key.lastIndexOf('/') + 1);
}

function lowerCaseKeys(metadata: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(metadata).map(([k, v]) => [k.toLowerCase(), v]));
}

function isErrno(err: unknown, code: string): boolean {
  return typeof err === 'object' && err !== null && (err as NodeJS.ErrnoException).code === code;
}
