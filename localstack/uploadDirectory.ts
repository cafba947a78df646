import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import type { S3Client } from '@aws-sdk/client-s3';

/**
 * Uploads every file under `root/subdir` to `bucket`, keyed by its path relative to `root` (so `DIR/data/parquet/…`
 * becomes `data/parquet/…`, the key layout the S3 notification filters on). Parquet files go last, so a day's
 * notifications arrive after any side files it may read.
 *
 * @example
 * await uploadDirectory(s3, 'koku-bucket', '/tmp/sample', 'data');
 */
export async function uploadDirectory(s3: S3Client, bucket: string, root: string, subdir: string): Promise<string[]> {
  const files = readdirSync(join(root, subdir), { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name))
    .sort((a, b) => Number(a.endsWith('.parquet')) - Number(b.endsWith('.parquet')) || a.localeCompare(b));
  const keys: string[] = [];
  for (const file of files) {
    const key = relative(root, file).split(sep).join('/');
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: readFileSync(file) }));
    keys.push(key);
  }
  return keys;
}
