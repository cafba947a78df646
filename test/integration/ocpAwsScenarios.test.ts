/**
 * The 23 OCP-on-AWS scenario manifests (scenarios/ocp-on-aws) end to end: `lib/generate` writes each one's nise data
 * through Koku's CSV ingest, the CLI's runner summarises the OCP clusters and attributes the AWS source into a real
 * PostgreSQL. Expectations come from the spec, not from the manifests' comments:
 * - structure of every row (spec §4–§5: AWS source uuid, bill, report period, synthetic namespaces, network rows, tags);
 * - conservation: for every AWS resource that gets rows, attributed + unattributed = the resource's matched cost
 *   (§1.4 cost rules: SavingsPlanCoveredUsage unblended 0, amortized = unblended for Usage/Tax else SP effective);
 * - which resources get nothing: AWS lines no OCP row matches (§2.3), a volume matched only by PV-name suffix (§2.1),
 *   an untagged non-CSI volume (§9.2 item 4); every other resource is attributed in full;
 * - per-scenario specifics (disk capacity §4.1, shared disk, network §4.5, savings plans, cluster isolation).
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { AwsDailyLine } from '../../lib/ocp-aws/types.js';
import { freshSchema, type FreshSchema } from '../helpers/database.js';
import { runScenario, SCENARIO_AWS_UUID, SCENARIO_MARKUP, type ScenarioRun } from '../helpers/ocpAwsScenario.js';
import { SCENARIOS_DIR } from '../helpers/scenarios.js';

const SCENARIOS = join(SCENARIOS_DIR, 'ocp-on-aws');
const TOLERANCE = 1e-9;

interface OutRow {
  usage_start: string;
  usage_end: string;
  cluster_id: string;
  data_source: string;
  namespace: string | null;
  node: string | null;
  persistentvolumeclaim: string | null;
  resource_id: string;
  unblended_cost: number | null;
  markup_cost: number | null;
  blended_cost: number | null;
  markup_cost_blended: number | null;
  savingsplan_effective_cost: number | null;
  markup_cost_savingsplan: number | null;
  calculated_amortized_cost: number | null;
  markup_cost_amortized: number | null;
  usage_amount: number | null;
  data_transfer_direction: string | null;
  infrastructure_data_in_gigabytes: number;
  infrastructure_data_out_gigabytes: number;
  tags: unknown;
  pod_labels: unknown;
  source_uuid: string;
  cost_entry_bill_id: number | null;
  report_period_id: number | null;
  product_code: string;
}

const NUMERIC = [
  'unblended_cost', 'markup_cost', 'blended_cost', 'markup_cost_blended', 'savingsplan_effective_cost', 'markup_cost_savingsplan',
  'calculated_amortized_cost', 'markup_cost_amortized', 'usage_amount', 'infrastructure_data_in_gigabytes', 'infrastructure_data_out_gigabytes',
] as const;

async function readRows(db: FreshSchema): Promise<OutRow[]> {
  const { rows } = await db.pool.query(
    `SELECT to_char(usage_start, 'YYYY-MM-DD') AS usage_start, to_char(usage_end, 'YYYY-MM-DD') AS usage_end, cluster_id, data_source,
            namespace, node, persistentvolumeclaim, resource_id, ${NUMERIC.join(', ')}, data_transfer_direction, tags, pod_labels,
            source_uuid::text AS source_uuid, cost_entry_bill_id, report_period_id, product_code
       FROM "${db.schema}".reporting_ocpawscostlineitem_project_daily_summary_p`,
  );
  return rows.map((r) => {
    const out = { ...r } as Record<string, unknown>;
    for (const c of NUMERIC) out[c] = r[c] === null ? null : Number(r[c]);
    return out as unknown as OutRow;
  });
}

/** The S1 cost columns of an AWS daily line (spec §1.4). */
function s1Costs(l: AwsDailyLine) {
  const covered = l.lineitem_lineitemtype === 'SavingsPlanCoveredUsage';
  return {
    unblended: covered ? 0 : l.lineitem_unblendedcost,
    blended: covered ? 0 : l.lineitem_blendedcost,
    sp: l.savingsplan_savingsplaneffectivecost,
    amortized: l.lineitem_lineitemtype === 'Usage' || l.lineitem_lineitemtype === 'Tax' ? l.lineitem_unblendedcost : l.savingsplan_savingsplaneffectivecost,
  };
}

