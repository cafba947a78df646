import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleChild } from './bundleChild.js';

const BENCH_DIR = fileURLToPath(new URL('.', import.meta.url));
const GNU_TIME = '/usr/bin/time';

export interface ChildOutcome {
  code: number;
  stdout: string;
  stderr: string;
  wallMs: number;
  /** From GNU time when `measureRss` was asked for and it is installed, else null. */
  peakRssMb: number | null;
}

export interface ChildOptions {
  /** Pass the child's stderr through (progress of long steps). */
  inheritStderr?: boolean;
  /** Wrap in /usr/bin/time to get the child's peak RSS (for children that cannot report it themselves). */
  measureRss?: boolean;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Node binary for `runBundledChild`; default: the one running the bench. */
  node?: string;
}

/** The version (`v22.…`) of the Node binary at `node`; throws naming the path when it cannot be run. */
export function nodeVersionOf(node: string): string {
  let version: string;
  try {
    version = execFileSync(node, ['--version'], { encoding: 'utf8', timeout: 30_000 }).trim();
  } catch (err) {
    throw new Error(`--node ${node}: cannot run it (${err instanceof Error ? err.message : String(err)})`);
  }
  if (!/^v\d+\.\d+\.\d+/.test(version)) throw new Error(`--node ${node}: not a Node binary (--version printed ${JSON.stringify(version)})`);
  return version;
}

/** Runs `bench/<script>` (TypeScript, through tsx) in a fresh Node process. */
export function runTsChild(script: string, args: string[], options: ChildOptions = {}): Promise<ChildOutcome> {
  return runCommand(process.execPath, ['--import', 'tsx', join(BENCH_DIR, script), ...args], options);
}

/** Runs `bench/<script>` bundled as the Lambda is (`bundleChild`) in a fresh Node process. */
export async function runBundledChild(script: string, args: string[], options: ChildOptions = {}): Promise<ChildOutcome> {
  return runCommand(options.node ?? process.execPath, [await bundleChild(script), ...args], options);
}

/** Runs any command; with `measureRss`, under GNU time writing `%M` (KiB) to a temp file. */
export function runCommand(command: string, args: string[], options: ChildOptions = {}): Promise<ChildOutcome> {
  const timeFile = options.measureRss && existsSync(GNU_TIME) ? join(tmpdir(), `koku-bench-time-${process.pid}-${Date.now()}`) : null;
  const [cmd, argv] = timeFile === null ? [command, args] : [GNU_TIME, ['-f', '%M', '-o', timeFile, command, ...args]];
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, argv, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', options.inheritStderr ? 'inherit' : 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = performance.now() - started;
      let peakRssMb: number | null = null;
      if (timeFile !== null && existsSync(timeFile)) {
        const kb = Number(readFileSync(timeFile, 'utf8').trim().split('\n').pop());
        if (Number.isFinite(kb)) peakRssMb = kb / 1024;
        rmSync(timeFile, { force: true });
      }
      resolve({ code: code ?? 1, stdout, stderr, wallMs, peakRssMb });
    });
  });
}

/** The last JSON line a child printed. */
export function lastJsonLine<T>(outcome: ChildOutcome, what: string): T {
  const line = outcome.stdout.trim().split('\n').filter((l) => l.startsWith('{')).pop();
  if (outcome.code !== 0 || line === undefined) {
    throw new Error(`${what} failed (exit ${outcome.code}):\n${outcome.stderr.slice(-4000)}${outcome.stdout.slice(-2000)}`);
  }
  return JSON.parse(line) as T;
}
