import type { AttributedRow, CostSet } from './types.js';

export type CostAndMarkupColumns = Pick<
  AttributedRow,
  | 'unblended_cost'
  | 'markup_cost'
  | 'blended_cost'
  | 'markup_cost_blended'
  | 'savingsplan_effective_cost'
  | 'markup_cost_savingsplan'
  | 'calculated_amortized_cost'
  | 'markup_cost_amortized'
>;

/**
 * The eight cost columns of a final row: every markup column is its cost column × m (spec §4 table), computed from
 * the already split cost as the final SQL does.
 *
 * @example withMarkup({ unblended_cost: 0.6, ... }, 0.1).markup_cost // 0.06
 */
export function withMarkup(costs: CostSet, markup: number): CostAndMarkupColumns {
  const m = (c: number | null): number | null => (c === null ? null : c * markup);
  return {
    unblended_cost: costs.unblended_cost,
    markup_cost: m(costs.unblended_cost),
    blended_cost: costs.blended_cost,
    markup_cost_blended: m(costs.blended_cost),
    savingsplan_effective_cost: costs.savingsplan_effective_cost,
    markup_cost_savingsplan: m(costs.savingsplan_effective_cost),
    calculated_amortized_cost: costs.calculated_amortized_cost,
    markup_cost_amortized: m(costs.calculated_amortized_cost),
  };
}
