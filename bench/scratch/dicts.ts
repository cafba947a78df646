import { readRecordBatches } from '../../lib/parquet/index.js';
import { openAsBlob } from 'node:fs';
const f = process.argv[2]!;
for await (const b of readRecordBatches(await openAsBlob(f), { label: f })) {
  for (const field of b.schema.fields) { const v = b.getChild(field.name)!; const d = (v.data[0] as any).dictionary; if (d) { let bytes = 0; for (const dd of d.data) bytes += dd.values.length; console.log(field.name, b.numRows, 'dict', d.length, 'bytes', bytes); } }
}
