/**
 * Wall milliseconds per named phase, for log lines that say where a step spent its time.
 *
 * @example
 * const t = new PhaseTimer(); await read(); t.lap('read'); await write(); t.lap('write');
 * logger.info('done', { ms: t.total(), phasesMs: t.phases }); // phasesMs: { read: 120, write: 340 }
 */
export class PhaseTimer {
  readonly phases: Record<string, number> = {};
  private readonly started = performance.now();
  private last = this.started;

  /** Adds the time since the previous lap (or the start) to `phase`. */
  lap(phase: string): void {
    const now = performance.now();
    this.phases[phase] = Math.round((this.phases[phase] ?? 0) + now - this.last);
    this.last = now;
  }

  total(): number {
    return Math.round(this.last - this.started);
  }
}
