import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { ensureTenantSchema } from '../../lib/db/ddl.js';
import { ensureMonthPartition, monthBounds, monthPartitionName } from '../../lib/db/partitions.js';
import { InvalidIdentifierError, PartitionError } from '../../lib/db/errors.js';
import { OCP_SUMMARY_TABLE } from '../../lib/db/constants.js';
import { freshSchema, testDatabaseUrl, type FreshSchema } from '../helpers/database.js';

const N = 'numeric(33,15)';
const EXPECTED_SUMMARY_COLUMNS: Record<string, string> = {
  uuid: 'uuid', report_period_id: 'integer', cluster_id: 'character varying(50)', cluster_alias: 'character varying(256)',
  data_source: 'character varying(64)', usage_start: 'date', usage_end: 'date', namespace: 'character varying(253)',
  node: 'character varying(253)', resource_id: 'character varying(253)', pod_labels: 'jsonb',
  pod_usage_cpu_core_hours: N, pod_request_cpu_core_hours: N, pod_effective_usage_cpu_core_hours: N, pod_limit_cpu_core_hours: N,
  pod_usage_memory_gigabyte_hours: N, pod_request_memory_gigabyte_hours: N, pod_effective_usage_memory_gigabyte_hours: N,
  pod_limit_memory_gigabyte_hours: N, node_capacity_cpu_cores: N, node_capacity_cpu_core_hours: N,
  node_capacity_memory_gigabytes: N, node_capacity_memory_gigabyte_hours: N, cluster_capacity_cpu_core_hours: N,
  cluster_capacity_memory_gigabyte_hours: N, persistentvolumeclaim: 'character varying(253)',
  persistentvolume: 'character varying(253)', storageclass: 'character varying(253)', volume_labels: 'jsonb', all_labels: 'jsonb',
  persistentvolumeclaim_capacity_gigabyte: N, persistentvolumeclaim_capacity_gigabyte_months: N,
  volume_request_storage_gigabyte_months: N, persistentvolumeclaim_usage_gigabyte_months: N, source_uuid: 'uuid',
  infrastructure_usage_cost: 'jsonb', cost_category_id: 'integer', infrastructure_raw_cost: N, infrastructure_project_raw_cost: N,
  infrastructure_data_in_gigabytes: N, infrastructure_data_out_gigabytes: N, infrastructure_markup_cost: N,
  infrastructure_project_markup_cost: N, infrastructure_monthly_cost: N, infrastructure_monthly_cost_json: 'jsonb',
  infrastructure_project_monthly_cost: 'jsonb', supplementary_usage_cost: 'jsonb', supplementary_monthly_cost: N,
  supplementary_monthly_cost_json: 'jsonb', supplementary_project_monthly_cost: 'jsonb', cost_model_cpu_cost: N,
  cost_model_memory_cost: N, cost_model_volume_cost: N, cost_model_gpu_cost: N, cost_model_rate_type: 'text',
  monthly_cost_type: 'text', raw_currency: 'text', distributed_cost: N,
};

async function columnTypes(pool: pg.Pool, schema: string, table: string): Promise<Record<string, { type: string; notNull: boolean }>> {
  const r = await pool.query<{ attname: string; type: string; attnotnull: boolean }>(
    `SELECT a.attname, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull
     FROM pg_attribute a WHERE a.attrelid = ($1 || '.' || $2)::regclass AND a.attnum > 0 AND NOT a.attisdropped`,
    [schema, table],
  );
  return Object.fromEntries(r.rows.map((row) => [row.attname, { type: row.type, notNull: row.attnotnull }]));
}

