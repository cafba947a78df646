import { AWS_REGIONS } from './awsRegions.js';
import { InvalidNiseManifestError } from './errors.js';
import { asMapping } from './loadNiseManifest.js';
import { AWS_HOUR_SPAN_MS, niseHours } from './niseDates.js';
import { hash32, Prng } from './prng.js';
import { pythonRound } from './pythonRound.js';
import type { NiseGenerateOptions, NiseGeneratorSpec, NiseManifest, NiseReport } from './types.js';

type Mapping = Record<string, unknown>;
type Row = Map<string, string>;

/** nise's `RESOURCE_TAG_COLS` and `COST_CATEGORY_COLS`. */
const RESOURCE_TAG_COLUMNS = [
  'resourceTags/user:environment', 'resourceTags/user:app', 'resourceTags/user:version', 'resourceTags/user:storageclass',
  'resourceTags/user:openshift_cluster', 'resourceTags/user:openshift_project', 'resourceTags/user:openshift_node',
  'resourceTags/aws:createdBy',
];
const COST_CATEGORY_COLUMNS = ['costCategory/Charge type', 'costCategory/CostCenter', 'costCategory/OUs', 'costCategory/Organization'];

/** The CUR columns these generators fill (a subset of nise's 195; the rest are always empty for them). */
const BASE_COLUMNS = [
  'identity/LineItemId', 'identity/TimeInterval', 'bill/InvoiceId', 'bill/BillingEntity', 'bill/BillType', 'bill/PayerAccountId',
  'bill/BillingPeriodStartDate', 'bill/BillingPeriodEndDate', 'lineItem/UsageAccountId', 'lineItem/LegalEntity',
  'lineItem/LineItemType', 'lineItem/UsageStartDate', 'lineItem/UsageEndDate', 'lineItem/ProductCode', 'lineItem/UsageType',
  'lineItem/Operation', 'lineItem/AvailabilityZone', 'lineItem/ResourceId', 'lineItem/UsageAmount',
  'lineItem/NormalizationFactor', 'lineItem/NormalizedUsageAmount', 'lineItem/CurrencyCode', 'lineItem/UnblendedRate',
  'lineItem/UnblendedCost', 'lineItem/BlendedRate', 'lineItem/BlendedCost', 'lineItem/LineItemDescription', 'lineItem/TaxType',
  'product/ProductName', 'product/instanceFamily', 'product/instanceType', 'product/location', 'product/locationType',
  'product/memory', 'product/operatingSystem', 'product/physicalCores', 'product/productFamily', 'product/region',
  'product/servicecode', 'product/sku', 'product/storage', 'product/toLocation', 'product/transferType', 'product/usagetype',
  'product/vcpu', 'pricing/publicOnDemandCost', 'pricing/publicOnDemandRate', 'pricing/term', 'pricing/unit',
  'reservation/AmortizedUpfrontCostForUsage', 'reservation/AmortizedUpfrontFeeForBillingPeriod', 'reservation/EndTime',
  'reservation/NumberOfReservations', 'reservation/RecurringFeeForUsage', 'reservation/StartTime',
  'reservation/UnitsPerReservation', 'reservation/UnusedQuantity', 'reservation/UnusedRecurringFee',
  'savingsPlan/SavingsPlanEffectiveCost', 'savingsPlan/SavingsPlanRate',
];

