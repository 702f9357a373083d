import path from 'node:path';
import * as esbuild from 'esbuild';
import { repoRoot } from './paths';

/** What esbuild.mjs would bundle from an extension entry (production: minified): the inputs and the output. */
export async function bundleOf(entry: string): Promise<{ inputs: string[]; bytes: number; text: string }> {
  const result = await esbuild.build({
    entryPoints: [path.join(repoRoot, entry)],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    minify: true,
    external: ['vscode'],
    mainFields: ['module', 'main'],
    write: false,
    metafile: true,
    logLevel: 'silent',
    absWorkingDir: repoRoot,
    outfile: path.join(repoRoot, 'out', 'bundle-check.js'),
  });
  const text = result.outputFiles[0]?.text ?? '';
  return { inputs: Object.keys(result.metafile.inputs), bytes: Buffer.byteLength(text), text };
}
