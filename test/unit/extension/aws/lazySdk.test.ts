import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { bundleOf } from '../../helpers/bundle';
import { repoRoot } from '../../helpers/paths';

const isSdk = (input: string): boolean =>
  /node_modules\/(@aws-sdk|@smithy|@aws-crypto)\//.test(input) || /(^|\/)src\/aws\//.test(input);
/** The SDK's clients and src/aws (a feature may use a small @smithy helper, as the mock's SigV4 check does). */
const isSdkClient = (input: string): boolean =>
  /node_modules\/@aws-sdk\//.test(input) || /(^|\/)src\/aws\//.test(input);

/**
 * The AWS SDK must cost nothing until the AWS view is expanded or a deploy starts: neither the extension bundle
 * nor the feature bundles it loads on first use hold the SDK or src/aws, and the extension may import src/aws
 * only for types.
 */
describe('the AWS SDK stays out of the extension bundles', () => {
  it('bundles src/extension/main.ts without any @aws-sdk, @smithy or src/aws module', async () => {
    const { inputs, text } = await bundleOf('src/extension/main.ts');
    assert.ok(
      inputs.some((i) => i.includes('src/extension/aws/awsConnection.ts')),
      'the AWS connection is in the extension bundle',
    );
    assert.deepEqual(inputs.filter(isSdk), [], 'the extension bundle must load these only through dist/aws.js');
    assert.match(text, /require\(\w+\)/, 'dist/aws.js is required at run time');
  });

  for (const entry of ['src/extension/features/awsUi.ts', 'src/extension/features/mock.ts']) {
    it(`bundles ${entry} (a feature that calls AWS) without the SDK`, async () => {
      const { inputs } = await bundleOf(entry);
      assert.deepEqual(inputs.filter(isSdkClient), [], 'the feature must reach AWS only through dist/aws.js');
    });
  }

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
