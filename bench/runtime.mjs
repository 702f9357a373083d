// Mock runtime throughput: requests/s and p50 / p99 latency at 10 keep-alive connections, 127.0.0.1 only,
// for a static MOCK route, a templated MOCK route and a Lambda-proxy route (isolated local handler), each
// against a bare node:http server (the MOCK routes: answering the same bytes; the Lambda-proxy route: importing
// the same handler.mjs and calling it in-process per request, its result written as the response; and, for that
// route only and without a goal, the same server with the handler in a worker thread, as ours runs it), and against
// Prism (`prism mock`, the same OpenAPI: MOCK routes from their examples) and serverless-offline
// (`serverless@3` + `serverless-offline@13`: the Lambda-proxy route only, it has no MOCK integrations) in the
// same run. Third parties are installed on first use into ~/.cache/apigw-bench (never package.json;
// APIGW_BENCH_THIRD_PARTY=0 skips them); one that cannot install or start is reported and skipped. Fixed
// duration per measurement; the targets of a route are measured in turn, repeat after repeat, and the ratios
// (requests/s, p99) are the medians of the repeats' ratios. Every response of ours and of the bare server must be
// a 200 with the route's body (else it counts as an error, and a row with errors misses its goal); third parties'
// bodies are their own (Prism's example JSON is spaced differently), so only their status is checked.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { load } from './httpLoad.mjs';

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
const handlerCjs = `exports.handler = async () => ({
  statusCode: 200, headers: { 'Content-Type': 'application/json' }, body: '{"message":"hello"}',
});
`;
const bodies = {
  '/local/static': '{"message": "hello"}',
  '/local/templated/7': '{"id": "7", "greeting": "hello 7"}',
  '/local/lambda': '{"message":"hello"}',
};
// The reference: node:http and nothing else. For the Lambda-proxy route it calls the same handler in-process,
// with a minimal event (method, path, headers as node:http gives them) and a context, and writes its result
// (statusCode, headers, body) as the response: no isolation, no API Gateway event or result checks, no routing.
const bareServer = `import http from 'node:http';
import { handler } from './handler.mjs';
const bodies = ${JSON.stringify(bodies)};
const context = { functionName: 'Bench', awsRequestId: 'bare' };
http.createServer((req, res) => {
  if (req.url === '/local/lambda') {
    handler({ httpMethod: req.method, path: req.url, headers: req.headers }, context).then((result) => {
      res.writeHead(result.statusCode, { ...result.headers, 'Content-Length': Buffer.byteLength(result.body) });
      res.end(result.body);
    });
    return;
  }
  const body = bodies[req.url] ?? '{}';
  res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}).listen(0, '${HOST}', function () { console.log('http://${HOST}:' + this.address().port + '/local'); });
`;

// A second reference for the Lambda-proxy route: the same bare server, but the handler runs in a worker thread,
// as ours does (for a handler's isolation: its timeout, process.exit, its own environment). One postMessage a call
// (the minimal event as JSON text), the results of one turn of the worker's loop back in one message; no routing,
// no checks, no timeout, no console capture. What a worker thread alone costs on this machine, beside what the
// whole mock costs: a row without a goal.
const bareWorkerServer = `import http from 'node:http';
import { Worker } from 'node:worker_threads';
const worker = new Worker(\`
const { parentPort } = require('node:worker_threads');
const { pathToFileURL } = require('node:url');
const path = require('node:path');
let mod;
let out = [];
let flushing = false;
const flush = () => { flushing = false; parentPort.postMessage(JSON.stringify(out)); out = []; };
parentPort.on('message', async (text) => {
  const [id, event] = JSON.parse(text);
  mod ??= await import(pathToFileURL(path.join(\${JSON.stringify(process.cwd())}, 'handler.mjs')).href);
  const result = await mod.handler(event, { functionName: 'Bench', awsRequestId: 'bare' });
  out.push([id, result]);
  if (!flushing) { flushing = true; setImmediate(flush); }
});\`, { eval: true });
worker.unref();
const waiting = new Map();
let next = 0;
worker.on('message', (text) => {
  for (const [id, result] of JSON.parse(text)) {
    const res = waiting.get(id);
    waiting.delete(id);
    res.writeHead(result.statusCode, { ...result.headers, 'Content-Length': Buffer.byteLength(result.body) });
    res.end(result.body);
  }
});
http.createServer((req, res) => {
  const id = next++;
  waiting.set(id, res);
  worker.postMessage(JSON.stringify([id, { httpMethod: req.method, path: req.url, headers: req.headers }]));
}).listen(0, '${HOST}', function () { console.log('http://${HOST}:' + this.address().port + '/local'); });
`;
const bareWorker = 'bare node:http, handler in a worker thread';

