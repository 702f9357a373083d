// Bundle size of dist/extension.js (what activation loads), the feature bundles it loads on first use
// (dist/features/*.js), dist/server.js and dist/cli.js (production build), raw and gzipped, against a reference
// measured in the same run: the `yaml` package bundled and minified on its own (our one big runtime dependency).
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';

const sizes = (bytes) => ({ bytes: bytes.length, gzip: zlib.gzipSync(bytes, { level: 9 }).length });

export async function measureBundleSize(root) {
  const ours = {};
  const features = fs.existsSync(path.join(root, 'dist', 'features'))
    ? fs
        .readdirSync(path.join(root, 'dist', 'features'))
        .filter((f) => f.endsWith('.js'))
        .map((f) => `features/${f}`)
    : [];
  for (const name of ['extension.js', ...features, 'server.js', 'cli.js']) {
    const file = path.join(root, 'dist', name);
    if (!fs.existsSync(file)) throw new Error(`${file} is missing: run \`npm run build:production\` first`);
    ours[name] = sizes(fs.readFileSync(file));
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'apigw-bench-'));
  try {
    const entry = path.join(dir, 'entry.js');
    fs.writeFileSync(entry, "module.exports = require('yaml');\n");
    const out = path.join(dir, 'yaml.js');
    await esbuild.build({
      entryPoints: [entry],
      bundle: true,
      minify: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      outfile: out,
      nodePaths: [path.join(root, 'node_modules')],
      logLevel: 'silent',
    });
    return { ours, reference: { 'yaml alone': sizes(fs.readFileSync(out)) } };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
