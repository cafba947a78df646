import { qualifiedName } from '../db/identifiers.js';
import { COST_MODEL_MAP_TABLE, COST_MODEL_TABLE, DEFAULT_DISTRIBUTION_TYPE } from './constants.js';
import { InvalidCostModelError } from './errors.js';
import { markupFraction } from './markupFraction.js';
import type { CostModelSettings, Queryable } from './types.js';

interface CostModelRow {
  uuid: string;
  /** `(markup->'value')::text`: JSON text of the value, NULL when the key is absent. */
  markup_value: string | null;
  has_distribution_type: boolean;
  distribution_type: string | null;
}

/** No cost model: no markup, CPU distribution (Koku's `CostModelDBAccessor` with `cost_model` None). */
export const NO_COST_MODEL: CostModelSettings = Object.freeze({
  costModelUuid: null,
  markupPercent: null,
  markup: 0,
  distributionType: DEFAULT_DISTRIBUTION_TYPE,
  distribution: 'cpu',
});

/**
 * The cost model Koku applies to a source and the two settings the summaries use, read from the tenant's
 * `cost_model` / `cost_model_map` as `CostModel.objects.filter(costmodelmap__provider_uuid=...).first()` does
 * (ordered by name). `markup` is `Decimal(markup.get("value", 0)) / 100`; `distribution` is
 * `distribution_info.get("distribution_type", "cpu")`.
 *
 * @example const { markup, distribution } = await readCostModelSettings(pool, 'org1234567', awsSourceUuid)
 */
export async function readCostModelSettings(db: Queryable, schema: string, providerUuid: string): Promise<CostModelSettings> {
  const r = await db.query<CostModelRow>(
    `SELECT cm.uuid::text AS uuid,
            (cm.markup -> 'value')::text AS markup_value,
            coalesce(cm.distribution_info ? 'distribution_type', false) AS has_distribution_type,
            cm.distribution_info ->> 'distribution_type' AS distribution_type
     FROM ${qualifiedName(schema, COST_MODEL_TABLE)} cm
     JOIN ${qualifiedName(schema, COST_MODEL_MAP_TABLE)} m ON m.cost_model_id = cm.uuid
     WHERE m.provider_uuid = $1::uuid
     ORDER BY cm.name, cm.uuid
     LIMIT 1`,
    [providerUuid],
  );
  if (r.rows.length === 0) return NO_COST_MODEL;
  const row = r.rows[0];
  const subject = `cost model ${row.uuid} (${schema})`;
  const markupPercent = markupText(row.markup_value, subject);
  const distributionType = row.has_distribution_type ? row.distribution_type : DEFAULT_DISTRIBUTION_TYPE;
  return {
    costModelUuid: row.uuid,
    markupPercent,
    markup: markupFraction(markupPercent, subject),
    distributionType,
    distribution: distributionType === DEFAULT_DISTRIBUTION_TYPE ? 'cpu' : 'memory',
  };
}

/** The percent as decimal text: a JSON number as written, a JSON string unwrapped (DjangoJSONEncoder stores Decimals as strings). */
function markupText(json: string | null, subject: string): string | null {
  if (json === null) return null;
  const value: unknown = JSON.parse(json);
  if (typeof value === 'number') return json;
  if (typeof value === 'string') return value;
  throw new InvalidCostModelError(subject, `markup value ${json} is not a number`);
}
