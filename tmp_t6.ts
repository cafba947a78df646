import { MemoryObjectStore } from './lib/store/MemoryObjectStore.js';
import { writeNiseManifest } from './lib/generate/writeNiseManifest.js';
import { readRecordBatches } from './lib/parquet/readRecordBatches.js';
const store = new MemoryObjectStore();
let n = 0;
const s = await writeNiseManifest({ store, schema: 'org1', manifest: '/work/shared/scenarios/ocp-on-aws/14-savingsplan-costs/manifest.yml', ocpProviderUuids: '6e212746-484a-40bd-b3c8-4e0f3c5a6b3e', awsProviderUuid: '7e212746-484a-40bd-b3c8-4e0f3c5a6b3e', rowUuid: () => `00000000-0000-4000-8000-${String(n++).padStart(12, '0')}` });
console.log(s.written.map((w) => `${w.key} ${w.rows}`).join('\n'), s.awsRows);
const k = s.written.find((w) => w.key.includes('AWS/raw'))!.key;
for await (const b of readRecordBatches(new Blob([await store.get(k)]), { label: k })) {
  console.log(b.schema.fields.map((f) => `${f.name}:${f.type}`).join(' '));
  for (const r of b.toArray()) console.log(JSON.stringify(r.toJSON(), (kk, v) => (typeof v === 'bigint' ? Number(v) : v)));
}
