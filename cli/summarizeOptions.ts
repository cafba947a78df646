import { Command, Option } from 'commander';
import { parseDayList, parseMonth } from './options.js';

// The flags every summarise command takes with the same meaning. The three it starts with come with
// `newSummarizeCommand`; the others are factories, so each command adds them where its --help has always listed them.

const sourceOption = () => new Option('--source <dir|s3://bucket/prefix>', 'a directory laid out like the Koku bucket, or an S3 location').makeOptionMandatory();

const schemaOption = () => new Option('--schema <schema>', 'tenant schema (org1234567 or acct10001)').makeOptionMandatory();

const accountOption = () => new Option('--account <account>', 'account segment of the object keys (default: the schema without a leading "acct")');

export const monthOption = () => new Option('--month <YYYY-MM>', 'the month to summarise').makeOptionMandatory().argParser(parseMonth);

export const daysOption = () => new Option('--days <list>', 'only these days of the month, e.g. 1-5,8').argParser(parseDayList);

export const dbOption = () => new Option('--db <url>', 'PostgreSQL URL (default: KOKU_AGG_DATABASE_URL, else an embedded PostgreSQL)');

export const dataDirOption = () => new Option('--data-dir <dir>', 'where the embedded PostgreSQL keeps its data').default('.koku-agg');

export const logLevelOption = () => new Option('--log-level <level>', 'debug | info | warn | error').default('warn');

/** A summarise command with the flags every one starts with: where the Parquet is, and whose. */
export function newSummarizeCommand(name: string, description: string): Command {
  return new Command(name).description(description).addOption(sourceOption()).addOption(schemaOption()).addOption(accountOption());
}

/** `app, env` → `['app', 'env']`, for the tag-key flags. */
export function parseKeyList(value: string): string[] {
  return value.split(',').map((k) => k.trim()).filter(Boolean);
}