type Sums = { unblended: number; blended: number; sp: number; amortized: number };
const add = (a: Sums, b: Sums): Sums => ({ unblended: a.unblended + b.unblended, blended: a.blended + b.blended, sp: a.sp + b.sp, amortized: a.amortized + b.amortized });
const ZERO: Sums = { unblended: 0, blended: 0, sp: 0, amortized: 0 };

function awsByResource(lines: readonly AwsDailyLine[]): Map<string, Sums> {
  const out = new Map<string, Sums>();
  for (const l of lines) {
    if (l.lineitem_resourceid === '') continue;
    const key = `${l.lineitem_usagestartdate.toISOString().slice(0, 10)}|${l.lineitem_resourceid}`;
    out.set(key, add(out.get(key) ?? ZERO, s1Costs(l)));
  }
  return out;
}

function outByResource(rows: readonly OutRow[]): Map<string, Sums> {
  const out = new Map<string, Sums>();
  for (const r of rows) {
    const key = `${r.usage_start}|${r.resource_id}`;
    out.set(key, add(out.get(key) ?? ZERO, { unblended: r.unblended_cost ?? 0, blended: r.blended_cost ?? 0, sp: r.savingsplan_effective_cost ?? 0, amortized: r.calculated_amortized_cost ?? 0 }));
  }
  return out;
}

const SYNTHETIC = new Set(['Worker unallocated', 'Platform unallocated', 'Storage unattributed', 'Network unattributed']);

/** Spec §4–§5 structure of every row. */
function assertStructure(name: string, rows: readonly OutRow[], billId: number): void {
  for (const r of rows) {
    const where = `${name}: ${r.resource_id} ${r.namespace} ${r.data_source}`;
    assert.equal(r.source_uuid, SCENARIO_AWS_UUID, `${where}: source_uuid is the AWS source`);
    assert.equal(r.cost_entry_bill_id, billId, where);
    assert.notEqual(r.report_period_id, null, where);
    assert.equal(r.usage_end, r.usage_start, where);
    assert.ok(r.data_source === 'Pod' || r.data_source === 'Storage', where);
    assert.ok(r.product_code, where);
    assert.deepEqual(r.pod_labels, r.tags, `${where}: pod_labels = tags (§5)`);
    if (r.namespace === 'Storage unattributed') {
      assert.equal(r.data_source, 'Storage', where);
      assert.equal(r.node, null, where);
      assert.equal(r.tags, null, where);
      assert.equal(r.usage_amount, null, where);
    }
    if (r.namespace === 'Worker unallocated' || r.namespace === 'Platform unallocated') assert.equal(r.tags, null, `${where}: map_concat with NULL labels (§4.4)`);
    const network = r.namespace === 'Network unattributed';
    assert.equal(r.data_transfer_direction !== null, network, `${where}: only network rows keep a direction`);
    if (network) {
      assert.ok(r.data_transfer_direction === 'IN' || r.data_transfer_direction === 'OUT', where);
      assert.ok(Math.abs((r.data_transfer_direction === 'IN' ? r.infrastructure_data_in_gigabytes : r.infrastructure_data_out_gigabytes) - (r.usage_amount ?? 0)) < TOLERANCE, where);
    } else {
      assert.equal(r.infrastructure_data_in_gigabytes, 0, where);
      assert.equal(r.infrastructure_data_out_gigabytes, 0, where);
    }
    if (r.namespace !== null && !SYNTHETIC.has(r.namespace) && r.unblended_cost !== null) assert.notEqual(r.tags, null, where);
    // Markup = cost × m, each stored at the column's scale (15, amortized 9).
    for (const [cost, markup, scale] of [['unblended_cost', 'markup_cost', 15], ['blended_cost', 'markup_cost_blended', 15], ['savingsplan_effective_cost', 'markup_cost_savingsplan', 15], ['calculated_amortized_cost', 'markup_cost_amortized', 9]] as const) {
      const c = r[cost];
      const m = r[markup];
      if (c === null) assert.equal(m, null, where);
      else assert.ok(Math.abs((m ?? NaN) - c * SCENARIO_MARKUP) <= 10 ** -scale, `${where}: ${markup} ${m} = ${cost} ${c} × ${SCENARIO_MARKUP}`);
    }
  }
}

