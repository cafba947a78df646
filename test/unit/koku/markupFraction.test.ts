import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { InvalidCostModelError, markupFraction } from '../../../lib/koku/index.js';

describe('markupFraction', () => {
  it('divides the percent text by 100 before rounding to a double', () => {
    assert.equal(markupFraction('10', 'm'), 0.1);
    assert.equal(markupFraction('10.1', 'm'), 0.101);
    assert.equal(markupFraction('10.0000000000', 'm'), 0.1);
    assert.equal(markupFraction('-5.5', 'm'), -0.055);
    assert.equal(markupFraction('1.5e1', 'm'), 0.15);
    assert.equal(markupFraction('.5', 'm'), 0.005);
    assert.equal(markupFraction('0', 'm'), 0);
    assert.equal(markupFraction(null, 'm'), 0);
  });

  it('names the cost model when the text is not a number', () => {
    assert.throws(() => markupFraction('ten', 'cost model x'), (e: unknown) => e instanceof InvalidCostModelError && e.subject === 'cost model x');
    assert.throws(() => markupFraction('', 'cost model x'), InvalidCostModelError);
    assert.throws(() => markupFraction('.', 'cost model x'), InvalidCostModelError);
  });
});
