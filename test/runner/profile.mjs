// The run directory of one test run: a fresh VS Code profile, the harness files the extension host reads,
// and (by default) a fresh copy of the workspace, since tests may write to it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));

/** Settings of the fresh profile. Workspace trust is off here; trust gets its own tests later. */
export const PROFILE_SETTINGS = Object.freeze({
  'chat.disableAIFeatures': true, // also keeps VS Code 1.139's chat agent host (needs @vscode/sqlite3) from starting
  'workbench.startupEditor': 'none',
  'security.workspace.trust.enabled': false,
  // quiet, offline, no prompts
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'window.confirmBeforeClose': 'never',
});

/**
 * @typedef {object} RunDir
 * @property {string} root
 * @property {string} userData
 * @property {string} extensions
 * @property {string} xdgData
 * @property {string} browserHome
 * @property {string} logs
 * @property {string} ackDir screenshot acknowledgements (one file per request)
 * @property {string} wrapper the extensionTestsPath given to VS Code
 * @property {string} resultsFile written by the wrapper when the project's run() settled
 */

/**
 * @param {{ tests: string, screenshotsEnabled: boolean }} options
 * @returns {RunDir}
 */
export function createRunDir({ tests, screenshotsEnabled }) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'apigw-e2e-'));
  const harness = path.join(root, 'harness');
  /** @type {RunDir} */
  const dirs = {
    root,
    userData: path.join(root, 'user-data'),
    extensions: path.join(root, 'extensions'),
    xdgData: path.join(root, 'xdg-data'),
    browserHome: path.join(root, 'browser-home'),
    logs: path.join(root, 'logs'),
    ackDir: path.join(harness, 'ack'),
    wrapper: path.join(harness, 'wrapper.cjs'),
    resultsFile: path.join(harness, 'results.json'),
  };
  for (const dir of [dirs.userData, dirs.extensions, dirs.xdgData, dirs.browserHome, dirs.logs, dirs.ackDir]) {
    fs.mkdirSync(dir, { recursive: true });
  }
  writeSettings(dirs.userData);
  fs.copyFileSync(path.join(HERE, 'exthostWrapper.cjs'), dirs.wrapper);
  const config = { tests, runDir: root, ackDir: dirs.ackDir, resultsFile: dirs.resultsFile, screenshotsEnabled };
  fs.writeFileSync(path.join(harness, 'harness.json'), JSON.stringify(config, null, 2));
  return dirs;
}

/** @param {string} userData */
export function writeSettings(userData) {
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify(PROFILE_SETTINGS, null, 2));
}

/**
 * Copies `source` to `<root>/<basename>` (same folder name, so the window title and tests see it).
 * @param {string} source
 * @param {string} root
 */
export function copyWorkspace(source, root) {
  const target = path.join(root, path.basename(source));
  fs.cpSync(source, target, { recursive: true });
  return target;
}
