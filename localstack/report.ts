// `npm run local:report [-- --schema org1234567 --db postgres://…]`: what the pipeline wrote to PostgreSQL.
import { parseArgs } from 'node:util';
import pg from 'pg';
import { localDefaults } from './localConstants.js';

const { values: o } = parseArgs({
  options: {
    schema: { type: 'string', default: localDefaults.schema },
    db: { type: 'string', default: process.env.KOKU_LOCAL_DATABASE_URL ?? localDefaults.databaseUrl },
  },
});
if (!/^[a-z][a-z0-9_]*$/.test(o.schema!)) throw new Error(`not a tenant schema name: ${o.schema}`);

const client = new pg.Client({ connectionString: o.db });
await client.connect();
try {
  const summary = await client.query(`
    SELECT usage_start::text AS day,
           data_source,
           count(*)::int AS rows,
           count(DISTINCT namespace)::int AS namespaces,
           round(sum(pod_usage_cpu_core_hours)::numeric, 3)::text AS cpu_core_hours,
           round(sum(pod_usage_memory_gigabyte_hours)::numeric, 3)::text AS memory_gb_hours,
           round(sum(persistentvolumeclaim_usage_gigabyte_months)::numeric, 6)::text AS pvc_gb_months
      FROM ${o.schema}.reporting_ocpusagelineitem_daily_summary
     GROUP BY 1, 2
     ORDER BY 1, 2`);
  if (summary.rowCount === 0) {
    process.stdout.write(`no summary rows in ${o.schema} yet: wait for the Lambdas, or check the DLQs (localstack/README.md, "When nothing shows up")\n`);
  } else {
    console.table(summary.rows);
  }
  const ledger = await client.query(`
    SELECT provider_uuid::text, summary_type, count(*)::int AS days, sum(row_count)::int AS rows, max(committed_at)::text AS last_commit
      FROM ${o.schema}.koku_agg_ledger GROUP BY 1, 2 ORDER BY 1, 2`);
  if (ledger.rowCount === 0) process.stdout.write('ledger: no committed days yet\n');
  else console.table(ledger.rows);
} finally {
  await client.end();
}
