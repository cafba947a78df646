import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openshiftLabelsToJson, parseOpenshiftLabels } from '../../../lib/ingest/parseOpenshiftLabels.js';
import { pythonJsonDumps } from '../../../lib/ingest/pythonJsonDumps.js';

describe('pythonJsonDumps (spec §2.2: json.dumps defaults)', () => {
  it('uses ", " and ": " separators and keeps insertion order', () => {
    assert.equal(pythonJsonDumps(new Map([['b', '1'], ['a', '2']])), '{"b": "1", "a": "2"}');
  });

  it('escapes non-ASCII as lower-case \\uXXXX UTF-16 units, quotes, backslashes and controls', () => {
    assert.equal(pythonJsonDumps([['k', 'é😀']]), '{"k": "\\u00e9\\ud83d\\ude00"}');
    assert.equal(pythonJsonDumps([['q"\\', 'a\nb\tc\u0001\u007f']]), '{"q\\"\\\\": "a\\nb\\tc\\u0001\\u007f"}');
  });

  it('writes an empty mapping as {}', () => {
    assert.equal(pythonJsonDumps([]), '{}');
  });
});

describe('openshift label strings (spec §2.2)', () => {
  it('drops items with more than one colon and skips items without one', () => {
    assert.equal(openshiftLabelsToJson('label_app:web|label_url:http://x|nocolon|label_tier:db'), '{"app": "web", "tier": "db"}');
  });

  it('removes every label_ substring from keys, not only the prefix', () => {
    assert.deepEqual([...parseOpenshiftLabels('label_my_label_key:v|label_label_x:y')], [['my_key', 'v'], ['x', 'y']]);
  });

  it('does not trim, and a later duplicate wins its value but keeps the first position', () => {
    assert.equal(openshiftLabelsToJson('label_a: 1 |label_b:2|label_a:3'), '{"a": "3", "b": "2"}');
    assert.equal(openshiftLabelsToJson(' label_a :x'), '{" a ": "x"}');
  });

  it('turns an empty cell into {} and keeps empty values', () => {
    assert.equal(openshiftLabelsToJson(''), '{}');
    assert.equal(openshiftLabelsToJson('label_empty:'), '{"empty": ""}');
  });

  it('escapes non-ASCII label values like Python', () => {
    assert.equal(openshiftLabelsToJson('label_team:café'), '{"team": "caf\\u00e9"}');
  });
});
