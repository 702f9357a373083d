// Command-line arguments of run.mjs.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { EXIT, HarnessError } from './harness.mjs';
import { MIN_CODE_SERVER } from './versions.mjs';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export const USAGE = `usage: node test/runner/run.mjs [options]
  --vscode min|latest    min: VS Code 1.100.3 (code-server ${MIN_CODE_SERVER}, engines.vscode minimum), default;
                         latest: newest code-server (env APIGW_E2E_CODE_SERVER_LATEST overrides its version)
  --extension DIR        extension under development (default: the repository root)
  --tests FILE           compiled test module exporting run() (default: out/test/integration/index.js)
  --workspace DIR        folder to open; a fresh copy is used, tests may write to it (default: examples/)
  --screenshot-dir DIR   where globalThis.__vscodeE2E.screenshot(name) writes NAME.png (default: out/screenshots)
  --timeout S            whole-run limit in seconds (default 600)
  --verbose              echo code-server and browser-console output
  --keep                 keep the temporary run directory (profile, logs)
  --install-only         only install code-server for --vscode into the cache (a CI setup step), then exit 0
exit codes: 0 all passed, 1 a test failed or none ran, 2 harness error, 124 timeout`;

/**
 * @typedef {object} RunOptions
 * @property {'min' | 'latest'} vscode
 * @property {string} extension
 * @property {string} tests
 * @property {string} workspace
 * @property {string} screenshotDir
 * @property {number} timeoutSeconds
 * @property {boolean} verbose
 * @property {boolean} keep
 * @property {boolean} installOnly
 */

/**
 * @param {string[]} argv
 * @returns {RunOptions} or throws a HarnessError (exit 2) that names the bad argument
 */
export function parseRunArgs(argv) {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        vscode: { type: 'string', default: 'min' },
        extension: { type: 'string', default: REPO_ROOT },
        tests: { type: 'string', default: path.join(REPO_ROOT, 'out', 'test', 'integration', 'index.js') },
        workspace: { type: 'string', default: path.join(REPO_ROOT, 'examples') },
        'screenshot-dir': { type: 'string', default: path.join(REPO_ROOT, 'out', 'screenshots') },
        timeout: { type: 'string', default: '600' },
        verbose: { type: 'boolean', default: false },
        keep: { type: 'boolean', default: false },
        'install-only': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (err) {
    throw new HarnessError(`${err instanceof Error ? err.message : err}\n${USAGE}`);
  }
  if (values.help) throw new HarnessError(USAGE, EXIT.ok);
  const vscode = values.vscode;
  if (vscode !== 'min' && vscode !== 'latest')
    throw new HarnessError(`--vscode must be min or latest, not "${vscode}"`);
  if (values['install-only']) return { ...defaultsForInstall(vscode), installOnly: true };
  const timeoutSeconds = Number(values.timeout);
  if (!(timeoutSeconds > 0))
    throw new HarnessError(`--timeout must be a positive number of seconds, not "${values.timeout}"`);
  const extension = path.resolve(values.extension);
  if (!fs.existsSync(path.join(extension, 'package.json'))) {
    throw new HarnessError(`--extension ${extension} has no package.json: give the folder of the extension's manifest`);
  }
  const tests = path.resolve(values.tests);
  if (!fs.statSync(tests, { throwIfNoEntry: false })?.isFile()) {
    throw new HarnessError(`test module ${tests} not found: build first (npm run build) or pass --tests FILE`);
  }
  const workspace = path.resolve(values.workspace);
  if (!fs.statSync(workspace, { throwIfNoEntry: false })?.isDirectory()) {
    throw new HarnessError(`workspace folder ${workspace} not found: pass --workspace DIR`);
  }
  return {
    vscode,
    extension,
    tests,
    workspace,
    screenshotDir: path.resolve(values['screenshot-dir']),
    timeoutSeconds,
    verbose: values.verbose,
    keep: values.keep,
    installOnly: false,
  };
}

/**
 * Options for --install-only, which needs none of the paths to exist.
 * @param {'min' | 'latest'} vscode
 * @returns {Omit<RunOptions, 'installOnly'>}
 */
function defaultsForInstall(vscode) {
  return {
    vscode,
    extension: REPO_ROOT,
    tests: '',
    workspace: '',
    screenshotDir: '',
    timeoutSeconds: 600,
    verbose: false,
    keep: false,
  };
}
