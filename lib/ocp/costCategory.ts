import type { CostCategoryMatch, CostCategoryMatcher, OcpSummaryConfig } from './types.js';

const NO_MATCH: CostCategoryMatch = Object.freeze({ costCategoryId: null, matches: 0, matchedIds: Object.freeze([]) });

/**
 * Trino `LIKE` as a regular expression: `%` is any run of characters, `_` exactly one character (code point),
 * case-sensitive, and no escape character (Trino has no default escape, unlike PostgreSQL's backslash; spec §12).
 */
export function likePatternToRegExp(pattern: string): RegExp {
  let source = '^';
  for (const ch of pattern) {
    if (ch === '%') source += '.*';
    else if (ch === '_') source += '.';
    else source += ch.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
  }
  return new RegExp(`${source}$`, 'su');
}

/**
 * Joins a namespace to `reporting_ocp_cost_category_namespace` by LIKE (spec §5.3), memoised per namespace.
 * Pod and Storage rows use `costCategoryId` and multiply their sums by `max(matches, 1)` (the join runs before
 * aggregation); unallocated rows repeat once per `matchedIds` entry. NULL never matches.
 *
 * @example
 * const match = createCostCategoryMatcher([{ pattern: 'openshift-%', costCategoryId: 1 }]);
 * match('openshift-monitoring'); // { costCategoryId: 1, matches: 1, matchedIds: [1] }
 * match('shop');                 // { costCategoryId: null, matches: 0, matchedIds: [] }
 */
export function createCostCategoryMatcher(costCategories: OcpSummaryConfig['costCategories']): CostCategoryMatcher {
  const compiled = costCategories.map((c) => ({ re: likePatternToRegExp(c.pattern), id: c.costCategoryId }));
  const memo = new Map<string, CostCategoryMatch>();
  return (namespace) => {
    if (namespace === null || compiled.length === 0) return NO_MATCH;
    let match = memo.get(namespace);
    if (!match) {
      const matchedIds = compiled.filter((c) => c.re.test(namespace)).map((c) => c.id);
      match = matchedIds.length === 0
        ? NO_MATCH
        : { costCategoryId: Math.max(...matchedIds), matches: matchedIds.length, matchedIds };
      memo.set(namespace, match);
    }
    return match;
  };
}