interface ScenarioExpectation {
  /** Resource ids (substrings) that must get no rows, with the spec reason. */
  dropped?: Array<[string, string]>;
  check?(rows: OutRow[], run: ScenarioRun): void;
}

const sum = (rows: readonly OutRow[], col: (typeof NUMERIC)[number]) => rows.reduce((s, r) => s + (r[col] ?? 0), 0);
const close = (a: number, b: number, what: string) => assert.ok(Math.abs(a - b) < TOLERANCE, `${what}: ${a} vs ${b}`);

const EXPECTATIONS: Record<string, ScenarioExpectation> = {
  '05-storage-ebs': {
    check(rows) {
      const disk = rows.filter((r) => r.resource_id === 'vol-test0001');
      // Hourly EBS: capacity = round(cost / (rate / 744)) = 100 = the 100 GiB PVC, so nothing is unattributed (§4.1).
      assert.ok(disk.length > 0 && disk.every((r) => r.namespace === 'database' && r.data_source === 'Storage' && r.persistentvolumeclaim === 'postgres-data-pvc'));
    },
  },
  '06-multi-cluster': {
    check(rows) {
      assert.ok(rows.filter((r) => r.resource_id === 'i-i-prod0001').every((r) => r.cluster_id === 'prod-cluster'), 'no cross-contamination');
      assert.ok(rows.filter((r) => r.resource_id === 'i-i-staging0001').every((r) => r.cluster_id === 'staging-cluster'));
    },
  },
  '07-partial-matching': { dropped: [['i-orphaned-aws', 'matches no OCP row (§2.3)']] },
  '10-unmatched-storage': { dropped: [['vol-orphaned-001', 'no CSI handle or tag matches it (§2.3)'], ['vol-orphaned-002', 'no CSI handle or tag matches it (§2.3)']] },
  '13-network-data-transfer': {
    check(rows, run) {
      const network = rows.filter((r) => r.namespace === 'Network unattributed');
      assert.ok(network.length > 0, 'data transfer lines become Network unattributed rows (§4.5)');
      const transfer = run.awsDaily.filter((l) => l.product_productfamily === 'Data Transfer').reduce((s, l) => s + l.lineitem_unblendedcost, 0);
      close(sum(network, 'unblended_cost'), transfer, 'network rows carry the full transfer cost');
    },
  },
  '14-savingsplan-costs': {
    check(rows, run) {
      assert.ok(rows.length > 0 && rows.every((r) => r.unblended_cost === 0 && r.blended_cost === 0), 'SavingsPlanCoveredUsage: unblended and blended 0 (§1.4)');
      const covered = run.awsDaily.filter((l) => l.lineitem_lineitemtype === 'SavingsPlanCoveredUsage').reduce((s, l) => s + l.savingsplan_savingsplaneffectivecost, 0);
      close(sum(rows, 'calculated_amortized_cost'), covered, 'amortized = SP effective cost');
      close(sum(rows, 'savingsplan_effective_cost'), covered, 'SP effective cost');
    },
  },
  '17-reserved-instances': {
    check(rows) {
      const ri = rows.filter((r) => r.resource_id === 'i-ri-covered-node');
      assert.ok(ri.length > 0 && ri.every((r) => r.calculated_amortized_cost === 0), 'DiscountedUsage amortizes to the SP effective cost, 0 (§8.4)');
    },
  },
  '18-multi-cluster-shared-disk': {
    check(rows, run) {
      const disk = rows.filter((r) => r.resource_id === 'vol-shared-disk-001');
      const cost = run.awsDaily.filter((l) => l.lineitem_resourceid === 'vol-shared-disk-001').reduce((s, l) => s + l.lineitem_unblendedcost, 0);
      const of = (cluster: string, unattributed: boolean) => sum(disk.filter((r) => r.cluster_id === cluster && (r.namespace === 'Storage unattributed') === unattributed), 'unblended_cost');
      // PVCs of 40 and 30 GiB on a 100 GiB disk: 40 % and 30 %; the unused 30 % is split over the 2 clusters (§4.1).
      close(of('cluster-alpha', false), 0.4 * cost, 'alpha PVC');
      close(of('cluster-bravo', false), 0.3 * cost, 'bravo PVC');
      close(of('cluster-alpha', true), 0.15 * cost, 'alpha share of the unattributed capacity');
      close(of('cluster-bravo', true), 0.15 * cost, 'bravo share of the unattributed capacity');
    },
  },
  '19-non-csi-storage': { dropped: [['vol-untagged-vol-003', 'a non-CSI volume without a matching tag has no Koku path (§9.2 item 4)']] },
  '22-pv-name-suffix-matching': { dropped: [['pv-database-001', 'matched only by PV-name suffix: resource-matched but no output (§2.1)']] },
};

