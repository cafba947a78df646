import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { CreateBucketCommand, DeleteBucketCommand, DeleteObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { Float64, Table, TimestampMillisecond, vectorFromArray } from 'apache-arrow';
import { readParquetFooter } from '../../lib/parquet/readParquetFooter.js';
import { readRecordBatches } from '../../lib/parquet/readRecordBatches.js';
import { ensureParquetWasm } from '../../lib/parquet/wasm.js';
import { writeParquet } from '../../lib/parquet/writeParquet.js';
import { ObjectNotFoundError, ObjectStoreError } from '../../lib/store/errors.js';
import { S3ObjectStore } from '../../lib/store/S3ObjectStore.js';
import { objectStoreContract } from '../helpers/objectStoreContract.js';

const endpoint = process.env.KOKU_TEST_AWS_ENDPOINT;
if (!endpoint) throw new Error('KOKU_TEST_AWS_ENDPOINT is not set: this test needs moto_server or LocalStack (run `node test/run.mjs integration`)');

const client = new S3Client({
  region: 'us-east-1',
  endpoint,
  forcePathStyle: true,
  credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
});
const buckets: string[] = [];

async function freshBucket(): Promise<string> {
  const bucket = `koku-store-test-${randomBytes(5).toString('hex')}`;
  await client.send(new CreateBucketCommand({ Bucket: bucket }));
  buckets.push(bucket);
  return bucket;
}

describe('S3ObjectStore (moto)', () => {
  after(async () => {
    for (const bucket of buckets) {
      for (const { key } of await new S3ObjectStore({ client, bucket }).list('')) {
        await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
      }
      await client.send(new DeleteBucketCommand({ Bucket: bucket }));
    }
    client.destroy();
  });

  objectStoreContract(async () => new S3ObjectStore({ client, bucket: await freshBucket() }));

  let store: S3ObjectStore;
  let bucket: string;
  before(async () => {
    bucket = await freshBucket();
    store = new S3ObjectStore({ client, bucket, prefix: 'tenant' });
  });

  it('keeps keys relative to its prefix and names s3://bucket/key in errors', async () => {
    assert.equal(store.location, `s3://${bucket}/tenant`);
    await store.put('a=b/c d.txt', 'x');
    assert.deepEqual((await store.list('a=b/')).map((o) => o.key), ['a=b/c d.txt']);
    const raw = await client.send(new ListObjectsV2Command({ Bucket: bucket }));
    assert.deepEqual(raw.Contents?.map((o) => o.Key), ['tenant/a=b/c d.txt']);
    await assert.rejects(store.get('nope.txt'), (err: unknown) => {
      assert.ok(err instanceof ObjectNotFoundError);
      assert.match(err.message, new RegExp(`s3://${bucket}/tenant/nope\\.txt`));
      return true;
    });
    const missingBucket = new S3ObjectStore({ client, bucket: `${bucket}-missing` });
    await assert.rejects(missingBucket.list(''), (err: unknown) => err instanceof ObjectStoreError && /ListObjectsV2 failed/.test(err.message));
  });

  it('paginates listings', async () => {
    const paged = new S3ObjectStore({ client, bucket: await freshBucket(), listPageSize: 2 });
    const keys = Array.from({ length: 5 }, (_, i) => `p/${i}.txt`);
    for (const key of keys) await paged.put(key, key);
    await paged.put('q/other.txt', '');
    assert.deepEqual((await paged.list('p/')).map((o) => o.key), keys);
  });

  it('reads Parquet lazily through openBlob: footer by range, row groups by ranged GETs', async () => {
    const key = 'data/parquet/daily/org1/OCP/pod_usage/source=0b9c3d4e-1f2a-4b5c-8d6e-7f8091a2b3c4/year=2024/month=03/pod usage=x_daily_0.parquet';
    const day = Date.UTC(2024, 2, 15);
    const table = new Table({
      interval_start: vectorFromArray(Array.from({ length: 100 }, (_, i) => day + i * 3_600_000), new TimestampMillisecond()),
      pod: vectorFromArray(Array.from({ length: 100 }, (_, i) => `pod-${i % 7}`)),
      usage: vectorFromArray(Array.from({ length: 100 }, (_, i) => i), new Float64()),
    });
    await store.put(key, writeParquet(table, { rowGroupSize: 40 }), { metadata: { ReportDateStart: '2024-03-15' } });
    assert.equal((await store.head(key)).metadata.reportdatestart, '2024-03-15');

    const { blob, release } = await store.openBlob(key);
    try {
      const footer = await readParquetFooter(blob, key);
      assert.deepEqual(footer.rowGroups.map((g) => g.numRows), [40, 40, 20]);
      let rows = 0;
      let sum = 0;
      for await (const batch of readRecordBatches(blob, { label: key, footer, rowGroups: [1], columns: ['usage', 'node_role'] })) {
        rows += batch.numRows;
        for (const v of batch.getChild('usage')!) sum += v as number;
      }
      assert.equal(rows, 40);
      assert.equal(sum, (40 + 79) * 20);
      // parquet-wasm's own lazy reader accepts the range-reading blob too (we do not use it: see readRecordBatches).
      const file = await ensureParquetWasm().ParquetFile.fromFile(blob);
      assert.equal(file.metadata().numRowGroups(), 3);
      file.free();
    } finally {
      await release();
    }
  });

  it('detects an object replaced while a blob over it is being read', async () => {
    await store.put('changing.bin', 'first version');
    const { blob } = await store.openBlob('changing.bin');
    assert.equal(await blob.slice(0, 5).text(), 'first');
    await store.put('changing.bin', 'second version!');
    await assert.rejects(blob.slice(0, 5).text(), /changed while being read/);
  });
});
