import type { ProviderLookup } from './types.js';

/**
 * Why a source's data should not be summarised now, or null when it should. Unknown sources are skipped, as Koku
 * does ("possible source/provider delete during processing - halting processing"); so are sources Koku has
 * deactivated or paused (its orchestrator only schedules `active=True, paused=False` sources).
 *
 * @example
 * const reason = providerSkipReason(lookup);
 * if (reason) { logger.warn('skipping source', { providerUuid, reason }); return; }
 */
export function providerSkipReason(lookup: ProviderLookup): string | null {
  if (!lookup.found) return lookup.error.message;
  const p = lookup.provider;
  if (!p.active) return `provider ${p.providerUuid}: inactive in Koku`;
  if (p.paused) return `provider ${p.providerUuid}: paused in Koku`;
  return null;
}