const EC2_INSTANCE_TYPES: ReadonlyArray<readonly [string, string, string, string, string, string, string]> = [
  ['m5.large', '1', '2', '8 GiB', 'EBS Only', 'General Purpose', '0.096'],
  ['c5d.2xlarge', '4', '8', '16 GiB', '1 x 200 NVMe SSD', 'Compute Optimized', '0.34'],
  ['c4.xlarge', '2', '4', '7.5 GiB', 'EBS-Only', 'Compute Optimized', '0.199'],
  ['r4.large', '1', '2', '15.25 GiB', 'EBS-Only', 'Memory Optimized', '0.133'],
];
const RDS_INSTANCE_TYPES: ReadonlyArray<readonly [string, string, string, string, string, string]> = [
  ['db.t3.medium', '2', '4 GiB', 'EBS-Only', 'Memory Optimized', '0.072'],
  ['db.t3.large', '2', '8 GiB', 'EBS Only', 'General Purpose', '0.145'],
  ['db.m5.xlarge', '4', '16 GiB', '1 x 200 NVMe SSD', 'Compute Optimized', '0.356'],
  ['db.r5.2xlarge', '8', '64 GiB', 'EBS-Only', 'Compute Optimized', '1.00'],
];
const DATA_TRANSFER = [
  ['{region1}-{region2}-AWS-{direction}-Bytes', 'PublicIP-{direction}', 'InterRegion {direction}bound'],
  ['DataTransfer-{direction}-Bytes', 'RunInstances', ''],
  ['{region1}-DataTransfer-Regional-Bytes', 'PublicIP-{direction}', ''],
  ['{region1}-DataTransfer-Regional-Bytes', 'InterZone-{direction}', ''],
] as const;
const OPERATING_SYSTEMS = ['Amazon Linux', 'Ubuntu', 'Windows Server', 'Red Hat Enterprise Linux', 'SUSE Linux Enterprise Server', 'Fedora', 'CentOS'];

/**
 * The CUR rows nise's AWS generators write for a manifest (poc-lessons §6.1, §5.2): hourly rows; EC2 (with
 * `saving` → SavingsPlanCoveredUsage, `negation` → SavingsPlanNegation, `reserved_instance` → DiscountedUsage),
 * EBS (cost = GB × monthly rate / hours in month), S3, RDS and data transfer; ids prefixed `i-` / `vol-`; static
 * `tags` keys written as bare columns (`openshift_cluster`, not `resourceTags/user:…`), random tags when none.
 *
 * @example
 * const cur = generateNiseAwsRows(loadNiseManifest('…/ocp-on-aws/05-storage-ebs/manifest.yml'));
 */
export function generateNiseAwsRows(manifest: Pick<NiseManifest, 'awsGenerators' | 'awsAccounts'>, options: NiseGenerateOptions = {}): NiseReport {
  const seed = options.seed ?? 1;
  const accountRng = new Prng(hash32(seed, 0xa5));
  const payer = manifest.awsAccounts?.payer ?? accountRng.digits(13);
  const accounts = {
    payer,
    users: manifest.awsAccounts?.users ?? [payer, accountRng.digits(13), accountRng.digits(13), accountRng.digits(13), accountRng.digits(13)],
    currency: manifest.awsAccounts?.currency ?? 'USD',
  };
  const staticTagKeys = [...new Set(manifest.awsGenerators.flatMap((g) => Object.keys(asMapping(g.attributes.tags) ?? {})))];
  const tagColumns = [...new Set([...RESOURCE_TAG_COLUMNS, ...staticTagKeys])];
  const categoryColumns = [...new Set([...COST_CATEGORY_COLUMNS, ...manifest.awsGenerators.flatMap((g) => Object.keys(asMapping(g.attributes.cost_category) ?? {}))])];
  const rows: Row[] = [];
  manifest.awsGenerators.forEach((spec, index) => {
    const gen = new AwsGeneratorRun(spec, new Prng(hash32(seed, 1000 + index)), accounts, tagColumns, categoryColumns);
    for (const start of niseHours(spec.startMs, spec.endMs, AWS_HOUR_SPAN_MS)) rows.push(gen.row(start));
  });
  const header = [...new Set([...BASE_COLUMNS, ...tagColumns, ...categoryColumns])].sort();
  return { header, rows: rows.map((row) => header.map((column) => row.get(column) ?? '')) };
}

interface Accounts {
  payer: string;
  users: string[];
  currency: string;
}

class AwsGeneratorRun {
  private readonly attributes: Mapping;
  private readonly tags: Mapping | null;
  private readonly fixed: Record<string, unknown> = {};

  constructor(
    private readonly spec: NiseGeneratorSpec,
    private readonly rng: Prng,
    private readonly accounts: Accounts,
    private readonly tagColumns: string[],
    private readonly categoryColumns: string[],
  ) {
    this.attributes = spec.attributes;
    const tags = asMapping(this.attributes.tags);
    this.tags = tags !== null && Object.keys(tags).length > 0 ? tags : null;
    if (!['EC2Generator', 'EBSGenerator', 'S3Generator', 'RDSGenerator', 'DataTransferGenerator'].includes(spec.type)) {
      throw new InvalidNiseManifestError(spec.type, 'AWS generator not supported (EC2, EBS, S3, RDS and DataTransfer are)');
    }
    this.fixed.sku = this.attributes.product_sku ?? this.rng.digits(12);
    this.fixed.id = this.attributes.resource_id ?? this.rng.digits(8);
    this.fixed.os = this.attributes.operating_system ?? this.rng.pick(OPERATING_SYSTEMS);
  }