/** Starts a child and resolves to its base URL once a line of its output matches `ready` (group 1 = URL). */
function startChild(command, args, { ready, base = (url) => url, ...options }) {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
  let output = '';
  let started = false;
  const url = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready within 90 s: ${output.trim()}`)), 90_000);
    for (const stream of [child.stdout, child.stderr]) {
      // Once ready, the output (e.g. a request log) is drained unread: the bench's own CPU is the load generator's.
      const lines = createInterface({ input: stream });
      lines.on('line', (line) => {
        if (started) return;
        output = `${output}${line}\n`.slice(-2000);
        const m = ready.exec(line);
        if (m) {
          started = true;
          clearTimeout(timer);
          resolve(base(m[1].replace('localhost', HOST)));
        }
      });
    }
    child.once('error', (error) => reject(error));
    child.once('exit', (code) => reject(new Error(`exited with ${code}: ${output.trim()}`)));
  });
  return { child, url };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Measures every target of a route in turn, REPEATS times after a warm-up; medians, and ratios per repeat.
 * `expect[name]`: the body each of that target's responses must have.
 */
async function measureRoute(urls, expect = {}) {
  const runs = Object.fromEntries(Object.keys(urls).map((name) => [name, []]));
  const options = (name, durationMs) => ({ connections: CONNECTIONS, durationMs, expect: expect[name] });
  for (const [name, url] of Object.entries(urls)) await load(url, options(name, 500));
  for (let i = 0; i < REPEATS; i++) {
    for (const [name, url] of Object.entries(urls)) runs[name].push(await load(url, options(name, DURATION_MS)));
  }
  const result = {};
  for (const [name, list] of Object.entries(runs)) {
    result[name] = {
      rps: median(list.map((r) => r.rps)),
      p50: median(list.map((r) => r.p50)),
      p99: median(list.map((r) => r.p99)),
      errors: list.reduce((n, r) => n + r.errors, 0),
    };
    if (name !== 'ours' && runs.ours) {
      result[name].ratio = median(list.map((r, j) => runs.ours[j].rps / r.rps));
      result[name].p99Ratio = median(list.map((r, j) => runs.ours[j].p99 / r.p99));
    }
  }
  return result;
}

/** Installs packages into the bench cache (not package.json) unless there; the binary, or why it failed. */
function thirdParty(name, spec, bin) {
  const dir = path.join(os.homedir(), '.cache', 'apigw-bench', name);
  const binPath = path.join(dir, 'node_modules', '.bin', bin);
  if (fs.existsSync(binPath)) return { bin: binPath };
  try {
    console.log(`  installing ${spec.join(' ')} into ${dir} (first run only) ...`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'package.json'), '{"private": true}');
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', ...spec], {
      cwd: dir,
      stdio: ['ignore', 'ignore', 'pipe'],
      timeout: 300_000,
    });
    return fs.existsSync(binPath) ? { bin: binPath } : { why: `npm install left no ${bin} binary in ${dir}` };
  } catch (error) {
    const stderr = error.stderr?.toString().trim().split('\n').slice(-3).join(' ');
    return { why: `npm install ${spec.join(' ')} failed: ${stderr || error.message}` };
  }
}

/** A free port on 127.0.0.1 (for third parties that cannot take port 0). */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** serverless-offline's service: the Lambda-proxy route as an `http` event (API Gateway REST, stage local). */
async function serverlessService(dir) {
  const [httpPort, lambdaPort, websocketPort] = [await freePort(), await freePort(), await freePort()];
  const service = path.join(dir, 'serverless');
  fs.mkdirSync(service);
  fs.writeFileSync(path.join(service, 'handler.js'), handlerCjs);
  fs.writeFileSync(
    path.join(service, 'serverless.yml'),
    `service: apigw-bench
frameworkVersion: '3'
provider: {name: aws, runtime: nodejs20.x, region: us-east-1, stage: local}
plugins: [serverless-offline]
custom:
  serverless-offline: {host: ${HOST}, httpPort: ${httpPort}, lambdaPort: ${lambdaPort}, websocketPort: ${websocketPort}}
functions:
  bench:
    handler: handler.handler
    events: [{http: {path: lambda, method: get}}]
`,
  );
  return service;
}

/** Starts the third parties that install; each resolves to its base URL (or is reported and left out). */
async function startThirdParties(dir, start) {
  const prism = thirdParty('prism', ['@stoplight/prism-cli@5'], 'prism');
  if (prism.bin) {
    const port = await freePort();
    start('Prism', prism.bin, ['mock', '-h', HOST, '-p', String(port), '-d', 'false', path.join(dir, 'api.yaml')], {
      ready: /Prism is listening on (http:\/\/\S+)/,
    });
  } else console.log(`  Prism: skipped (${prism.why})`);
  const sls = thirdParty('serverless', ['serverless@3', 'serverless-offline@13'], 'serverless');
  if (sls.bin) {
    const service = await serverlessService(dir);
    start('serverless-offline', sls.bin, ['offline', 'start', '--config', 'serverless.yml'], {
      cwd: service,
      env: {
        ...process.env,
        SLS_TELEMETRY_DISABLED: '1',
        SLS_NOTIFICATIONS_MODE: 'off',
        SLS_DEPRECATION_DISABLE: '*',
        SLS_INTERACTIVE_SETUP_DISABLE: '1',
      },
      ready: /Server ready: (http:\/\/\S+)/,
      base: (url) => `${url}/local`,
    });
  } else console.log(`  serverless-offline: skipped (${sls.why})`);
}

/** Which routes a third party can serve, and why not the others (printed with the results). */
const unsupported = {
  Prism: { 'Lambda proxy': 'Prism mocks from examples and runs no handlers' },
  'serverless-offline': {
    'static MOCK': 'serverless-offline has no MOCK integrations',
    'templated MOCK': 'serverless-offline has no MOCK integrations',
  },
};

export async function benchRuntime(root) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'apigw-bench-runtime-'));
  fs.writeFileSync(path.join(dir, 'api.yaml'), definition);
  fs.writeFileSync(path.join(dir, 'handler.mjs'), handler);
  fs.writeFileSync(
    path.join(dir, 'apigw.config.json'),
    JSON.stringify({ lambdaHandlers: { Bench: 'handler.mjs#handler' } }),
  );
  fs.writeFileSync(path.join(dir, 'bare.mjs'), bareServer);
  fs.writeFileSync(path.join(dir, 'bareWorker.mjs'), bareWorkerServer);
  const routes = { 'static MOCK': '/static', 'templated MOCK': '/templated/7', 'Lambda proxy': '/lambda' };
  const targets = {};
  const children = [];
  const start = (name, command, args, options) => {
    const c = startChild(command, args, options);
    children.push(c.child);
    targets[name] = c.url;
    c.url.catch(() => undefined); // reported below
  };
  const firstUrl = { ready: /^(http:\/\/\S+)$/ };
  const cli = path.join(root, 'dist/cli.js');
  start(
    'ours',
    process.execPath,
    [cli, 'mock', path.join(dir, 'api.yaml'), '--port', '0', '--stage', 'local'],
    firstUrl,
  );
  // The same mock writing its access log (CLF, to a file): what --access-log costs a request.
  start(
    accessLogged,
    process.execPath,
    [
      cli,
      'mock',
      path.join(dir, 'api.yaml'),
      '--port',
      '0',
      '--stage',
      'local',
      '--access-log',
      path.join(dir, 'access.log'),
    ],
    firstUrl,
  );
  start('bare node:http', process.execPath, [path.join(dir, 'bare.mjs')], firstUrl);
  start(bareWorker, process.execPath, [path.join(dir, 'bareWorker.mjs')], { ...firstUrl, cwd: dir });
  if (process.env.APIGW_BENCH_THIRD_PARTY !== '0') await startThirdParties(dir, start);
  const result = { connections: CONNECTIONS, durationMs: DURATION_MS, repeats: REPEATS, routes: {}, skipped: {} };
  try {
    const urls = {};
    for (const [name, url] of Object.entries(targets)) {
      try {
        urls[name] = await url;
      } catch (error) {
        console.log(`  ${name}: cannot start (${error.message.split('\n').slice(0, 3).join(' ')})`);
        result.skipped[name] = error.message.split('\n')[0];
      }
    }
    for (const [route, suffix] of Object.entries(routes)) {
      const served = {};
      for (const [name, base] of Object.entries(urls)) {
        // The worker-thread reference is one for the Lambda-proxy route only.
        if (name === bareWorker && route !== 'Lambda proxy') continue;
        const why = unsupported[name]?.[route];
        if (why) result.skipped[`${name} ${route}`] = why;
        else served[name] = `${base}${suffix}`;
      }
      console.log(`  ${route}: ${Object.keys(served).join(', ')} ...`);
      const body = bodies[`/local${suffix}`];
      const expect = { ours: body, [accessLogged]: body, 'bare node:http': body, [bareWorker]: body };
      result.routes[route] = await measureRoute(served, expect);
    }
  } finally {
    for (const child of children) child.kill('SIGTERM');
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return result;
}

/**
 * Issue 13's goals against the bare server: requests/s at least `ratio` times its figure and, where set, a p99
 * latency at most `p99` times its p99. The Lambda-proxy route's reference calls the handler in-process.
 */
const goals = {
  'static MOCK': { ratio: 0.7 },
  'templated MOCK': { ratio: 0.5 },
  'Lambda proxy': { ratio: 0.5, p99: 2 },
};
/** The mock with --access-log, measured beside the mock without: the row says what the access log costs. */
const accessLogged = 'ours --access-log';
const accessLogGoal = 0.85;
const goalFor = (name, route) => (name === 'bare node:http' ? goals[route] : { ratio: name === 'Prism' ? 3 : 5 });
const referenceName = (name, route) =>
  name === 'bare node:http' && route === 'Lambda proxy' ? 'bare node:http, handler in-process' : name;

const figures = (m) =>
  `${Math.round(m.rps)}/s (${m.p50.toFixed(2)}/${m.p99.toFixed(2)})${m.errors ? ` ${m.errors} errors` : ''}`;

export function runtimeRows(result) {
  const rows = [];
  for (const [route, byTarget] of Object.entries(result.routes)) {
    const ours = byTarget['ours'];
    if (!ours) continue;
    for (const [name, m] of Object.entries(byTarget)) {
      if (name === 'ours') continue;
      if (name === accessLogged) {
        const kept = 1 / (m.ratio ?? ours.rps / m.rps);
        rows.push([
          `mock ${route} req/s, access log on`,
          figures(m),
          `access log off ${figures(ours)}`,
          `${kept.toFixed(2)}× (goal ≥ ${accessLogGoal}×${kept >= accessLogGoal ? ', met' : ', MISSED'})`,
        ]);
        continue;
      }
      const ratio = m.ratio ?? ours.rps / m.rps;
      if (name === bareWorker) {
        const p99Ratio = m.p99Ratio ?? ours.p99 / m.p99;
        rows.push([
          `mock ${route} req/s (p50/p99 ms)`,
          figures(ours),
          `${name} ${figures(m)}`,
          `${ratio.toFixed(2)}×, p99 ${p99Ratio.toFixed(2)}× (no goal: the whole mock against a worker thread alone)`,
        ]);
        continue;
      }
      const goal = goalFor(name, route);
      const clean = ours.errors === 0 && m.errors === 0;
      let verdict = `${ratio.toFixed(2)}× (goal ≥ ${goal.ratio}×${clean && ratio >= goal.ratio ? ', met' : ', MISSED'})`;
      if (goal.p99 !== undefined) {
        const p99Ratio = m.p99Ratio ?? ours.p99 / m.p99;
        const met = clean && p99Ratio <= goal.p99;
        verdict += `; p99 ${p99Ratio.toFixed(2)}× (goal ≤ ${goal.p99}×${met ? ', met' : ', MISSED'})`;
      }
      rows.push([
        `mock ${route} req/s (p50/p99 ms)`,
        figures(ours),
        `${referenceName(name, route)} ${figures(m)}`,
        verdict,
      ]);
    }
  }
  for (const [what, why] of Object.entries(result.skipped ?? {})) rows.push([`mock: not measured`, what, why, '']);
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
  const result = await benchRuntime(root);
  for (const row of runtimeRows(result)) console.log(row.join('  '));
}
