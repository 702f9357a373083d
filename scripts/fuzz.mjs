// npm run fuzz: the fuzz properties of test/fuzz/properties.ts with about 100,000 cases in all (a few minutes),
// every case timed (slower than a second is a failure). A failure prints its seed and path: run it again with
//   node scripts/fuzz.mjs --seed=<seed> --path=<path> --only=<property number>
//   node scripts/fuzz.mjs [--cases=100000] [--seed=N] [--only=1,2] [--slow-ms=1000]
import * as esbuild from 'esbuild';
import { precompiledValidators } from './precompiledValidators.mjs';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const cases = Number(arg('cases') ?? 100_000);
const slowMs = Number(arg('slow-ms') ?? 1000);
const baseSeed = arg('seed') === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(arg('seed'));
const replayPath = arg('path');
const only = arg('only')?.split(',').map(Number);

const outfile = path.join(root, 'out/fuzz/properties.cjs');
fs.mkdirSync(path.dirname(outfile), { recursive: true });
await esbuild.build({
  entryPoints: [path.join(root, 'test/fuzz/properties.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  packages: 'external',
  sourcemap: 'inline',
  logLevel: 'warning',
  plugins: [precompiledValidators()],
});
const { default: fc } = await import('fast-check');
const { fuzzProperties } = await import(pathToFileURL(outfile).href);

const weights = fuzzProperties.reduce((sum, p) => sum + p.weight, 0);
let failed = 0;
const started = Date.now();
for (const [index, fuzz] of fuzzProperties.entries()) {
  const number = index + 1;
  if (only && !only.includes(number)) continue;
  const numRuns = Math.max(1, Math.round((cases * fuzz.weight) / weights));
  const seed = baseSeed + index;
  const t = Date.now();
  process.stdout.write(`${number}. ${fuzz.name}: ${numRuns} cases, seed ${seed} ... `);
  const details = await fc.check(fuzz.property(slowMs), {
    seed,
    numRuns,
    ...(replayPath !== undefined ? { path: replayPath } : {}),
  });
  const seconds = ((Date.now() - t) / 1000).toFixed(1);
  if (details.failed) {
    failed++;
    console.log(`FAILED after ${details.numRuns} cases (${seconds} s)`);
    console.log(fc.defaultReportMessage(details));
    if (details.errorInstance instanceof Error) console.log(details.errorInstance.message);
    console.log(
      `replay: node scripts/fuzz.mjs --only=${number} --seed=${details.seed - index} --path=${details.counterexamplePath}`,
    );
  } else {
    console.log(`ok (${seconds} s)`);
  }
}
console.log(
  `${failed === 0 ? 'all properties hold' : `${failed} properties failed`} in ${((Date.now() - started) / 1000).toFixed(0)} s`,
);
process.exitCode = failed === 0 ? 0 : 1;