  row(start: number): Row {
    const end = start + AWS_HOUR_SPAN_MS;
    const row = this.common(start, end);
    switch (this.spec.type) {
      case 'EC2Generator':
        this.ec2(row);
        break;
      case 'EBSGenerator':
        this.ebs(row, start);
        break;
      case 'S3Generator':
        this.s3(row);
        break;
      case 'RDSGenerator':
        this.rds(row);
        break;
      default:
        this.dataTransfer(row);
    }
    return row;
  }

  private common(start: number, end: number): Row {
    const [periodStart, periodEnd] = billingPeriod(start);
    return new Map([
      ['identity/LineItemId', this.rng.hex(40)],
      ['identity/TimeInterval', `${isoZ(start)}/${isoZ(end)}`],
      ['bill/BillingEntity', 'AWS'],
      ['bill/BillType', 'Anniversary'],
      ['bill/PayerAccountId', this.accounts.payer],
      ['bill/BillingPeriodStartDate', isoZ(periodStart)],
      ['bill/BillingPeriodEndDate', isoZ(periodEnd)],
      ['lineItem/UsageAccountId', str(this.attributes.user) ?? this.rng.pick(this.accounts.users)],
      ['lineItem/LineItemType', 'Usage'],
      ['lineItem/UsageStartDate', pythonUtc(start)],
      ['lineItem/UsageEndDate', pythonUtc(end)],
      ['lineItem/CurrencyCode', this.accounts.currency],
      ['lineItem/LegalEntity', str(this.attributes.legal_entity) ?? 'Amazon Web Services, Inc.'],
    ]);
  }

  private location(): readonly [string, string, string, string] {
    const region = str(this.attributes.region);
    const options = region === null ? [] : AWS_REGIONS.filter((r) => r.some((part) => part.includes(region)));
    return this.rng.pick(options.length > 0 ? options : AWS_REGIONS);
  }

