// Validation time must grow linearly with the definition (robustness findings F12, F13): generated definitions of
// n and 2n routes with a request and a response template each, operations with n and 2n parameters, and an
// integration `responses` map of n and 2n invalid entries, each validated by `apigw validate` (dist/cli.js) in a
// child process of its own. The reference of each row is the same shape at half the size: a ratio near 2 is
// linear, near 4 quadratic.
//   node bench/scaling.mjs     (or through `npm run bench`, after a build)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** n MOCK routes, each with one request and one response template (F12's shape: a large templated REST API). */
function templatedApi(n) {
  const paths = {};
  for (let i = 0; i < n; i++) {
    paths[`/r${i}`] = {
      post: {
        responses: { 200: { description: 'ok' } },
        'x-amazon-apigateway-integration': {
          type: 'mock',
          requestTemplates: { 'application/json': `{"statusCode": 200, "id": "$input.params('id')"}` },
          responses: { default: { statusCode: '200', responseTemplates: { 'application/json': '{"ok": true}' } } },
        },
      },
    };
  }
  return { openapi: '3.0.1', info: { title: 't', version: '1' }, paths };
}

/** One operation with n parameters, or an integration whose `responses` map has n invalid entries (F13). */
function longList(kind, n) {
  const operation = { responses: { 200: { description: 'ok' } } };
  if (kind === 'parameters') {
    operation.parameters = Array.from({ length: n }, (_, i) => ({
      name: `p${i}`,
      in: 'query',
      schema: { type: 'string' },
    }));
  } else {
    operation['x-amazon-apigateway-integration'] = {
      type: 'mock',
      responses: Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, { statusCode: { n: i } }])),
    };
  }
  return { openapi: '3.0.1', info: { title: 't', version: '1' }, paths: { '/p': { get: operation } } };
}

const shapes = [
  { name: 'routes with templates', sizes: [1000, 2000], make: templatedApi },
  { name: 'parameters of one operation', sizes: [8000, 16000], make: (n) => longList('parameters', n) },
  { name: 'invalid integration responses', sizes: [20000, 40000], make: (n) => longList('responses', n) },
];

/** Wall time of `apigw validate FILE` in a child process (the best of two runs), in ms. */
function validateMs(file) {
  let best = Infinity;
  for (let run = 0; run < 2; run++) {
    const started = process.hrtime.bigint();
    const child = spawnSync(process.execPath, [path.join(root, 'dist/cli.js'), 'validate', file], {
      stdio: 'ignore',
      timeout: 300_000,
    });
    if (child.error) throw child.error;
    best = Math.min(best, Number(process.hrtime.bigint() - started) / 1e6);
  }
  return best;
}

export async function benchScaling() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'apigw-scaling-'));
  const results = [];
  try {
    for (const shape of shapes) {
      const measures = shape.sizes.map((n) => {
        const file = path.join(dir, `${shape.name.replace(/\W+/g, '-')}-${n}.json`);
        fs.writeFileSync(file, JSON.stringify(shape.make(n), null, 2));
        return { n, bytes: fs.statSync(file).size, ms: validateMs(file) };
      });
      results.push({ shape: shape.name, measures });
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return results;
}

export function scalingRows(results) {
  const MB = (b) => `${(b / 1024 / 1024).toFixed(1)} MB`;
  return results.map(({ shape, measures: [small, large] }) => [
    `validate ${large.n} ${shape} (${MB(large.bytes)})`,
    `${(large.ms / 1000).toFixed(2)} s`,
    `${small.n} ${shape} ${(small.ms / 1000).toFixed(2)} s`,
    `${(large.ms / small.ms).toFixed(2)}× (2× is linear)`,
  ]);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const rows = scalingRows(await benchScaling());
  for (const row of rows) console.log(row.join('  |  '));
}
