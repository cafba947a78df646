import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { it } from 'node:test';
import { ObjectNotFoundError, ObjectStoreError } from '../../lib/store/errors.js';
import type { ObjectStore } from '../../lib/store/types.js';

const md5 = (text: string): string => createHash('md5').update(text).digest('hex');

/**
 * The behaviour every ObjectStore must share (S3's), as node:test cases. `makeStore` returns a fresh, empty
 * store each time.
 */
export function objectStoreContract(makeStore: () => Promise<ObjectStore>): void {
  it('puts, heads and gets an object with an md5 ETag and lower-cased metadata', async () => {
    const store = await makeStore();
    const key = 'data/parquet/org1/OCP/pod_usage/source=x/year=2024/month=03/a b=c.parquet';
    const { etag } = await store.put(key, 'hello world', { metadata: { ManifestId: '42', reportnumhours: '24' } });
    assert.equal(etag, md5('hello world'));
    const head = await store.head(key);
    assert.equal(head.key, key);
    assert.equal(head.etag, etag);
    assert.equal(head.size, 11);
    assert.ok(head.lastModified instanceof Date);
    assert.deepEqual(head.metadata, { manifestid: '42', reportnumhours: '24' });
    assert.equal(Buffer.from(await store.get(key)).toString(), 'hello world');
  });

  it('reads ranges, suffixes and lazy blobs', async () => {
    const store = await makeStore();
    await store.put('r/obj.bin', '0123456789');
    const text = async (p: Promise<Uint8Array>) => Buffer.from(await p).toString();
    assert.equal(await text(store.getRange('r/obj.bin', 2, 4)), '234');
    assert.equal(await text(store.getRange('r/obj.bin', 7)), '789');
    assert.equal(await text(store.getRange('r/obj.bin', -3)), '789');
    assert.equal(await text(store.getRange('r/obj.bin', 8, 100)), '89');
    await assert.rejects(store.getRange('r/obj.bin', 10), ObjectStoreError);
    const { blob, release } = await store.openBlob('r/obj.bin');
    try {
      assert.equal(blob.size, 10);
      assert.equal(await blob.slice(3, 6).text(), '345');
      assert.equal(await blob.slice(-2).text(), '89');
      assert.equal(Buffer.from(await blob.arrayBuffer()).toString(), '0123456789');
    } finally {
      await release();
    }
  });

  it('lists by prefix in key order, with sizes and ETags', async () => {
    const store = await makeStore();
    await store.put('p/month=03/b.parquet', 'bb');
    await store.put('p/month=03/a.parquet', 'a');
    await store.put('p/month=03/sub dir/c.parquet', 'ccc');
    await store.put('p/month=04/d.parquet', 'd');
    await store.put('q/e.parquet', 'e');
    const listed = await store.list('p/month=03/');
    assert.deepEqual(
      listed.map(({ key, size, etag }) => ({ key, size, etag })),
      [
        { key: 'p/month=03/a.parquet', size: 1, etag: md5('a') },
        { key: 'p/month=03/b.parquet', size: 2, etag: md5('bb') },
        { key: 'p/month=03/sub dir/c.parquet', size: 3, etag: md5('ccc') },
      ],
    );
    assert.deepEqual((await store.list('p/month=0')).map((o) => o.key).length, 4);
    assert.deepEqual(await store.list('nothing/'), []);
  });

  it('overwrites and deletes; a missing key is ObjectNotFoundError naming it', async () => {
    const store = await makeStore();
    await store.put('k/x.parquet', 'one');
    const second = await store.put('k/x.parquet', 'two!');
    assert.equal((await store.head('k/x.parquet')).etag, second.etag);
    assert.equal((await store.head('k/x.parquet')).size, 4);
    await store.delete('k/x.parquet');
    await store.delete('k/x.parquet');
    assert.deepEqual(await store.list('k/'), []);
    for (const attempt of [() => store.head('k/x.parquet'), () => store.get('k/x.parquet'), () => store.getRange('k/x.parquet', 0, 1)]) {
      await assert.rejects(attempt(), (err: unknown) => {
        assert.ok(err instanceof ObjectNotFoundError);
        assert.match(err.message, /k\/x\.parquet/);
        return true;
      });
    }
  });
}
