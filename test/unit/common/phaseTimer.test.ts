import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PhaseTimer } from '../../../lib/common/phaseTimer.js';

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('PhaseTimer', () => {
  it('adds each lap to its phase, sums repeated phases, and totals up to the last lap', async () => {
    const t = new PhaseTimer();
    await pause(30);
    t.lap('read');
    await pause(30);
    t.lap('write');
    await pause(30);
    t.lap('read');
    assert.deepEqual(Object.keys(t.phases), ['read', 'write']);
    assert.ok(t.phases.read! >= 55, `read ${t.phases.read}`);
    assert.ok(t.phases.write! >= 25 && t.phases.write! < t.phases.read!, `write ${t.phases.write}`);
    assert.ok(Math.abs(t.total() - (t.phases.read! + t.phases.write!)) <= 2, `total ${t.total()}`);
  });
});
