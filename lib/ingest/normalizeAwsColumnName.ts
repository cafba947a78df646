// Python's \W (non-word characters, Unicode-aware): anything but letters, digits, marks and connectors.
const NON_WORD_RUN = /[^\p{L}\p{N}\p{M}\p{Pc}]+/gu;

/**
 * Koku's `strip_characters_from_column_name`: runs of non-word characters become `_`, then lower case
 * (ocp-on-aws §1.1).
 *
 * @example
 * normalizeAwsColumnName('savingsPlan/SavingsPlanEffectiveCost'); // 'savingsplan_savingsplaneffectivecost'
 */
export function normalizeAwsColumnName(name: string): string {
  return name.replace(NON_WORD_RUN, '_').toLowerCase();
}
