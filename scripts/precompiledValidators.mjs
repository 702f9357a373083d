// An esbuild plugin: the module 'apigw-precompiled:openapi-validators' (src/language/rules/schema/validators.ts
// imports it) is the ajv validators of the official OpenAPI 2.0 and 3.0 schemas, compiled into JavaScript by
// src/language/rules/schema/precompile.ts when the bundle is built. Generated once per plugin instance (about a
// quarter of a second): give every build of one run the same instance.
import * as esbuild from 'esbuild';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const schemaDir = path.join(root, 'src/language/rules/schema');

export function precompiledValidators() {
  let source;
  return {
    name: 'precompiled-openapi-validators',
    setup(build) {
      build.onResolve({ filter: /^apigw-precompiled:openapi-validators$/ }, (args) => ({
        path: args.path,
        namespace: 'apigw-precompiled',
      }));
      build.onLoad({ filter: /.*/, namespace: 'apigw-precompiled' }, async () => ({
        contents: await (source ??= generate()),
        loader: 'js',
        // The generated code requires ajv's runtime, the schemas package and ./uniqueItemsLinear from here.
        resolveDir: schemaDir,
      }));
    },
  };
}

async function generate() {
  const outfile = path.join(root, 'out/precompile/precompile.cjs');
  await esbuild.build({
    entryPoints: [path.join(schemaDir, 'precompile.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    outfile,
    logLevel: 'silent',
  });
  const require = createRequire(import.meta.url);
  delete require.cache[outfile];
  return require(outfile).precompiledValidatorsSource();
}
