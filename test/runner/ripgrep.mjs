// An `rg` binary for VS Code's text search and workspace.findFiles: the one on PATH (Debian's ripgrep),
// else the one in the npm package @vscode/ripgrep-universal (which ships the binaries in its tarball).
import fs from 'node:fs';
import path from 'node:path';
import { HarnessError, log } from './harness.mjs';
import { runCommand } from './processes.mjs';

/** @returns {string | undefined} */
function rgOnPath() {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, 'rg');
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return fs.realpathSync(candidate);
    } catch {
      /* not here */
    }
  }
  return undefined;
}

/**
 * @param {string} cache directory to keep the npm package in when there is no rg on PATH
 * @returns {Promise<string>}
 */
export async function ripgrepBinary(cache) {
  const local = rgOnPath();
  if (local) return local;
  const dir = path.join(cache, 'ripgrep-universal');
  const rg = path.join(dir, 'package', 'bin', `${process.platform}-${process.arch}`, 'rg');
  if (fs.existsSync(rg)) return rg;
  log('no rg on PATH: taking it from the npm package @vscode/ripgrep-universal ...');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const tgz = (
    await runCommand('npm', ['pack', '@vscode/ripgrep-universal', '--silent'], {
      cwd: dir,
      what: 'npm pack @vscode/ripgrep-universal',
    })
  ).trim();
  await runCommand('tar', ['xzf', tgz.split('\n').pop() ?? ''], {
    cwd: dir,
    what: 'unpacking @vscode/ripgrep-universal',
  });
  if (!fs.existsSync(rg)) {
    throw new HarnessError(
      `@vscode/ripgrep-universal has no ${path.relative(dir, rg)}; install ripgrep (apt-get install -y ripgrep)`,
    );
  }
  fs.chmodSync(rg, 0o755);
  return rg;
}
