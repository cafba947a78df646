import { OcpDayAggregator } from '../../lib/ocp/index.js';
import { listOcpDayInputs } from '../../lib/pipeline/dayInputs.js';
import { ocpInputSpec } from '../../lib/pipeline/ocpInputs.js';
import { readParquetFooter, readRecordBatches, ensureParquetWasm } from '../../lib/parquet/index.js';
import { LocalObjectStore } from '../../lib/store/index.js';
import { gzipSync } from 'node:zlib';
const dir = process.argv[2]!; const day = process.argv[3] ?? '2025-11-03';
ensureParquetWasm();
const store = new LocalObjectStore(dir);
const T: Record<string, number> = {};
const now = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const tick = (k: string, t0: number) => { T[k] = (T[k] ?? 0) + now() - t0; };
let t = now(); const t00 = t;
const inputs = await listOcpDayInputs(store, { account: 'org1234567', providerType: 'OCP', providerUuid: '6e2c3f7a-1b4d-4c8e-9f10-2a3b4c5d6e7f', year: 2025, month: 11, day });
tick('list', t);
const agg = new OcpDayAggregator({ day, config: { enabledKeys: ['app', 'env'], costCategories: [] } });
for (const input of inputs) {
  const spec = ocpInputSpec(input.role);
  const { blob, release } = await store.openBlob(input.key);
  const footer = await readParquetFooter(blob, input.key);
  const it = readRecordBatches(blob, { columns: [...spec.required, ...spec.optional], label: input.key, footer })[Symbol.asyncIterator]();
  for (;;) {
    t = now(); const n = await it.next(); tick(`read ${input.role}`, t);
    if (n.done) break;
    t = now();
    switch (input.role) { case 'podHourly': agg.addPodHourly(n.value); break; case 'podDaily': agg.addPodDaily(n.value); break; case 'storageDaily': agg.addStorageDaily(n.value); break; case 'nodeLabelsDaily': agg.addNodeLabelsDaily(n.value); break; case 'namespaceLabelsDaily': agg.addNamespaceLabelsDaily(n.value); break; }
    tick(`agg ${input.role}`, t);
  }
  await release();
}
t = now(); const s = agg.finish(); tick('finish', t);
t = now(); const json = JSON.stringify({ rows: s.rows, nodeRoles: s.nodeRoles }); tick('json', t);
t = now(); const gz = gzipSync(json); tick('gzip6', t);
t = now(); const gz1 = gzipSync(json, { level: 1 }); tick('gzip1', t);
T.total = now() - t00 - T.gzip1!;
console.log(Object.entries(T).map(([k, v]) => `${k}=${v.toFixed(0)}`).join(' '), 'json MB', (json.length / 1e6).toFixed(1), 'gz6', (gz.length / 1e6).toFixed(1), 'gz1', (gz1.length / 1e6).toFixed(1), 'rss', (process.resourceUsage().maxRSS / 1024).toFixed(0));
