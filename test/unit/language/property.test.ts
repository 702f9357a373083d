// Robustness: random and mutated documents never make validate throw, it always finishes, and every diagnostic
// about the document has a range inside it. Seeds are the language fixtures (valid and broken definitions),
// mutated with the edits a user makes while typing, plus documents generated from scratch in the shape of an
// API definition with API Gateway extensions holding arbitrary values.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { stringify as toYaml } from 'yaml';
import { createLanguageService } from '../../../src/language';
import { parseAfterEdit } from '../../../src/language/incrementalParse';
import { parseSource } from '../../../src/model';
import { reparseEdit } from '../../../src/model/parse/incremental';
import type { SourceDocument } from '../../../src/model/sourceNode';
import type { Diagnostic } from '../../../src/shared/diagnostic';
import type { FileSystem } from '../../../src/shared/fileSystem';
import { fixture } from '../helpers/paths';

/** No file besides the document exists: cross-file refs are unresolved, never read from disk. */
const noFiles: FileSystem = {
  readFile: (p) => Promise.reject(Object.assign(new Error(`ENOENT: ${p}`), { code: 'ENOENT' })),
  size: () => Promise.resolve(undefined),
};
const service = createLanguageService({ fs: noFiles });

function seedFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ya?ml|json)$/.test(f) && !f.endsWith('.expected.json'))
    .sort()
    .map((f) => path.join(dir, f));
}

const seeds = seedFiles(fixture('language')).map((file) => ({
  name: path.extname(file) === '.json' ? 'api.json' : 'api.yaml',
  text: fs.readFileSync(file, 'utf8'),
}));

/** Text a user (or a broken tool) may put anywhere: YAML / JSON punctuation, tags, anchors, odd numbers. */
const PIECES = [
  ':',
  ': ',
  '-',
  '- ',
  '{',
  '}',
  '[',
  ']',
  ',',
  '"',
  "'",
  '\\',
  '#',
  '\n',
  '\r\n',
  '\t',
  '  ',
  '|',
  '>-',
  '? ',
  '&a ',
  '*a',
  '<<: *a',
  '!Ref ',
  '!Sub ',
  '!GetAtt ',
  '!If ',
  '!!binary ',
  '!Custom ',
  '%YAML 1.2\n',
  '---\n',
  '...\n',
  '$ref: ',
  '"$ref": "#/x"',
  '{x-amazon-apigateway-integration: {}}',
  '1e400',
  '-0',
  '99999999999999999999999999999999',
  '0x1F',
  '.nan',
  'null',
  '~',
  'true',
  '"\\u12"',
  '\u0000',
  '\uFEFF',
  '\uD800',
  '😀',
  'é',
  '{{{{',
  ']]]]',
];

const edit = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), piece: fc.constantFrom(...PIECES) }),
  fc.record({
    kind: fc.constant('unicode' as const),
    at: fc.nat(),
    piece: fc.string({ unit: 'binary', maxLength: 8 }),
  }),
  fc.record({ kind: fc.constant('swapLines' as const), at: fc.nat(), other: fc.nat() }),
  fc.record({ kind: fc.constant('nest' as const), at: fc.nat(), depth: fc.integer({ min: 1, max: 600 }) }),
);
type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never;

function applyEdit(text: string, e: Edit): string {
  const at = text.length === 0 ? 0 : e.at % (text.length + 1);
  switch (e.kind) {
    case 'delete':
      return text.slice(0, at) + text.slice(at + e.length);
    case 'insert':
    case 'unicode':
      return text.slice(0, at) + e.piece + text.slice(at);
    case 'swapLines': {
      const lines = text.split('\n');
      const i = e.at % lines.length;
      const j = e.other % lines.length;
      [lines[i], lines[j]] = [lines[j] ?? '', lines[i] ?? ''];
      return lines.join('\n');
    }
    case 'nest': {
      const open = e.depth % 2 === 0 ? '['.repeat(e.depth) : '- '.repeat(e.depth);
      return text.slice(0, at) + open + text.slice(at);
    }
  }
}

/** Every diagnostic about the document itself starts before it ends, and both ends are inside the text. */
function assertInside(text: string, diagnostics: Diagnostic[]): void {
  const lines = text.split(/\r\n|\r|\n/);
  const inside = (p: { line: number; character: number }) =>
    Number.isInteger(p.line) &&
    Number.isInteger(p.character) &&
    p.line >= 0 &&
    p.character >= 0 &&
    p.line < lines.length &&
    p.character <= (lines[p.line]?.length ?? -1);
  for (const d of diagnostics) {
    assert.notEqual(d.code, 'apigw.internal', `a rule threw: ${d.message}`);
    assert.ok(typeof d.message === 'string' && d.message.length > 0, `diagnostic ${d.code} has no message`);
    if (d.file !== undefined) continue;
    const { start, end } = d.range;
    assert.ok(inside(start) && inside(end), `${d.code} at ${JSON.stringify(d.range)} is outside the document`);
    assert.ok(start.line < end.line || (start.line === end.line && start.character <= end.character), d.code);
  }
}

