// Bundles the extension, the language server and the CLI into dist/, and transpiles the tests into out/.
// Type checking is a separate step (`npm run typecheck`): esbuild does not type-check.
//   node esbuild.mjs [--production] [--watch]
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { precompiledValidators } from './scripts/precompiledValidators.mjs';

const production = process.argv.includes('--production');
const precompiled = precompiledValidators();
const watch = process.argv.includes('--watch');

/** Prints errors in the format of the `$esbuild-watch` problem matcher, so VS Code's watch task understands them. */
const problemMatcher = {
  name: 'problem-matcher',
  setup(build) {
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      console.log('[watch] build finished');
    });
  },
};

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  logOverride: { 'import-is-undefined': 'error' },
  // Prefer packages' ESM builds: jsonc-parser's UMD build hides its requires from the bundler.
  mainFields: ['module', 'main'],
  // The official OpenAPI schemas' validators, compiled when building (src/language/rules/schema/precompile.ts).
  plugins: [problemMatcher, precompiled],
};

const files = (dir, suffix) =>
  fs.existsSync(dir)
    ? fs
        .readdirSync(dir, { recursive: true })
        .filter((f) => f.endsWith(suffix))
        .map((f) => path.join(dir, f))
    : [];

const builds = [
  // The extension: `vscode` comes from the host.
  {
    ...common,
    entryPoints: ['src/extension/main.ts'],
    outfile: 'dist/extension.js',
    external: ['vscode'],
    // When the bundle starts and ends loading: activation time includes module evaluation, not only activate().
    banner: { js: 'var __apigwLoadStart = performance.now();' },
    footer: { js: 'var __apigwLoadEnd = performance.now();' },
  },
  // The extension's features that activation does not need, each loaded with require() on first use
  // (src/extension/features/load.ts): the language client, the template preview (the template engine), the mock
  // runtime with the Invoke panel, and the AWS view's model with deploy. Each is a whole bundle: code it shares
  // with dist/extension.js is copied, never shared at run time (state crosses only through the deps it is given).
  {
    ...common,
    entryPoints: {
      'features/language-client': 'src/extension/features/languageClient.ts',
      'features/preview': 'src/extension/features/preview.ts',
      'features/mock': 'src/extension/features/mock.ts',
      'features/aws-ui': 'src/extension/features/awsUi.ts',
    },
    outdir: 'dist',
    external: ['vscode'],
  },
  // The language server, started by the extension over node IPC (other editors: `node dist/server.js --stdio`).
  {
    ...common,
    entryPoints: ['src/server/main.ts'],
    outfile: 'dist/server.js',
  },
  // The AWS side (SDK clients, deploy, export): loaded with require() on first use by the extension and the CLI,
  // so neither activation nor `apigw validate` pays for the SDK.
  {
    ...common,
    entryPoints: ['src/aws/index.ts'],
    outfile: 'dist/aws.js',
  },
  // The `apigw` command line.
  {
    ...common,
    entryPoints: ['src/cli/bin.ts'],
    outfile: 'dist/cli.js',
    banner: { js: '#!/usr/bin/env node' },
  },
  // Unit tests: each file bundled with the sources it tests, npm packages left to node_modules.
  {
    ...common,
    entryPoints: files('test/unit', '.test.ts'),
    outdir: 'out/test/unit',
    outbase: 'test/unit',
    packages: 'external',
    sourcemap: 'inline',
    minify: false,
    plugins: [precompiled],
  },
  // Integration tests run inside VS Code: transpiled file by file, `vscode` and mocha resolved at run time;
  // with them the AWS test double (test/aws), which they start in the extension host.
  {
    ...common,
    bundle: false,
    entryPoints: [...files('test/integration', '.ts'), ...files('test/aws', '.ts')],
    outdir: 'out/test',
    outbase: 'test',
    sourcemap: 'inline',
    minify: false,
    plugins: [],
  },
].filter((b) => Object.keys(b.entryPoints ?? {}).length > 0);

// The chart library of the metrics page (media/metrics/metrics.js): uPlot's own minified build, stylesheet and
// licence, copied as they are into dist/webview/ (the page loads them with its nonce; the VSIX ships them).
fs.mkdirSync('dist/webview', { recursive: true });
for (const [from, to] of [
  ['uPlot.iife.min.js', 'uPlot.iife.min.js'],
  ['uPlot.min.css', 'uPlot.min.css'],
  ['../LICENSE', 'uPlot.LICENSE'],
]) {
  fs.copyFileSync(path.join('node_modules', 'uplot', 'dist', from), path.join('dist', 'webview', to));
}

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
