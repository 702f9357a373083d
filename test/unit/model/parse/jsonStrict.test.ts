// The strict JSON parser (src/model/parse/jsonStrict.ts) against the jsonc-parser path: for every text it either
// declines or gives exactly the same tree, problems and `$ref` holders. Checked on every JSON file of the
// fixtures and examples, on hand-picked texts, and on random JSON (with random layout, and after random edits).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseSource } from '../../../../src/model/parse';
import type { SourceNode } from '../../../../src/model/sourceNode';
import { parseJsonEvents, parseStrictJsonText } from '../../../../src/model/parse/jsonSource';
import { parseStrictJson } from '../../../../src/model/parse/jsonStrict';
import { LineTable } from '../../../../src/model/parse/positions';
import { collectRefs } from '../../../../src/model/parse/refs';
import { parsedUtf8Size } from '../../../../src/model/parse/utf8Size';
import { repoRoot } from '../../helpers/paths';

const FILE = '/defs/api.json';

/** True when the strict parser read `text`; then everything it gives must equal the jsonc-parser path's. */
function strictEqualsEvents(text: string): boolean {
  const strict = parseStrictJson(FILE, text);
  if (strict === undefined) return false;
  const events = parseJsonEvents(FILE, text, new LineTable(text));
  const message = `strict parser differs on ${JSON.stringify(text.slice(0, 200))}`;
  assert.deepStrictEqual(strict.root, events.root, message);
  // Pointers are made when read, from fields deepStrictEqual does not see: each node's, checked against its place.
  assertPointers(strict.root, '', message);
  assertPointers(events.root, '', message);
  assert.deepStrictEqual(strict.duplicates, events.problems, message);
  assert.equal(strict.utf8Length, Buffer.byteLength(text, 'utf8'), message);
  // Through parseStrictJsonText, which records the holders: the same `$ref` sites as a walk of the events tree
  // finds; and the line table made from the parser's line breaks is the one made from the text.
  const read = parseStrictJsonText(FILE, text);
  assert.ok(read !== undefined, message);
  const viaHolders = collectRefs(read.tree.root).map((r) => r.holder.pointer);
  assert.deepStrictEqual(
    viaHolders,
    collectRefs(events.root).map((r) => r.holder.pointer),
    message,
  );
  const lines = new LineTable(text);
  for (let offset = 0; offset <= text.length; offset++)
    assert.deepStrictEqual(read.lines.positionAt(offset), lines.positionAt(offset), `${message} at ${offset}`);
  return true;
}