async function check(name: string, text: string): Promise<void> {
  const report = await service.validateReport({ file: `/work/${name}`, text });
  assertInside(text, report.diagnostics);
}

/** Values API Gateway's extensions may hold, and many they may not. */
const anyValue = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.oneof(fc.string(), fc.constantFrom('AWS_PROXY', 'HTTP', 'MOCK', 'POST', 'arn:aws:lambda:x', '$request.x')),
    fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null)),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(
      fc.oneof(
        fc.string({ maxLength: 6 }),
        fc.constantFrom('type', 'uri', 'httpMethod', '$ref', 'responses', 'Fn::Sub'),
      ),
      tie('value'),
      { maxKeys: 4 },
    ),
  ),
})).value;

const EXTENSIONS = [
  'x-amazon-apigateway-integration',
  'x-amazon-apigateway-authorizer',
  'x-amazon-apigateway-request-validators',
  'x-amazon-apigateway-cors',
  'x-amazon-apigateway-binary-media-types',
  'x-amazon-apigateway-any-method',
];

const generatedApi = fc.record({
  version: fc.constantFrom('3.0.1', '3.1.0', '2.0', 3, ''),
  paths: fc.dictionary(
    fc.oneof(fc.constantFrom('/a', '/a/{id}', '/{proxy+}', '$default', 'a'), fc.string({ maxLength: 8 })),
    fc.dictionary(
      fc.constantFrom('get', 'post', 'parameters', 'x-amazon-apigateway-any-method', '$ref'),
      fc.oneof(
        anyValue,
        fc.dictionary(fc.constantFrom(...EXTENSIONS, 'operationId', 'parameters', 'security'), anyValue),
      ),
    ),
  ),
  root: fc.dictionary(fc.constantFrom(...EXTENSIONS, 'components', 'securityDefinitions', 'security'), anyValue),
  asJson: fc.boolean(),
});

describe('validate on random and mutated documents', () => {
  it('never throws, and keeps every diagnostic inside the document, for mutated fixtures', async () => {
    assert.ok(seeds.length >= 10, 'the language fixtures are the seeds');
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.array(edit, { minLength: 1, maxLength: 4 }), async (which, edits) => {
        const seed = seeds[which % seeds.length];
        if (!seed) return;
        await check(seed.name, edits.reduce(applyEdit, seed.text));
      }),
      { numRuns: 300, seed: 4242 },
    );
  });

  it('never throws on generated API definitions holding arbitrary extension values', async () => {
    await fc.assert(
      fc.asyncProperty(generatedApi, async ({ version, paths, root, asJson }) => {
        const key = version === '2.0' ? 'swagger' : 'openapi';
        const api = { [key]: version, info: { title: 'T', version: '1' }, paths, ...root };
        const text = asJson ? JSON.stringify(api, null, 2) : toYaml(api);
        await check(asJson ? 'api.json' : 'api.yaml', text);
      }),
      { numRuns: 200, seed: 2424 },
    );
  });

  it('never throws on arbitrary JSON and YAML text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ unit: 'binary' }), fc.json()), fc.boolean(), async (text, asJson) => {
        await check(asJson ? 'api.json' : 'api.yaml', text);
        await check('api.yaml', `openapi: 3.0.1\ninfo: ${text}\npaths:\n  /a: ${text}\n`);
      }),
      { numRuns: 200, seed: 99 },
    );
  });

  it('reads documents nested far deeper than the parsers recurse', async () => {
    const depth = 5000;
    await check('api.json', `{"openapi": "3.0.1", "paths": ${'['.repeat(depth)}${']'.repeat(depth)}}`);
    await check('api.yaml', `openapi: 3.0.1\npaths:\n${'- '.repeat(depth)}x\n`);
    await check('api.yaml', `openapi: 3.0.1\npaths: ${'{a: '.repeat(depth)}1${'}'.repeat(depth)}\n`);
  });
});

/** A document as plain data (positionAt checked at a few offsets), to compare an incremental parse with a full one. */
function snapshot(document: SourceDocument): unknown {
  const offsets = [0, 1, Math.floor(document.text.length / 2), document.text.length];
  return { ...document, positionAt: undefined, positions: offsets.map((o) => document.positionAt(o)) };
}

/** A one-character edit, mostly inside values (as typing does): insert or delete at `at`. */
const typing = fc.record({
  at: fc.nat(),
  remove: fc.boolean(),
  char: fc.constantFrom('a', 'Z', '_', '.', '-', '/', '1', ' ', '"', "'", '\\', ':', '#', 'é', '😀', '\n'),
});

