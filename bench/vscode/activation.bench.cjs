// Measures, inside the VS Code extension host: our activation (bundle load + activate(), as VS Code counts it;
// also the time from the bundle's first line to the end of activate(), which includes VS Code's wait for the
// ExtensionContext, when it runs other extensions), the time until the
// first workspace scan has read every definition, and a reference measured in the same process: loading `yaml`
// from node_modules and parsing the same definition files with it — the least any definition-reading extension
// must do.
/* global suite, test */
const assert = require('node:assert/strict');
const fs = require('node:fs');
const { performance } = require('node:perf_hooks');
const vscode = require('vscode');

const id = 'api-gateway-studio.api-gateway-studio';

async function until(predicate, what) {
  const deadline = Date.now() + 60000;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

suite('activation benchmark', () => {
  test('measure', async () => {
    const extension = vscode.extensions.getExtension(id);
    assert.ok(extension, `${id} is not installed`);
    const api = await extension.activate();
    await api.workspaceApis.whenIdle();
    await until(() => api.timings.firstScanMs !== undefined, 'the first scan');
    const files = api.workspaceApis.tree
      .getChildren()
      .map((node) => node.file)
      .filter((file) => typeof file === 'string');
    assert.ok(files.length > 0, 'the tree found no definition files');

    const start = performance.now();
    const YAML = require(require.resolve('yaml', { paths: [extension.extensionPath] }));
    for (const file of files) YAML.parseDocument(fs.readFileSync(file, 'utf8'));
    const referenceMs = performance.now() - start;

    const result = {
      vscodeVersion: vscode.version,
      definitionFiles: files.length,
      activationMs: api.activationTimeMs,
      loadingMs: api.timings.loadingMs,
      sinceLoadingMs: api.timings.sinceLoadingMs,
      firstScanMs: api.timings.firstScanMs,
      referenceMs,
    };
    if (process.env.APIGW_BENCH_OUT) fs.writeFileSync(process.env.APIGW_BENCH_OUT, JSON.stringify(result));
  });
});
