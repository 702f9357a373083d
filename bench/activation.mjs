// Activation time in a real VS Code: starts the project's test runner with bench/vscode/index.cjs as the suite
// (on the minimum engine, the example workspace) and reads back what it measured in the extension host.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export async function measureActivation(root, { vscode = 'min' } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'apigw-bench-activation-'));
  const out = path.join(dir, 'result.json');
  try {
    const code = await new Promise((resolve, reject) => {
      const child = spawn(
        process.execPath,
        [
          path.join(root, 'test/runner/run.mjs'),
          '--vscode',
          vscode,
          '--tests',
          path.join(root, 'bench/vscode/index.cjs'),
          '--timeout',
          '300',
        ],
        { cwd: root, env: { ...process.env, APIGW_BENCH_OUT: out }, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let log = '';
      child.stdout.on('data', (d) => (log += d));
      child.stderr.on('data', (d) => (log += d));
      child.on('error', reject);
      child.on('exit', (status) =>
        status === 0 ? resolve(0) : reject(new Error(`the VS Code run failed (${status}):\n${log}`)),
      );
    });
    if (code !== 0 || !fs.existsSync(out)) throw new Error('the activation benchmark wrote no result');
    return JSON.parse(fs.readFileSync(out, 'utf8'));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
