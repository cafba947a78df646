/** Defaults shared by the local:* scripts; they match docker-compose.yml and the localstack target of the stack. */
export const localDefaults = {
  endpoint: 'http://localhost:4566',
  region: 'us-east-1',
  stackName: 'KokuPipeline',
  /** PostgreSQL as seen from the host (the Lambdas use postgres:5432 on the compose network). */
  databaseUrl: 'postgres://koku:koku@127.0.0.1:5432/koku',
  schema: 'org1234567',
  providerUuid: '6e3c9a3b-2f1d-4c8e-9b7a-1d2e3f4a5b6c',
  clusterId: 'koku-local-cluster',
  month: '2025-10',
} as const;
