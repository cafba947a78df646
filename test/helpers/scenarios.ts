import { fileURLToPath } from 'node:url';

/**
 * The public nise scenario manifests (from `shared/scenarios`, copied here so the tests need nothing outside the
 * repository). `ocp-only/` exercises the OCP daily summary, `ocp-on-aws/` the AWS attribution.
 */
export const SCENARIOS_DIR = fileURLToPath(new URL('../fixtures/scenarios', import.meta.url));
