import { readFileSync } from 'node:fs';
import { readRecordBatches } from '../../lib/parquet/readRecordBatches.js';
import { ensureParquetWasm } from '../../lib/parquet/wasm.js';
import { tableFromIPC } from 'apache-arrow';
const f = process.argv[2]!;
const cols = process.argv.slice(3);
const bytes = readFileSync(f);
ensureParquetWasm();
let t = performance.now();
const batches = [];
for await (const b of readRecordBatches(new Blob([bytes]), { label: f, columns: cols })) batches.push(b);
console.log('projected', (performance.now() - t).toFixed(0), 'ms', batches.length, batches[0]!.schema.fields.map((x) => `${x.name}:${x.type}`).join(','));
t = performance.now();
const full = tableFromIPC(ensureParquetWasm().readParquet(bytes, { batchSize: 65536 }).intoIPCStream());
console.log('full', (performance.now() - t).toFixed(0), 'ms');
let off = 0; let bad = 0;
for (const b of batches) { for (const c of cols) { const v = b.getChild(c); if (!v) continue; const w = full.getChild(c)!; for (let i = 0; i < b.numRows; i += 997) { if (String(v.get(i)) !== String(w.get(off + i))) bad++; } } off += b.numRows; }
console.log('rows', off, full.numRows, 'mismatches', bad);
