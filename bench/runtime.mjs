// Mock runtime throughput: requests/s and p50 / p99 latency at 10 keep-alive connections, 127.0.0.1 only,
// for a static MOCK route, a templated MOCK route and a Lambda-proxy route (isolated local handler), each
// against a bare node:http server answering the same bytes in the same run, and against Prism and
// serverless-offline where they can serve it (installed on first use into ~/.cache/apigw-bench, never
// package.json; APIGW_BENCH_THIRD_PARTY=0 skips them). Fixed duration per measurement, medians of repeats.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';

const HOST = '127.0.0.1';
const CONNECTIONS = 10;
const DURATION_MS = Number(process.env.APIGW_BENCH_DURATION_MS ?? 2000);
const REPEATS = Number(process.env.APIGW_BENCH_REPEATS ?? 3);

const definition = `openapi: 3.0.1
info: {title: Bench, version: '1'}
paths:
  /static:
    get:
      responses: {'200': {description: ok, content: {application/json: {example: {message: hello}}}}}
      x-amazon-apigateway-integration:
        type: mock
        requestTemplates: {application/json: '{"statusCode": 200}'}
        responses: {default: {statusCode: '200', responseTemplates: {application/json: '{"message": "hello"}'}}}
  /templated/{id}:
    get:
      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
      responses: {'200': {description: ok, content: {application/json: {example: {id: '7', greeting: hello 7}}}}}
      x-amazon-apigateway-integration:
        type: mock
        requestTemplates: {application/json: '#set($id = $input.params(''id'')){"statusCode": 200, "id": "$id"}'}
        responses:
          default:
            statusCode: '200'
            responseTemplates: {application/json: '#set($id = $input.params(''id'')){"id": "$id", "greeting": "hello $id"}'}
  /lambda:
    get:
      x-amazon-apigateway-integration:
        type: aws_proxy
        httpMethod: POST
        uri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:Bench/invocations
`;
const handler = `export async function handler() {
  return { statusCode: 200, headers: { 'Content-Type': 'application/json' }, body: '{"message":"hello"}' };
}
`;
const bodies = {
  '/local/static': '{"message": "hello"}',
  '/local/templated/7': '{"id": "7", "greeting": "hello 7"}',
  '/local/lambda': '{"message":"hello"}',
};
const bareServer = `const http = require('node:http');
const bodies = ${JSON.stringify(bodies)};
http.createServer((req, res) => {
  const body = bodies[req.url] ?? '{}';
  res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}).listen(0, '${HOST}', function () { console.log('http://${HOST}:' + this.address().port + '/local'); });
`;

