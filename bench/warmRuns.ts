import { cpuMsSince } from './processStats.js';

/**
 * Runs `work` `times` more times in this process (after the measured cold run) and returns the median wall and CPU
 * milliseconds and what that median run returned, or nothing when `times` is 0. The cold run's peak RSS is taken
 * before this, so it stays that run's.
 */
export async function warmRuns<T>(times: number, work: () => Promise<T>): Promise<{ warmWallMs?: number; warmCpuMs?: number; warmValue?: T }> {
  if (times === 0) return {};
  const runs: Array<{ wall: number; cpu: number; value: T }> = [];
  for (let i = 0; i < times; i++) {
    const cpu = process.cpuUsage();
    const started = performance.now();
    const value = await work();
    runs.push({ wall: performance.now() - started, cpu: cpuMsSince(cpu), value });
  }
  runs.sort((a, b) => a.wall - b.wall);
  const middle = runs[Math.floor((runs.length - 1) / 2)] as { wall: number; cpu: number; value: T };
  return { warmWallMs: middle.wall, warmCpuMs: middle.cpu, warmValue: middle.value };
}
