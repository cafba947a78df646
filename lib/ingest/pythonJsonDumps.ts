/**
 * Serialises a string → string mapping exactly as Python's `json.dumps` does with default settings (spec §2.2):
 * separators `", "` and `": "`, insertion order, and `ensure_ascii` (everything outside space…`~` becomes an
 * escape; non-ASCII as `\uXXXX` UTF-16 units, lower-case hex). Label JSON is matched as raw text downstream
 * (`"node_role_kubernetes_io": "infra"`, spec §8.1), so byte-exactness matters.
 *
 * @example
 * pythonJsonDumps(new Map([['app', 'wéb']])); // '{"app": "w\\u00e9b"}'
 */
export function pythonJsonDumps(entries: Iterable<readonly [string, string]>): string {
  let out = '{';
  let first = true;
  for (const [key, value] of entries) {
    if (!first) out += ', ';
    first = false;
    out += `${pythonJsonString(key)}: ${pythonJsonString(value)}`;
  }
  return `${out}}`;
}

const SHORT_ESCAPES: Record<number, string> = {
  0x22: '\\"',
  0x5c: '\\\\',
  0x0a: '\\n',
  0x0d: '\\r',
  0x09: '\\t',
  0x08: '\\b',
  0x0c: '\\f',
};

/** One JSON string literal with Python's `ensure_ascii=True` escaping. */
export function pythonJsonString(text: string): string {
  if (isPlainAscii(text)) return `"${text}"`;
  let out = '"';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x20 && c <= 0x7e && c !== 0x22 && c !== 0x5c) out += text[i];
    else out += SHORT_ESCAPES[c] ?? `\\u${c.toString(16).padStart(4, '0')}`;
  }
  return `${out}"`;
}

function isPlainAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c > 0x7e || c === 0x22 || c === 0x5c) return false;
  }
  return true;
}
