// Installs code-server VERSION into the cache (once; a stamp file marks a finished install, a lock keeps
// parallel runs apart): `npm pack` + `npm install --ignore-scripts`, then from-source rebuilds of its native
// modules for the Node that will run it (no download attempts), and a local `rg` for VS Code's search.
import fs from 'node:fs';
import path from 'node:path';
import { HarnessError, log } from './harness.mjs';
import { withLock } from './lock.mjs';
import { runCommand } from './processes.mjs';
import { ripgrepBinary } from './ripgrep.mjs';
import { serverNode } from './serverNode.mjs';
import { cacheDir } from './versions.mjs';

const STAMP = '.apigw-e2e-ready';
const NPM_FLAGS = ['--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error', '--prefer-offline'];
// Native modules of the VS Code server (native-watchdog was renamed @vscode/native-watchdog; npm rebuild skips
// names that are not installed). @vscode/sqlite3 is left out: only the chat agent host uses it (~50 s to build).
const VSCODE_NATIVE = [
  'node-pty',
  '@parcel/watcher',
  '@vscode/spdlog',
  '@vscode/deviceid',
  'native-watchdog',
  '@vscode/native-watchdog',
];

/**
 * @typedef {{ dir: string, node: string, version: string, vscodeVersion: string }} CodeServerInstall
 *   dir: the code-server package; node: the binary its native modules were built for (it runs code-server
 *   and the extension host); vscodeVersion: the VS Code inside it.
 */

/**
 * @param {string} version code-server version, e.g. '4.100.3'
 * @returns {Promise<CodeServerInstall>}
 */
export async function ensureCodeServer(version) {
  const cache = cacheDir();
  const dir = path.join(cache, `code-server-${version}`);
  const ready = () => readStamp(dir, version);
  const found = ready();
  if (found) return found;
  fs.mkdirSync(cache, { recursive: true });
  return withLock(path.join(cache, '.lock'), async () => {
    const again = ready(); // another run may have installed it while we waited
    if (again) return again;
    await installCodeServer(cache, version, dir);
    const installed = ready();
    if (!installed) throw new HarnessError(`code-server ${version} install left no stamp in ${dir}`);
    return installed;
  });
}

/** @param {string} dir @param {string} version @returns {CodeServerInstall | undefined} */
function readStamp(dir, version) {
  try {
    const stamp = JSON.parse(fs.readFileSync(path.join(dir, STAMP), 'utf8'));
    if (!fs.existsSync(stamp.node)) return undefined; // the node it was built for is gone: reinstall
    // An install whose rg is missing (or a dangling link, as an earlier runner left it) cannot search: reinstall.
    const rg = path.join(dir, 'lib', 'vscode', 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg');
    if (fs.existsSync(path.dirname(rg)) && !fs.existsSync(rg)) return undefined;
    return { dir, node: stamp.node, version, vscodeVersion: stamp.vscodeVersion };
  } catch {
    return undefined;
  }
}

/** @param {string} cache @param {string} version @param {string} dir */
async function installCodeServer(cache, version, dir) {
  const started = Date.now();
  log(`installing code-server ${version} into ${dir} (one-time, ~1-2 min) ...`);
  const tmp = path.join(cache, `.tmp-code-server-${version}.${process.pid}`);
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.mkdirSync(tmp, { recursive: true });
  try {
    await runCommand('npm', ['pack', `code-server@${version}`, '--silent'], {
      cwd: tmp,
      what: `npm pack code-server@${version}`,
    });
    await runCommand('tar', ['xzf', `code-server-${version}.tgz`], { cwd: tmp, what: 'unpacking code-server' });
    const pkg = path.join(tmp, 'package');
    const manifest = JSON.parse(fs.readFileSync(path.join(pkg, 'package.json'), 'utf8'));
    const major = String(manifest.engines?.node ?? '').match(/\d+/)?.[0] ?? '';
    const node = await serverNode(cache, major);
    await installModules(pkg, node);
    await runCommand(node, [path.join(pkg, 'out', 'node', 'entry.js'), '--version'], {
      what: 'starting the installed code-server',
    });
    const vscodeVersion = JSON.parse(fs.readFileSync(path.join(pkg, 'lib', 'vscode', 'package.json'), 'utf8')).version;
    fs.writeFileSync(path.join(pkg, STAMP), JSON.stringify({ node, vscodeVersion }, null, 2));
    fs.rmSync(dir, { recursive: true, force: true });
    fs.renameSync(pkg, dir);
    log(
      `code-server ${version} (VS Code ${vscodeVersion}, Node ${major || 'any'}) installed in ${((Date.now() - started) / 1000).toFixed(0)} s`,
    );
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * npm and node-gyp run on `node` (first on PATH) with its own headers (`npm_config_nodedir`, which also
 * overrides a nodedir from ~/.npmrc), so native modules are compiled for the Node that loads them.
 * @param {string} pkg unpacked code-server package
 * @param {string} node
 */
async function installModules(pkg, node) {
  const nodeDir = path.dirname(path.dirname(node));
  /** @type {NodeJS.ProcessEnv} */
  const env = { ...process.env, PATH: `${path.dirname(node)}${path.delimiter}${process.env.PATH}` };
  if (fs.existsSync(path.join(nodeDir, 'include', 'node', 'common.gypi'))) env.npm_config_nodedir = nodeDir;
  const fromSource = { ...env, npm_config_build_from_source: 'true', npm_config_yes: 'true' };
  const vscode = path.join(pkg, 'lib', 'vscode');
  await runCommand('npm', ['install', ...NPM_FLAGS], { cwd: pkg, env, what: 'npm install (code-server)' });
  // argon2 (password hashing) is loaded at startup even with --auth none
  await runCommand('npm', ['rebuild', 'argon2', '--loglevel=error'], {
    cwd: pkg,
    env: fromSource,
    what: 'building argon2',
  });
  await runCommand('npm', ['install', ...NPM_FLAGS], { cwd: vscode, env, what: 'npm install (VS Code server)' });
  await runCommand('npm', ['rebuild', ...VSCODE_NATIVE, '--loglevel=error'], {
    cwd: vscode,
    env: fromSource,
    what: 'building VS Code native modules',
  });
  // @vscode/ripgrep's postinstall would download rg from GitHub (newer releases ship @vscode/ripgrep-universal
  // with the binary in the tarball instead): copy a local one in (a copy, not a link: the package may come
  // from a temporary directory that is removed once code-server is installed).
  const ripgrep = path.join(vscode, 'node_modules', '@vscode', 'ripgrep');
  if (fs.existsSync(ripgrep)) {
    const rg = path.join(ripgrep, 'bin', 'rg');
    fs.mkdirSync(path.dirname(rg), { recursive: true });
    fs.rmSync(rg, { force: true });
    fs.copyFileSync(await ripgrepBinary(path.dirname(pkg)), rg);
    fs.chmodSync(rg, 0o755);
  }
  fs.symlinkSync('node_modules', path.join(vscode, 'node_modules.asar'));
  await runCommand('npm', ['install', ...NPM_FLAGS], {
    cwd: path.join(vscode, 'extensions'),
    env,
    what: 'npm install (built-in extensions)',
  });
}