describe('ensureTenantSchema', () => {
  let db: FreshSchema;
  before(async () => {
    db = await freshSchema('ddl');
  });
  after(async () => {
    await db?.cleanup();
  });

  it('seeds Platform and its default patterns; is idempotent: a second (and a concurrent) run changes nothing and does not reseed', async () => {
    const count = async () =>
      (await db.pool.query(`SELECT (SELECT count(*) FROM ${db.schema}.reporting_ocp_cost_category)::int AS c,
        (SELECT count(*) FROM ${db.schema}.reporting_ocp_cost_category_namespace)::int AS n`)).rows[0];
    const seeded = await db.pool.query(
      `SELECT n.namespace, c.name FROM ${db.schema}.reporting_ocp_cost_category_namespace n
       JOIN ${db.schema}.reporting_ocp_cost_category c ON c.id = n.cost_category_id ORDER BY n.namespace`,
    );
    assert.deepEqual(seeded.rows.map((r) => r.namespace).sort(), ['Platform unallocated', 'kube-%', 'openshift', 'openshift-%']);
    assert.ok(seeded.rows.every((r) => r.name === 'Platform'));
    assert.deepEqual(await count(), { c: 1, n: 4 });
    await Promise.all([0, 1, 2].map(async () => {
      const client = await db.pool.connect();
      try { await ensureTenantSchema(client, db.schema); } finally { client.release(); }
    }));
    assert.deepEqual(await count(), { c: 1, n: 4 });
    // A pattern the user removed stays removed.
    await db.pool.query(`DELETE FROM ${db.schema}.reporting_ocp_cost_category_namespace WHERE namespace = 'openshift'`);
    const client = await db.pool.connect();
    try {
      await client.query('BEGIN');
      await ensureTenantSchema(client, db.schema);
      await client.query('COMMIT');
    } finally { client.release(); }
    assert.deepEqual(await count(), { c: 1, n: 3 });
  });

  it('creates the summary table with the 58 columns of spec §3.2, exact types, and its PK', async () => {
    const cols = await columnTypes(db.pool, db.schema, OCP_SUMMARY_TABLE);
    assert.equal(Object.keys(cols).length, 58);
    for (const [name, type] of Object.entries(EXPECTED_SUMMARY_COLUMNS)) {
      assert.equal(cols[name]?.type, type, name);
      assert.equal(cols[name].notNull, ['uuid', 'usage_start', 'usage_end'].includes(name), `${name} nullability`);
    }
    const pk = await db.pool.query(
      `SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = $1::regclass AND contype = 'p'`,
      [`${db.schema}.${OCP_SUMMARY_TABLE}`],
    );
    assert.equal(pk.rows[0].def, 'PRIMARY KEY (usage_start, uuid)');
    const part = await db.pool.query(`SELECT pg_get_partkeydef($1::regclass) AS def`, [`${db.schema}.${OCP_SUMMARY_TABLE}`]);
    assert.equal(part.rows[0].def, 'RANGE (usage_start)');
  });

  it("creates Koku's indexes (btree, varchar_pattern_ops, GIN) and the default partition", async () => {
    const r = await db.pool.query<{ indexname: string; indexdef: string }>(
      'SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = $1 AND tablename = $2',
      [db.schema, OCP_SUMMARY_TABLE],
    );
    const defs = Object.fromEntries(r.rows.map((x) => [x.indexname, x.indexdef]));
    assert.match(defs.summary_ocp_usage_idx, /USING btree \(usage_start\)/);
    assert.match(defs.summary_namespace_idx, /USING btree \(namespace varchar_pattern_ops\)/);
    assert.match(defs.summary_node_idx, /USING btree \(node varchar_pattern_ops\)/);
    assert.match(defs.summary_data_source_idx, /\(data_source\)/);
    assert.match(defs.monthly_cost_type_idx, /\(monthly_cost_type\)/);
    assert.match(defs.cost_model_rate_type_idx, /\(cost_model_rate_type\)/);
    for (const gin of ['all_labels_idx', 'pod_labels_idx', 'volume_labels_idx']) assert.match(defs[gin], /USING gin/);
    const d = await db.pool.query(
      `SELECT pg_get_expr(c.relpartbound, c.oid) AS bound FROM pg_class c WHERE c.oid = $1::regclass`,
      [`${db.schema}.${OCP_SUMMARY_TABLE}_default`],
    );
    assert.equal(d.rows[0].bound, 'DEFAULT');
  });

  it('creates the other tables with Koku column names and types', async () => {
    const tags = await columnTypes(db.pool, db.schema, 'reporting_enabledtagkeys');
    assert.deepEqual(Object.fromEntries(Object.entries(tags).map(([k, v]) => [k, v.type])), {
      uuid: 'uuid', key: 'character varying(512)', enabled: 'boolean', provider_type: 'character varying(50)',
    });
    const nodes = await columnTypes(db.pool, db.schema, 'reporting_ocp_nodes');
    assert.equal(nodes.node_capacity_cpu_cores.type, 'numeric(18,2)');
    assert.equal(nodes.cluster_id.type, 'uuid');
    const rp = await columnTypes(db.pool, db.schema, 'reporting_ocpusagereportperiod');
    assert.equal(rp.report_period_start.type, 'timestamp with time zone');
    assert.equal(rp.provider_id.type, 'uuid');
    const ledger = await columnTypes(db.pool, db.schema, 'koku_agg_ledger');
    assert.deepEqual(Object.keys(ledger).sort(), [
      'code_version', 'committed_at', 'control_totals', 'fingerprint', 'inputs', 'provider_uuid', 'row_count', 'summary_type', 'usage_date',
    ]);
    const provider = await columnTypes(db.pool, db.schema, 'koku_agg_provider');
    assert.deepEqual(Object.keys(provider).sort(), ['cluster_alias', 'cluster_id', 'created_at', 'provider_type', 'provider_uuid', 'updated_at']);
  });

  it('rejects an injected schema name before touching the database', async () => {
    const client = new pg.Client({ connectionString: testDatabaseUrl() });
    await client.connect();
    try {
      for (const bad of ['x"; DROP SCHEMA public CASCADE; --', 'Org', 'a.b', '']) {
        await assert.rejects(ensureTenantSchema(client, bad), InvalidIdentifierError);
      }
      await assert.rejects(ensureMonthPartition(client, 'ok', 'x; drop', 2024, 1), InvalidIdentifierError);
    } finally {
      await client.end();
    }
  });
});

