#!/usr/bin/env node
// The desktop route, for machines with internet: @vscode/test-electron downloads VS Code (the manifest's
// engines.vscode minimum, and 'stable') into .vscode-test/ and runs the same suite in the Electron app.
// It cannot run on the offline CI machine; there, run.mjs uses code-server instead.
//   node test/runner/electron.mjs [--vscode min|latest] [--extension DIR] [--tests FILE] [--workspace DIR]
// Without --vscode it runs both. APIGW_E2E_VSCODE_EXECUTABLE: use this VS Code binary instead of downloading.
// Screenshots are not taken here (globalThis.__vscodeE2E.screenshotsEnabled is false).
import fs from 'node:fs';
import path from 'node:path';
import testElectron from '@vscode/test-electron';
import { parseRunArgs } from './args.mjs';
import { EXIT, HarnessError, MARK } from './harness.mjs';
import { copyWorkspace, createRunDir } from './profile.mjs';
import { judge, readCounts } from './results.mjs';

/**
 * The lowest VS Code version the manifest accepts: '^1.100.0' -> '1.100.0'.
 * @param {string} extension
 */
export function minimumVSCode(extension) {
  const manifest = JSON.parse(fs.readFileSync(path.join(extension, 'package.json'), 'utf8'));
  const version = /\d+\.\d+\.\d+/.exec(String(manifest.engines?.vscode ?? ''))?.[0];
  if (!version) throw new HarnessError(`${extension}/package.json has no engines.vscode version (like "^1.100.0")`);
  return version;
}

/**
 * @param {import('./args.mjs').RunOptions} opts
 * @param {string} version a VS Code version or 'stable'
 * @returns {Promise<number>} the exit code
 */
async function runDesktop(opts, version) {
  const dirs = createRunDir({ tests: opts.tests, screenshotsEnabled: false });
  try {
    const workspace = copyWorkspace(opts.workspace, dirs.root);
    let code = 0;
    try {
      await testElectron.runTests({
        version,
        vscodeExecutablePath: process.env.APIGW_E2E_VSCODE_EXECUTABLE || undefined,
        extensionDevelopmentPath: opts.extension,
        extensionTestsPath: dirs.wrapper, // counts mocha's results into dirs.resultsFile, then runs opts.tests
        // (runTests adds --skip-welcome, --skip-release-notes, --disable-workspace-trust, --disable-updates)
        launchArgs: [
          workspace,
          '--disable-extensions',
          `--user-data-dir=${dirs.userData}`,
          `--extensions-dir=${dirs.extensions}`,
        ],
      });
    } catch (err) {
      const failed = /** @type {{ code?: unknown }} */ (err);
      code = typeof failed?.code === 'number' ? failed.code : 1; // TestRunFailedError (exit code) or a download failure
      console.log(`${MARK} ${err instanceof Error ? err.message : err}`);
    }
    const verdict = judge({ kind: 'exit', code }, readCounts(dirs.resultsFile, []), {
      vscodeVersion: `${version} desktop`,
      timeoutSeconds: opts.timeoutSeconds,
      stage: '',
    });
    for (const line of verdict.messages) console.log(line);
    console.log(verdict.summary);
    return verdict.exitCode;
  } finally {
    if (!opts.keep) fs.rmSync(dirs.root, { recursive: true, force: true });
  }
}

async function main() {
  try {
    const argv = process.argv.slice(2);
    const opts = parseRunArgs(argv);
    const channels = argv.some((a) => a.startsWith('--vscode')) ? [opts.vscode] : ['min', 'latest'];
    /** @type {number} */
    let worst = EXIT.ok;
    for (const channel of channels) {
      const code = await runDesktop(opts, channel === 'min' ? minimumVSCode(opts.extension) : 'stable');
      worst = Math.max(worst, code);
    }
    return worst;
  } catch (err) {
    if (!(err instanceof HarnessError)) throw err;
    console.error(err.exitCode === EXIT.ok ? err.message : `${MARK} error: ${err.message}`);
    return err.exitCode;
  }
}

process.exit(await main());