  private ec2(row: Row): void {
    const it = asMapping(this.attributes.instance_type);
    const random = this.fixed.ec2 ??= this.rng.pick(EC2_INSTANCE_TYPES);
    const [rType, rCores, rVcpu, rMemory, rStorage, rFamily, rCost] = random as (typeof EC2_INSTANCE_TYPES)[number];
    const instType = it ? str(it.inst_type) ?? 'None' : rType;
    const cost = it ? it.cost : rCost;
    const rate = it ? it.rate : rCost;
    const saving = it ? it.saving ?? null : null;
    const negation = it ? Boolean(it.negation) : false;
    const reserved = it ? Boolean(it.reserved_instance) : false;
    const [location, region, zone] = this.location();
    set(row, {
      'bill/BillingEntity': str(this.attributes.billing_entity) ?? 'AWS',
      'lineItem/ProductCode': 'AmazonEC2',
      'lineItem/UsageType': `BoxUsage:${instType}`,
      'lineItem/Operation': 'RunInstances',
      'lineItem/AvailabilityZone': zone,
      'lineItem/ResourceId': `i-${str(this.fixed.id)}`,
      'lineItem/UsageAmount': it ? str(it.amount) ?? '1' : '1',
      'lineItem/UnblendedRate': str(rate),
      'lineItem/UnblendedCost': str(cost),
      'lineItem/BlendedRate': str(rate),
      'lineItem/BlendedCost': str(cost),
      'lineItem/LineItemDescription': str(this.attributes.lineitem_lineitemdescription) ?? `$${str(cost)} per On Demand Linux ${instType} Instance Hour`,
      'product/ProductName': str(this.attributes.product_name) ?? 'Amazon Elastic Compute Cloud',
      'product/instanceFamily': it ? str(it.family) : rFamily,
      'product/instanceType': instType,
      'product/location': location,
      'product/locationType': 'AWS Region',
      'product/memory': it ? str(it.memory) : rMemory,
      'product/operatingSystem': str(this.fixed.os),
      'product/physicalCores': it ? str(it.physical_cores) : rCores,
      'product/productFamily': 'Compute Instance',
      'product/region': region,
      'product/servicecode': 'AmazonEC2',
      'product/sku': str(this.fixed.sku),
      'product/storage': it ? str(it.storage) : rStorage,
      'product/usagetype': `BoxUsage:${instType}`,
      'product/vcpu': it ? str(it.vcpu) : rVcpu,
      'pricing/publicOnDemandCost': str(cost),
      'pricing/publicOnDemandRate': str(rate),
      'pricing/term': 'OnDemand',
      'pricing/unit': 'Hrs',
      'savingsPlan/SavingsPlanEffectiveCost': str(saving),
      'savingsPlan/SavingsPlanRate': str(saving),
    });
    if (saving !== null) row.set('lineItem/LineItemType', 'SavingsPlanCoveredUsage');
    if (reserved) {
      set(row, {
        'lineItem/LineItemType': 'DiscountedUsage',
        'lineItem/UnblendedCost': '0',
        'lineItem/UnblendedRate': '0',
        'lineItem/BlendedCost': '0',
        'lineItem/BlendedRate': '0',
        'lineItem/LineItemDescription': `${instType} reserved instance applied`,
        'pricing/publicOnDemandCost': 'convertible',
        'pricing/publicOnDemandRate': 'No Upfront',
        'savingsPlan/SavingsPlanEffectiveCost': null,
        'savingsPlan/SavingsPlanRate': null,
      });
    }
    if (negation) {
      set(row, {
        'lineItem/LineItemType': 'SavingsPlanNegation',
        'lineItem/UnblendedCost': str(-Math.abs(Number(cost))),
        'lineItem/UnblendedRate': str(-Math.abs(Number(rate))),
        'lineItem/BlendedCost': str(-Math.abs(Number(cost))),
        'lineItem/BlendedRate': str(-Math.abs(Number(rate))),
        'lineItem/LineItemDescription': `SavingsPlanNegation used by AccountId : ${this.accounts.payer} and UsageSku : ${str(this.fixed.sku)}`,
        'lineItem/ResourceId': null,
        'savingsPlan/SavingsPlanEffectiveCost': null,
        'savingsPlan/SavingsPlanRate': null,
      });
      return;
    }
    this.tagsAndCategories(row);
  }

  private ebs(row: Row, start: number): void {
    const rate = this.attributes.rate !== undefined ? Number(this.attributes.rate) : ((this.fixed.rate ??= pythonRound(this.rng.uniform(0.02, 0.16), 3)) as number);
    const disk = this.attributes.disk_size !== undefined ? Math.trunc(Number(this.attributes.disk_size)) : ((this.fixed.disk ??= this.rng.pick([5, 10, 15, 20, 25])) as number);
    const d = new Date(start);
    const hoursInMonth = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate() * 24;
    const cost = pythonRound(disk * (rate / hoursInMonth), 10);
    const amount = pythonRound(cost / rate, 10);
    const [location, region, , storageRegion] = this.location();
    set(row, {
      'lineItem/ProductCode': 'AmazonEC2',
      'lineItem/UsageType': `${storageRegion}:VolumeUsage`,
      'lineItem/Operation': 'CreateVolume',
      'lineItem/ResourceId': `vol-${str(this.fixed.id)}`,
      'lineItem/UsageAmount': str(amount),
      'lineItem/UnblendedRate': str(rate),
      'lineItem/UnblendedCost': str(cost),
      'lineItem/BlendedRate': str(rate),
      'lineItem/BlendedCost': str(cost),
      'lineItem/LineItemDescription': `$${str(rate)} per GB-Month of snapshot data stored - ${location}`,
      'product/ProductName': 'Amazon Elastic Compute Cloud',
      'product/location': location,
      'product/locationType': 'AWS Region',
      'product/productFamily': 'Storage',
      'product/region': region,
      'product/servicecode': 'AmazonEC2',
      'product/sku': str(this.fixed.sku),
      'product/usagetype': `${storageRegion}:VolumeUsage`,
      'pricing/publicOnDemandCost': str(cost),
      'pricing/publicOnDemandRate': str(rate),
      'pricing/term': 'OnDemand',
      'pricing/unit': 'GB-Mo',
    });
    this.tagsAndCategories(row);
  }

