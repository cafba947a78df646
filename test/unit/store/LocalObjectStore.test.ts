import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { InvalidObjectKeyError } from '../../../lib/store/errors.js';
import { LocalObjectStore } from '../../../lib/store/LocalObjectStore.js';
import { md5Etag } from '../../../lib/store/md5Etag.js';
import { objectStoreContract } from '../../helpers/objectStoreContract.js';

const dirs: string[] = [];
async function freshDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'koku-local-store-'));
  dirs.push(dir);
  return dir;
}

describe('LocalObjectStore', () => {
  after(async () => {
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  });

  objectStoreContract(async () => new LocalObjectStore(await freshDir()));

  it('stores the key as a relative path and hides its sidecars and temp files', async () => {
    const dir = await freshDir();
    const store = new LocalObjectStore(dir);
    await store.put('a/b/c.parquet', 'x', { metadata: { ReportDateStart: '2024-03-15' } });
    const names = await readdir(join(dir, 'a', 'b'));
    assert.deepEqual(names.sort(), ['.c.parquet.meta.json', 'c.parquet']);
    await writeFile(join(dir, 'a', 'b', '.c.parquet.tmp-abc123'), 'half');
    assert.deepEqual((await store.list('a/')).map((o) => o.key), ['a/b/c.parquet']);
    assert.equal(store.location, dir);
  });

  it('hashes files copied in without a sidecar, and notices out-of-band overwrites', async () => {
    const dir = await freshDir();
    await mkdir(join(dir, 'in'));
    await writeFile(join(dir, 'in', 'f.parquet'), 'copied');
    const store = new LocalObjectStore(dir);
    const head = await store.head('in/f.parquet');
    assert.equal(head.etag, md5Etag(Buffer.from('copied')));
    assert.deepEqual(head.metadata, {});

    await store.put('in/g.parquet', 'managed', { metadata: { a: '1' } });
    await new Promise((r) => setTimeout(r, 20));
    await writeFile(join(dir, 'in', 'g.parquet'), 'replaced by hand');
    const changed = await store.head('in/g.parquet');
    assert.equal(changed.etag, md5Etag(Buffer.from('replaced by hand')));
    assert.deepEqual(changed.metadata, {}, 'stale sidecar metadata is not reported');
  });

  it('sees an object rewritten by another store on the same directory (no stale sidecar from memory)', async () => {
    const dir = await freshDir();
    const reader = new LocalObjectStore(dir);
    await new LocalObjectStore(dir).put('d/h.parquet', 'first', { metadata: { v: '1' } });
    assert.deepEqual((await reader.head('d/h.parquet')).metadata, { v: '1' });
    await new Promise((r) => setTimeout(r, 20));
    await new LocalObjectStore(dir).put('d/h.parquet', 'other', { metadata: { v: '2' } });
    const [listed] = await reader.list('d/');
    assert.equal(listed?.etag, md5Etag(Buffer.from('other')));
    assert.deepEqual((await reader.head('d/h.parquet')).metadata, { v: '2' });
  });

  it('rejects keys a directory cannot hold', async () => {
    const store = new LocalObjectStore(await freshDir());
    for (const key of ['../escape.parquet', 'a//b.parquet', '/abs.parquet', 'a/./b', 'a/.b.parquet.meta.json', '']) {
      await assert.rejects(store.put(key, 'x'), InvalidObjectKeyError, key);
    }
  });

  it('serves openBlob lazily from the file', async () => {
    const dir = await freshDir();
    const store = new LocalObjectStore(dir);
    await store.put('z.bin', 'abcdef');
    const { blob, release } = await store.openBlob('z.bin');
    assert.equal(await blob.slice(1, 3).text(), 'bc');
    await release();
  });
});
