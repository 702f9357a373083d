import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { loadSourceSet, parseSource } from '../../../../src/model/parse';
import { toValue } from '../../../../src/model/parse/nodes';
import { collectRefs, refOf } from '../../../../src/model/parse/refs';
import type { FileSystem } from '../../../../src/shared/fileSystem';
import { nodeFileSystem } from '../../../../src/shared/nodeFileSystem';
import { makeRange } from '../../../../src/shared/range';
import { fixture } from '../../helpers/paths';
import { at, codesAndMessages, parseFixture } from './parseHelpers';

async function loadRefs(name: string, fs: FileSystem = nodeFileSystem) {
  return loadSourceSet(parseFixture('refs', name), fs);
}

/** A file system over an in-memory map of absolute path → text. */
function memoryFs(files: Record<string, string | Uint8Array>): FileSystem & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    readFile(file) {
      reads.push(file);
      const content = files[file];
      if (content === undefined) {
        return Promise.reject(Object.assign(new Error(`ENOENT: no such file, open '${file}'`), { code: 'ENOENT' }));
      }
      return Promise.resolve(typeof content === 'string' ? new TextEncoder().encode(content) : content);
    },
    size(file) {
      const content = files[file];
      return Promise.resolve(content?.length);
    },
  };
}

test('local refs resolve, through chains; a broken one is reported once at the $ref value', async () => {
  const set = await loadRefs('local.yaml');
  const responses = at(set.entry.root, 'paths', '/pets', 'get', 'responses');
  assert.deepEqual(toValue(set.resolve(at(responses, '200'))), { description: 'plain' });
  assert.deepEqual(toValue(set.resolve(at(set.entry.root, 'paths', '/pets', 'get', 'parameters', 0))), {
    name: 'limit',
    in: 'query',
  });
  assert.equal(set.resolve(at(responses, '404')), undefined);
  assert.equal(set.resolve(at(responses, '404')), undefined);
  const plain = at(set.entry.root, 'components', 'responses', 'Plain');
  assert.equal(set.resolve(plain), plain, 'a node without $ref is its own target');
  assert.equal(set.resolve(undefined), undefined);
  assert.deepEqual(codesAndMessages(set.problems), [
    [
      'apigw.ref.unresolved',
      "Cannot resolve $ref '#/components/responses/Missing': 'Missing' does not exist under '#/components/responses'.",
    ],
  ]);
  assert.deepEqual(set.problems[0]?.range, makeRange(10, 16, 10, 48));
  assert.equal(set.problems[0]?.file, undefined);
});

test('cross-file refs: YAML → JSON → YAML, relative to the referring file, each file loaded once', async () => {
  const set = await loadRefs('crossFile.yaml');
  const common = fixture('parse', 'refs', 'common.json');
  const error = fixture('parse', 'refs', 'shared', 'error.yaml');
  assert.deepEqual(
    [...set.documents.keys()].sort(),
    [fixture('parse', 'refs', 'crossFile.yaml'), common, error].sort(),
  );
  const pet = set.resolve(at(set.entry.root, 'components', 'schemas', 'Pet'));
  assert.equal(pet?.file, common);
  assert.equal(pet?.pointer, '/components/schemas/Pet');
  assert.deepEqual(toValue(set.resolve(at(pet, 'properties', 'error'))), { type: 'string' });
  assert.deepEqual(toValue(set.resolve(at(pet, 'properties', 'tag'))), { type: 'string' });
  const errorSchema = set.resolve(at(set.entry.root, 'components', 'schemas', 'Error'));
  assert.equal(errorSchema?.file, error);
  assert.equal(errorSchema?.pointer, '');
  assert.deepEqual(codesAndMessages(set.problems), [
    [
      'apigw.ref.unresolved',
      "Cannot resolve $ref './missing.yaml#/Gone': file './missing.yaml' cannot be read (ENOENT).",
    ],
    [
      'apigw.ref.unresolved',
      "Cannot resolve $ref '#/components/schemas/Nope': 'Nope' does not exist under '#/components/schemas'.",
    ],
  ]);
  assert.equal(set.problems[0]?.file, undefined);
  assert.deepEqual(set.problems[0]?.range, makeRange(8, 12, 8, 34));
  assert.equal(set.problems[1]?.file, common);
  assert.deepEqual(set.problems[1]?.range, makeRange(8, 26, 8, 53));
});

