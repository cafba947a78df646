import { readRecordBatches } from '../../lib/parquet/index.js';
import { StringPool } from '../../lib/ocp/stringPool.js';
import { openAsBlob, readdirSync } from 'node:fs';
const dir = process.argv[2]!;
const dicts: any[] = [];
for (const name of readdirSync(dir).filter((n) => n.endsWith('.parquet'))) {
  for await (const b of readRecordBatches(await openAsBlob(`${dir}/${name}`), { label: name, columns: ['pod', 'pod_labels'] })) {
    for (const c of ['pod', 'pod_labels']) dicts.push((b.getChild(c)!.data[0] as any).dictionary.data[0]);
  }
}
for (let rep = 0; rep < 3; rep++) {
  const pool = new StringPool();
  const t = performance.now(); let n = 0;
  for (const d of dicts) { const off = d.valueOffsets as Int32Array; for (let i = 0; i < d.length; i++) { pool.idOfUtf8(d.values, off[i], off[i + 1]); n++; } }
  const t2 = performance.now();
  const m = new Map<string, number>(); const dec = new TextDecoder();
  for (const d of dicts) { const off = d.valueOffsets as Int32Array; for (let i = 0; i < d.length; i++) { const s = dec.decode(d.values.subarray(off[i], off[i + 1])); if (!m.has(s)) m.set(s, m.size); } }
  console.log(n, 'entries; bytes pool', (t2 - t).toFixed(0), 'ms; decode+Map', (performance.now() - t2).toFixed(0), 'ms', pool.size, m.size);
}
