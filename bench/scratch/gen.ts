import { writeGenerated } from '../../lib/generate/writeGenerated.js';
import { LocalObjectStore } from '../../lib/store/index.js';
const pods = Number(process.argv[2] ?? 2000);
const dir = process.argv[3] ?? '/tmp/kb/data';
const t = Date.now();
const store = new LocalObjectStore(dir);
const s = await writeGenerated({ store, schema: 'org1234567', providerUuid: '11111111-2222-3333-4444-555555555555', clusterId: 'bench', days: ['2025-10-01'], cluster: { pods, seed: 1 } });
console.log(Date.now() - t, 'ms', s.written.length, JSON.stringify(s.written.slice(0, 3)));
console.log(process.resourceUsage().maxRSS / 1024);
