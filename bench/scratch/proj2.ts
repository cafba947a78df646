import { readFileSync } from 'node:fs';
import { readRecordBatches } from '../../lib/parquet/readRecordBatches.js';
import { ensureParquetWasm } from '../../lib/parquet/wasm.js';
import { tableFromIPC } from 'apache-arrow';
const f = process.argv[2]!;
const cols = process.argv.slice(3);
const bytes = readFileSync(f);
const w = ensureParquetWasm();
for (let k = 0; k < 3; k++) {
let t = performance.now();
for await (const b of readRecordBatches(new Blob([bytes]), { label: f, columns: cols })) {}
const a = performance.now() - t;
t = performance.now();
const full = tableFromIPC(w.readParquet(bytes, { batchSize: 65536 }).intoIPCStream());
const b = performance.now() - t;
t = performance.now();
const r = w.readParquet(bytes, { batchSize: 65536 });
const c = performance.now() - t;
r.free();
console.log('projected', a.toFixed(0), 'full', b.toFixed(0), 'full-no-ipc', c.toFixed(0));
}
