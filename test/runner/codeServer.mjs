// Starts code-server (VS Code server + web workbench) on a loopback port with a fresh profile, and builds
// workbench URLs whose `payload` parameter loads extensions in development mode (and a test module).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { HarnessError, sleep } from './harness.mjs';
import { stopGroup } from './processes.mjs';

/**
 * @typedef {object} CodeServerOptions
 * @property {import('./install.mjs').CodeServerInstall} install
 * @property {string} userDataDir fresh profile (User/settings.json may be written before)
 * @property {string} extensionsDir
 * @property {string} xdgDataDir XDG_DATA_HOME for the server, so nothing lands in ~/.local/share
 * @property {number} [port] 0 (default): a free port chosen by the OS
 * @property {(text: string) => void} onOutput every chunk code-server prints
 */

/**
 * @typedef {object} CodeServer
 * @property {string} host '127.0.0.1:PORT'
 * @property {import('node:child_process').ChildProcess} child
 * @property {() => Promise<void>} stop stops code-server and all its children (its own process group)
 */

/** Newer code-server passes options through to VS Code with --vscode-option; 1.139 needs the smoke-test driver
 * enabled to honour the payload's extensionDevelopmentPath/extensionTestsPath in a built workbench.
 * @param {string} dir */
function passThroughOptions(dir) {
  const cli = fs.readFileSync(path.join(dir, 'out', 'node', 'cli.js'), 'utf8');
  return cli.includes('"vscode-option"') ? ['--vscode-option', 'enable-smoke-test-driver'] : [];
}

/**
 * @param {CodeServerOptions} options
 * @returns {Promise<CodeServer>}
 */
export async function startCodeServer({ install, userDataDir, extensionsDir, xdgDataDir, port = 0, onOutput }) {
  for (const dir of [userDataDir, extensionsDir, xdgDataDir]) fs.mkdirSync(dir, { recursive: true });
  const config = path.join(userDataDir, 'code-server.yaml');
  fs.writeFileSync(config, 'auth: none\n'); // so code-server never reads ~/.config/code-server/config.yaml
  const args = [
    path.join(install.dir, 'out', 'node', 'entry.js'),
    '--config',
    config,
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--user-data-dir',
    userDataDir,
    '--extensions-dir',
    extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    ...passThroughOptions(install.dir),
  ];
  // detached: its own process group, so stop() reaches the extension host and pty hosts too
  const child = spawn(install.node, args, {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, XDG_DATA_HOME: xdgDataDir },
  });
  const stop = () => stopGroup(child.pid);
  try {
    const host = `127.0.0.1:${await listeningPort(child, onOutput)}`;
    await waitForHealth(host);
    return { host, child, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** @param {import('node:child_process').ChildProcess} child @param {(text: string) => void} onOutput */
function listeningPort(child, onOutput) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new HarnessError('code-server did not report its port within 60 s')), 60_000);
    const onData = (/** @type {Buffer} */ chunk) => {
      const text = chunk.toString();
      onOutput(text);
      const m = /HTTP server listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(text);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('error', (err) => reject(new HarnessError(`cannot start code-server: ${err.message}`)));
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new HarnessError(`code-server exited before listening (code ${code}, signal ${signal})`));
    });
  });
}

/** @param {string} host */
async function waitForHealth(host) {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`http://${host}/healthz`)).ok) return;
    } catch {
      /* not yet */
    }
    await sleep(100);
  }
  throw new HarnessError(`code-server on ${host} did not answer /healthz within 30 s`);
}

/**
 * The workbench URL. The web workbench reads `payload` (vs/code/browser/workbench/workbench.ts); files on the
 * server are addressed as vscode-remote://HOST/abs/path because its remote authority is the page's host.
 * @param {{ host: string, extensions: string[], testsPath?: string, folder?: string }} options
 */
export function workbenchUrl({ host, extensions, testsPath, folder }) {
  const remote = (/** @type {string} */ p) =>
    `vscode-remote://${host}${p.split(path.sep).map(encodeURIComponent).join('/')}`;
  const payload = [
    ...extensions.map((e) => ['extensionDevelopmentPath', remote(e)]),
    ...(testsPath ? [['extensionTestsPath', remote(testsPath)]] : []),
    ['skipWelcome', 'true'],
    ['skipReleaseNotes', 'true'],
  ];
  const where = !folder
    ? 'ew=true'
    : `${folder.endsWith('.code-workspace') ? 'workspace' : 'folder'}=${encodeURIComponent(folder)}`;
  return `http://${host}/?${where}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}
