import { execSync } from 'node:child_process';
import { loadNiseManifest } from './lib/generate/loadNiseManifest.js';
import { generateNiseOcpRows } from './lib/generate/niseOcpGenerator.js';
import { generateNiseAwsRows } from './lib/generate/niseAwsGenerator.js';
const files = execSync('find /work/shared/scenarios -name "*.yml" | sort').toString().trim().split('\n');
for (const f of files) {
  try {
    const m = loadNiseManifest(f);
    const ocp = m.ocpClusters.map((c) => { const r = generateNiseOcpRows(c); return `${c.clusterId}:${r.pod_usage.rows.length}/${r.storage_usage.rows.length}/${r.node_labels.rows.length}/${r.namespace_labels.rows.length}`; });
    const aws = m.awsGenerators.length ? generateNiseAwsRows(m).rows.length : 0;
    let cpu = 0; let mem = 0;
    for (const c of m.ocpClusters) for (const r of generateNiseOcpRows(c).pod_usage.rows) { cpu += Number(r[8]); mem += Number(r[11]); }
    console.log(f.replace('/work/shared/scenarios/', ''), m.name, ocp.join(' '), 'aws', aws, 'cpuh', (cpu / 3600).toFixed(2), 'memGiBh', (mem / 3600 / 2 ** 30).toFixed(2));
  } catch (e) { console.log('FAIL', f, (e as Error).message); }
}
