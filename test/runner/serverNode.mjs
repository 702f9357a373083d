// The Node binary that runs code-server (and so the extension host): this Node when its major matches
// code-server's engines.node, otherwise the official build from the npm package node-linux-<arch>@<major>,
// unpacked once into the cache. That package ships include/node, so native rebuilds need no header download.
import fs from 'node:fs';
import path from 'node:path';
import { log } from './harness.mjs';
import { runCommand } from './processes.mjs';

const currentMajor = () => process.versions.node.split('.')[0] ?? '';

/**
 * @param {string} cache the install cache
 * @param {string} major the Node major code-server wants ('' when it declares none)
 * @returns {Promise<string>} absolute path of a node binary of that major
 */
export async function serverNode(cache, major) {
  if (process.env.APIGW_E2E_NODE) return fs.realpathSync(process.env.APIGW_E2E_NODE);
  if (!major || major === currentMajor()) return process.execPath;
  const pkg = `node-linux-${process.arch}@${major}`;
  const tmp = path.join(cache, `.tmp-node-${major}.${process.pid}`);
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.mkdirSync(tmp, { recursive: true });
  try {
    log(`code-server wants Node ${major}: fetching ${pkg} from npm ...`);
    const tgz = (await runCommand('npm', ['pack', pkg, '--silent'], { cwd: tmp, what: `npm pack ${pkg}` })).trim();
    await runCommand('tar', ['xzf', tgz.split('\n').pop() ?? ''], { cwd: tmp, what: `unpacking ${pkg}` });
    const unpacked = path.join(tmp, 'package');
    const version = (
      await runCommand(path.join(unpacked, 'bin', 'node'), ['-p', 'process.versions.node'], {
        what: `running the node from ${pkg} (set APIGW_E2E_NODE to a Node ${major} binary instead)`,
      })
    ).trim();
    const dir = path.join(cache, `node-v${version}`);
    if (!fs.existsSync(path.join(dir, 'bin', 'node'))) {
      fs.rmSync(dir, { recursive: true, force: true });
      fs.renameSync(unpacked, dir);
    }
    return path.join(dir, 'bin', 'node');
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
