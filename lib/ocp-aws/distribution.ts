import { CPU_DISTRIBUTION } from './constants.js';

export type Distribution = 'cpu' | 'memory';

/**
 * The OCP source's cost-model `distribution_type`: absent means `cpu`, and the SQL template selects memory for any
 * other value (spec §0).
 *
 * @example resolveDistribution('weighted') // 'memory'
 */
export function resolveDistribution(value: string | undefined): Distribution {
  return value === undefined || value === CPU_DISTRIBUTION ? 'cpu' : 'memory';
}
