const HTML_SPECIAL = /[&<>"'\u0000]/;

/**
 * Koku's ingest sanitising of identifier columns (spec §1 step 2): NUL bytes removed, then Python's
 * `html.escape(value, quote=True)` (`&` first, then `<` `>` `"` `'` → `&lt;` `&gt;` `&quot;` `&#x27;`).
 *
 * @example
 * sanitizeIdentifier(`team<a&b>'s`); // 'team&lt;a&amp;b&gt;&#x27;s'
 */
export function sanitizeIdentifier(value: string): string {
  if (!HTML_SPECIAL.test(value)) return value;
  return value
    .replaceAll('\u0000', '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#x27;');
}
