/**
 * A minimal but faithful "Koku database" for integration tests: Koku's public-schema tables the aggregator reads
 * (`api_customer`, `api_providerauthentication`, `api_providerbillingsource`, `api_provider`,
 * `api_providerinfrastructuremap`; columns, nullability, uniqueness and deferred FKs as the Django models in
 * `koku/api/iam/models.py` and `koku/api/provider/models.py` define them) and the tenant's cost-model tables
 * (`cost_model`, `cost_model_map` from `koku/cost_models/models.py`). Django defaults are Python-side, so, as in
 * Koku, the tables have no column defaults: the seeding helpers pass every value.
 *
 * Each test gets its own "public" schema (Koku uses `public`) so tests never share providers.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type pg from 'pg';
import { qualifiedName, quoteIdentifier } from '../../lib/db/identifiers.js';

/** Creates Koku's public provider tables in `schema` (normally `public`). Idempotent. */
export async function createKokuPublicTables(db: pg.Pool | pg.PoolClient, schema: string): Promise<void> {
  const t = (table: string): string => qualifiedName(schema, table);
  await db.query(`
    CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(schema)};
    CREATE TABLE IF NOT EXISTS ${t('api_customer')} (
      id serial PRIMARY KEY,
      date_created timestamptz NOT NULL,
      date_updated timestamptz NOT NULL,
      uuid uuid NOT NULL UNIQUE,
      account_id varchar(150) NULL UNIQUE,
      org_id varchar(36) NULL UNIQUE,
      schema_name text NOT NULL UNIQUE);
    CREATE TABLE IF NOT EXISTS ${t('api_providerauthentication')} (
      id serial PRIMARY KEY,
      uuid uuid NOT NULL UNIQUE,
      credentials jsonb NOT NULL);
    CREATE TABLE IF NOT EXISTS ${t('api_providerbillingsource')} (
      id serial PRIMARY KEY,
      uuid uuid NOT NULL UNIQUE,
      data_source jsonb NOT NULL);
    CREATE TABLE IF NOT EXISTS ${t('api_provider')} (
      uuid uuid PRIMARY KEY,
      name varchar(256) NOT NULL,
      type varchar(50) NOT NULL,
      authentication_id integer NULL REFERENCES ${t('api_providerauthentication')} (id) DEFERRABLE INITIALLY DEFERRED,
      billing_source_id integer NULL REFERENCES ${t('api_providerbillingsource')} (id) DEFERRABLE INITIALLY DEFERRED,
      customer_id integer NULL REFERENCES ${t('api_customer')} (id) DEFERRABLE INITIALLY DEFERRED,
      created_by_id integer NULL,
      setup_complete boolean NOT NULL,
      created_timestamp timestamptz NULL,
      polling_timestamp timestamptz NULL,
      data_updated_timestamp timestamptz NULL,
      active boolean NOT NULL,
      paused boolean NOT NULL,
      infrastructure_id integer NULL,
      additional_context jsonb NULL,
      CONSTRAINT api_provider_authentication_id_billing_source_id_customer_id_uniq
        UNIQUE (authentication_id, billing_source_id, customer_id));
    CREATE TABLE IF NOT EXISTS ${t('api_providerinfrastructuremap')} (
      id serial PRIMARY KEY,
      infrastructure_type varchar(50) NOT NULL,
      infrastructure_provider_id uuid NOT NULL REFERENCES ${t('api_provider')} (uuid) DEFERRABLE INITIALLY DEFERRED,
      CONSTRAINT api_providerinfrastructuremap_type_provider_uniq UNIQUE (infrastructure_type, infrastructure_provider_id));
    DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'api_provider_infrastructure_id_fk'
                     AND connamespace = ${sqlString(schema)}::regnamespace) THEN
        ALTER TABLE ${t('api_provider')} ADD CONSTRAINT api_provider_infrastructure_id_fk FOREIGN KEY (infrastructure_id)
          REFERENCES ${t('api_providerinfrastructuremap')} (id) DEFERRABLE INITIALLY DEFERRED;
      END IF;
    END $$;`);
}

/** Creates Koku's `cost_model` and `cost_model_map` in a tenant schema. Idempotent. */
export async function createKokuCostModelTables(db: pg.Pool | pg.PoolClient, tenantSchema: string): Promise<void> {
  const t = (table: string): string => qualifiedName(tenantSchema, table);
  await db.query(`
    CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(tenantSchema)};
    CREATE TABLE IF NOT EXISTS ${t('cost_model')} (
      uuid uuid PRIMARY KEY,
      name text NOT NULL,
      description text NOT NULL,
      source_type varchar(50) NOT NULL,
      created_timestamp timestamptz NOT NULL,
      updated_timestamp timestamptz NOT NULL,
      rates jsonb NOT NULL,
      markup jsonb NOT NULL,
      distribution text NOT NULL,
      distribution_info jsonb NOT NULL,
      currency text NOT NULL);
    CREATE TABLE IF NOT EXISTS ${t('cost_model_map')} (
      id serial PRIMARY KEY,
      provider_uuid uuid NOT NULL,
      cost_model_id uuid NULL REFERENCES ${t('cost_model')} (uuid) DEFERRABLE INITIALLY DEFERRED,
      CONSTRAINT cost_model_map_provider_uuid_cost_model_id_uniq UNIQUE (provider_uuid, cost_model_id));`);
}

