import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { aws_lambda_nodejs as nodejs } from 'aws-cdk-lib';
import type { LambdaArchitecture } from './pipelineConfig.js';

/** Repository root: the esbuild working directory and where package-lock.json lives. */
export const projectRoot = fileURLToPath(new URL('..', import.meta.url));

/**
 * `lib/parquet/wasm.ts` finds the wasm with `createRequire(import.meta.url).resolve('parquet-wasm/esm/…wasm')`.
 * esbuild inlines parquet-wasm's JavaScript but not that file, so we ship the package's `package.json` (its
 * `exports` map makes the subpath resolvable) and `esm/parquet_wasm_bg.wasm` under `node_modules/` beside the
 * bundle: the same lookup then succeeds in /var/task with no change to the source.
 */
const shippedWasmFiles = ['package.json', 'esm/package.json', 'esm/parquet_wasm_bg.wasm'];

function copyParquetWasm(inputDir: string, outputDir: string): string[] {
  const from = join(inputDir, 'node_modules', 'parquet-wasm');
  const to = join(outputDir, 'node_modules', 'parquet-wasm');
  return [
    `mkdir -p "${join(to, 'esm')}"`,
    ...shippedWasmFiles.map((f) => `cp "${join(from, f)}" "${join(to, f)}"`),
  ];
}

/**
 * `lib/parquet/nativeSnappy.ts` loads the native `snappy` package with `createRequire`, which esbuild does not follow.
 * We ship the package and its binary for the function's architecture when `npm ci` installed that binary (npm only
 * installs the host's: x86_64 on an x86_64 machine); otherwise nothing is shipped and the JS decoder runs, which is
 * correct and ~5 % slower on a large day. The day-aggregator logs which one it uses.
 */
function copyNativeSnappy(architecture: LambdaArchitecture, inputDir: string, outputDir: string): string[] {
  const binding = join('@napi-rs', `snappy-linux-${architecture === 'arm64' ? 'arm64' : 'x64'}-gnu`);
  if (!existsSync(join(inputDir, 'node_modules', binding, 'package.json'))) return [];
  return ['snappy', binding].flatMap((pkg) => [
    `mkdir -p "${join(outputDir, 'node_modules', pkg)}"`,
    `cp -R "${join(inputDir, 'node_modules', pkg)}/." "${join(outputDir, 'node_modules', pkg)}/"`,
  ]);
}

/**
 * The esbuild settings both Lambda bundles use. Exported so the bundling test can prove a bundle built exactly
 * this way starts and answers on a plain Node runtime.
 *
 * @example
 * new NodejsFunction(scope, 'Fn', { entry, projectRoot, architecture: Architecture.ARM_64, bundling: lambdaBundling('arm64') });
 */
export function lambdaBundling(architecture: LambdaArchitecture): nodejs.BundlingOptions {
  return {
    format: nodejs.OutputFormat.ESM,
    target: 'node22',
    // The runtime's SDK drifts from the version we test against; ship ours.
    bundleAwsSDK: true,
    minify: true,
    // Errors name themselves with `new.target.name` (lib/common/errors.ts); minified class names would say "e".
    keepNames: true,
    sourceMap: true,
    sourcesContent: false,
    mainFields: ['module', 'main'],
    logLevel: nodejs.LogLevel.WARNING,
    // CJS dependencies call `require()` for Node built-ins, which an ESM bundle does not define.
    banner: "import { createRequire as __kokuCreateRequire } from 'node:module'; const require = __kokuCreateRequire(import.meta.url);",
    commandHooks: {
      beforeBundling: () => [],
      beforeInstall: () => [],
      afterBundling: (inputDir, outputDir) => [
        ...copyParquetWasm(inputDir, outputDir),
        ...copyNativeSnappy(architecture, inputDir, outputDir),
      ],
    },
  };
}
