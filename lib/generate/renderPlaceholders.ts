import { InvalidNiseManifestError } from './errors.js';

const PLACEHOLDER = /\{\{\s*([^}]*?)\s*\}\}/g;
const NUMBERED_ID = /^resource_id_(\d+)$/;
const NAMED_ID = /^resource_id_(\w+)$/;
/** The POC's semantic ids for scenario 06's two clusters. */
const NAMED_ALIASES: Record<string, string> = { '6a': 'prod', '6b': 'staging' };
/** The POC's render step draws a 10-digit base id; we fix it so rendering is deterministic. */
export const DEFAULT_BASE_ID = 4_100_000_001;

/**
 * Fills the `{{ name }}` placeholders the scenario manifests carry, as the POC's Jinja render step does
 * (`render_nise_manifests.py`): `resource_id_N` is `base + N - 1`, `resource_id_<word>` is `i-<word><last 4 of base>`,
 * correlated across the OCP and AWS sections. `values` overrides; any other placeholder is an error naming it.
 *
 * @example
 * renderPlaceholders("resource_id: '{{ resource_id_5 }}'"); // "resource_id: '4100000005'"
 */
export function renderPlaceholders(text: string, values: Record<string, string> = {}, subject = 'manifest'): string {
  return text.replace(PLACEHOLDER, (_, expression: string) => {
    const value = values[expression] ?? defaultValue(expression);
    if (value === null) throw new InvalidNiseManifestError(subject, `no value for placeholder {{ ${expression} }}`);
    return value;
  });
}

function defaultValue(name: string): string | null {
  const numbered = NUMBERED_ID.exec(name);
  if (numbered !== null) return String(DEFAULT_BASE_ID + Number(numbered[1]) - 1);
  const named = NAMED_ID.exec(name);
  if (named !== null) return `i-${NAMED_ALIASES[named[1]] ?? named[1]}${String(DEFAULT_BASE_ID).slice(-4)}`;
  // The README's `{{ ... }}` (a literal ellipsis) stands for "some id".
  if (name === '...') return String(DEFAULT_BASE_ID);
  return null;
}