  private s3(row: Row): void {
    const amount = this.attributes.amount ? Number(this.attributes.amount) : ((this.fixed.amount ??= this.rng.uniform(0.2, 6000.99)) as number);
    const rate = this.attributes.rate ? Number(this.attributes.rate) : ((this.fixed.rate ??= pythonRound(this.rng.uniform(0.02, 0.06), 3)) as number);
    const cost = amount * rate;
    const [location, region, zone] = this.location();
    set(row, {
      'lineItem/ProductCode': 'AmazonS3',
      'lineItem/UsageType': 'Requests-Tier2',
      'lineItem/Operation': 'GetObject',
      'lineItem/ResourceId': `arn:aws:ec2:${zone}:${this.accounts.payer}:snapshot/snap-${str(this.fixed.id)}`,
      'lineItem/UsageAmount': str(amount),
      'lineItem/UnblendedRate': str(rate),
      'lineItem/UnblendedCost': str(cost),
      'lineItem/BlendedRate': str(rate),
      'lineItem/BlendedCost': str(cost),
      'lineItem/LineItemDescription': `$${str(rate)} per GB-Month of snapshot data stored - ${location}`,
      'product/ProductName': 'Amazon Simple Storage Service',
      'product/location': location,
      'product/locationType': 'AWS Region',
      'product/productFamily': 'Storage Snapshot',
      'product/region': region,
      'product/servicecode': 'AmazonS3',
      'product/sku': str(this.fixed.sku),
      'product/usagetype': 'Requests-Tier2',
      'pricing/publicOnDemandCost': str(cost),
      'pricing/publicOnDemandRate': str(rate),
      'pricing/term': 'OnDemand',
      'pricing/unit': 'GB-Mo',
    });
    this.tagsAndCategories(row);
  }

  private rds(row: Row): void {
    const it = asMapping(this.attributes.instance_type);
    const random = (this.fixed.rds ??= this.rng.pick(RDS_INSTANCE_TYPES)) as (typeof RDS_INSTANCE_TYPES)[number];
    const instType = it ? str(it.inst_type) ?? 'None' : random[0];
    const cost = it ? str(it.cost) : random[5];
    const rate = it ? str(it.rate) : random[5];
    const [location, region, zone] = this.location();
    const parts = region.split('-');
    const shortCode = parts[0].slice(0, 2).toUpperCase() + parts[1][0].toUpperCase() + parts[2];
    set(row, {
      'lineItem/ProductCode': 'AmazonRDS',
      'lineItem/UsageType': `${shortCode}-InstanceUsage:${instType}`,
      'lineItem/Operation': 'CreateDBInstance',
      'lineItem/AvailabilityZone': zone,
      'lineItem/ResourceId': `arn:aws:rds:${zone}:${this.accounts.payer}:db:i-${str(this.fixed.id)}`,
      'lineItem/UsageAmount': '1',
      'lineItem/UnblendedRate': rate,
      'lineItem/UnblendedCost': cost,
      'lineItem/BlendedRate': rate,
      'lineItem/BlendedCost': cost,
      'lineItem/LineItemDescription': `$${cost} per On Demand Linux ${instType} Instance Hour`,
      'product/ProductName': 'Amazon Relational Database Service',
      'product/instanceFamily': it ? str(it.family) : random[4],
      'product/instanceType': instType,
      'product/location': location,
      'product/locationType': 'AWS Region',
      'product/memory': it ? str(it.memory) : random[2],
      'product/operatingSystem': 'Linux',
      'product/productFamily': 'Database Instance',
      'product/region': region,
      'product/servicecode': 'AmazonRDS',
      'product/sku': str(this.fixed.sku),
      'product/storage': it ? str(it.storage) : random[3],
      'product/usagetype': `BoxUsage:${instType}`,
      'product/vcpu': it ? str(it.vcpu) : random[1],
      'pricing/publicOnDemandCost': cost,
      'pricing/publicOnDemandRate': rate,
      'pricing/term': 'OnDemand',
      'pricing/unit': 'Hrs',
    });
    this.tagsAndCategories(row);
  }

