import { MemoryObjectStore } from './lib/store/MemoryObjectStore.js';
import { writeGenerated } from './lib/generate/writeGenerated.js';
import { readRecordBatches } from './lib/parquet/readRecordBatches.js';
const uuid = '6e212746-484a-40bd-b3c8-4e0f3c5a6b3e';
async function dump(store: MemoryObjectStore) {
  const out: Record<string, string[]> = {};
  for (const o of await store.list('data/')) {
    const rows: string[] = [];
    for await (const b of readRecordBatches(new Blob([await store.get(o.key)]), { label: o.key })) {
      for (const r of b.toArray()) rows.push(JSON.stringify(r.toJSON(), (k, v) => (typeof v === 'bigint' ? Number(v) : v)));
    }
    out[o.key] = rows;
  }
  return out;
}
let t = Date.now();
const a = new MemoryObjectStore('a');
const sa = await writeGenerated({ store: a, schema: 'org1', providerUuid: uuid, clusterId: 'c1', days: ['2025-10-01'], cluster: { pods: 60 }, chunkSize: 500 });
console.log('arrow', Date.now() - t, sa.written.length, sa.rowsRead); t = Date.now();
const b = new MemoryObjectStore('b');
const sb = await writeGenerated({ store: b, schema: 'org1', providerUuid: uuid, clusterId: 'c1', days: ['2025-10-01'], cluster: { pods: 60 }, chunkSize: 500, via: 'csv' });
console.log('csv', Date.now() - t, sb.written.length, sb.rowsRead);
const da = await dump(a); const db = await dump(b);
console.log(Object.keys(da).join('\n'));
let diffs = 0;
for (const k of Object.keys(da)) { if (JSON.stringify(da[k]) !== JSON.stringify(db[k])) { diffs++; console.log('DIFF', k, da[k][0], '\n', db[k]?.[0]); } }
console.log('diffs', diffs, Object.keys(db).length);
console.log(da[Object.keys(da).find(k=>k.includes('daily/org1/OCP/pod_usage'))!][0]);
