import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Logger } from '../../shared/logger';
import type * as awsUi from './awsUi';
import type * as languageClient from './languageClient';
import type * as mock from './mock';
import type * as preview from './preview';

/**
 * The feature bundles (esbuild.mjs builds each entry under src/extension/features/ into dist/features/): what is
 * not needed at activation. The activation bundle may import them only as types, as it does src/aws.
 */
export interface FeatureModules {
  mock: typeof mock;
  preview: typeof preview;
  'aws-ui': typeof awsUi;
  'language-client': typeof languageClient;
}

export type FeatureName = keyof FeatureModules;

const loaded = new Map<FeatureName, unknown>();

/**
 * Requires dist/features/NAME.js the first time a feature is used. The path is computed, so esbuild leaves the
 * require() to run time and dist/extension.js holds none of the feature's code.
 */
export function loadFeature<N extends FeatureName>(extensionPath: string, name: N, logger: Logger): FeatureModules[N] {
  const known = loaded.get(name);
  if (known !== undefined) return known as FeatureModules[N];
  const file = path.join(extensionPath, 'dist', 'features', `${name}.js`);
  const started = performance.now();
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a run-time load of a separate bundle.
  const module = require(file) as FeatureModules[N];
  loaded.set(name, module);
  logger.info(`Loaded ${name} (dist/features/${name}.js) in ${(performance.now() - started).toFixed(1)} ms`);
  return module;
}

/** The feature's module if it has been loaded, without loading it (deactivate). */
export function loadedFeature<N extends FeatureName>(name: N): FeatureModules[N] | undefined {
  return loaded.get(name) as FeatureModules[N] | undefined;
}