test('a circular chain of refs is reported with its path and resolves to undefined', async () => {
  const set = await loadRefs('circular.yaml');
  assert.equal(set.resolve(at(set.entry.root, 'components', 'schemas', 'A')), undefined);
  assert.deepEqual(codesAndMessages(set.problems), [
    ['apigw.ref.circular', 'Circular $ref: #/components/schemas/B → #/components/schemas/A → #/components/schemas/B'],
    ['apigw.ref.circular', 'Circular $ref: #/components/schemas/A → #/components/schemas/B → #/components/schemas/A'],
  ]);
  assert.deepEqual(set.problems[0]?.range, makeRange(3, 12, 3, 36));
});

test('a self-referencing schema resolves one level at a time and never hangs', async () => {
  const set = await loadRefs('recursive.yaml');
  assert.deepEqual(set.problems, []);
  const node = at(set.entry.root, 'components', 'schemas', 'Node');
  let current = node;
  for (let i = 0; i < 5; i++) {
    const next = set.resolve(at(current, 'properties', 'children', 'items'));
    assert.equal(next, node);
    current = next ?? node;
  }
  assert.equal(set.resolve(at(node, 'properties', 'self')), set.entry.root, "'#' is the document root");
});

test('a ref that needs itself to be resolved is reported, not followed forever', async () => {
  const set = await loadRefs('selfLoop.yaml');
  assert.deepEqual(codesAndMessages(set.problems), [
    ['apigw.ref.unresolved', "Cannot resolve $ref '#/a/b': 'b' does not exist under '#/a'."],
  ]);
});

test('JSON pointer escapes, %-decoding, array indexes and bad pointers', async () => {
  const set = await loadRefs('escapes.yaml');
  assert.deepEqual(toValue(set.resolve(at(set.entry.root, 'refs', 'slash'))), { operationId: 'getPet' });
  assert.equal(toValue(set.resolve(at(set.entry.root, 'refs', 'tilde'))), 1);
  assert.equal(toValue(set.resolve(at(set.entry.root, 'refs', 'item'))), 'one');
  assert.deepEqual(codesAndMessages(set.problems), [
    ['apigw.ref.unresolved', "Cannot resolve $ref '#/list/5': '5' does not exist under '#/list'."],
    [
      'apigw.ref.unresolved',
      "Cannot resolve $ref '#paths': '#paths' is not a JSON pointer (write '#/' followed by the path, e.g. '#/components/schemas/Pet').",
    ],
  ]);
});

test('remote refs are not fetched: one information problem', async () => {
  const set = await loadRefs('remote.yaml');
  assert.deepEqual(codesAndMessages(set.problems), [
    [
      'apigw.ref.remote',
      "$ref 'https://example.com/schemas.yaml#/Pet' points to a remote URL, which is not fetched: what it refers to is not checked.",
    ],
  ]);
  assert.equal(set.problems[0]?.severity, 'information');
  assert.equal(set.resolve(at(set.entry.root, 'components', 'schemas', 'Pet')), undefined);
  assert.equal(set.problems.length, 1);
});

test('syntax errors of a referenced file are problems with its file set', async () => {
  const set = await loadRefs('brokenTarget.yaml');
  const broken = fixture('parse', 'refs', 'broken.yaml');
  assert.deepEqual(codesAndMessages(set.problems), [
    [
      'apigw.parse.yamlSyntax',
      'YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]',
    ],
  ]);
  assert.equal(set.problems[0]?.file, broken);
});

test('refs read through the injected FileSystem: binary, too big and failing files are explained', async () => {
  const dir = path.resolve('/mem/api');
  const files = {
    [path.join(dir, 'bin.yaml')]: new Uint8Array([0x61, 0x00, 0x62]),
    [path.join(dir, 'big.yaml')]: 'a: 1\n'.repeat(100),
  };
  const memory = memoryFs(files);
  const entry = parseSource(
    path.join(dir, 'api.yaml'),
    "a: {$ref: 'bin.yaml#/a'}\nb: {$ref: 'big.yaml'}\nc: {$ref: 'big.yaml#/a'}\nd: {$ref: 'sub%20dir/x.yaml'}\n",
  );
  const set = await loadSourceSet(entry, memory, { maxFileBytes: 100 });
  assert.deepEqual(codesAndMessages(set.problems), [
    [
      'apigw.ref.unresolved',
      "Cannot resolve $ref 'bin.yaml#/a': file 'bin.yaml' cannot be read (bin.yaml is not a text file (binary content at byte 1); API definitions are YAML or JSON text.).",
    ],
    [
      'apigw.ref.unresolved',
      "Cannot resolve $ref 'big.yaml': file 'big.yaml' cannot be read (it is 500 bytes, more than the 100 bytes this tool reads).",
    ],
    [
      'apigw.ref.unresolved',
      "Cannot resolve $ref 'big.yaml#/a': file 'big.yaml' cannot be read (it is 500 bytes, more than the 100 bytes this tool reads).",
    ],
    [
      'apigw.ref.unresolved',
      "Cannot resolve $ref 'sub%20dir/x.yaml': file 'sub%20dir/x.yaml' cannot be read (ENOENT).",
    ],
  ]);
  assert.deepEqual(memory.reads.sort(), [path.join(dir, 'bin.yaml'), path.join(dir, 'sub dir', 'x.yaml')]);
  assert.equal(set.readError(path.join(dir, 'sub dir', 'x.yaml')), 'ENOENT');
});

