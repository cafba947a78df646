import { tableToIPC } from 'apache-arrow';
import { ensureParquetWasm } from './lib/parquet/wasm.js';
import { buildSyntheticCluster } from './lib/generate/syntheticCluster.js';
import { syntheticChunks } from './lib/generate/syntheticChunks.js';
import { buildArrowTable } from './lib/ingest/buildArrowTable.js';
import { aggregateOcpDaily } from './lib/ingest/aggregateOcpDaily.js';
const wasm = ensureParquetWasm();
const cluster = buildSyntheticCluster({ pods: 10000 });
let t = Date.now();
const chunks = [...syntheticChunks(cluster, '2025-10-01', 'pod_usage', 200000)];
console.log('gen', Date.now() - t); t = Date.now();
const dailies = chunks.map((c) => aggregateOcpDaily(c, 'pod_usage'));
console.log('agg', Date.now() - t); t = Date.now();
const tables = chunks.map(buildArrowTable);
console.log('arrow', Date.now() - t); t = Date.now();
const ipcs = tables.map((tb) => tableToIPC(tb, 'stream'));
console.log('ipc', Date.now() - t);
for (const variant of ['default', 'nodictfloat', 'nodict', 'nostats', 'uncompressed'] as const) {
  t = Date.now();
  let size = 0;
  for (const ipc of ipcs) {
    let b = new wasm.WriterPropertiesBuilder().setCompression(variant === 'uncompressed' ? wasm.Compression.UNCOMPRESSED : wasm.Compression.SNAPPY);
    if (variant === 'nodict') b = b.setDictionaryEnabled(false);
    if (variant === 'nostats') b = b.setStatisticsEnabled(wasm.EnabledStatistics.None);
    if (variant === 'nodictfloat') for (const f of tables[0].schema.fields) if (String(f.type) === 'Float64') b = b.setColumnDictionaryEnabled(f.name, false);
    size += wasm.writeParquet(wasm.Table.fromIPCStream(ipc), b.build()).length;
  }
  console.log(variant, Date.now() - t, size);
}
