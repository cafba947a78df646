import { openAsBlob, readdirSync } from 'node:fs';
import { readRecordBatches, readParquetFooter } from '../../lib/parquet/index.js';
const dir = process.argv[2]!; const cols = process.argv[3]!.split(',');
const files = readdirSync(dir).filter((n) => n.endsWith('.parquet')).map((n) => `${dir}/${n}`);
for (let rep = 0; rep < 4; rep++) {
  const c0 = process.cpuUsage(); let rows = 0;
  for (const f of files) { const blob = await openAsBlob(f); for await (const b of readRecordBatches(blob, { label: f, columns: cols })) rows += b.numRows; }
  const c = process.cpuUsage(c0); console.log(rows, 'rows cpu ms', ((c.user + c.system) / 1000).toFixed(0));
}
