import type { Logger } from '../common/logger.js';
import { PhaseTimer } from '../common/phaseTimer.js';
import { InvalidLabelsError, InvalidOcpInputError, OcpDayAggregator, dayRowCount } from '../ocp/index.js';
import type { OcpDayRows, OcpSummaryConfig } from '../ocp/types.js';
import { DecodeBuffers, InvalidParquetObjectError, readRecordBatches } from '../parquet/index.js';
import type { ObjectStore } from '../store/types.js';
import { CODE_VERSION } from './constants.js';
import { ocpDayControlTotals } from './controlTotals.js';
import { DayTaskError } from './errors.js';
import { listOcpDayInputs } from './dayInputs.js';
import { hashOf, inputsFingerprint } from './fingerprint.js';
import { ocpInputSpec } from './ocpInputs.js';
import { eachReadAhead, openAhead } from './readAhead.js';
import type { OpenedAhead, ReadAheadObject } from './readAhead.js';
import { writeOcpPartial } from './partials.js';
import type { DayInputObject, DayTask, PartialManifest } from './types.js';
import { UnreadableInputs } from './unreadableInputs.js';

export interface OcpDayTaskDeps {
  dataStore: ObjectStore;
  partialStore: ObjectStore;
  partialsPrefix: string;
  config: OcpSummaryConfig;
  logger: Logger;
  codeVersion?: string;
  /** Rows per Arrow batch while streaming a row group (memory vs. overhead). */
  batchSize?: number;
}

/**
 * Summarises one OCP source-day from the objects present now and writes the result as a partial.
 * Reads stream one row group at a time (with the next object's first row group read ahead), so memory follows the
 * day's output groups, not its input size.
 */
export async function runOcpDayTask(deps: OcpDayTaskDeps, task: DayTask): Promise<PartialManifest> {
  const timer = new PhaseTimer();
  const inputs = await listOcpDayInputs(deps.dataStore, task);
  timer.lap('list');
  const { summary, inputRows } = await summariseInputs(deps, task, inputs, timer);

  const codeVersion = deps.codeVersion ?? CODE_VERSION;
  const configFingerprint = hashOf(deps.config);
  const inputsFp = inputsFingerprint(inputs);
  const manifest = await writeOcpPartial(
    deps.partialStore,
    deps.partialsPrefix,
    {
      task,
      inputsFingerprint: inputsFp,
      fingerprint: hashOf({ inputsFp, configFingerprint, codeVersion }),
      inputs: inputs.map(({ key, etag, size, role }) => ({ key, etag, size, role })),
      configFingerprint,
      codeVersion,
      rowCount: dayRowCount(summary),
      controlTotals: ocpDayControlTotals(summary),
      createdAt: new Date().toISOString(),
    },
    summary,
  );
  timer.lap('partial');
  deps.logger.info('day summarised', {
    providerUuid: task.providerUuid,
    day: task.day,
    inputObjects: inputs.length,
    inputRows,
    outputRows: dayRowCount(summary),
    partial: manifest.rowsKey,
    ms: timer.total(),
    phasesMs: timer.phases,
  });
  return manifest;
}

/**
 * Reads every input into one aggregator and summarises it. A function of its own so that the aggregator's state
 * (string pool, group tables) can be collected while the partial is encoded, the task's other memory peak.
 */
async function summariseInputs(
  deps: OcpDayTaskDeps,
  task: DayTask,
  inputs: DayInputObject[],
  timer: PhaseTimer,
): Promise<{ summary: OcpDayRows; inputRows: number }> {
  const aggregator = new OcpDayAggregator({ day: task.day, config: deps.config });
  let inputRows = 0;
  const unreadable = new UnreadableInputs(task, 'input object');
  // Objects are decoded one after another and each batch is aggregated before the next is decoded; the next object's
  // footer and first row group are read meanwhile.
  const buffers = new DecodeBuffers();
  // Storage first, then sealed, so pod rows keep the nodes of pods with storage only. The other inputs keep their
  // listed order: sums add up in the same order either way.
  const storage = inputs.filter(isStorage);
  const lastStorage = storage.at(-1);
  const ordered = [...storage, ...inputs.filter((input) => !isStorage(input))];
  if (lastStorage === undefined) aggregator.sealStorage();
  await eachReadAhead(
    ordered,
    (input) => openAhead(deps.dataStore, readAheadObject(input)),
    async (input, opened) => {
      try {
        inputRows += await feedInput(aggregator, task.day, input, opened, buffers, deps.batchSize);
      } catch (err) {
        unreadable.keep(err);
      }
      if (input === lastStorage) namingInputs(task, storage, () => aggregator.sealStorage());
    },
    (opened) => opened.release(),
  );
  buffers.release(); // the summary's state peaks next: do not hold the largest row group's columns through it
  unreadable.throwIfAny();
  timer.lap('read');
  const summary = namingInputs(task, inputs, () => aggregator.finishAsColumns());
  timer.lap('summarise');
  return { summary, inputRows };
}

