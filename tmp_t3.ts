import { MemoryObjectStore } from './lib/store/MemoryObjectStore.js';
import { writeGenerated } from './lib/generate/writeGenerated.js';
const uuid = '6e212746-484a-40bd-b3c8-4e0f3c5a6b3e';
const pods = Number(process.argv[2] ?? 10000);
const t = Date.now();
const a = new MemoryObjectStore('a');
const sa = await writeGenerated({ store: a, schema: 'org1', providerUuid: uuid, clusterId: 'c1', days: ['2025-10-01'], cluster: { pods }, reportTypes: ['pod_usage'] });
const bytes = (await a.list('data/')).reduce((s, o) => s + o.size, 0);
console.log('arrow', Date.now() - t, 'ms', sa.written.length, sa.rowsRead, 'bytes', bytes, 'rss', Math.round(process.memoryUsage().rss/1e6));
