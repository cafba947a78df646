/**
 * Child process: writes synthetic days of a cluster sized by hourly pod rows per day in Koku's layout with
 * lib/generate (several children may write different days of one directory at once). Prints the rows written per
 * report type and granularity as one JSON line. argv: <dir> <rowsPerDay> <seed> <day,day,...>
 */
import { writeGenerated } from '../lib/generate/writeGenerated.js';
import { LocalObjectStore } from '../lib/store/index.js';
import { podsForRows } from './benchData.js';
import { BENCH_CLUSTER_ID, BENCH_PROVIDER_UUID, BENCH_SCHEMA } from './constants.js';

const [dir, rowsArg, seedArg, daysArg] = process.argv.slice(2);
if (!dir || !rowsArg || !seedArg || !daysArg) throw new Error('usage: generateChild <dir> <rowsPerDay> <seed> <days>');
const rowsPerDay = Number(rowsArg);
const seed = Number(seedArg);
const days = daysArg.split(',');
const pods = podsForRows(rowsPerDay);

const summary = await writeGenerated({
  store: new LocalObjectStore(dir),
  schema: BENCH_SCHEMA,
  providerUuid: BENCH_PROVIDER_UUID,
  clusterId: BENCH_CLUSTER_ID,
  days,
  cluster: { pods, seed },
  logger: {
    debug() {},
    info(message, extra) {
      if (message === 'generated synthetic day') process.stderr.write(`  generated ${String(extra?.day)} (${String(extra?.rows)} rows so far)\n`);
    },
    warn() {},
    error() {},
  },
});
const rows: Record<string, number> = {};
for (const w of summary.written) rows[`${w.reportType}.${w.granularity}`] = (rows[`${w.reportType}.${w.granularity}`] ?? 0) + w.rows;
process.stdout.write(`${JSON.stringify(rows)}\n`);
