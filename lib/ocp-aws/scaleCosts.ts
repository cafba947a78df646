import type { CostSet } from './types.js';

/**
 * Applies one factor to the four cost columns, as each SQL cost expression does; a NULL factor gives NULL costs.
 *
 * @example scaleCosts(line.costs, (c) => (50 / 100) * c)
 */
export function scaleCosts(costs: CostSet, apply: ((cost: number) => number) | null): CostSet {
  const f = (c: number | null): number | null => (apply === null || c === null ? null : apply(c));
  return {
    unblended_cost: f(costs.unblended_cost),
    blended_cost: f(costs.blended_cost),
    savingsplan_effective_cost: f(costs.savingsplan_effective_cost),
    calculated_amortized_cost: f(costs.calculated_amortized_cost),
  };
}
