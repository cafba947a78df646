/**
 * The README's first command, exactly as written there (`npm run demo`), on the embedded default: a synthetic month
 * in a local directory, summarised into an embedded PostgreSQL started by the command itself. Run twice on one data
 * directory, as an operator would: the second run reuses the database and gives the same table.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, describe, it } from 'node:test';

const run = promisify(execFile);
const ROOT = new URL('../..', import.meta.url).pathname;

async function demo(dataDir: string): Promise<string> {
  const env = { ...process.env };
  // The demo must use its embedded PostgreSQL, not the database the other suites share.
  delete env.KOKU_AGG_DATABASE_URL;
  const { stdout } = await run('npm', ['run', '--silent', 'demo', '--', '--data-dir', dataDir, '--pods', '10'], {
    cwd: ROOT,
    env,
    maxBuffer: 16 * 1024 * 1024,
  });
  return stdout;
}

/** The totals table's body rows: data source and count, as printed. */
function tableRows(stdout: string): string[] {
  return stdout
    .split('\n')
    .filter((line) => /^│ (Pod|Storage|Unallocated)\b/.test(line))
    .map((line) => line.split('│').slice(1, 3).map((cell) => cell.trim()).join(' '));
}

describe('README: npm run demo', () => {
  const dir = mkdtempSync(join(tmpdir(), 'koku-agg-demo-'));
  // As root the embedded server runs as the OS user postgres, which must be able to reach its data directory.
  chmodSync(dir, 0o755);
  const dataDir = join(dir, 'state');
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('summarises a generated month into the embedded PostgreSQL, and again on the same data directory', { timeout: 300_000 }, async () => {
    const first = await demo(dataDir);
    assert.match(first, /^31 day\(s\) committed to org1234567\.reporting_ocpusagelineitem_daily_summary for source /m);
    assert.match(first, /^database: embedded PostgreSQL, data in /m);
    const rows = tableRows(first);
    assert.deepEqual(rows.map((row) => row.split(' ')[0]), ['Pod', 'Storage', 'Unallocated'], first);
    assert.ok(rows.every((row) => Number(row.split(' ')[1]) > 0), first);

    const second = await demo(dataDir);
    assert.deepEqual(tableRows(second), rows, 'a re-run replaces the month: same rows, nothing doubled');
  });
});
