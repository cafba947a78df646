/**
 * Field encoding for `COPY ... FROM STDIN` in PostgreSQL's text format: tab-separated, `\N` for NULL, and
 * backslash escapes for backslash, newline, carriage return and tab.
 */

export const COPY_NULL = '\\N';

const SPECIAL = /[\\\n\r\t]/g;
const HAS_SPECIAL = /[\\\n\r\t]/;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** A text value escaped for COPY text format, or `\N` for null. */
export function copyText(value: string | null | undefined): string {
  if (value === null || value === undefined) return COPY_NULL;
  return HAS_SPECIAL.test(value) ? value.replace(SPECIAL, (c) => ESCAPES[c]) : value;
}

/** A JSON value serialised and escaped for a jsonb column, or `\N` for null. */
export function copyJson(value: unknown): string {
  return value === null || value === undefined ? COPY_NULL : copyText(JSON.stringify(value));
}

/** One COPY line (with its newline). */
export function copyLine(fields: readonly string[]): string {
  return `${fields.join('\t')}\n`;
}
