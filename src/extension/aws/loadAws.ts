import * as path from 'node:path';
import type * as awsBundle from '../../aws';
import type { AwsFacade } from './facade';

/**
 * Loads dist/aws.js (the AWS SDK and src/aws) the first time an AWS feature needs it. The path is computed, so
 * esbuild leaves this require() to run time and dist/extension.js never contains the SDK: activation does not
 * pay for it. Only types may be imported from src/aws anywhere in the extension.
 */
export function loadAws(extensionPath: string): AwsFacade {
  const bundle = path.join(extensionPath, 'dist', 'aws.js');
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a run-time load of the separate bundle.
  return require(bundle) as AwsFacade;
}

/** Compile-time only: the bundle's functions fit the interface the extension codes against. */
type Fits<T extends AwsFacade> = T;
export type AwsBundleFits = Fits<typeof awsBundle>;
