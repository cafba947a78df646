/**
 * Replay messages name days of the month as numbers; a day the month does not have (November 31, February 29 of a
 * common year) is rejected when the message is parsed, naming the message, the field, the month and the day.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvalidMessageError } from '../../../lib/pipeline/errors.js';
import { parseIngestMessage } from '../../../lib/pipeline/messages.js';

const replay = { type: 'replay', account: 'org1', providerType: 'OCP', providerUuid: '6e212746-484a-40bd-b3ef-6d5ac6f7ab5b', year: 2025, month: 11 };
const parse = (messageId: string, fields: object) => parseIngestMessage(messageId, JSON.stringify({ ...replay, ...fields }));

describe('replay message days', () => {
  it('accepts every day the month has, and no days at all', () => {
    assert.deepEqual(parse('r1', { days: [1, 30] }), { kind: 'replay', replay: { ...replay, days: [1, 30] } });
    assert.deepEqual(parse('r2', { year: 2024, month: 2, days: [29] }), { kind: 'replay', replay: { ...replay, year: 2024, month: 2, days: [29] } });
    assert.deepEqual(parse('r3', {}), { kind: 'replay', replay });
  });

  it('rejects a day the month does not have, naming the message, the field, the month and the day', () => {
    const rejects = (messageId: string, fields: object, month: string, days: string) =>
      assert.throws(
        () => parse(messageId, fields),
        (err: unknown) => err instanceof InvalidMessageError && err.message.includes(`message ${messageId}`) && err.message.includes(`${month} has no day ${days}`) && /at days/.test(err.message),
      );
    rejects('r4', { days: [30, 31] }, '2025-11', '31');
    rejects('r5', { year: 2025, month: 2, days: [28, 29, 30] }, '2025-02', '29, 30');
  });

  it('still rejects days outside 1-31 whatever the month', () => {
    assert.throws(() => parse('r6', { month: 10, days: [32] }), (err: unknown) => err instanceof InvalidMessageError && /message r6: .*days/s.test(err.message));
    assert.throws(() => parse('r7', { days: [0] }), InvalidMessageError);
  });
});
