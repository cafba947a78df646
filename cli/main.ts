import { Command } from 'commander';
import { describeError } from '../lib/common/errors.js';
import { compareCommand } from './commands/compare.js';
import { convertCommand } from './commands/convert.js';
import { dbCommand } from './commands/dbInit.js';
import { demoCommand } from './commands/demo.js';
import { generateCommand } from './commands/generate.js';
import { providerCommand } from './commands/provider.js';
import { replayCommand } from './commands/replay.js';
import { summarizeCommand } from './commands/summarize.js';
import { summarizeOcpAwsCommand } from './commands/summarizeOcpAws.js';

const program = new Command('koku-agg')
  .description("Koku's OCP summary without Trino: Koku Parquet in, Koku's PostgreSQL summary tables out")
  .showHelpAfterError()
  .addCommand(demoCommand())
  .addCommand(summarizeCommand())
  .addCommand(summarizeOcpAwsCommand())
  .addCommand(generateCommand())
  .addCommand(convertCommand())
  .addCommand(dbCommand())
  .addCommand(providerCommand())
  .addCommand(compareCommand())
  .addCommand(replayCommand());

try {
  await program.parseAsync(process.argv);
} catch (err) {
  process.stderr.write(`koku-agg: ${describeError(err)}\n`);
  process.exitCode = 1;
}
