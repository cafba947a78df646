import type { ObjectStore } from '../lib/store/types.js';

/**
 * Copies every object under `prefix` from one store to another with its user metadata (Koku's
 * `manifestid`, `reportdatestart`, … which the local store keeps in `.meta.json` sidecars). Parquet objects go
 * last, so the notifications they trigger find any side objects of the month already in place.
 *
 * @example
 * await copyObjects(new LocalObjectStore('/tmp/sample'), new S3ObjectStore({ client, bucket }), 'data/');
 */
export async function copyObjects(from: ObjectStore, to: ObjectStore, prefix: string): Promise<string[]> {
  const objects = (await from.list(prefix))
    .sort((a, b) => Number(a.key.endsWith('.parquet')) - Number(b.key.endsWith('.parquet')) || a.key.localeCompare(b.key));
  for (const { key } of objects) {
    const head = await from.head(key);
    await to.put(key, await from.get(key), { metadata: head.metadata });
  }
  return objects.map((o) => o.key);
}
