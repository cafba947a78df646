import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createCostCategoryMatcher, likePatternToRegExp } from '../../../lib/ocp/costCategory.js';
import { DEFAULT_PLATFORM_PATTERNS } from '../../../lib/ocp/constants.js';

const like = (pattern: string, value: string) => likePatternToRegExp(pattern).test(value);

describe('likePatternToRegExp (Trino LIKE)', () => {
  it('% matches any run, including an empty one', () => {
    assert.ok(like('openshift-%', 'openshift-'));
    assert.ok(like('openshift-%', 'openshift-monitoring'));
    assert.ok(like('%-system', 'kube-system'));
    assert.ok(like('a%b%c', 'aXXbYc'));
    assert.ok(!like('openshift-%', 'openshift'));
  });

  it('_ matches exactly one character (code point)', () => {
    assert.ok(like('kube-syst_m', 'kube-system'));
    assert.ok(!like('kube-sys_', 'kube-system'));
    assert.ok(!like('a_b', 'ab'));
    assert.ok(like('a_b', 'a😀b'));
  });

  it('is case-sensitive and anchored', () => {
    assert.ok(!like('openshift', 'OpenShift'));
    assert.ok(!like('openshift', 'openshift-x'));
    assert.ok(!like('shift', 'openshift'));
  });

  it('has no escape character: backslash and regex metacharacters are literal', () => {
    assert.ok(like('a\\_b', 'a\\xb'));
    assert.ok(!like('a\\_b', 'a_b'));
    assert.ok(like('a.b(c)+[d]', 'a.b(c)+[d]'));
    assert.ok(!like('a.b', 'aXb'));
  });
});

describe('createCostCategoryMatcher (spec §5.3)', () => {
  const defaults = DEFAULT_PLATFORM_PATTERNS.map((pattern) => ({ pattern, costCategoryId: 1 }));

  it('gives Platform to the default platform namespaces and NULL otherwise', () => {
    const match = createCostCategoryMatcher(defaults);
    for (const ns of ['openshift-monitoring', 'kube-system', 'openshift', 'Platform unallocated']) {
      assert.deepEqual(match(ns), { costCategoryId: 1, matches: 1, matchedIds: [1] }, ns);
    }
    for (const ns of ['shop', 'Worker unallocated', 'openshiftx']) assert.equal(match(ns).costCategoryId, null, ns);
  });

  it('returns the max id and the match count k when several patterns match', () => {
    const match = createCostCategoryMatcher([{ pattern: 'a%', costCategoryId: 5 }, { pattern: '%b', costCategoryId: 2 }, { pattern: 'ab', costCategoryId: 3 }]);
    assert.deepEqual(match('ab'), { costCategoryId: 5, matches: 3, matchedIds: [5, 2, 3] });
    assert.deepEqual(match('axb'), { costCategoryId: 5, matches: 2, matchedIds: [5, 2] });
  });

  it('never matches NULL', () => {
    assert.equal(createCostCategoryMatcher([{ pattern: '%', costCategoryId: 1 }])(null).matches, 0);
  });
});