describe('incremental parsing after an edit', () => {
  const valid = seeds.filter((s) => parseSource(`/work/${s.name}`, s.text).problems.length === 0);

  it('gives exactly the document and diagnostics of a full parse, over random sequences of edits', async () => {
    let reused = 0;
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.array(typing, { minLength: 1, maxLength: 12 }), async (which, edits) => {
        const seed = valid[which % valid.length];
        if (!seed) return;
        const file = `/work/${seed.name}`;
        let text = seed.text;
        let previous = parseSource(file, text);
        for (const e of edits) {
          const at = e.at % (text.length + 1);
          text = e.remove ? text.slice(0, at) + text.slice(at + 1) : text.slice(0, at) + e.char + text.slice(at);
          const full = parseSource(file, text);
          if (reparseEdit(parseSource(file, previous.text), text) !== undefined) reused++;
          const incremental = parseAfterEdit(previous, file, text);
          assert.deepEqual(snapshot(incremental), snapshot(full));
          previous = incremental;
        }
        // Diagnostics from a service that parses incrementally equal those of a fresh one.
        const fresh = createLanguageService({ fs: noFiles });
        assert.deepEqual(await service.validate({ file, text }), await fresh.validate({ file, text }));
      }),
      { numRuns: 100, seed: 777 },
    );
    assert.ok(reused > 10, `the incremental path was taken only ${reused} times`);
  });

  it('edits inside a string value reuse the tree and shift what follows', () => {
    const file = '/work/api.yaml';
    const before = 'a:\n  b: hello\n  c: [x, "y"]\nd: 1\n';
    const after = 'a:\n  b: helxlo\n  c: [x, "y"]\nd: 1\n';
    const previous = parseSource(file, before);
    const reparsed = reparseEdit(previous, after);
    assert.ok(reparsed, 'a letter typed into a plain scalar is parsed incrementally');
    assert.deepEqual(snapshot(reparsed), snapshot(parseSource(file, after)));
    assert.equal(reparseEdit(parseSource(file, before), 'a:\n  b: hel: lo\n  c: [x, "y"]\nd: 1\n'), undefined);
    assert.equal(reparseEdit(parseSource(file, before), 'ax:\n  b: hello\n  c: [x, "y"]\nd: 1\n'), undefined);
    // A plain value deleted to nothing is null, not an empty string: parsed in full.
    assert.equal(reparseEdit(parseSource(file, 'a: x\nb: 1\n'), 'a: \nb: 1\n'), undefined);
  });

  it('parses in full an edit of a value that a YAML alias copies, and reuses the tree for other edits', () => {
    const file = '/work/api.yaml';
    const before = 'a: &x\n  b: hello\nc: *x\nd: world\n';
    const aliased = parseSource(file, before);
    assert.equal(aliased.aliased, true);
    assert.equal(reparseEdit(aliased, 'a: &x\n  b: helxlo\nc: *x\nd: world\n'), undefined);
    const after = 'a: &x\n  b: hello\nc: *x\nd: worxld\n';
    const reparsed = reparseEdit(parseSource(file, before), after);
    assert.ok(reparsed, 'a value no alias copies is parsed incrementally');
    assert.equal(reparsed.aliased, true);
    assert.deepEqual(snapshot(reparsed), snapshot(parseSource(file, after)));
    // An edit between the anchor and the alias: the copy's nodes keep the anchored nodes' places (before the
    // edit), so a later edit of the anchored value still finds the copy and is parsed in full.
    const between = 'a: &x\n  b: hello\nm: worxld\nc: *x\n';
    const moved = reparseEdit(parseSource(file, 'a: &x\n  b: hello\nm: world\nc: *x\n'), between);
    assert.ok(moved, 'a value between an anchor and its alias is parsed incrementally');
    assert.deepEqual(snapshot(moved), snapshot(parseSource(file, between)));
    assert.equal(reparseEdit(moved, 'a: &x\n  b: helxlo\nm: worxld\nc: *x\n'), undefined);
    // A copy of an anchored scalar has the alias's place: an edit of the anchored scalar is parsed in full too.
    assert.equal(reparseEdit(parseSource(file, 'h: &y zed\ni: [*y, x]\n'), 'h: &y zebd\ni: [*y, x]\n'), undefined);
    const other = reparseEdit(parseSource(file, 'h: &y zed\ni: [*y, x]\n'), 'h: &y zed\ni: [*y, xa]\n');
    assert.ok(other, 'a value no alias copies is parsed incrementally');
    assert.deepEqual(snapshot(other), snapshot(parseSource(file, 'h: &y zed\ni: [*y, xa]\n')));
    // Without aliases no document is marked, even when the text has alias-like words.
    assert.equal(parseSource(file, 'a: "*x is &y"\n').aliased, undefined);
  });
});
