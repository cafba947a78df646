import { openAsBlob, readdirSync } from 'node:fs';
import { readRecordBatches } from '../../lib/parquet/index.js';
const dir = process.argv[2]!;
const files = readdirSync(dir).filter((n) => n.endsWith('.parquet')).sort();
let prev: Record<string, string[]> = {};
for (const f of files) {
  for await (const b of readRecordBatches(await openAsBlob(`${dir}/${f}`), { label: f, columns: ['pod', 'pod_labels', 'namespace', 'resource_id'] })) {
    const cur: Record<string, string[]> = {};
    for (const c of ['pod', 'pod_labels', 'namespace', 'resource_id']) {
      const d = (b.getChild(c)!.data[0] as any).dictionary; const vals: string[] = []; for (let i = 0; i < d.length; i++) vals.push(d.get(i));
      cur[c] = vals;
      const p = prev[c]; if (p) { let same = 0; for (let i = 0; i < Math.min(p.length, vals.length); i++) if (p[i] === vals[i]) same++; console.log(f.slice(-20), c, 'entries', vals.length, 'same position', same, 'distinct', new Set(vals).size); }
    }
    prev = cur;
  }
}
