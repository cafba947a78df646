import { readFileSync } from 'node:fs';
import { decodeThriftStructAt } from '../../lib/parquet/thriftCompact.js';
import { snappyUncompress } from '../../lib/parquet/snappy.js';
const f = process.argv[2]!; const start = Number(process.argv[3]); const len = Number(process.argv[4]);
const bytes = new Uint8Array(readFileSync(f)).subarray(start, start + len);
const pages: Array<[Uint8Array, number]> = [];
let pos = 0;
while (pos < bytes.length) { const { struct, end } = decodeThriftStructAt(bytes, pos); const c = struct.get(3) as number; pages.push([bytes.subarray(end, end + c), struct.get(2) as number]); pos = end + c; }
let total = 0; for (const [, u] of pages) total += u;
for (let r = 0; r < 8; r++) { const t = performance.now(); for (const [p, u] of pages) snappyUncompress(p, u); const ms = performance.now() - t; console.log(pages.length, 'pages', (total / 1e6).toFixed(1), 'MB', ms.toFixed(1), 'ms', (total / 1e3 / ms).toFixed(0), 'MB/s'); }
