import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import yauzl from 'yauzl';
import { repoRoot } from '../helpers/paths';

// Checks the .vsix that `npm run package` built (npm test packages before it runs the unit tests).
const vsix = path.join(repoRoot, 'dist', 'api-gateway-studio.vsix');

function listEntries(file: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (error, zip) => {
      if (error) return reject(error);
      const names: string[] = [];
      zip.on('entry', (entry: yauzl.Entry) => {
        names.push(entry.fileName);
        zip.readEntry();
      });
      zip.on('end', () => resolve(names.sort()));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

/**
 * What may ship: the manifest, docs, the bundles (the extension's activation bundle and its feature bundles, the
 * server, the CLI, the AWS side) and static assets. Nothing else (no sources, maps, tests).
 */
const allowed = [
  /^\[Content_Types\]\.xml$/,
  /^extension\.vsixmanifest$/,
  /^extension\/package\.json$/,
  /^extension\/package\.nls\.json$/,
  /^extension\/readme\.md$/,
  /^extension\/changelog\.md$/,
  /^extension\/LICENSE\.txt$/,
  /^extension\/dist\/(extension|cli|server|aws)\.js$/,
  /^extension\/dist\/features\/(language-client|preview|mock|aws-ui)\.js$/,
  /^extension\/media\/[\w.-]+\.(svg|png)$/,
  /^extension\/media\/preview\/preview\.(js|css)$/,
  /^extension\/media\/invoke\/invoke\.(js|css)$/,
  /^extension\/media\/metrics\/metrics\.(js|css)$/,
  // The chart library of the metrics page, as the uplot package builds it, with its licence.
  /^extension\/dist\/webview\/uPlot\.(iife\.min\.js|min\.css|LICENSE)$/,
  /^extension\/media\/walkthrough\/[\w.-]+\.(md|svg)$/,
  /^extension\/schemas\/[\w.-]+\.json$/,
  /^extension\/syntaxes\/[\w.-]+\.json$/,
];

describe('the packaged .vsix', () => {
  it('exists (built by `npm run package`)', () => {
    assert.ok(fs.existsSync(vsix), `${vsix} is missing: run \`npm run package\` before the unit tests`);
  });

  it('holds exactly the allowlisted files', async () => {
    const entries = await listEntries(vsix);
    const unexpected = entries.filter((name) => !allowed.some((pattern) => pattern.test(name)));
    assert.deepEqual(unexpected, [], 'files that .vscodeignore should have kept out');
    for (const required of [
      'extension/package.json',
      'extension/package.nls.json',
      'extension/readme.md',
      'extension/changelog.md',
      'extension/LICENSE.txt',
      'extension/dist/extension.js',
      'extension/dist/cli.js',
      'extension/dist/server.js',
      'extension/dist/aws.js',
      'extension/dist/features/language-client.js',
      'extension/dist/features/preview.js',
      'extension/dist/features/mock.js',
      'extension/dist/features/aws-ui.js',
      'extension/media/apigw.svg',
      'extension/media/preview/preview.js',
      'extension/media/preview/preview.css',
      'extension/syntaxes/vtl.tmLanguage.json',
      'extension/syntaxes/vtl.language-configuration.json',
      'extension/syntaxes/vtl-yaml.injection.tmLanguage.json',
      'extension/syntaxes/vtl-json.injection.tmLanguage.json',
      'extension/media/invoke/invoke.js',
      'extension/media/invoke/invoke.css',
      'extension/media/metrics/metrics.js',
      'extension/media/metrics/metrics.css',
      'extension/dist/webview/uPlot.iife.min.js',
      'extension/dist/webview/uPlot.min.css',
      'extension/dist/webview/uPlot.LICENSE',
      'extension/media/walkthrough/open-view.md',
      'extension/media/walkthrough/fix-problem.md',
      'extension/media/walkthrough/preview-template.md',
      'extension/media/walkthrough/mock.md',
      'extension/media/walkthrough/deploy-dry-run.md',
    ]) {
      assert.ok(entries.includes(required), `${required} is missing from the .vsix`);
    }
  });

  it('ships bundles without source maps or test code', async () => {
    const entries = await listEntries(vsix);
    assert.deepEqual(
      entries.filter((name) => /\.map$|\/src\/|\/test\/|node_modules/.test(name)),
      [],
    );
  });
});
