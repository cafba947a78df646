import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectReportType } from '../../../lib/ingest/detectReportType.js';
import { parseIsoTimestamp } from '../../../lib/ingest/parseIsoTimestamp.js';
import { parseOcpTimestamp } from '../../../lib/ingest/parseOcpTimestamp.js';
import { safeFloat } from '../../../lib/ingest/safeFloat.js';
import { sanitizeIdentifier } from '../../../lib/ingest/sanitizeIdentifier.js';
import { POD_HEADER, STORAGE_HEADER } from '../../helpers/ingestFixtures.js';

describe('safeFloat (Koku safe_float: float(x) or 0.0)', () => {
  it('parses what Python float() parses', () => {
    assert.equal(safeFloat('1800'), 1800);
    assert.equal(safeFloat(' 2.5e3 '), 2500);
    assert.equal(safeFloat('+1_000.5'), 1000.5);
    assert.equal(safeFloat('.5'), 0.5);
    assert.equal(safeFloat('1.'), 1);
    assert.equal(safeFloat('-inf'), Number.NEGATIVE_INFINITY);
    assert.ok(Number.isNaN(safeFloat('NaN')));
  });

  it('gives 0.0 for blank or invalid cells, including forms JavaScript would accept', () => {
    for (const cell of ['', '   ', 'abc', '0x10', '0b1', '1__0', '_1', '1e', '--1', 'Infinityx']) assert.equal(safeFloat(cell), 0, cell);
  });
});

describe('timestamps (spec §2.2)', () => {
  it('reads the operator form as naive UTC wall-clock time', () => {
    assert.equal(parseOcpTimestamp('2020-11-06 18:00:00 +0000 UTC'), Date.UTC(2020, 10, 6, 18));
  });

  it('reads nise and ISO forms, applying offsets', () => {
    assert.equal(parseOcpTimestamp('2025-10-01 00:59:59+00:00'), Date.UTC(2025, 9, 1, 0, 59, 59));
    assert.equal(parseIsoTimestamp('2025-10-01T02:00:00Z'), Date.UTC(2025, 9, 1, 2));
    assert.equal(parseIsoTimestamp('2025-10-01T02:00:00+02:00'), Date.UTC(2025, 9, 1, 0));
    assert.equal(parseIsoTimestamp('2025-10-01'), Date.UTC(2025, 9, 1));
    assert.equal(parseIsoTimestamp('2025-10-01 01:02:03.456789'), Date.UTC(2025, 9, 1, 1, 2, 3, 456));
  });

  it('rejects what ciso8601 rejects', () => {
    for (const bad of ['', 'yesterday', '2025-13-01', '2025-02-30 00:00:00', '2025-10-01 25:00:00']) assert.equal(parseIsoTimestamp(bad), null, bad);
  });
});

describe('sanitizeIdentifier (spec §1 step 2: NUL removal + html.escape(quote=True))', () => {
  it('escapes & first, then < > " \'', () => {
    assert.equal(sanitizeIdentifier(`r&d <"team's">`), 'r&amp;d &lt;&quot;team&#x27;s&quot;&gt;');
  });

  it('removes NUL bytes and leaves ordinary names alone', () => {
    assert.equal(sanitizeIdentifier('a\u0000b'), 'ab');
    assert.equal(sanitizeIdentifier('openshift-monitoring'), 'openshift-monitoring');
  });
});

describe('detectReportType (spec §1 step 1)', () => {
  it('recognises pod and storage reports from their columns, extra columns allowed', () => {
    assert.equal(detectReportType([...POD_HEADER, 'node_role']), 'pod_usage');
    assert.equal(detectReportType([...STORAGE_HEADER, 'node', 'csi_driver']), 'storage_usage');
  });

  it('recognises label reports and returns null for anything else', () => {
    assert.equal(detectReportType(['report_period_start', 'report_period_end', 'interval_start', 'interval_end', 'node', 'node_labels']), 'node_labels');
    assert.equal(detectReportType(['report_period_start', 'report_period_end', 'interval_start', 'interval_end', 'namespace', 'namespace_labels']), 'namespace_labels');
    assert.equal(detectReportType(['a', 'b']), null);
  });
});