describe('ensureMonthPartition', () => {
  let db: FreshSchema;
  before(async () => {
    db = await freshSchema('part');
  });
  after(async () => {
    await db?.cleanup();
  });

  const bound = async (name: string): Promise<string | null> => {
    const r = await db.pool.query(
      `SELECT pg_get_expr(c.relpartbound, c.oid) AS bound FROM pg_class c WHERE c.oid = to_regclass($1)`,
      [`${db.schema}.${name}`],
    );
    return r.rows[0]?.bound ?? null;
  };

  it('names and bounds partitions like Koku, December rolling into January', () => {
    assert.equal(monthPartitionName(OCP_SUMMARY_TABLE, 2024, 3), 'reporting_ocpusagelineitem_daily_summary_2024_03');
    assert.deepEqual(monthBounds(2024, 12), { from: '2024-12-01', to: '2025-01-01' });
  });

  it('creates the monthly partition once (idempotent, concurrent callers)', async () => {
    await Promise.all([0, 1, 2].map(async () => {
      const client = await db.pool.connect();
      try { await ensureMonthPartition(client, db.schema, OCP_SUMMARY_TABLE, 2024, 12); } finally { client.release(); }
    }));
    const client = await db.pool.connect();
    try { await ensureMonthPartition(client, db.schema, OCP_SUMMARY_TABLE, 2024, 12); } finally { client.release(); }
    assert.equal(await bound(`${OCP_SUMMARY_TABLE}_2024_12`), "FOR VALUES FROM ('2024-12-01') TO ('2025-01-01')");
  });

  it('moves rows of the month out of the default partition, keeping other months there', async () => {
    const t = `${db.schema}.${OCP_SUMMARY_TABLE}`;
    await db.pool.query(
      `INSERT INTO ${t} (uuid, usage_start, usage_end, namespace, all_labels)
       VALUES (gen_random_uuid(), '2023-05-01', '2023-05-01', 'a', '{}'), (gen_random_uuid(), '2023-05-31', '2023-05-31', 'b', '{"k": "v"}'),
              (gen_random_uuid(), '2023-06-01', '2023-06-01', 'c', '{}')`,
    );
    const client = await db.pool.connect();
    try { await ensureMonthPartition(client, db.schema, OCP_SUMMARY_TABLE, 2023, 5); } finally { client.release(); }
    assert.equal(await bound(`${OCP_SUMMARY_TABLE}_2023_05`), "FOR VALUES FROM ('2023-05-01') TO ('2023-06-01')");
    const where = await db.pool.query(
      `SELECT tableoid::regclass::text AS part, namespace, all_labels FROM ${t} ORDER BY namespace`,
    );
    assert.deepEqual(where.rows.map((r) => [r.part.split('.').pop(), r.namespace]), [
      [`${OCP_SUMMARY_TABLE}_2023_05`, 'a'],
      [`${OCP_SUMMARY_TABLE}_2023_05`, 'b'],
      [`${OCP_SUMMARY_TABLE}_default`, 'c'],
    ]);
    assert.deepEqual(where.rows[1].all_labels, { k: 'v' });
    // The attached partition got the parent's indexes.
    const idx = await db.pool.query('SELECT count(*)::int AS n FROM pg_indexes WHERE schemaname = $1 AND tablename = $2',
      [db.schema, `${OCP_SUMMARY_TABLE}_2023_05`]);
    assert.equal(idx.rows[0].n, 12);
  });

  it('rejects invalid months and names the table', async () => {
    const client = await db.pool.connect();
    try {
      await assert.rejects(ensureMonthPartition(client, db.schema, OCP_SUMMARY_TABLE, 2024, 13), PartitionError);
      await assert.rejects(ensureMonthPartition(client, db.schema, 'reporting_ocp_nodes', 2024, 1), (err: unknown) =>
        err instanceof PartitionError && /reporting_ocp_nodes_2024_01/.test(err.message));
    } finally { client.release(); }
  });
});
