import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  canonicalLabels,
  filterLabels,
  LabelFilter,
  labelAllowList,
  mergeLabels,
  parseLabels,
} from '../../../lib/ocp/labels.js';
import { allLabels } from '../../../lib/ocp/allLabels.js';
import { InvalidLabelsError } from '../../../lib/ocp/errors.js';
import { pythonJsonDumps } from '../../helpers/ocpArrow.js';

describe('labelAllowList (spec §5.1)', () => {
  it('is null (nothing allowed) when no key is enabled, Trino semantics', () => {
    assert.equal(labelAllowList({ enabledKeys: [] }), null);
  });

  it('adds vm_kubevirt_io_name to the enabled keys', () => {
    assert.deepEqual([...(labelAllowList({ enabledKeys: ['app', 'env'] }) ?? [])].sort(), ['app', 'env', 'vm_kubevirt_io_name']);
  });
});

describe('parseLabels', () => {
  it('reads Python json.dumps text, including \\u escapes', () => {
    const text = pythonJsonDumps({ app: 'wéb', 'k8s_io/name': 'a b' });
    assert.match(text, /\\u00e9/);
    assert.deepEqual(parseLabels(text, 'pod_labels'), { app: 'wéb', 'k8s_io/name': 'a b' });
  });

  it('accepts any JSON object: compact spacing, scalar values become strings, null values are dropped', () => {
    assert.deepEqual(parseLabels('{"a":1,"b":true,"c":null,"d":"x"}', 's'), { a: '1', b: 'true', d: 'x' });
    assert.deepEqual(parseLabels('{}', 's'), {});
  });

  it('returns NULL for NULL text', () => {
    assert.equal(parseLabels(null, 's'), null);
  });

  it('names the column when the text is not a JSON object', () => {
    assert.throws(() => parseLabels('app:web', 'pod_labels of shop'), (e: unknown) => e instanceof InvalidLabelsError && /pod_labels of shop/.test(e.message));
    assert.throws(() => parseLabels('[1]', 'x'), InvalidLabelsError);
    assert.throws(() => parseLabels('{"a":{"b":"c"}}', 'x'), InvalidLabelsError);
  });
});

describe('filterLabels', () => {
  it('keeps exactly the allowed keys, case-sensitively', () => {
    const allow = labelAllowList({ enabledKeys: ['app'] });
    assert.deepEqual(filterLabels({ app: '1', App: '2', vm_kubevirt_io_name: 'v', other: '3' }, allow), { app: '1', vm_kubevirt_io_name: 'v' });
  });

  it('keeps nothing with a null allow-list', () => {
    assert.deepEqual(filterLabels({ vm_kubevirt_io_name: 'v' }, null), {});
  });
});

describe('mergeLabels (spec §5.2)', () => {
  it('later maps win: pod > namespace > node', () => {
    assert.deepEqual(mergeLabels({ env: 'node', a: 'n' }, { env: 'ns', b: 's' }, { env: 'pod' }), { a: 'n', b: 's', env: 'pod' });
  });

  it('PVC > PV > namespace > node for volumes', () => {
    assert.deepEqual(mergeLabels({ k: 'node' }, { k: 'ns' }, { k: 'pv' }, { k: 'pvc' }), { k: 'pvc' });
    assert.deepEqual(mergeLabels({ k: 'node' }, { k: 'ns' }, { k: 'pv' }, {}), { k: 'pv' });
  });

  it('is NULL when an argument is NULL (Trino map_concat)', () => {
    assert.equal(mergeLabels({ a: '1' }, null), null);
  });
});

describe('canonicalLabels', () => {
  it('is independent of key order and distinguishes NULL from {}', () => {
    assert.equal(canonicalLabels({ b: '2', a: '1' }), canonicalLabels({ a: '1', b: '2' }));
    assert.notEqual(canonicalLabels(null), canonicalLabels({}));
  });
});

describe('LabelFilter', () => {
  it('parses each distinct text once and returns the filtered map with its key', () => {
    const filter = new LabelFilter(labelAllowList({ enabledKeys: ['app'] }));
    const a = filter.filtered('{"x": "1", "app": "web"}', 's');
    assert.deepEqual(a, { labels: { app: 'web' }, key: '{"app":"web"}' });
    assert.equal(filter.filtered('{"x": "1", "app": "web"}', 's'), a);
  });

  it('hands out one object per distinct filtered map, whichever raw text it came from', () => {
    const filter = new LabelFilter(labelAllowList({ enabledKeys: ['app'] }));
    const a = filter.filteredOnce('{"app": "web", "pod_template_hash": "h1"}', 's');
    const b = filter.filteredOnce('{"pod_template_hash": "h2", "app": "web"}', 's');
    assert.equal(a, b);
    assert.notEqual(filter.filteredOnce('{"app": "db"}', 's'), a);
  });
});

describe('allLabels (spec §9.1)', () => {
  it('coalesces NULLs to {} and lets the volume side win', () => {
    assert.deepEqual(allLabels(null, null), {});
    assert.deepEqual(allLabels({ a: 'p', b: 'p' }, { b: 'v' }), { a: 'p', b: 'v' });
  });
});
