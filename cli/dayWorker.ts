import { parentPort, workerData } from 'node:worker_threads';
import { KokuAggError } from '../lib/common/errors.js';
import { LocalObjectStore } from '../lib/store/index.js';
import { runOcpDayTask } from '../lib/pipeline/ocpDayTask.js';
import type { DayTask } from '../lib/pipeline/types.js';
import type { OcpSummaryConfig } from '../lib/ocp/types.js';
import { consoleLogger, type LogLevel } from './consoleLogger.js';
import { openStore, type StoreSpec } from './objectStores.js';

export interface DayWorkerData {
  store: StoreSpec;
  partialDir: string;
  partialsPrefix: string;
  config: OcpSummaryConfig;
  batchSize?: number;
  logLevel: LogLevel;
}

const data = workerData as DayWorkerData;
const deps = {
  dataStore: openStore(data.store),
  partialStore: new LocalObjectStore(data.partialDir),
  partialsPrefix: data.partialsPrefix,
  config: data.config,
  batchSize: data.batchSize,
  logger: consoleLogger(data.logLevel),
};

parentPort!.on('message', async (msg: { id: number; task: DayTask }) => {
  try {
    const manifest = await runOcpDayTask(deps, msg.task);
    parentPort!.postMessage({ id: msg.id, manifest });
  } catch (err) {
    const e = err as Error;
    parentPort!.postMessage({ id: msg.id, error: { name: e.name, message: e.message, subject: err instanceof KokuAggError ? err.subject : undefined } });
  }
});
