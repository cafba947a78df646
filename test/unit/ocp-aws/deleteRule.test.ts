import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deleteOcpAwsRows, ocpAwsDeleteStatement } from '../../../lib/ocp-aws/deleteRule.js';
import { ensureOcpAwsTables } from '../../../lib/ocp-aws/ddl.js';
import type { ClientBase } from 'pg';

/** A pg client stand-in that records what it is sent and answers `to_regclass` with `regclass`. */
function recordingClient(regclass: string | null = null): { client: ClientBase; sent: Array<{ text: string; values?: unknown[] }> } {
  const sent: Array<{ text: string; values?: unknown[] }> = [];
  const client = {
    query: async (text: string, values?: unknown[]) => {
      sent.push({ text, values });
      return { rows: [{ oid: regclass }], rowCount: 3 };
    },
  } as unknown as ClientBase;
  return { client, sent };
}

describe('ocpAwsDeleteStatement (§6)', () => {
  it('TRUNCATEs the month partition for a whole month with fewer than 2 AWS infra maps', () => {
    const s = ocpAwsDeleteStatement({ schema: 'org1', start: '2025-02-01', end: '2025-02-28', billId: 3, awsInfraMapCount: 1 });
    assert.deepEqual(s, {
      kind: 'truncate',
      text: 'TRUNCATE TABLE "org1"."reporting_ocpawscostlineitem_project_daily_summary_p_2025_02"',
      values: [],
    });
  });

  it('DELETEs by date range and bill otherwise', () => {
    for (const scope of [
      { start: '2025-10-01', end: '2025-10-31', awsInfraMapCount: 2 },
      { start: '2025-10-03', end: '2025-10-03', awsInfraMapCount: 0 },
    ]) {
      const s = ocpAwsDeleteStatement({ schema: 'org1', billId: 3, ...scope });
      assert.equal(s.kind, 'delete');
      assert.match(s.text, /^DELETE FROM "org1"\."reporting_ocpawscostlineitem_project_daily_summary_p"\s+WHERE usage_start >= \$1::date AND usage_start <= \$2::date AND cost_entry_bill_id IS NOT DISTINCT FROM \$3::integer$/);
      assert.deepEqual(s.values, [scope.start, scope.end, 3]);
    }
  });

  it('rejects bad identifiers and ranges across months', () => {
    assert.throws(() => ocpAwsDeleteStatement({ schema: 'Org"1', start: '2025-10-01', end: '2025-10-02', billId: 1, awsInfraMapCount: 0 }), /not a valid schema name/);
    assert.throws(() => ocpAwsDeleteStatement({ schema: 'org1', start: '2025-10-30', end: '2025-11-01', billId: 1, awsInfraMapCount: 0 }), /one month/);
  });

  it('deleteOcpAwsRows skips the TRUNCATE of a partition that does not exist, and runs the DELETE', async () => {
    const missing = recordingClient(null);
    assert.equal(await deleteOcpAwsRows(missing.client, { schema: 'org1', start: '2025-10-01', end: '2025-10-31', billId: 1, awsInfraMapCount: 0 }), 0);
    assert.equal(missing.sent.length, 1);
    const del = recordingClient();
    assert.equal(await deleteOcpAwsRows(del.client, { schema: 'org1', start: '2025-10-02', end: '2025-10-31', billId: 1, awsInfraMapCount: 0 }), 3);
    assert.deepEqual(del.sent[0].values, ['2025-10-02', '2025-10-31', 1]);
  });
});

describe('ensureOcpAwsTables', () => {
  it('sends one idempotent, locked DDL batch with quoted identifiers, partitioned on usage_start', async () => {
    const { client, sent } = recordingClient();
    await ensureOcpAwsTables(client, 'org1234567');
    assert.equal(sent.length, 1);
    const sql = sent[0].text;
    assert.match(sql, /^SELECT pg_advisory_xact_lock/);
    assert.match(sql, /CREATE TABLE IF NOT EXISTS "org1234567"\."reporting_ocpawscostlineitem_project_daily_summary_p" \(/);
    assert.match(sql, /PRIMARY KEY \(usage_start, uuid\)\s+\) PARTITION BY RANGE \(usage_start\)/);
    assert.match(sql, /"reporting_ocpawscostlineitem_project_daily_summary_p_default" PARTITION OF/);
    assert.match(sql, /calculated_amortized_cost numeric\(33,9\)/);
    assert.doesNotMatch(sql, /CREATE TABLE (?!IF NOT EXISTS)/);
    await assert.rejects(ensureOcpAwsTables(client, 'bad schema'), /not a valid schema name/);
  });
});
