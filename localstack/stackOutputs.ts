import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Where `npm run local:deploy` asks cdklocal to write the stack outputs (cdk.out is git-ignored). */
export const outputsFile = fileURLToPath(new URL('../cdk.out/koku-localstack-outputs.json', import.meta.url));

/**
 * The outputs of the deployed stack (keys as in infra/kokuPipelineStack.ts `outputKeys`).
 *
 * @example
 * const { DataBucketName } = readStackOutputs('KokuPipeline');
 */
export function readStackOutputs(stackName: string): Record<string, string> {
  let all: Record<string, Record<string, string>>;
  try {
    all = JSON.parse(readFileSync(outputsFile, 'utf8')) as Record<string, Record<string, string>>;
  } catch (err) {
    throw new Error(`cannot read ${outputsFile} (${(err as Error).message}): run \`npm run local:deploy\` first`);
  }
  const outputs = all[stackName];
  if (!outputs) throw new Error(`${outputsFile} has no stack ${stackName} (found: ${Object.keys(all).join(', ') || 'none'})`);
  return outputs;
}