test('load() adds a file with its refs and never rejects', async () => {
  const set = await loadSourceSet(parseFixture('refs', 'local.yaml'), nodeFileSystem);
  const before = set.problems.length;
  const body = await set.load(fixture('parse', 'refs', 'definitionBody.yaml'));
  assert.equal(body?.file, fixture('parse', 'refs', 'definitionBody.yaml'));
  assert.ok(set.documents.has(fixture('parse', 'refs', 'common.json')));
  assert.deepEqual(toValue(set.resolve(at(body?.root, 'paths', '/x', 'get', 'responses', '200'))), { type: 'string' });
  assert.equal(set.problems.length, before + 1, "common.json's broken ref is reported once");
  assert.equal(await set.load(fixture('parse', 'refs', 'nothing-here.yaml')), undefined);
  assert.equal(set.readError(fixture('parse', 'refs', 'nothing-here.yaml')), 'ENOENT');
  assert.equal(set.readError(fixture('parse', 'refs', 'definitionBody.yaml')), undefined);
  assert.equal(await set.load(fixture('parse', 'refs', 'definitionBody.yaml')), body, 'each file is loaded once');
});

test('the same refs resolve in a JSON entry', async () => {
  const file = fixture('parse', 'refs', 'common.json');
  const set = await loadSourceSet(parseSource(file, fs.readFileSync(file, 'utf8')), nodeFileSystem);
  const pet = at(set.entry.root, 'components', 'schemas', 'Pet');
  assert.deepEqual(toValue(set.resolve(at(pet, 'properties', 'tag'))), { type: 'string' });
  assert.deepEqual(toValue(set.resolve(at(pet, 'properties', 'error'))), { type: 'string' });
  assert.deepEqual(codesAndMessages(set.problems), [
    [
      'apigw.ref.unresolved',
      "Cannot resolve $ref '#/components/schemas/Nope': 'Nope' does not exist under '#/components/schemas'.",
    ],
  ]);
  assert.equal(set.problems[0]?.file, undefined);
});

test('local refs inside a SAM DefinitionBody are relative to that body', async () => {
  const set = await loadRefs('samTemplate.yaml');
  const responses = at(
    set.entry.root,
    'Resources',
    'MyApi',
    'Properties',
    'DefinitionBody',
    'paths',
    '/items',
    'get',
    'responses',
  );
  const empty = set.resolve(at(responses, '200', 'content', 'application/json', 'schema'));
  assert.equal(empty?.pointer, '/Resources/MyApi/Properties/DefinitionBody/components/schemas/Empty');
  assert.deepEqual(codesAndMessages(set.problems), [
    [
      'apigw.ref.unresolved',
      "Cannot resolve $ref '#/components/schemas/Missing': 'Missing' does not exist under '#/components/schemas'.",
    ],
  ]);
});

test("the JSON parser's $ref sites are those a walk of the tree finds, in document order", () => {
  const text = JSON.stringify({
    a: { b: { $ref: '#/x' }, $ref: '#/y' },
    c: [{ $ref: '#/z' }, { $ref: 5 }, { d: { $ref: 'other.json#/w' } }],
    e: { $ref: ['not', 'a', 'string'] },
  });
  // A later duplicate `$ref` that is not a string takes the site away (the last key wins).
  const withDuplicate = `${text.slice(0, -1)}, "f": {"$ref": "#/v", "$ref": 1}, "g": {"$ref": 1, "$ref": "#/u"}}`;
  for (const source of [text, withDuplicate]) {
    const doc = parseSource('/t/refs.json', source);
    const walked: string[] = [];
    const stack = doc.root ? [doc.root] : [];
    while (stack.length > 0) {
      const node = stack.pop()!;
      const ref = refOf(node);
      if (ref) walked.push(`${ref.holder.pointer} ${ref.ref.value}`);
      if (node.kind === 'array') stack.push(...[...node.items].reverse());
      else if (node.kind === 'object') stack.push(...node.properties.map((p) => p.value).reverse());
    }
    const collected = collectRefs(doc.root).map((s) => `${s.holder.pointer} ${s.ref.value}`);
    assert.deepEqual(collected, walked);
    assert.ok(collected.length >= 4);
  }
});
