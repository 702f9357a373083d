// The language server's memory after opening GitHub's 12 MB JSON definition: dist/server.js started with --stdio, as
// another editor would, the document opened, its diagnostics awaited, then the process's resident and peak memory
// read from /proc. The reference, measured in the same run: a bare Node process holding the same definition parsed
// by jsonc-parser's parseTree.
//   node bench/serverMemory.mjs [--input=github|stripe]
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { prepareInputs } from './validation.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-jsonrpc/node');

/** VmRSS and VmHWM (peak) of a process, in bytes (Linux). */
function memoryOf(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

async function serverMemory(file) {
  const server = spawn(process.execPath, [path.join(root, 'dist/server.js'), '--stdio'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const connection = createMessageConnection(
    new StreamMessageReader(server.stdout),
    new StreamMessageWriter(server.stdin),
  );
  const uri = pathToFileURL(file).href;
  const published = new Promise((resolve) =>
    connection.onNotification('textDocument/publishDiagnostics', (params) => {
      if (params.uri === uri) resolve(params.diagnostics.length);
    }),
  );
  connection.onRequest('workspace/configuration', (params) => params.items.map(() => null));
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  try {
    await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
    connection.sendNotification('initialized', {});
    const text = fs.readFileSync(file, 'utf8');
    const started = performance.now();
    connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: file.endsWith('.json') ? 'json' : 'yaml', version: 1, text },
    });
    const diagnostics = await published;
    const ms = performance.now() - started;
    // Let a garbage collection settle what the check left behind, as a server idling after it would.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    return { ...memoryOf(server.pid), ms, diagnostics };
  } finally {
    connection.dispose();
    server.kill();
  }
}

function referenceMemory(file) {
  const script =
    `const { parseTree } = require(${JSON.stringify(require.resolve('jsonc-parser'))});` +
    `const text = require('fs').readFileSync(${JSON.stringify(file)}, 'utf8');` +
    `globalThis.kept = parseTree(text, []);` +
    `const s = require('fs').readFileSync('/proc/self/status', 'utf8');` +
    `const kb = (n) => Number(new RegExp('^' + n + ':\\\\s+(\\\\d+) kB', 'm').exec(s)[1]) * 1024;` +
    `process.stdout.write(JSON.stringify({ rss: kb('VmRSS'), peak: kb('VmHWM') }));`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }));
}

export async function benchServerMemory({ input = 'github', log = console.log } = {}) {
  const file = prepareInputs().find((f) => f.name === `${input} JSON`)?.file;
  if (file === undefined) throw new Error(`no JSON input named ${input}`);
  if (!fs.existsSync(path.join(root, 'dist/server.js')))
    throw new Error('dist/server.js is missing: run node esbuild.mjs first');
  log(`  language server: opening ${path.basename(file)} ...`);
  const ours = await serverMemory(file);
  const reference = referenceMemory(file);
  return { input, ours, reference };
}

const MB = (n) => `${(n / 1024 / 1024).toFixed(0)} MB`;

export function serverMemoryRows(r) {
  return [
    [
      `language server after opening ${r.input} JSON`,
      `${MB(r.ours.rss)} (peak ${MB(r.ours.peak)}), diagnostics in ${(r.ours.ms / 1000).toFixed(2)} s`,
      `jsonc-parser parseTree held ${MB(r.reference.rss)} (peak ${MB(r.reference.peak)})`,
      `${(r.ours.rss / r.reference.rss).toFixed(2)}× rss`,
    ],
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const input = process.argv.find((a) => a.startsWith('--input='))?.slice('--input='.length) ?? 'github';
  const r = await benchServerMemory({ input });
  for (const row of serverMemoryRows(r)) console.log(row.join('  '));
}
