import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LabelFilter, canonicalLabels, filterLabels, parseLabels, sortedLabels } from '../../../lib/ocp/labels.js';
import type { Labels } from '../../../lib/ocp/types.js';

/** The reference semantics: parse, filter, sort (what LabelFilter did before its fast path). */
function reference(text: string, allow: ReadonlySet<string> | null): { labels: Labels; order: string[]; key: string } | string {
  try {
    const labels = sortedLabels(filterLabels(parseLabels(text, 's') as Labels, allow));
    return { labels, order: Object.keys(labels), key: canonicalLabels(labels) };
  } catch (err) {
    return (err as Error).message;
  }
}

function viaFilter(text: string, allow: ReadonlySet<string> | null): { labels: Labels; order: string[]; key: string } | string {
  try {
    const hit = new LabelFilter(allow).filtered(text, 's');
    return { labels: hit.labels as Labels, order: Object.keys(hit.labels as Labels), key: hit.key };
  } catch (err) {
    return (err as Error).message;
  }
}

describe('LabelFilter (flat-object fast path)', () => {
  const allows: Array<ReadonlySet<string> | null> = [
    null,
    new Set(),
    new Set(['app', 'env', '10', '', 'k\u00e9y', '__proto__', 'vm_kubevirt_io_name']),
    // Keys whose sorted order is not their insertion order (upper case sorts first; the sort is by UTF-16 unit).
    new Set(['env', 'App', 'app', 'Z', '\u00e9', 'x']),
    // More keys than the in-place comparison handles: looked up by slice.
    new Set(['app', 'env', '10', '', 'x', ...Array.from({ length: 20 }, (_, i) => `key${i}`)]),
  ];
  const texts = [
    '{"app": "web", "env": "prod", "pod_template_hash": "abc"}',
    '{}', ' { } ', '{"app":"web"}', '{"env": null, "app": "x"}', '{"app": 1.50, "env": true, "x": false}',
    '{"app": -0, "env": 1e400, "10": 2, "2": "two"}', '{"app": "a", "app": "b"}', '{"app": "a", "app": null}',
    '{"app": "caf\\u00e9"}', '{"k\\u00e9y": "v"}', '{"app": {"nested": 1}}', '{"x": [1]}', '{"__proto__": "p", "app": "q"}',
    '[1, 2]', '"text"', 'null', '{"app": "web",}', '{"app": "web"} x', '{"app": 01}', '{"app": 1.}', '{"app": .5}',
    '{"app": "line\nbreak"}', '{app: "x"}', '{"app" "x"}', '{"app": tru}', '{"app": nullx}', '{"": "empty key"}',
    '{"app": "😀", "env": "\ud800"}', '\t{"app":\r\n"x"}\n', '{"app": "x"', '', '{"app": -}', '{"app": 1e+5, "env": -12.5E-3}',
    '{"x": "1", "env": "e", "Z": "z", "App": "A", "app": "a", "\u00e9": "é"}', '{"env": "e", "env": null, "env": "f"}',
    '{"app": "a\u2028b"}', '{"app": "\u2028"}', '{"app": "\u007f"}', '{"\ud83d\ude00": "x", "app": "y"}',
    // Values long enough to be kept as slices of the canonical key, after keys of several lengths.
    '{"x": "an-x-value-of-some-length", "Z": "zzzzzzzzzzzzzzzzzzzzzzzz", "env": "production-eu-west-1", "app": "checkout-service-frontend-v2", "\u00e9": "\u00e9t\u00e9-\u00e9t\u00e9-\u00e9t\u00e9-\u00e9t\u00e9"}',
  ];
  it('returns exactly what parse + filter + sort return, and the same errors', () => {
    for (const allow of allows) {
      for (const text of texts) assert.deepEqual(viaFilter(text, allow), reference(text, allow), `${JSON.stringify(text)} with ${allow ? 'allow-list' : 'null'}`);
    }
  });

  it('agrees on generated label texts and random corruptions of them', () => {
    let seed = 11;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
    const pieces = ['"app"', '"env"', '"10"', '"x"', '"web"', '"a b"', ' ', ':', ',', '{', '}', '[', '1', '-2.5e3', 'null', 'true', '"\\u00e9"', '"\\""'];
    for (let t = 0; t < 3000; t++) {
      let text = `{"app": "web-${rnd(50)}", "env": "${['dev', 'prod'][rnd(2)]}", "pod_template_hash": "h${rnd(9)}"}`;
      if (rnd(2)) {
        const at = rnd(text.length);
        text = text.slice(0, at) + (pieces[rnd(pieces.length)] as string) + text.slice(at + rnd(3));
      }
      for (const allow of allows) assert.deepEqual(viaFilter(text, allow), reference(text, allow), JSON.stringify(text));
    }
  });
});
