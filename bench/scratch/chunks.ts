import { readFileSync } from 'node:fs';
import { decodeTypedStruct, fieldOf } from '../../lib/parquet/thriftTyped.js';
const f = process.argv[2]!;
const b = readFileSync(f);
const len = b.readUInt32LE(b.length - 8);
const meta = decodeTypedStruct(new Uint8Array(b.buffer, b.byteOffset + b.length - 8 - len, len));
const rgs = (fieldOf(meta, 4)!.value as any).items;
console.log('row groups', rgs.length, 'created', new TextDecoder().decode(fieldOf(meta, 6)?.value as Uint8Array));
for (const cc of (fieldOf(rgs[0], 1)!.value as any).items) {
  const md = fieldOf(cc, 3)!.value as any;
  const path = (fieldOf(md, 3)!.value as any).items.map((x: Uint8Array) => new TextDecoder().decode(x)).join('.');
  const enc = (fieldOf(md, 2)!.value as any).items;
  const es = fieldOf(md, 13)?.value as any;
  console.log(path.padEnd(45), 'type', fieldOf(md, 1)!.value, 'codec', fieldOf(md, 4)!.value, 'enc', enc.join(','), 'comp', fieldOf(md, 7)!.value, 'uncomp', fieldOf(md, 6)!.value, 'dict@', fieldOf(md, 11)?.value, 'data@', fieldOf(md, 9)!.value, 'pagestats', es ? es.items.map((e: any) => e.fields.map((f: any) => f.value).join('/')).join(' ') : '');
}
