import { runOcpDayTask } from '../../lib/pipeline/ocpDayTask.js';
import { LocalObjectStore } from '../../lib/store/index.js';
import { mkdtempSync } from 'node:fs';
const dir = process.argv[2]!;
const t = performance.now();
const logs: unknown[] = [];
const m = await runOcpDayTask({
  dataStore: new LocalObjectStore(dir), partialStore: new LocalObjectStore(mkdtempSync('/tmp/kb/part-')), partialsPrefix: 'partials/',
  config: { enabledKeys: ['app', 'env'], costCategories: [] },
  logger: { debug() {}, info(m, e) { logs.push(e); }, warn() {}, error() {} },
}, { account: 'org1234567', providerType: 'OCP', providerUuid: '11111111-2222-3333-4444-555555555555', year: 2025, month: 10, day: '2025-10-01' });
console.log(JSON.stringify(logs), (performance.now() - t).toFixed(0), 'ms', 'rss', (process.resourceUsage().maxRSS / 1024).toFixed(0), 'MB', 'rows', m.rowCount);