const names = readdirSync(SCENARIOS).filter((n) => /^\d\d-/.test(n)).sort();

describe('OCP-on-AWS scenarios end to end (lib/generate → Parquet → OCP summary → OCP on AWS → PostgreSQL)', { concurrency: false }, () => {
  it('has the 23 scenario manifests', () => {
    assert.equal(names.length, 23);
  });

  for (const name of names) {
    it(name, async () => {
      const db = await freshSchema('org');
      try {
        const run = await runScenario(join(SCENARIOS, name, 'manifest.yml'), db);
        const { result } = run;
        for (const o of result.ocp) assert.deepEqual(o.result.failures, [], `${name}: OCP days of ${o.providerUuid}`);
        assert.deepEqual(result.failures, [], `${name}: OCP-on-AWS days`);
        assert.deepEqual(result.finalize.committed, result.days, `${name}: every AWS day committed`);
        assert.ok(result.days.length > 0, `${name}: has AWS data`);
        const attributed = run.logs.filter((line) => line.message === 'OCP on AWS day attributed');
        assert.ok(attributed.length > 0, `${name}: each attributed day says so in the log`);
        for (const line of attributed) {
          assert.deepEqual(Object.keys(line.extra?.phasesMs as object), ['list', 'read', 'attribute', 'partial'], `${name}: where the time went`);
        }

        const rows = await readRows(db);
        const bill = await db.pool.query(`SELECT id FROM "${db.schema}".reporting_awscostentrybill WHERE provider_id = $1`, [SCENARIO_AWS_UUID]);
        assertStructure(name, rows, bill.rows[0].id);

        const expectation = EXPECTATIONS[name] ?? {};
        const dropped = expectation.dropped ?? [];
        const out = outByResource(rows);
        for (const [key, aws] of awsByResource(run.awsDaily)) {
          const reason = dropped.find(([id]) => key.includes(id));
          const got = out.get(key);
          if (reason) {
            assert.equal(got, undefined, `${name}: ${key} gets no rows: ${reason[1]}`);
            continue;
          }
          assert.ok(got !== undefined, `${name}: ${key} is attributed`);
          for (const k of ['unblended', 'blended', 'sp', 'amortized'] as const) {
            // Amortized columns are numeric(33,9): one half-unit per row of rounding.
            const tolerance = k === 'amortized' ? 1e-9 * rows.length : TOLERANCE;
            assert.ok(Math.abs(got[k] - aws[k]) <= tolerance, `${name}: ${key} ${k}: attributed + unattributed ${got[k]} = matched cost ${aws[k]}`);
          }
        }
        for (const key of out.keys()) assert.ok(awsByResource(run.awsDaily).has(key), `${name}: ${key} comes from an AWS line`);
        expectation.check?.(rows, run);
      } finally {
        await db.cleanup();
      }
    });
  }

  it('02-tag-matching as nise writes it: static tags become bare CSV columns Koku drops (§1.1), so the tag-only line matches nothing', async () => {
    const db = await freshSchema('org');
    try {
      const run = await runScenario(join(SCENARIOS, '02-tag-matching', 'manifest.yml'), db, { realTags: false });
      assert.ok(run.awsDaily.every((l) => l.resourcetags === '{}'));
      assert.deepEqual(run.result.finalize.committed, run.result.days);
      assert.equal((await readRows(db)).length, 0);
    } finally {
      await db.cleanup();
    }
  });
});
