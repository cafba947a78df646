import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dataTransferDirection } from '../../../lib/ocp-aws/dataTransferDirection.js';
import { effectiveMarkup } from '../../../lib/ocp-aws/markup.js';
import { pythonJsonDumps } from '../../../lib/ocp-aws/pythonJsonDumps.js';
import { roundHalfAwayFromZero } from '../../../lib/ocp-aws/roundHalfAwayFromZero.js';
import { lineCosts, toMatchedLine } from '../../../lib/ocp-aws/toMatchedLine.js';
import { awsLine } from '../../helpers/ocpAwsFactories.js';

describe('dataTransferDirection (§1.4)', () => {
  const dt = (usagetype: string, operation = '', productcode = 'AmazonEC2', family = 'Data Transfer') =>
    dataTransferDirection({ lineitem_productcode: productcode, product_productfamily: family, lineitem_usagetype: usagetype, lineitem_operation: operation });

  it('applies the rules in order', () => {
    assert.equal(dt('USE1-DataTransfer-In-Bytes'), 'IN');
    assert.equal(dt('USE1-DataTransfer-Out-Bytes'), 'OUT');
    assert.equal(dt('USE1-DataTransfer-Regional-Bytes', 'InterZone-In'), 'IN');
    assert.equal(dt('USE1-DataTransfer-Regional-Bytes', 'InterZone-Out'), 'OUT');
    assert.equal(dt('USE1-DataTransfer-Regional-Bytes', 'InterZone'), null);
    // in-bytes wins even when the operation says out.
    assert.equal(dt('EU-In-Bytes', 'x-out'), 'IN');
  });

  it('is NULL outside EC2 Data Transfer', () => {
    assert.equal(dt('USE1-DataTransfer-In-Bytes', '', 'AmazonS3'), null);
    assert.equal(dt('USE1-DataTransfer-In-Bytes', '', 'AmazonEC2', 'Compute Instance'), null);
  });
});

describe('lineCosts (§1.4)', () => {
  const costs = (type: string) =>
    lineCosts(awsLine({ lineitem_lineitemtype: type, lineitem_unblendedcost: 1, lineitem_blendedcost: 2, savingsplan_savingsplaneffectivecost: 3 }));

  it('zeroes unblended and blended of SavingsPlanCoveredUsage only, keeps SP effective', () => {
    assert.deepEqual(costs('SavingsPlanCoveredUsage'), { unblended_cost: 0, blended_cost: 0, savingsplan_effective_cost: 3, calculated_amortized_cost: 3 });
    assert.deepEqual(costs('SavingsPlanNegation'), { unblended_cost: 1, blended_cost: 2, savingsplan_effective_cost: 3, calculated_amortized_cost: 3 });
  });

  it('amortizes Usage and Tax to unblended, every other type to SP effective', () => {
    assert.equal(costs('Usage').calculated_amortized_cost, 1);
    assert.equal(costs('Tax').calculated_amortized_cost, 1);
    for (const t of ['DiscountedUsage', 'RIFee', 'Fee', 'Credit']) assert.equal(costs(t).calculated_amortized_cost, 3);
  });
});

describe('toMatchedLine (§1.4)', () => {
  it('NULLs blanks, keeps AWS-enabled and openshift_* tags, drops matched_tag for resource matches', () => {
    const line = awsLine({ lineitem_availabilityzone: '', product_instancetype: '', resourcetags: '{"env": "p", "team": "t", "openshift_node": "n"}' });
    const m = toMatchedLine(line, { resourceMatched: true, matchedTag: 'x', awsEnabledKeys: new Set(['env']) });
    assert.equal(m.availability_zone, null);
    assert.equal(m.instance_type, null);
    assert.deepEqual(m.tags, { env: 'p', openshift_node: 'n' });
    assert.equal(m.matched_tag, null);
    assert.equal(m.usage_start, '2025-10-01');
  });

  it('uses the product name for AWS Marketplace, falling back to the product code', () => {
    const mk = (name: string) =>
      toMatchedLine(awsLine({ bill_billingentity: 'AWS Marketplace', product_productname: name, lineitem_productcode: 'prodX' }), {
        resourceMatched: false,
        matchedTag: 't',
        awsEnabledKeys: new Set(),
      }).product_code;
    assert.equal(mk('Acme'), 'Acme');
    assert.equal(mk(''), 'prodX');
  });
});

describe('markup and rounding', () => {
  it('casts the markup to 9 decimals, halves up, from its decimal text', () => {
    assert.equal(effectiveMarkup(0.1), 0.1);
    assert.equal(effectiveMarkup(0.1234567891234), 0.123456789);
    assert.equal(effectiveMarkup(0.1234567895), 0.12345679);
    assert.equal(effectiveMarkup(0.0000000015), 0.000000002);
    assert.equal(effectiveMarkup(1e-10), 0);
    assert.equal(effectiveMarkup(-0.0000000025), -0.000000003);
    assert.equal(effectiveMarkup(0), 0);
    assert.throws(() => effectiveMarkup(Number.NaN), /markup/);
  });

  it('rounds capacity halves away from zero like Trino ROUND', () => {
    assert.equal(roundHalfAwayFromZero(2.5), 3);
    assert.equal(roundHalfAwayFromZero(-2.5), -3);
    assert.equal(roundHalfAwayFromZero(99.99999999), 100);
    assert.equal(roundHalfAwayFromZero(Number.POSITIVE_INFINITY), Number.POSITIVE_INFINITY);
  });
});

describe('pythonJsonDumps', () => {
  it('writes Python json.dumps text: spaced separators, ASCII-escaped', () => {
    assert.equal(pythonJsonDumps({ app: 'web', openshift_project: 'ns1' }), '{"app": "web", "openshift_project": "ns1"}');
    assert.equal(pythonJsonDumps({ k: 'café "q" \\ \n' }), '{"k": "caf\\u00e9 \\"q\\" \\\\ \\n"}');
    assert.equal(pythonJsonDumps({ k: '😀' }), '{"k": "\\ud83d\\ude00"}');
    assert.equal(pythonJsonDumps({}), '{}');
  });
});