/** Starts a child whose first stdout line is its base URL. */
function startChild(command, args, options = {}) {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
  let err = '';
  child.stderr.on('data', (c) => (err = (err + c).slice(-2000)));
  const url = new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    const timer = setTimeout(() => reject(new Error(`no URL within 60 s: ${err}`)), 60_000);
    lines.on('line', (line) => {
      const m = /(http:\/\/(?:127\.0\.0\.1|localhost):\d+[^\s]*)/.exec(line);
      if (m) {
        clearTimeout(timer);
        resolve(m[1].replace('localhost', HOST));
      }
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code}: ${err}`)));
  });
  return { child, url };
}

/** Keeps CONNECTIONS requests in flight for DURATION_MS; requests/s and latency percentiles. */
async function load(url) {
  const target = new URL(url);
  if (target.hostname !== HOST) throw new Error(`refusing to load ${url}: 127.0.0.1 only`);
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const latencies = [];
  let errors = 0;
  const end = performance.now() + DURATION_MS;
  const one = () =>
    new Promise((resolve) => {
      const start = performance.now();
      const req = http.get({ host: HOST, port: target.port, path: target.pathname, agent }, (res) => {
        res.on('data', () => undefined);
        res.on('end', () => {
          if (res.statusCode !== 200) errors++;
          latencies.push(performance.now() - start);
          resolve();
        });
      });
      req.on('error', () => {
        errors++;
        resolve();
      });
    });
  const worker = async () => {
    while (performance.now() < end) await one();
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((latencies.length * p) / 100))] ?? NaN;
  return { rps: latencies.length / seconds, p50: pct(50), p99: pct(99), errors };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function measure(url) {
  await load(url); // warm-up (JIT, worker threads, keep-alive sockets)
  const runs = [];
  for (let i = 0; i < REPEATS; i++) runs.push(await load(url));
  return {
    rps: median(runs.map((r) => r.rps)),
    p50: median(runs.map((r) => r.p50)),
    p99: median(runs.map((r) => r.p99)),
    errors: runs.reduce((n, r) => n + r.errors, 0),
  };
}

/** Installs a package into the bench cache (not package.json) unless already there; undefined when it fails. */
function thirdParty(name, spec, bin) {
  const dir = path.join(os.homedir(), '.cache', 'apigw-bench', name);
  const binPath = path.join(dir, 'node_modules', '.bin', bin);
  if (fs.existsSync(binPath)) return binPath;
  try {
    console.log(`installing ${spec.join(' ')} into ${dir} (first run only) ...`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'package.json'), '{"private": true}');
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', ...spec], {
      cwd: dir,
      stdio: 'ignore',
      timeout: 300_000,
    });
    return fs.existsSync(binPath) ? binPath : undefined;
  } catch {
    return undefined;
  }
}

export async function benchRuntime(root) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'apigw-bench-runtime-'));
  fs.writeFileSync(path.join(dir, 'api.yaml'), definition);
  fs.writeFileSync(path.join(dir, 'handler.mjs'), handler);
  fs.writeFileSync(
    path.join(dir, 'apigw.config.json'),
    JSON.stringify({ lambdaHandlers: { Bench: 'handler.mjs#handler' } }),
  );
  fs.writeFileSync(path.join(dir, 'bare.cjs'), bareServer);
  const routes = { 'static MOCK': '/static', 'templated MOCK': '/templated/7', 'Lambda proxy': '/lambda' };
  const targets = {};
  const children = [];
  const start = (name, command, args, options) => {
    const c = startChild(command, args, options);
    children.push(c.child);
    targets[name] = c.url;
  };
  start('ours', process.execPath, [
    path.join(root, 'dist/cli.js'),
    'mock',
    path.join(dir, 'api.yaml'),
    '--port',
    '0',
    '--stage',
    'local',
  ]);
  start('bare node:http', process.execPath, [path.join(dir, 'bare.cjs')]);
  const third = process.env.APIGW_BENCH_THIRD_PARTY !== '0';
  const prism = third ? thirdParty('prism', ['@stoplight/prism-cli@5'], 'prism') : undefined;
  if (prism) {
    const port = 40_000 + Math.floor(Math.random() * 10_000);
    start('Prism', prism, ['mock', '-h', HOST, '-p', String(port), '-d', 'false', path.join(dir, 'api.yaml')]);
    targets['Prism'] = targets['Prism'].then(() => `http://${HOST}:${port}`);
  }
  const result = { connections: CONNECTIONS, durationMs: DURATION_MS, repeats: REPEATS, routes: {} };
  try {
    const urls = {};
    for (const [name, url] of Object.entries(targets)) {
      try {
        urls[name] = await url;
      } catch (error) {
        console.log(`  ${name}: cannot start (${error.message.split('\n')[0]})`);
      }
    }
    for (const [route, suffix] of Object.entries(routes)) {
      result.routes[route] = {};
      for (const [name, base] of Object.entries(urls)) {
        if (name === 'Prism' && route === 'Lambda proxy') continue; // Prism mocks from examples: no handlers.
        const url = `${base}${suffix}`;
        console.log(`  ${route} → ${name} ...`);
        result.routes[route][name] = await measure(url);
      }
    }
  } finally {
    for (const child of children) child.kill('SIGTERM');
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return result;
}

const goals = { 'static MOCK': 0.7, 'templated MOCK': 0.5, 'Lambda proxy': 0.25 };

export function runtimeRows(result) {
  const rows = [];
  for (const [route, byTarget] of Object.entries(result.routes)) {
    const ours = byTarget['ours'];
    if (!ours) continue;
    for (const [name, m] of Object.entries(byTarget)) {
      if (name === 'ours') continue;
      const goal = name === 'bare node:http' ? `goal ≥ ${goals[route]}×` : name === 'Prism' ? 'goal ≥ 3×' : 'goal ≥ 5×';
      rows.push([
        `mock ${route} req/s (p50/p99 ms)`,
        `${Math.round(ours.rps)}/s (${ours.p50.toFixed(2)}/${ours.p99.toFixed(2)})${ours.errors ? ` ${ours.errors} errors` : ''}`,
        `${name} ${Math.round(m.rps)}/s (${m.p50.toFixed(2)}/${m.p99.toFixed(2)})${m.errors ? ` ${m.errors} errors` : ''}`,
        `${(ours.rps / m.rps).toFixed(2)}× (${goal})`,
      ]);
    }
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
  const result = await benchRuntime(root);
  for (const row of runtimeRows(result)) console.log(row.join('  '));
}
