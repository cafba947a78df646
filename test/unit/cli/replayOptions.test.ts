/**
 * `koku-agg replay --days` is checked against the month: a day the month does not have is a one-line error naming
 * the month and the day, before any message is built or sent.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvalidArgumentError } from 'commander';
import { replayCommand, replayMessage } from '../../../cli/commands/replay.js';
import { daysOfMonth, parseDayList } from '../../../cli/options.js';

const UUID = '6e212746-484a-40bd-b3ef-6d5ac6f7ab5b';

describe('replay days', () => {
  it('builds the message for days the month has', () => {
    assert.deepEqual(replayMessage({ schema: 'org1', providerType: 'OCP', providerUuid: UUID, month: { year: 2025, month: 11 }, days: parseDayList('1,29-30') }), {
      type: 'replay',
      account: 'org1',
      providerType: 'OCP',
      providerUuid: UUID,
      year: 2025,
      month: 11,
      days: [1, 29, 30],
    });
  });

  it('rejects a day the month does not have with the month and the day', () => {
    assert.throws(
      () => replayMessage({ schema: 'org1', providerType: 'OCP', providerUuid: UUID, month: { year: 2025, month: 11 }, days: parseDayList('31') }),
      (err: unknown) => err instanceof InvalidArgumentError && err.message === '2025-11 has no day 31',
    );
    assert.throws(() => daysOfMonth(2025, 2, [27, 29, 30]), { message: '2025-02 has no day 29, 30' });
  });

  it('fails the command, --dry-run included, without printing a message', async () => {
    const cmd = replayCommand().exitOverride();
    await assert.rejects(
      cmd.parseAsync(['--queue-url', 'http://localhost/q', '--schema', 'org1', '--provider-uuid', UUID, '--month', '2025-11', '--days', '30-31', '--dry-run'], { from: 'user' }),
      { message: '2025-11 has no day 31' },
    );
  });
});
