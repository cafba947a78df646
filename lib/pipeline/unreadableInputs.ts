import { InvalidParquetObjectError } from '../parquet/index.js';
import { DayTaskError } from './errors.js';
import type { DayTask } from './types.js';

/**
 * The unreadable objects of one day task. A day task keeps reading after a bad object so that its one failure names
 * every bad object of the day, not just the first.
 *
 * @example
 * const unreadable = new UnreadableInputs(task, 'input object');
 * for (const input of inputs) {
 *   try { await read(input); } catch (err) { unreadable.keep(err); }
 * }
 * unreadable.throwIfAny();
 */
export class UnreadableInputs {
  private readonly errors: InvalidParquetObjectError[] = [];
  private readonly task: DayTask;
  private readonly what: string;

  /** @param what how the message names one object, e.g. `input object` or `AWS object` */
  constructor(task: DayTask, what: string) {
    this.task = task;
    this.what = what;
  }

  /** Keeps an unreadable-object error; any other error is not about the object, so it is rethrown. */
  keep(err: unknown): void {
    if (!(err instanceof InvalidParquetObjectError)) throw err;
    this.errors.push(err);
  }

  /** One `DayTaskError` naming every kept object, caused by the first. */
  throwIfAny(): void {
    if (this.errors.length === 0) return;
    const { providerType, providerUuid, day } = this.task;
    throw new DayTaskError(
      `${providerType} source ${providerUuid} day ${day}`,
      `${this.errors.length} unreadable ${this.what}(s), previous rows kept: ${this.errors.map((e) => e.message).join('; ')}`,
      { cause: this.errors[0] },
    );
  }
}
