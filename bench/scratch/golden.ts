// Usage: golden.ts <dataDir> <day> <out.json> [--compare]
import { runOcpDayTask } from '../../lib/pipeline/ocpDayTask.js';
import { readOcpPartialRows } from '../../lib/pipeline/partials.js';
import { LocalObjectStore, MemoryObjectStore } from '../../lib/store/index.js';
import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
const [dir, day, out, mode] = process.argv.slice(2) as [string, string, string, string?];
const [year, month] = day.split('-').map(Number) as [number, number];
const ps = new MemoryObjectStore();
for (const cfg of [{ enabledKeys: ['app', 'env'], costCategories: [{ pattern: 'openshift-%', costCategoryId: 1 }, { pattern: 'kube-%', costCategoryId: 2 }, { pattern: 'openshift%', costCategoryId: 3 }] }, { enabledKeys: [], costCategories: [] }]) {
  const m = await runOcpDayTask({ dataStore: new LocalObjectStore(dir), partialStore: ps, partialsPrefix: 'p/', config: cfg, logger: { debug() {}, info() {}, warn() {}, error() {} } },
    { account: 'org1234567', providerType: 'OCP', providerUuid: '6e2c3f7a-1b4d-4c8e-9f10-2a3b4c5d6e7f', year, month, day });
  const rows = await readOcpPartialRows(ps, m);
  const text = JSON.stringify({ rows: rows.rows, nodeRoles: rows.nodeRoles, totals: m.controlTotals });
  const file = `${out}.${cfg.enabledKeys.length}.json`;
  const hash = createHash('sha256').update(text).digest('hex').slice(0, 16);
  if (mode === '--compare') {
    const want = readFileSync(file, 'utf8');
    console.log(file, want === text ? 'IDENTICAL' : 'DIFFERENT', hash, rows.rows.length);
    if (want !== text) { writeFileSync(file + '.new', text); process.exitCode = 1; }
  } else { writeFileSync(file, text); console.log('wrote', file, hash, rows.rows.length); }
}
