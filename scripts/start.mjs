#!/usr/bin/env node
// `npm start`, the main job: builds the extension, then opens VS Code with it in development mode on examples/.
// With a `code` CLI on PATH: `code --extensionDevelopmentPath=<repo> <repo>/examples`. Otherwise it starts
// code-server (VS Code 1.100.3, installed from npm into the cache on first use) on 127.0.0.1 and prints the
// URL to open; the URL's payload loads the extension in development mode. Runs until Ctrl-C.
//   node scripts/start.mjs [--code-server] [--no-open] [--print-url-only]
//   --code-server     use code-server even when a `code` CLI is on PATH
//   --no-open         do not open the URL in a browser (it is only opened when a display is there)
//   --print-url-only  stdout gets exactly one line, the URL (progress goes to stderr); implies --no-open
// Environment: PORT (default: a free port), APIGW_E2E_CACHE (install cache).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startCodeServer, workbenchUrl } from '../test/runner/codeServer.mjs';
import { EXIT, HarnessError, MARK, log } from '../test/runner/harness.mjs';
import { ensureCodeServer } from '../test/runner/install.mjs';
import { cleanUpOnSignals, onCleanup, runCleanups } from '../test/runner/processes.mjs';
import { writeSettings } from '../test/runner/profile.mjs';
import { MIN_CODE_SERVER, cacheDir } from '../test/runner/versions.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const EXAMPLES = path.join(REPO, 'examples');

/** @param {string} command @returns {boolean} */
const onPath = (command) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;

function build() {
  log('building (node esbuild.mjs) ...');
  // its output goes to stderr, so stdout carries only what --print-url-only promises
  const result = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: REPO, stdio: ['ignore', 2, 2] });
  if (result.status !== 0)
    throw new HarnessError('the build failed (see the errors above); fix them and run npm start again');
}

/** Desktop VS Code: it owns the window from here on; we wait for the CLI and pass its exit code on. */
function startDesktop() {
  log(`opening VS Code: code --extensionDevelopmentPath=${REPO} ${EXAMPLES}`);
  const result = spawnSync('code', [`--extensionDevelopmentPath=${REPO}`, EXAMPLES], { stdio: 'inherit' });
  return result.status ?? EXIT.harness;
}

/** @param {{ printUrlOnly: boolean, open: boolean }} options @returns {Promise<number>} */
async function startWeb({ printUrlOnly, open }) {
  const install = await ensureCodeServer(MIN_CODE_SERVER);
  const port = Number(process.env.PORT ?? 0);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new HarnessError(`PORT=${process.env.PORT} is not a port number`);
  fs.mkdirSync(path.join(cacheDir(), 'start'), { recursive: true });
  const profile = fs.mkdtempSync(path.join(cacheDir(), 'start', 'profile-'));
  onCleanup(() => fs.rmSync(profile, { recursive: true, force: true }));
  writeSettings(path.join(profile, 'user-data'));
  const server = await startCodeServer({
    install,
    port,
    userDataDir: path.join(profile, 'user-data'),
    extensionsDir: path.join(profile, 'extensions'),
    xdgDataDir: path.join(profile, 'xdg-data'),
    onOutput: () => {},
  });
  onCleanup(server.stop);
  const url = workbenchUrl({ host: server.host, extensions: [REPO], folder: EXAMPLES });
  if (printUrlOnly) {
    console.log(url);
  } else {
    console.log(
      `\nAPI Gateway Studio (development mode) in VS Code ${install.vscodeVersion} on code-server ${install.version}.`,
    );
    console.log(`Open this URL in a browser; Ctrl-C stops the server:\n\n  ${url}\n`);
    if (open && process.env.DISPLAY && onPath('xdg-open'))
      spawn('xdg-open', [url], { stdio: 'ignore', detached: true }).unref();
  }
  return new Promise((resolve) => {
    server.child.on('exit', (code, signal) => {
      log(`code-server stopped (code ${code}, signal ${signal})`);
      resolve(code === 0 ? EXIT.ok : EXIT.harness);
    });
  });
}

async function main() {
  cleanUpOnSignals();
  /** @type {number} */
  let exitCode = EXIT.harness;
  try {
    const { values } = parseArgs({
      options: {
        'code-server': { type: 'boolean' },
        'no-open': { type: 'boolean' },
        'print-url-only': { type: 'boolean' },
      },
    });
    build();
    exitCode =
      !values['code-server'] && onPath('code')
        ? startDesktop()
        : await startWeb({
            printUrlOnly: Boolean(values['print-url-only']),
            open: !values['no-open'] && !values['print-url-only'],
          });
  } catch (err) {
    console.error(`${MARK} error: ${err instanceof Error ? err.message : err}`);
    if (!(err instanceof HarnessError) && err instanceof Error) console.error(err.stack);
  }
  await runCleanups();
  process.exit(exitCode);
}

await main();