function sqlString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

export interface SeedCustomer {
  schemaName: string;
  accountId?: string | null;
  orgId?: string | null;
}

/** Inserts an `api_customer`; returns its id. */
export async function seedKokuCustomer(db: pg.Pool, schema: string, c: SeedCustomer): Promise<number> {
  const r = await db.query<{ id: number }>(
    `INSERT INTO ${qualifiedName(schema, 'api_customer')} (date_created, date_updated, uuid, account_id, org_id, schema_name)
     VALUES (now(), now(), $1, $2, $3, $4) RETURNING id`,
    [randomUUID(), c.accountId ?? null, c.orgId ?? null, c.schemaName],
  );
  return r.rows[0].id;
}

export interface SeedProvider {
  uuid: string;
  name: string;
  type: string;
  customerId: number | null;
  /** `api_providerauthentication.credentials`; null → no authentication row. */
  credentials?: Record<string, unknown> | null;
  active?: boolean;
  paused?: boolean;
  setupComplete?: boolean;
}

/** Inserts an `api_provider` with its authentication (and an empty billing source, as Koku's OCP sources have). */
export async function seedKokuProvider(db: pg.Pool, schema: string, p: SeedProvider): Promise<void> {
  const t = (table: string): string => qualifiedName(schema, table);
  let authId: number | null = null;
  if (p.credentials !== null) {
    authId = (await db.query<{ id: number }>(
      `INSERT INTO ${t('api_providerauthentication')} (uuid, credentials) VALUES ($1, $2::jsonb) RETURNING id`,
      [randomUUID(), JSON.stringify(p.credentials ?? {})],
    )).rows[0].id;
  }
  const billingId = (await db.query<{ id: number }>(
    `INSERT INTO ${t('api_providerbillingsource')} (uuid, data_source) VALUES ($1, '{}'::jsonb) RETURNING id`,
    [randomUUID()],
  )).rows[0].id;
  await db.query(
    `INSERT INTO ${t('api_provider')} (uuid, name, type, authentication_id, billing_source_id, customer_id, setup_complete,
       created_timestamp, active, paused, additional_context)
     VALUES ($1, $2, $3, $4, $5, $6, $7, now(), $8, $9, '{}'::jsonb)`,
    [p.uuid, p.name, p.type, authId, billingId, p.customerId, p.setupComplete ?? true, p.active ?? true, p.paused ?? false],
  );
}

/** Pairs an OpenShift source with the cloud source it runs on, as Koku's `set_infrastructure` does. */
export async function seedKokuInfrastructure(db: pg.Pool, schema: string, ocpUuid: string, cloudUuid: string, cloudType: string): Promise<void> {
  const t = (table: string): string => qualifiedName(schema, table);
  const id = (await db.query<{ id: number }>(
    `INSERT INTO ${t('api_providerinfrastructuremap')} (infrastructure_type, infrastructure_provider_id) VALUES ($1, $2)
     ON CONFLICT (infrastructure_type, infrastructure_provider_id) DO UPDATE SET infrastructure_type = EXCLUDED.infrastructure_type
     RETURNING id`,
    [cloudType, cloudUuid],
  )).rows[0].id;
  await db.query(`UPDATE ${t('api_provider')} SET infrastructure_id = $1 WHERE uuid = $2`, [id, ocpUuid]);
}

export interface SeedCostModel {
  name: string;
  sourceType: string;
  /** Stored as Koku stores it: `{"value": "<percent>", "unit": "percent"}`. */
  markup?: Record<string, unknown>;
  distributionInfo?: Record<string, unknown>;
  providerUuids: string[];
}

/** Inserts a `cost_model` mapped to `providerUuids`; returns its uuid. */
export async function seedKokuCostModel(db: pg.Pool, tenantSchema: string, m: SeedCostModel): Promise<string> {
  const uuid = randomUUID();
  await db.query(
    `INSERT INTO ${qualifiedName(tenantSchema, 'cost_model')} (uuid, name, description, source_type, created_timestamp,
       updated_timestamp, rates, markup, distribution, distribution_info, currency)
     VALUES ($1, $2, '', $3, now(), now(), '[]'::jsonb, $4::jsonb, $5, $6::jsonb, 'USD')`,
    [uuid, m.name, m.sourceType, JSON.stringify(m.markup ?? {}), String(m.distributionInfo?.distribution_type ?? 'cpu'), JSON.stringify(m.distributionInfo ?? {})],
  );
  for (const p of m.providerUuids) {
    await db.query(`INSERT INTO ${qualifiedName(tenantSchema, 'cost_model_map')} (provider_uuid, cost_model_id) VALUES ($1, $2)`, [p, uuid]);
  }
  return uuid;
}

/** A fresh, uniquely named schema standing in for Koku's `public`. */
export function kokuPublicSchemaName(prefix = 'kokupub'): string {
  return `${prefix}_${randomBytes(6).toString('hex')}`;
}
