/**
 * Runs one nise scenario manifest (scenarios/ocp-on-aws) end to end in-process: `lib/generate` writes its OCP and
 * AWS data through Koku's CSV ingest into a memory bucket, then the same runner the CLI uses summarises each OCP
 * cluster and attributes the AWS source into a fresh tenant schema of the test PostgreSQL.
 */
import { ensureTenantSchema, enableTagKeys, readOcpSummaryConfig, upsertProvider, withClient } from '../../lib/db/index.js';
import { loadNiseManifest, writeNiseManifest } from '../../lib/generate/index.js';
import type { NiseManifest } from '../../lib/generate/types.js';
import { accountForSchema } from '../../lib/layout/index.js';
import { awsDailyLinesFromArrow, ensureOcpAwsTables } from '../../lib/ocp-aws/index.js';
import type { AwsDailyLine } from '../../lib/ocp-aws/types.js';
import { readRecordBatches } from '../../lib/parquet/index.js';
import { DEFAULT_PARTIALS_PREFIX } from '../../lib/pipeline/constants.js';
import { loadOcpAwsSettings } from '../../lib/pipeline/ocpAwsSettings.js';
import { runOcpDayTask } from '../../lib/pipeline/ocpDayTask.js';
import { summarizeOcpAwsMonth, type SummarizeOcpAwsMonthDeps, type SummarizeOcpAwsMonthResult } from '../../lib/pipeline/summarizeOcpAwsMonth.js';
import { MemoryObjectStore } from '../../lib/store/index.js';
import type { FreshSchema } from './database.js';
import { capturingLogger, type LogLine } from './pipelineHarness.js';

export const SCENARIO_AWS_UUID = 'a1000000-0000-4000-8000-0000000000aa';
export const SCENARIO_MARKUP = 0.1;

export interface ScenarioRun {
  manifest: NiseManifest;
  /** OCP provider uuid per cluster id. */
  ocpUuids: Record<string, string>;
  /** The AWS daily lines Koku stored (what the attribution read). */
  awsDaily: AwsDailyLine[];
  result: SummarizeOcpAwsMonthResult;
  logs: LogLine[];
  /** The bucket the scenario was generated into, and the partials of its run (to finalize again). */
  store: MemoryObjectStore;
  partialStore: MemoryObjectStore;
}

export interface RunScenarioOptions {
  /**
   * nise writes a manifest's static AWS `tags` as bare CSV columns, which Koku's CUR processing drops (only
   * `resourceTags/user:*` columns become `resourcetags`, spec §1.1; poc-lessons §5.2 item 6), so as written the
   * scenarios' tag-matched lines match nothing. `true` (default) keys them `resourceTags/user:<key>` as a real CUR does.
   */
  realTags?: boolean;
  /** Hooks into the OCP-on-AWS commits (an injected failure). */
  hooks?: SummarizeOcpAwsMonthDeps['hooks'];
}

/**
 * Generates `manifestPath` into a memory bucket and runs OCP + OCP on AWS into `db.schema`. Every AWS tag key of the
 * generated CUR is enabled for AWS and for OCP, so tag and generic-label matching (spec §2.2) have keys to work with.
 */
export async function runScenario(manifestPath: string, db: FreshSchema, options: RunScenarioOptions = {}): Promise<ScenarioRun> {
  const loaded = loadNiseManifest(manifestPath, { now: new Date('2025-10-15T00:00:00Z') });
  const manifest = options.realTags === false ? loaded : withCurTagColumns(loaded);
  const store = new MemoryObjectStore();
  const ocpUuids = Object.fromEntries(manifest.ocpClusters.map((c, i) => [c.clusterId, `b1000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`]));
  await writeNiseManifest({ store, schema: db.schema, manifest, ocpProviderUuids: ocpUuids, awsProviderUuid: SCENARIO_AWS_UUID, seed: 7 });
  const awsDaily = await readAwsDaily(store);
  const tagKeys = [...new Set(awsDaily.flatMap((l) => Object.keys(JSON.parse(l.resourcetags || '{}') as object)))];

  const config = await withClient(db.pool, async (client) => {
    await ensureTenantSchema(client, db.schema);
    await ensureOcpAwsTables(client, db.schema);
    for (const c of manifest.ocpClusters) {
      await upsertProvider(client, db.schema, { providerUuid: ocpUuids[c.clusterId], providerType: 'OCP', clusterId: c.clusterId, clusterAlias: c.clusterAlias });
    }
    if (tagKeys.length > 0) {
      await enableTagKeys(client, db.schema, 'AWS', tagKeys);
      await enableTagKeys(client, db.schema, 'OCP', tagKeys);
    }
    return readOcpSummaryConfig(client, db.schema);
  });

  const logs: LogLine[] = [];
  const logger = capturingLogger(logs);
  const partialStore = new MemoryObjectStore();
  const common = { dataStore: store, partialStore, partialsPrefix: DEFAULT_PARTIALS_PREFIX, logger };
  const result = await summarizeOcpAwsMonth(
    {
      ...common,
      pool: db.pool,
      schema: db.schema,
      createReportPeriods: true,
      hooks: options.hooks,
      runOcpDay: (task) => runOcpDayTask({ ...common, config }, task),
      loadSettings: () => withClient(db.pool, (c) => loadOcpAwsSettings(c, db.schema, SCENARIO_AWS_UUID, { markup: SCENARIO_MARKUP, ocpProviderUuids: Object.values(ocpUuids) })),
    },
    { account: accountForSchema(db.schema), awsProviderUuid: SCENARIO_AWS_UUID, ocpProviderUuids: Object.values(ocpUuids), year: 2025, month: 10 },
  );
  return { manifest, ocpUuids, awsDaily, result, logs, store, partialStore };
}

function withCurTagColumns(manifest: NiseManifest): NiseManifest {
  const prefixed = (tags: unknown) =>
    tags !== null && typeof tags === 'object' && !Array.isArray(tags)
      ? Object.fromEntries(Object.entries(tags).map(([k, v]) => [k.startsWith('resourceTags/') ? k : `resourceTags/user:${k}`, v]))
      : tags;
  return {
    ...manifest,
    awsGenerators: manifest.awsGenerators.map((g) => (g.attributes.tags === undefined ? g : { ...g, attributes: { ...g.attributes, tags: prefixed(g.attributes.tags) } })),
  };
}

async function readAwsDaily(store: MemoryObjectStore): Promise<AwsDailyLine[]> {
  const out: AwsDailyLine[] = [];
  for (const o of await store.list('data/parquet/daily/')) {
    if (!o.key.includes('/AWS/')) continue;
    const blob = new Blob([(await store.get(o.key)) as Uint8Array<ArrayBuffer>]);
    for await (const batch of readRecordBatches(blob, { label: o.key })) out.push(...awsDailyLinesFromArrow(batch, o.key));
  }
  return out;
}
