import { cpuMsSince } from './processStats.js';

/**
 * Runs `work` `times` more times in this process (after the measured cold run) and returns the median wall and CPU
 * milliseconds, or nothing when `times` is 0. The cold run's peak RSS is taken before this, so it stays that run's.
 */
export async function warmRuns(times: number, work: () => Promise<unknown>): Promise<{ warmWallMs?: number; warmCpuMs?: number }> {
  if (times === 0) return {};
  const runs: Array<{ wall: number; cpu: number }> = [];
  for (let i = 0; i < times; i++) {
    const cpu = process.cpuUsage();
    const started = performance.now();
    await work();
    runs.push({ wall: performance.now() - started, cpu: cpuMsSince(cpu) });
  }
  runs.sort((a, b) => a.wall - b.wall);
  const middle = runs[Math.floor((runs.length - 1) / 2)] as { wall: number; cpu: number };
  return { warmWallMs: middle.wall, warmCpuMs: middle.cpu };
}
