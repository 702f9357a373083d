// npm run soak: `apigw mock` under steady load for 10 minutes, on 127.0.0.1 only — 64 HTTP connections over a
// REST API's MOCK and Lambda proxy routes and an HTTP API's Lambda proxy route, and 200 WebSocket clients that
// send messages — then stops the WebSocket mock with its clients connected. Reports the errors (network errors,
// 5XX, WebSocket errors, a stop that takes over 2 s or does not exit) and the slope of each mock's memory (RSS)
// after the first minute. Goal: 0 errors, slope < 1 MB/min. Run `npm run build` first (it uses dist/cli.js).
//   node scripts/soak.mjs [--minutes=10] [--connections=64] [--websockets=200]
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback);
const minutes = arg('minutes', 10);
const connections = arg('connections', 64);
const websockets = arg('websockets', 200);
const durationMs = minutes * 60_000;
const sampleMs = 5_000;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'apigw-soak-'));
const lambda = (fn) =>
  `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:${fn}/invocations`;
const files = {
  'handler.mjs': `export async function rest(event) {
  return { statusCode: 200, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ id: event.pathParameters.id }) };
}
export async function httpApi(event) {
  return { id: event.pathParameters.id, q: event.queryStringParameters?.q ?? null };
}
export async function ws(event) {
  const { eventType } = event.requestContext;
  if (eventType !== 'MESSAGE') return { statusCode: 200 };
  return { statusCode: 200, body: JSON.stringify({ echo: JSON.parse(event.body).text }) };
}
`,
  'apigw.config.json': JSON.stringify({
    lambdaHandlers: { Rest: 'handler.mjs#rest', Http: 'handler.mjs#httpApi', Ws: 'handler.mjs#ws' },
  }),
  'rest.yaml': `openapi: 3.0.1
info: {title: Soak REST, version: '1'}
paths:
  /health:
    get:
      x-amazon-apigateway-integration:
        type: mock
        requestTemplates: {application/json: '{"statusCode": 200}'}
        responses:
          default:
            statusCode: '200'
            responseTemplates: {application/json: '{"ok": true, "id": "$context.requestId"}'}
  /items/{id}:
    get:
      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
      x-amazon-apigateway-integration: {type: aws_proxy, httpMethod: POST, uri: ${lambda('Rest')}}
`,
  'http.json': JSON.stringify({
    openapi: '3.0.1',
    info: { title: 'Soak HTTP', version: '1' },
    'x-amazon-apigateway-importexport-version': '1.0',
    paths: {
      '/items/{id}': {
        get: {
          'x-amazon-apigateway-integration': {
            type: 'aws_proxy',
            httpMethod: 'POST',
            uri: lambda('Http'),
            payloadFormatVersion: '2.0',
          },
        },
      },
    },
  }),
  'ws.yaml': `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Api:
    Type: AWS::ApiGatewayV2::Api
    Properties: {Name: SoakWs, ProtocolType: WEBSOCKET, RouteSelectionExpression: $request.body.action}
  Connect:
    Type: AWS::ApiGatewayV2::Route
    Properties: {ApiId: !Ref Api, RouteKey: $connect, Target: !Sub 'integrations/\${Fn}'}
  Disconnect:
    Type: AWS::ApiGatewayV2::Route
    Properties: {ApiId: !Ref Api, RouteKey: $disconnect, Target: !Sub 'integrations/\${Fn}'}
  Echo:
    Type: AWS::ApiGatewayV2::Route
    Properties: {ApiId: !Ref Api, RouteKey: echo, RouteResponseSelectionExpression: $default, Target: !Sub 'integrations/\${Fn}'}
  EchoResponse:
    Type: AWS::ApiGatewayV2::RouteResponse
    Properties: {ApiId: !Ref Api, RouteId: !Ref Echo, RouteResponseKey: $default}
  Fn:
    Type: AWS::ApiGatewayV2::Integration
    Properties: {ApiId: !Ref Api, IntegrationType: AWS_PROXY, IntegrationUri: ${lambda('Ws')}}
`,
};
for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);

/** Starts `apigw mock FILE` on a free 127.0.0.1 port; resolves to the child and its base URL. */
function startMock(file) {
  const child = spawn(process.execPath, [path.join(root, 'dist/cli.js'), 'mock', path.join(dir, file), '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr.resume(); // the request log: read and dropped
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`apigw mock ${file} exited with ${code}`)));
    child.stdout.once('data', (data) => resolve({ child, url: String(data).trim() }));
  });
}

/** Resident memory of a process in MB (Linux /proc; elsewhere ps). */
function rssMb(pid) {
  try {
    return Number(/^VmRSS:\s+(\d+)/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) / 1024;
  } catch {
    return NaN;
  }
}

/** Least-squares slope of (minute, MB) points. */
function slope(points) {
  const n = points.length;
  if (n < 2) return NaN;
  const mx = points.reduce((s, p) => s + p[0], 0) / n;
  const my = points.reduce((s, p) => s + p[1], 0) / n;
  const num = points.reduce((s, p) => s + (p[0] - mx) * (p[1] - my), 0);
  const den = points.reduce((s, p) => s + (p[0] - mx) ** 2, 0);
  return num / den;
}

