import { z } from 'zod';

/**
 * The Lambdas' settings. This module and the CLI are the only places that read environment variables.
 * `DATABASE_URL` (local targets) or `DB_SECRET_ARN` (an RDS-style JSON secret) must be set.
 */
const common = {
  DATA_BUCKET: z.string().min(1),
  PARTIALS_BUCKET: z.string().min(1),
  PARTIALS_PREFIX: z.string().default('partials/'),
  DATABASE_URL: z.string().optional(),
  DB_SECRET_ARN: z.string().optional(),
  /**
   * TLS to a secret-configured database (RDS): `true` encrypts without checking the server's certificate,
   * `verify-full` also checks the certificate chain and host name (Node's CAs plus NODE_EXTRA_CA_CERTS). URL targets
   * put it in the URL.
   */
  DB_SSL: z.enum(['true', 'false', 'verify-full']).default('true'),
  DB_POOL_MAX: z.coerce.number().int().positive().default(2),
  AWS_ENDPOINT_URL: z.string().optional(),
  /**
   * Shadow mode: the finalizer writes into `<tenant schema><suffix>` (same DDL) and leaves Koku's tables untouched; the
   * day-aggregator reads our registry, pairings and node roles from there.
   */
  SHADOW_SCHEMA_SUFFIX: z.string().regex(/^[a-z0-9_]{1,20}$/).optional(),
};

export const dayAggregatorEnvSchema = z.object({
  ...common,
  FINALIZE_QUEUE_URL: z.string().min(1),
  DAY_TASK_CONCURRENCY: z.coerce.number().int().positive().default(2),
  PARQUET_BATCH_SIZE: z.coerce.number().int().positive().default(65536),
});

export const finalizerEnvSchema = z.object({
  ...common,
  /** Standalone deployments create Koku's report period when missing; beside Koku, leave it false. */
  CREATE_REPORT_PERIODS: z.enum(['true', 'false']).default('true'),
  /** `koku`: cluster id/alias and source state from Koku's public tables; `standalone`: our koku_agg_provider registry. */
  PROVIDER_METADATA: z.enum(['standalone', 'koku']).default('standalone'),
  KOKU_PUBLIC_SCHEMA: z.string().default('public'),
  /** Where "summary committed" events go (optional). */
  COMPLETION_QUEUE_URL: z.string().optional(),
});

/**
 * The Powertools logger's service name: `POWERTOOLS_SERVICE_NAME` (the stack sets it) when set, else `fallback`.
 * Powertools lets a name given in code win over the variable, so the handlers pass this instead of a fixed name.
 */
export function loggerServiceName(fallback: string, env: NodeJS.ProcessEnv = process.env): string {
  return env.POWERTOOLS_SERVICE_NAME || fallback;
}

export type DayAggregatorEnv = z.infer<typeof dayAggregatorEnvSchema>;
export type FinalizerEnv = z.infer<typeof finalizerEnvSchema>;

export function readEnv<T>(schema: z.ZodType<T>, env: NodeJS.ProcessEnv = process.env): T {
  const parsed = schema.safeParse(env);
  if (!parsed.success) throw new Error(`invalid Lambda environment: ${z.prettifyError(parsed.error)}`);
  const value = parsed.data as T & { DATABASE_URL?: string; DB_SECRET_ARN?: string };
  if (!value.DATABASE_URL && !value.DB_SECRET_ARN) throw new Error('invalid Lambda environment: set DATABASE_URL or DB_SECRET_ARN');
  return value;
}
