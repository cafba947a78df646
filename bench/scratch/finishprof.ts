import { OcpDayAggregator } from '../../lib/ocp/index.js';
import { listOcpDayInputs } from '../../lib/pipeline/dayInputs.js';
import { ocpInputSpec } from '../../lib/pipeline/ocpInputs.js';
import { readRecordBatches } from '../../lib/parquet/index.js';
import { LocalObjectStore } from '../../lib/store/index.js';
import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
const dir = process.argv[2]!; const day = '2025-11-03';
const store = new LocalObjectStore(dir);
const inputs = await listOcpDayInputs(store, { account: 'org1234567', providerType: 'OCP', providerUuid: '6e2c3f7a-1b4d-4c8e-9f10-2a3b4c5d6e7f', year: 2025, month: 11, day });
const agg = new OcpDayAggregator({ day, config: { enabledKeys: ['app', 'env'], costCategories: [] } });
for (const input of inputs) {
  const spec = ocpInputSpec(input.role);
  const { blob, release } = await store.openBlob(input.key);
  for await (const b of readRecordBatches(blob, { columns: [...spec.required, ...spec.optional], label: input.key })) {
    switch (input.role) { case 'podHourly': agg.addPodHourly(b); break; case 'podDaily': agg.addPodDaily(b); break; case 'storageDaily': agg.addStorageDaily(b); break; case 'nodeLabelsDaily': agg.addNodeLabelsDaily(b); break; case 'namespaceLabelsDaily': agg.addNamespaceLabelsDaily(b); break; }
  }
  await release();
}
const s = new Session(); s.connect(); await s.post('Profiler.enable'); await s.post('Profiler.start');
let r = agg.finish();
const times: number[] = [];
for (let k = 0; k < 6; k++) { const c0 = process.cpuUsage(); r = agg.finish(); const c = process.cpuUsage(c0); times.push(Math.round((c.user + c.system) / 1000)); }
const c = { user: Math.min(...times) * 1000, system: 0 }; console.log('runs', times.join(' '));
const { profile } = await s.post('Profiler.stop');
writeFileSync('/tmp/kb/prof/finish.cpuprofile', JSON.stringify(profile));
console.log('finish cpu', ((c.user + c.system) / 1000).toFixed(0), r.rows.length);
