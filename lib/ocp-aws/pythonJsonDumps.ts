import type { Labels } from './types.js';

/**
 * Python's `json.dumps(dict)` with default settings: `", "` and `": "` separators, non-ASCII and control characters
 * escaped as `\uXXXX` (lower-case hex). Koku builds `resourcetags` (spec §1.1) and the generic match strings
 * (§2.2 step A) this way, and S1 matches them as raw substrings, so the bytes must agree.
 *
 * @example pythonJsonDumps({ app: 'café' }) // '{"app": "caf\\u00e9"}'
 */
export function pythonJsonDumps(map: Labels): string {
  const parts = Object.entries(map).map(([k, v]) => `${pythonJsonString(k)}: ${pythonJsonString(v)}`);
  return `{${parts.join(', ')}}`;
}

const SHORT_ESCAPES: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
};

/** One string as `json.dumps(..., ensure_ascii=True)` writes it. */
export function pythonJsonString(value: string): string {
  let out = '"';
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    const code = value.charCodeAt(i);
    const short = SHORT_ESCAPES[ch];
    if (short !== undefined) out += short;
    else if (code < 0x20 || code > 0x7e) out += code === 0x7f ? ch : `\\u${code.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}
