import { buildSyntheticCluster } from './lib/generate/syntheticCluster.js';
import { syntheticChunks } from './lib/generate/syntheticChunks.js';
import { aggregateOcpDaily } from './lib/ingest/aggregateOcpDaily.js';
import { encodeChunk } from './lib/ingest/encodeChunk.js';
const pods = Number(process.argv[2] ?? 42000);
const c = buildSyntheticCluster({ pods });
let tg = 0, ta = 0, te = 0, rows = 0;
let t = performance.now();
const gen = syntheticChunks(c, '2025-10-01', 'pod_usage', 200000);
for (;;) {
  const r = gen.next(); const t1 = performance.now(); tg += t1 - t; if (r.done) break;
  const d = aggregateOcpDaily(r.value, 'pod_usage'); const t2 = performance.now(); ta += t2 - t1;
  encodeChunk(r.value, d); const t3 = performance.now(); te += t3 - t2; t = t3; rows += r.value.length;
}
console.log({ rows, gen: Math.round(tg), agg: Math.round(ta), encode: Math.round(te), rssMB: Math.round(process.memoryUsage().rss / 1e6) });
