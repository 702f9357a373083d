import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import * as esbuild from 'esbuild';
import { repoRoot } from '../../helpers/paths';

/**
 * The AWS SDK must cost nothing until the AWS view is expanded or a deploy starts: the extension bundle must
 * hold neither the SDK nor src/aws, and the extension may import src/aws only for types.
 */
describe('the AWS SDK stays out of the extension bundle', () => {
  it('bundles src/extension/main.ts without any @aws-sdk, @smithy or src/aws module', async () => {
    const result = await esbuild.build({
      entryPoints: [path.join(repoRoot, 'src/extension/main.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: ['vscode'],
      mainFields: ['module', 'main'],
      write: false,
      metafile: true,
      logLevel: 'silent',
      outfile: path.join(repoRoot, 'out', 'lazy-sdk-check.js'),
    });
    const inputs = Object.keys(result.metafile.inputs);
    assert.ok(
      inputs.some((i) => i.includes('src/extension/aws/')),
      'the AWS view is in the extension bundle',
    );
    const sdk = inputs.filter(
      (i) => /node_modules\/(@aws-sdk|@smithy|@aws-crypto)\//.test(i) || /(^|\/)src\/aws\//.test(i),
    );
    assert.deepEqual(sdk, [], 'the extension bundle must load these only through dist/aws.js');
    const text = result.outputFiles[0]?.text ?? '';
    assert.match(text, /require\(bundle\)/, 'dist/aws.js is required at run time');
  });

  it('imports src/aws from the extension only as types', () => {
    const dir = path.join(repoRoot, 'src', 'extension');
    const files = fs
      .readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts'))
      .map((f) => path.join(dir, f));
    const offenders: string[] = [];
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(/^(import|export)\s+(type\s+)?[^;]*?from\s+'([^']+)'/gms)) {
        const target = path.resolve(path.dirname(file), m[3] as string);
        const intoAws =
          target === path.join(repoRoot, 'src', 'aws') ||
          target.startsWith(path.join(repoRoot, 'src', 'aws') + path.sep);
        if (intoAws && m[2] === undefined) offenders.push(`${path.relative(repoRoot, file)}: ${m[0].split('\n')[0]}`);
      }
    }
    assert.deepEqual(offenders, []);
  });
});
