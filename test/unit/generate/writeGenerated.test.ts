import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvalidGenerateOptionsError } from '../../../lib/generate/errors.js';
import { generationDays } from '../../../lib/generate/generationDays.js';
import { writeGenerated } from '../../../lib/generate/writeGenerated.js';
import { MemoryObjectStore } from '../../../lib/store/MemoryObjectStore.js';
import { OCP_UUID, parquetRows } from '../../helpers/ingestFixtures.js';

async function contents(store: MemoryObjectStore): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const o of await store.list('data/')) out.set(o.key, JSON.stringify(await parquetRows(store, o.key)));
  return out;
}

describe('writeGenerated', () => {
  it('the Arrow fast path writes exactly what the CSV ingest makes of the operator CSV', async () => {
    const base = { schema: 'org1234567', providerUuid: OCP_UUID, clusterId: 'c1', days: ['2025-10-01'], cluster: { pods: 30, seed: 5 }, chunkSize: 400 };
    const fast = new MemoryObjectStore();
    const slow = new MemoryObjectStore();
    const a = await writeGenerated({ ...base, store: fast });
    const b = await writeGenerated({ ...base, store: slow, via: 'csv' });
    assert.equal(a.rowsRead, b.rowsRead);
    const [ca, cb] = [await contents(fast), await contents(slow)];
    assert.deepEqual([...ca.keys()], [...cb.keys()]);
    for (const [key, value] of ca) assert.equal(value, cb.get(key), key);
    assert.ok([...ca.keys()].some((k) => k.endsWith('pod_usage.2025-10-01.1.0_1.parquet')), 'several chunks');
    const head = await fast.head([...ca.keys()].find((k) => k.includes('/OCP/storage_usage/'))!);
    assert.deepEqual(head.metadata, { manifestid: '1', reportdatestart: '2025-10-01', reportnumhours: '24' });
  });

  it('writes the four report types for every day of the range, hourly and daily', async () => {
    const store = new MemoryObjectStore();
    const summary = await writeGenerated({ store, schema: 'acct10001', providerUuid: OCP_UUID, clusterId: 'c2', days: ['2025-10-30', '2025-10-31'], cluster: { pods: 10 } });
    assert.deepEqual(summary.days, ['2025-10-30', '2025-10-31']);
    assert.equal(summary.written.length, 2 * 4 * 2);
    assert.ok(summary.written.every((w) => w.key.includes('/10001/OCP/')));
  });

  it('derives days from a month and rejects bad ranges', () => {
    assert.equal(generationDays({ month: '2024-02' }).length, 29);
    assert.throws(() => generationDays({}), InvalidGenerateOptionsError);
    assert.throws(() => generationDays({ days: ['2025-02-30'] }), InvalidGenerateOptionsError);
  });
});
