import { KokuAggError } from '../common/errors.js';

/** A nise manifest that cannot be loaded (YAML error, unknown generator, a placeholder with no value). */
export class InvalidNiseManifestError extends KokuAggError {}

/** Generation options that cannot be used (no days, a bad month, a spec too small). */
export class InvalidGenerateOptionsError extends KokuAggError {}
