import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { readRecordBatches, ensureParquetWasm } from '../../lib/parquet/index.js';
function files(d: string): string[] { return readdirSync(d).flatMap((n) => { const p = join(d, n); return statSync(p).isDirectory() ? files(p) : n.endsWith('.parquet') ? [p] : []; }); }
const w = ensureParquetWasm();
let bad = 0, cols = 0, tJs = 0, tW = 0;
for (const f of files(process.argv[2]!)) {
  const bytes = readFileSync(f);
  let t = performance.now();
  const js = [];
  for await (const b of readRecordBatches(new Blob([bytes]), { label: f, batchSize: 1 << 30 })) js.push(b);
  tJs += performance.now() - t; t = performance.now();
  const ref = tableFromIPC(w.readParquet(bytes, { batchSize: 1 << 30 }).intoIPCStream());
  tW += performance.now() - t;
  let off = 0;
  for (const b of js) {
    for (const field of ref.schema.fields) {
      const a = b.getChild(field.name)!; const r = ref.getChild(field.name)!; cols++;
      if (String(a.type) !== String(r.type)) { console.log('TYPE', f, field.name, String(a.type), String(r.type)); bad++; }
      for (let i = 0; i < b.numRows; i++) { const x = a.get(i), y = r.get(off + i); if (!(x === y || (typeof x === 'bigint' && x === y) || (Number.isNaN(x) && Number.isNaN(y)))) { if (bad < 10) console.log('VAL', f.split('/').pop(), field.name, i, x, y); bad++; break; } }
    }
    off += b.numRows;
  }
  if (off !== ref.numRows) { console.log('ROWS', f, off, ref.numRows); bad++; }
}
console.log('columns compared', cols, 'mismatches', bad, 'js ms', tJs.toFixed(0), 'wasm ms', tW.toFixed(0));
