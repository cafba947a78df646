import { readFileSync } from 'node:fs';
import { decodeThriftStructAt } from '../../lib/parquet/thriftCompact.js';
const f = process.argv[2]!; const start = Number(process.argv[3]); const len = Number(process.argv[4]);
const bytes = new Uint8Array(readFileSync(f)).subarray(start, start + len);
const { struct, end } = decodeThriftStructAt(bytes, 0);
const input = bytes.subarray(end, end + (struct.get(3) as number));
let pos = 0; while (input[pos]! & 0x80) pos++; pos++;
const hist = new Map<string, [number, number]>();
while (pos < input.length) {
  const tag = input[pos++]!; const kind = tag & 3; let len = 0;
  if (kind === 0) { len = tag >>> 2; if (len >= 60) { const e = len - 59; len = 0; for (let k = 0; k < e; k++) len += input[pos + k]! << (8 * k); pos += e; } len += 1; pos += len; }
  else if (kind === 1) { len = ((tag >>> 2) & 7) + 4; pos += 1; } else if (kind === 2) { len = (tag >>> 2) + 1; pos += 2; } else { len = (tag >>> 2) + 1; pos += 4; }
  const k = `${kind}`; const h = hist.get(k) ?? [0, 0]; h[0]++; h[1] += len; hist.set(k, h);
}
for (const [k, [n, b]] of hist) console.log('kind', k, 'ops', n, 'avg len', (b / n).toFixed(1));
