// Mapping-template rendering speed: our engine (src/vtl, bundled here with esbuild from the sources) against bare
// velocityjs rendering the same template in the same run, both compiled once. The template is the typical one: a
// #foreach over 100 items of the body, building JSON from $input.path.
//   node bench/vtl.mjs        (or through `npm run bench`)
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const benchTemplate = `#set($items = $input.path('$.items'))
{
  "count": $items.size(),
  "store": "$input.path('$.store')",
  "items": [
#foreach($item in $items)
    {"id": "$item.id", "name": "$util.escapeJavaScript($item.name)", "price": $item.price, "inStock": $item.inStock}#if($foreach.hasNext),#end

#end
  ]
}`;

export function benchBody(count = 100) {
  const items = Array.from({ length: count }, (_, i) => ({
    id: `item-${i}`,
    name: `Item "${i}" / ${i % 7 === 0 ? 'special' : 'plain'}`,
    price: i * 3 + 1,
    inStock: i % 2 === 0,
  }));
  return JSON.stringify({ store: 'north', items });
}

/** Bundles src/vtl/index.ts to a temporary CommonJS file and loads it. */
async function loadEngine() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'apigw-bench-vtl-'));
  try {
    const outfile = path.join(dir, 'vtl.cjs');
    await esbuild.build({
      entryPoints: [path.join(root, 'src/vtl/index.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      outfile,
      logLevel: 'silent',
    });
    return createRequire(import.meta.url)(outfile);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** velocityjs with the bare minimum of `$input` / `$util` the template needs (no API Gateway semantics). */
function velocityjsRenderer(template) {
  const require = createRequire(path.join(root, 'package.json'));
  const { Compile, parse } = require('velocityjs');
  const compiled = new Compile(parse(template));
  return (body) => {
    const data = JSON.parse(body);
    const context = {
      input: {
        path: (p) =>
          p
            .slice(2)
            .split('.')
            .reduce((v, k) => (v == null ? v : v[k]), data),
        body,
      },
      util: { escapeJavaScript: (s) => String(s).replace(/["'\\/]/g, (c) => `\\${c}`) },
    };
    return compiled.render(context);
  };
}

/** Renders per second, over `ms` milliseconds. */
function measure(render, ms) {
  let n = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < ms) {
    for (let i = 0; i < 20; i++) render();
    n += 20;
    elapsed = performance.now() - start;
  }
  return (n * 1000) / elapsed;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** { ours, velocityjs, ratio }: medians of `repeats` interleaved rounds of `ms` each. */
export async function benchVtl({ repeats = 5, ms = 300 } = {}) {
  const engine = await loadEngine();
  const body = benchBody();
  const compiled = engine.compileTemplate(benchTemplate);
  if (!compiled.ok) throw new Error(`bench template does not compile: ${compiled.errors[0].message}`);
  const context = { request: { body, method: 'POST', path: '/orders' } };
  const ours = () => {
    const result = engine.renderTemplate(compiled.template, context);
    if (result.errors.length > 0) throw new Error(result.errors[0].message);
    return result.output;
  };
  const theirs = velocityjsRenderer(benchTemplate);
  const theirsRender = () => theirs(body);
  // Warm up both, and check that ours produces valid JSON.
  JSON.parse(ours());
  measure(ours, 100);
  measure(theirsRender, 100);
  const oursRuns = [];
  const theirsRuns = [];
  for (let i = 0; i < repeats; i++) {
    oursRuns.push(measure(ours, ms));
    theirsRuns.push(measure(theirsRender, ms));
  }
  const result = { ours: Math.round(median(oursRuns)), velocityjs: Math.round(median(theirsRuns)) };
  return { ...result, ratio: Number((result.ours / result.velocityjs).toFixed(2)) };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const result = await benchVtl();
  console.log(`vtl: ours ${result.ours} renders/s, velocityjs ${result.velocityjs} renders/s, ratio ${result.ratio}×`);
}