const isStorage = (input: DayInputObject): boolean => input.role === 'storageDaily';

/**
 * Runs a step that decodes texts and parses label texts once per distinct text, long after the objects were read
 * (`sealStorage`, `finishAsColumns`): a text that is no label map, no UTF-8 or holds a NUL names the objects it can
 * come from (a label text: the daily ones), so the day fails as an unreadable object does.
 */
function namingInputs<T>(task: DayTask, inputs: DayInputObject[], step: () => T): T {
  try {
    return step();
  } catch (err) {
    if (!(err instanceof InvalidLabelsError) && !(err instanceof InvalidOcpInputError)) throw err;
    const sources = inputs.filter((input) => err instanceof InvalidOcpInputError || input.role !== 'podHourly').map((input) => input.key);
    throw new DayTaskError(
      `${task.providerType} source ${task.providerUuid} day ${task.day}`,
      `${err.message}; previous rows kept; the text is in one of: ${sources.join(', ')}`,
      { cause: err },
    );
  }
}

function readAheadObject(input: DayInputObject): ReadAheadObject {
  return { key: input.key, size: input.size, columns: inputColumns(input), rowGroups: input.rowGroups };
}

function inputColumns(input: DayInputObject): string[] {
  const spec = ocpInputSpec(input.role);
  return [...spec.required, ...spec.optional];
}

async function feedInput(
  aggregator: OcpDayAggregator,
  day: string,
  input: DayInputObject,
  opening: Promise<OpenedAhead>,
  buffers: DecodeBuffers,
  batchSize: number | undefined,
): Promise<number> {
  const spec = ocpInputSpec(input.role);
  const opened = await opening;
  try {
    const { footer, blob } = await opened.prefetched;
    const missing = spec.required.filter((c) => !footer.columns.includes(c));
    if (missing.length > 0) {
      throw new InvalidParquetObjectError(input.key, `not a ${spec.reportType} ${spec.daily ? 'daily' : 'hourly'} file: missing column(s) ${missing.join(', ')}`);
    }
    let rows = 0;
    const offDayBefore = aggregator.rowsOffDay;
    const batches = readRecordBatches(blob, {
      columns: inputColumns(input),
      rowGroups: input.rowGroups,
      batchSize,
      label: input.key,
      footer,
      buffers,
    });
    for await (const batch of batches) {
      rows += batch.numRows;
      feed(aggregator, input, batch);
    }
    // Koku splits reports by day and Trino sums rows by their interval_start: a row of another day in a dated
    // object would be summed there by Koku and lost here, so the day fails instead.
    const offDay = aggregator.rowsOffDay - offDayBefore;
    if (input.rowGroups === undefined && offDay > 0) {
      throw new InvalidParquetObjectError(input.key, `${offDay} of its ${rows} rows have an interval_start outside ${day}, the date in its name`);
    }
    return rows;
  } finally {
    await opened.release();
  }
}

function feed(aggregator: OcpDayAggregator, input: DayInputObject, batch: Parameters<OcpDayAggregator['addPodDaily']>[0]): void {
  try {
    switch (input.role) {
      case 'podHourly': return aggregator.addPodHourly(batch);
      case 'podDaily': return aggregator.addPodDaily(batch);
      case 'storageDaily': return aggregator.addStorageDaily(batch);
      case 'nodeLabelsDaily': return aggregator.addNodeLabelsDaily(batch);
      case 'namespaceLabelsDaily': return aggregator.addNamespaceLabelsDaily(batch);
    }
  } catch (err) {
    if (err instanceof InvalidParquetObjectError) throw err;
    throw new InvalidParquetObjectError(input.key, err);
  }
}
