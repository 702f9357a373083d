import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { featureCommandIds } from '../../../../src/extension/features/commandIds';
import { bundleOf } from '../../helpers/bundle';
import { repoRoot } from '../../helpers/paths';

/** Issue 13's limit for dist/extension.js (production build). */
const maxActivationBundle = 400 * 1024;

/** What activation must not load: each of these is only reached through a feature bundle (dist/features/). */
const notAtActivation: Array<[RegExp, string]> = [
  [/(^|\/)src\/runtime\//, 'the mock runtime'],
  [/(^|\/)src\/vtl\//, 'the template engine'],
  [/node_modules\/(ws|ajv|ajv-draft-04|jose)\//, "the mock runtime's packages"],
  [/node_modules\/(vscode-languageclient|vscode-jsonrpc|vscode-languageserver-protocol)\//, 'the language client'],
  [/src\/extension\/features\/(mock|preview|awsUi|languageClient)\.ts$/, 'a feature entry'],
  [/src\/extension\/mock\/(mockSessions|mockCommands|mockStatusBar|invokePanel)\.ts$/, 'the mock feature'],
  [/src\/extension\/preview\/(templatePreview|templateSource|previewTemplateCommand)\.ts$/, 'the preview feature'],
  [/src\/extension\/aws\/(awsView|awsTreeModel|awsApisProvider|awsPresentation|exportApiCommand)\.ts$/, 'the AWS view'],
  [/src\/extension\/deploy\/(?!definitionFiles\.ts$)/, 'deploy'],
  [/src\/extension\/awsInvoke\/(?!invokeMemory\.ts$|lensTargets\.ts$)/, 'Invoke on AWS'],
];

/** What each feature bundle is for: one module it must hold. */
const features: Array<[string, RegExp]> = [
  ['src/extension/features/mock.ts', /(^|\/)src\/runtime\/index\.ts$/],
  ['src/extension/features/preview.ts', /(^|\/)src\/vtl\/index\.ts$/],
  ['src/extension/features/awsUi.ts', /src\/extension\/deploy\/deployApiCommand\.ts$/],
  ['src/extension/features/languageClient.ts', /node_modules\/vscode-languageclient\/lib\/node\/main\.js$/],
];

describe('activation loads only what it needs (issue 13)', () => {
  it(`bundles src/extension/main.ts into at most ${maxActivationBundle / 1024} KiB without the features`, async () => {
    const { inputs, bytes, text } = await bundleOf('src/extension/main.ts');
    const found = inputs.flatMap((input) =>
      notAtActivation.filter(([pattern]) => pattern.test(input)).map(([, what]) => `${input} (${what})`),
    );
    assert.deepEqual(found, [], 'dist/extension.js must load these from dist/features/ on first use');
    assert.ok(bytes <= maxActivationBundle, `dist/extension.js would be ${bytes} bytes`);
    assert.match(text, /"features"/, 'the feature bundles are required at run time from dist/features/');
  });

  for (const [entry, needs] of features) {
    it(`bundles ${entry} with what it loads on first use`, async () => {
      const { inputs } = await bundleOf(entry);
      assert.ok(
        inputs.some((i) => needs.test(i)),
        `${entry} holds no ${needs}`,
      );
    });
  }

  it('builds every feature entry, and nothing else under src/extension/features/, into dist/features/', () => {
    const build = fs.readFileSync(path.join(repoRoot, 'esbuild.mjs'), 'utf8');
    for (const [entry] of features) assert.ok(build.includes(`'${entry}'`), `esbuild.mjs does not build ${entry}`);
    const entries = fs
      .readdirSync(path.join(repoRoot, 'src/extension/features'))
      .filter((f) => build.includes(`'src/extension/features/${f}'`));
    assert.deepEqual(entries.sort(), features.map(([e]) => path.basename(e)).sort());
  });

  it('registers stubs only for contributed commands, each in one feature', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
      contributes: { commands: Array<{ command: string }> };
    };
    const contributed = new Set(manifest.contributes.commands.map((c) => c.command));
    const ids: string[] = Object.values(featureCommandIds).flat();
    assert.deepEqual(
      ids.filter((id) => !contributed.has(id)),
      [],
    );
    assert.equal(new Set(ids).size, ids.length, 'a command id is listed by two features');
  });
});