  private dataTransfer(row: Row): void {
    const fixedAmount = Number(this.attributes.amount ?? 0) || null;
    const fixedRate = Number(this.attributes.rate ?? 0) || null;
    const saving = Number(this.attributes.saving ?? 0) || null;
    const rate = fixedRate ?? pythonRound(this.rng.uniform(0.12, 0.19), 3);
    const amount = fixedAmount ?? this.rng.uniform(0.000002, 0.09);
    const cost = amount * rate;
    const [location1, region, , storage1] = this.location();
    const [location2, , , storage2] = this.location();
    const [usageTemplate, operationTemplate, typeTemplate] = this.rng.pick(DATA_TRANSFER);
    // nise draws a direction for each of the three templates (its `data_direction` property is not cached).
    const usageType = usageTemplate.replace('{region1}', storage1).replace('{region2}', storage2).replace('{direction}', this.direction());
    const operation = operationTemplate.replace('{direction}', this.direction());
    const transferType = typeTemplate.replace('{direction}', this.direction());
    set(row, {
      'lineItem/ProductCode': str(this.attributes.product_code) ?? 'AmazonEC2',
      'lineItem/UsageType': usageType,
      'lineItem/Operation': operation,
      'lineItem/ResourceId': `i-${str(this.fixed.id)}`,
      'lineItem/UsageAmount': str(amount),
      'lineItem/UnblendedRate': str(rate),
      'lineItem/UnblendedCost': str(cost),
      'lineItem/BlendedRate': str(rate),
      'lineItem/BlendedCost': str(cost),
      'lineItem/LineItemDescription': `$${str(rate)} per GB - ${location1} data transfer to ${location2}`,
      'product/ProductName': str(this.attributes.product_name) ?? 'Amazon Elastic Compute Cloud',
      'product/location': location1,
      'product/locationType': 'AWS Region',
      'product/productFamily': 'Data Transfer',
      'product/region': region,
      'product/servicecode': 'AWSDataTransfer',
      'product/sku': str(this.attributes.product_sku) ?? this.rng.digits(12),
      'product/toLocation': location2,
      'product/transferType': transferType,
      'product/usagetype': usageType,
      'pricing/publicOnDemandCost': str(cost),
      'pricing/publicOnDemandRate': str(rate),
      'pricing/term': 'OnDemand',
      'pricing/unit': 'GB',
      'savingsPlan/SavingsPlanEffectiveCost': saving === null ? 'None' : str(saving),
      'savingsPlan/SavingsPlanRate': saving === null ? 'None' : str(saving),
    });
    if (saving !== null) row.set('lineItem/LineItemType', 'SavingsPlanCoveredUsage');
    this.tagsAndCategories(row);
  }

  private direction(): string {
    const fixed = str(this.attributes.data_direction);
    const direction = fixed ?? this.rng.pick(['in', 'out']);
    return direction.charAt(0).toUpperCase() + direction.slice(1).toLowerCase();
  }

  /** Static tags as bare or prefixed columns, exactly as keyed in YAML; otherwise 0–5 random ones (nise). */
  private tagsAndCategories(row: Row): void {
    if (this.tags !== null) {
      for (const [key, value] of Object.entries(this.tags)) row.set(key, str(value) ?? '');
    } else {
      const count = this.rng.int(0, 5);
      for (let i = 0; i < count; i++) row.set(this.rng.pick(this.tagColumns), this.rng.word());
    }
    const categories = asMapping(this.attributes.cost_category);
    if (categories !== null) {
      for (const [key, value] of Object.entries(categories)) row.set(key, str(value) ?? '');
    } else {
      const count = this.rng.int(0, 5);
      for (let i = 0; i < count; i++) row.set(this.rng.pick(this.categoryColumns.slice(0, COST_CATEGORY_COLUMNS.length)), this.rng.word());
    }
  }
}

function set(row: Row, values: Record<string, string | null>): void {
  for (const [key, value] of Object.entries(values)) row.set(key, value ?? '');
}

/** Python `str()` of a YAML scalar (`True`/`False` for booleans), null for a missing value. */
function str(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  return String(value);
}

function isoZ(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}

/** Python's `str(datetime)` of an aware UTC datetime: `2025-10-01 00:00:00+00:00`. */
function pythonUtc(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')}+00:00`;
}

function billingPeriod(ms: number): [number, number] {
  const d = new Date(ms);
  return [Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1), Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)];
}