const errors = [];
const error = (what) => {
  if (errors.length < 20) console.error(`error: ${what}`);
  errors.push(what);
};

const mocks = {};
try {
  for (const [name, file] of [
    ['rest', 'rest.yaml'],
    ['http', 'http.json'],
    ['ws', 'ws.yaml'],
  ])
    mocks[name] = await startMock(file);
} catch (e) {
  // One could not start: stop the others, which would otherwise keep running.
  for (const { child } of Object.values(mocks)) child.kill('SIGTERM');
  fs.rmSync(dir, { recursive: true, force: true });
  throw e;
}
for (const [name, { url }] of Object.entries(mocks)) {
  if (!url.startsWith('http://127.0.0.1:') && !url.startsWith('ws://127.0.0.1:'))
    throw new Error(`${name} is not on 127.0.0.1: ${url}`);
}
console.log(`soak: ${minutes} min, ${connections} HTTP connections, ${websockets} WebSocket clients (127.0.0.1)`);

const started = Date.now();
const deadline = started + durationMs;
const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
const targets = [`${mocks.rest.url}/health`, `${mocks.rest.url}/items/7`, `${mocks.http.url}/items/7?q=x`];
let requests = 0;

function get(url) {
  return new Promise((resolve) => {
    const request = http.get(url, { agent }, (res) => {
      res.resume();
      res.on('end', () => {
        if (res.statusCode !== 200) error(`GET ${url} answered ${res.statusCode}`);
        resolve();
      });
    });
    request.on('error', (e) => {
      error(`GET ${url}: ${e.message}`);
      resolve();
    });
  });
}

async function httpLoop(index) {
  let i = index;
  while (Date.now() < deadline) {
    await get(targets[i++ % targets.length]);
    requests++;
  }
}

let messages = 0;
const clients = [];
async function webSocketClient(index) {
  const ws = await new Promise((resolve, reject) => {
    const socket = new WebSocket(mocks.ws.url);
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
  }).catch((e) => error(`WebSocket ${index}: ${e.message}`));
  if (ws === undefined) return;
  clients.push(ws);
  ws.on('error', (e) => error(`WebSocket ${index}: ${e.message}`));
  ws.on('message', () => messages++);
  while (Date.now() < deadline - 5_000 && ws.readyState === WebSocket.OPEN) {
    ws.send(JSON.stringify({ action: 'echo', text: `m${index}` }));
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const samples = { rest: [], http: [], ws: [] };
const sampler = setInterval(() => {
  const minute = (Date.now() - started) / 60_000;
  for (const [name, { child }] of Object.entries(mocks)) samples[name].push([minute, rssMb(child.pid)]);
  process.stdout.write(
    `\r${minute.toFixed(1)} min: ${requests} requests, ${messages} WebSocket messages, ${errors.length} errors   `,
  );
}, sampleMs);

await Promise.all([
  ...Array.from({ length: connections }, (_, i) => httpLoop(i)),
  ...Array.from({ length: websockets }, (_, i) => webSocketClient(i)),
]);
clearInterval(sampler);
agent.destroy();
console.log('');

// Stop the WebSocket mock with its clients still connected: it must run $disconnect, close them and exit in 2 s.
const stopStarted = Date.now();
const exited = Promise.all(
  Object.values(mocks).map(({ child }) => new Promise((resolve) => child.once('exit', resolve))),
);
for (const { child } of Object.values(mocks)) child.kill('SIGTERM');
const stopped = await Promise.race([
  exited.then(() => true),
  new Promise((resolve) => setTimeout(() => resolve(false), 10_000)),
]);
const stopMs = Date.now() - stopStarted;
if (!stopped) {
  error('the mocks did not exit within 10 s of SIGTERM');
  for (const { child } of Object.values(mocks)) child.kill('SIGKILL');
} else if (stopMs > 2000) error(`stopping took ${stopMs} ms (more than 2 s)`);
for (const ws of clients) ws.terminate();
fs.rmSync(dir, { recursive: true, force: true });

console.log(`requests: ${requests} HTTP, ${messages} WebSocket messages; stop: ${stopMs} ms; errors: ${errors.length}`);
let slopeOk = true;
for (const [name, points] of Object.entries(samples)) {
  const after = points.filter(([minute]) => minute >= Math.min(1, minutes / 2));
  const perMinute = slope(after);
  const first = points[0]?.[1] ?? NaN;
  const last = points.at(-1)?.[1] ?? NaN;
  console.log(
    `${name}: RSS ${first.toFixed(0)} → ${last.toFixed(0)} MB, slope after the first minute ${perMinute.toFixed(2)} MB/min`,
  );
  if (!(perMinute < 1)) slopeOk = false;
}
const ok = errors.length === 0 && slopeOk;
console.log(ok ? 'goal met: 0 errors, slope < 1 MB/min' : 'goal NOT met');
process.exitCode = ok ? 0 : 1;