/** Every node's pointer is the one its place in the tree gives (RFC 6901: `~` as `~0`, `/` as `~1`). */
function assertPointers(node: SourceNode | undefined, expected: string, message: string): void {
  if (node === undefined) return;
  assert.equal(node.pointer, expected, message);
  if (node.kind === 'object')
    for (const { key, value } of node.properties)
      assertPointers(value, `${expected}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, message);
  if (node.kind === 'array') node.items.forEach((item, i) => assertPointers(item, `${expected}/${i}`, message));
}

function jsonFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.json$/i.test(f))
    .sort()
    .map((f) => path.join(dir, f));
}

/** JSON text of `value` in one of several layouts: compact, indented with spaces or tabs, CRLF or CR lines. */
const laidOut = (value: unknown): fc.Arbitrary<string> =>
  fc
    .constantFrom<Array<string | number | undefined>>([undefined], [2], ['\t'], [4])
    .chain(([indent]) =>
      fc.constantFrom('\n', '\r\n', '\r').map((eol) => JSON.stringify(value, undefined, indent).replace(/\n/g, eol)),
    );

/** Values with the keys definitions have (`$ref`, `~`, `/`, escapes, non-ASCII) besides random ones. */
const jsonValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.string({ unit: 'binary' }),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(
      fc.oneof(fc.constantFrom('$ref', 'a/b', 'c~d', 'é', '"q"', '\\', '\u2028', ''), fc.string()),
      fc.oneof(tie('value'), fc.constant('#/components/schemas/Pet')),
      { maxKeys: 5 },
    ),
  ),
})).value;

describe('strict JSON parser', () => {
  it('reads every JSON fixture and example as the jsonc-parser path does', () => {
    let read = 0;
    for (const file of [
      ...jsonFiles(path.join(repoRoot, 'test/fixtures')),
      ...jsonFiles(path.join(repoRoot, 'examples')),
    ]) {
      const text = fs.readFileSync(file, 'utf8');
      if (strictEqualsEvents(text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text)) read++;
    }
    assert.ok(read > 20, `only ${read} JSON files were strict JSON`);
  });

  it('reads hand-picked strict JSON as the jsonc-parser path does', () => {
    for (const text of [
      '{}',
      '[]',
      ' \r\n\t{ "a" : [ 1 , -0 , 2.5e-3 , 1E+400 , true , false , null ] }\r\n',
      '{"a":1,"a":2,"b":{"$ref":"#/x"},"c":{"$ref":1},"d":{"$ref":"#/y","$ref":"#/z"}}',
      '{"k\\u00e9\\n\\"":"v\\ud83d\\ude00\\/","~1":{"/":[]}}',
      '"just a string"',
      '42',
      `{"a":${'['.repeat(399)}${']'.repeat(399)}}`,
      `{${Array.from({ length: 40 }, (_, i) => `"k${i % 35}":${i}`).join(',')}}`,
    ])
      assert.ok(strictEqualsEvents(text), `declined ${JSON.stringify(text.slice(0, 80))}`);
  });

  it("counts the text's UTF-8 bytes as Buffer.byteLength does: 2, 3 and 4-byte characters, lone surrogates, a BOM", () => {
    for (const text of [
      '{"é":"ü","✓":"€","\ud83d\ude00":"\ud83d\ude00"}',
      // Raw lone surrogates (3 bytes each, as U+FFFD), at a string's end and before a quote or a backslash.
      '["\ud800","\udc00","x\ud83d","\ude00y","\udbff\\n","\ud800\ud800\udc00"]',
      // Past the first backslash of a string (the escaped path counts the rest of its body).
      '{"a\\n é":"\\u00e9 ü ✓ \ud83d\ude00 \\" ß","k":["\\t€"]}',
      '"\u0080\u07ff\u0800\uffff"',
    ]) {
      assert.ok(strictEqualsEvents(text), `declined ${JSON.stringify(text)}`);
      assert.ok(Buffer.byteLength(text, 'utf8') > text.length, 'the text has characters past ASCII');
    }
    const withBom = '\ufeff{"é": ["✓"]}';
    assert.equal(parseStrictJsonText(FILE, withBom)?.utf8Length, Buffer.byteLength(withBom, 'utf8'));
    assert.equal(parsedUtf8Size(parseSource(FILE, withBom)), Buffer.byteLength(withBom, 'utf8'));
    // Not strict JSON, or YAML: no count.
    assert.equal(parsedUtf8Size(parseSource(FILE, '{"é": 1,}')), undefined);
    assert.equal(parsedUtf8Size(parseSource('/defs/api.yaml', 'é: 1')), undefined);
  });

  it('declines what strict JSON does not have, leaving jsonc-parser to report it', () => {
    const cases: Array<[string, string | undefined]> = [
      ['', undefined],
      ['  \n ', undefined],
      ['{"a": 1,}', 'A property name in double quotes is expected'],
      ['[1, 2,]', 'A value is expected'],
      ['{"a": 1} // note', 'Comments are not allowed in JSON'],
      ['{"a": "x\ty"}', 'Invalid character in a string'],
      ['{"a": "\\x"}', 'Invalid escape character in a string'],
      ['{"a": "\\u12"}', 'Invalid \\u escape in a string'],
      ['{"a": 01}', undefined],
      ['{"a": .5}', undefined],
      ['{"a": tru}', undefined],
      ['{"a": 1} {"b": 2}', 'Nothing may follow the top-level value'],
      ['{"a":\u00a01}', undefined],
      ['{"a" 1}', "':' is expected after the property name"],
      ['{"a": "unterminated', 'The string is not closed'],
      [`${'['.repeat(401)}${']'.repeat(401)}`, 'nested more than 400 levels deep'],
    ];
    for (const [text, message] of cases) {
      assert.equal(parseStrictJson(FILE, text), undefined, JSON.stringify(text));
      assert.equal(parseStrictJsonText(FILE, text), undefined, JSON.stringify(text));
      const parsed = parseSource(FILE, text);
      if (message !== undefined)
        assert.ok(
          parsed.problems.some((p) => p.message.includes(message)),
          `${JSON.stringify(text.slice(0, 40))}: ${parsed.problems.map((p) => p.message).join(' | ')}`,
        );
    }
  });

  it('reads random JSON in random layouts as the jsonc-parser path does', () => {
    fc.assert(
      fc.property(jsonValue.chain(laidOut), (text) => {
        assert.ok(strictEqualsEvents(text), `declined ${JSON.stringify(text.slice(0, 80))}`);
      }),
      { numRuns: 400 },
    );
  });

  it('after random edits, either declines or reads the text as the jsonc-parser path does', () => {
    const edited = jsonValue
      .chain(laidOut)
      .chain((text) =>
        fc
          .tuple(
            fc.nat(text.length),
            fc.nat(3),
            fc.constantFrom('', ' ', ',', '"', '\\', '{', '}', ']', '\n', '/', '1', '\u00a0'),
          )
          .map(([at, remove, insert]) => text.slice(0, at) + insert + text.slice(at + remove)),
      );
    fc.assert(
      fc.property(edited, (text) => {
        strictEqualsEvents(text);
      }),
      { numRuns: 600 },
    );
  });
});
