// The fast YAML path (src/model/parse/yamlFastPath.ts) against the full parser (yaml's Composer): for every
// text the fast path either declines or gives exactly the same tree and problems. Checked on every YAML file
// of the fixtures and examples, on hand-picked texts, and on random texts written by `yaml` (plus edits).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseSource } from '../../../../src/model/parse';
import { LineTable } from '../../../../src/model/parse/positions';
import { parseYamlFast } from '../../../../src/model/parse/yamlFastPath';
import { parseYamlFull } from '../../../../src/model/parse/yamlSource';
import { repoRoot } from '../../helpers/paths';
import { codesAndMessages } from './parseHelpers';
import { blockYaml, crlfSometimes, generatedYaml, mutated } from './yamlFuzz';

/** True when the fast path read `text`; then its tree and problems must equal the full parser's. */
function fastEqualsFull(text: string, file = '/defs/api.yaml'): boolean {
  const lines = new LineTable(text);
  const fast = parseYamlFast(file, text, lines);
  if (!fast) return false;
  assert.deepStrictEqual(fast, parseYamlFull(file, text, lines), `fast path differs on ${JSON.stringify(text)}`);
  return true;
}

function yamlFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.ya?ml$/i.test(f))
    .sort()
    .map((f) => path.join(dir, f));
}

/** Texts in the subset the fast path reads (each must take it). */
const FAST = [
  'openapi: 3.0.1\ninfo:\n  title: Pets\n  version: "1.0"\npaths: {}\n',
  'a:\n  b: 1\n  # c\nd: 2\n',
  'a:\n  b: 1\n    # more indented: ends the map here\n',
  'a:\n  b: 1\n    # c\n\n    # d\n  # e\n',
  'a:\n  b:\n    c: 1\n   # x\n',
  'a:\n  - 1\n  # c\n',
  'a:\n- 1\n# c\n- 2\n# d\n',
  'a: 1 # c\n',
  'a:\n  b: [1, 2] # c\n    # d\n',
  'a:\n  b: |\n    x\n      # c\n  # d\n',
  '- a: 1\n   # c\n',
  '- - x\n    # c\n',
  'a: |+\n  x\n\n\nb: 1\n',
  'a: >\n  x\n  y\n\n  z\n',
  'a: >-\n  x\n    more indented\n  z\n',
  'a: |2\n    x\n  y\n',
  'a: |-2\n    x\n  y\n',
  'a:\n  - |1\n     x\n    y\n',
  'a: |\n  x\n      \n  y\n',
  'a: |\n  x\ty\n',
  'a: b\n  continued\n\n  after an empty line\ne: 1\n',
  'a: "x\n  y\n\n  z"\n',
  "a: 'x\n  y''s\n\n  z'\n",
  'a: "x\\\n  y"\n',
  'a: "\\u00e9\\x41\\U0001F600\\N\\_\\L\\P\\t\\ "\n',
  'a: !Ref b\nc: !Sub "x ${y}"\nd: !GetAtt A.B.C\ne: !GetAtt "A.B"\nf: !GetAtt [A, B]\n',
  'a: !If\n  - c\n  - !Ref x\n  - !Ref AWS::NoValue\n',
  'a: !Join ["", [!Ref A, "b"]]\n',
  'a: !Sub |\n  x ${y}\n',
  'a: !Select [0, !GetAZs ""]\n',
  'a:\n  !Ref x\n',
  'a: {b: 1, "c": [x, y], d: {}}\n',
  'a: {"b":1, "c" :2}\n',
  '--- # c\na: 1\n',
  'a:\nb:\n',
  '-\n- x\n',
  'x:\n  a: 1\n  a: 2\na: 3\na: 4\n',
  'a: yes\nb: 0777\nc: 1:20\nd: =\ne: 0o17\nf: 0x1f\ng: .inf\nh: -.Inf\ni: .nan\nj: 1e3\nk: +12\n',
  'l: ~\nm: Null\nn: 1_000\no: 0o8\np: 1e\nq: -0\nr: 12345678901234567890\n',
  '"a b" : 1\nc : 2\n"c\\n": 3\n200: x\n1.0: y\ntrue: z\n',
  '- a: 1\n  b: 2\n- c\n',
  '-   a: 1\n    b: 2\n',
  '- - - x\n    - y\n  - z\n',
  'a:\n-\n  b: 1\n',
  'a: 1\r\nb: |\r\n  x\r\n\r\n  y\r\nc: "p\r\n  q"\r\n',
];

/** Texts the fast path leaves to the full parser: problems, or what it does not read. */
const DECLINED = [
  'a: 1\n---\nb: 2\n',
  'a: 1\n...\n',
  'a: # c\nb: 1\n',
  'a: &x 1\nb: *x\n',
  '<<: {a: 1}\n',
  'a: [1,\n  2]\n',
  'a: !Ref\nb: 1\n',
  'a: !!str 1\n',
  'a: !Foo x\n',
  'a: 1\rb: 2\n',
  '\ufeffa: 1\n',
  '%YAML 1.2\n---\na: 1\n',
  '? a\n: 1\n',
  ' a: 1\n',
  'a: x\t\n',
  'just words\n',
  '',
];

/** Bad texts: declined, and the problems are the full parser's. */
const BAD: [string, [string, string][]][] = [
  ['a: "x"y\n', [['apigw.parse.yamlSyntax', 'YAML syntax error: Unexpected scalar at node end']]],
  ['a: "unclosed\n', [['apigw.parse.yamlSyntax', 'YAML syntax error: Missing closing "quote']]],
  [
    'a: >\n   \n  x\n',
    [
      [
        'apigw.parse.yamlSyntax',
        'YAML syntax error: Block scalars with more-indented leading empty lines must use an explicit ' +
          'indentation indicator',
      ],
    ],
  ],
  [
    'a: |0\n  x\n',
    [['apigw.parse.yamlSyntax', 'YAML syntax error: Block scalar header includes extra characters: |0']],
  ],
  ['a: @b\n', [['apigw.parse.yamlSyntax', 'YAML syntax error: Plain value cannot start with reserved character @']]],
  [
    `k${'x'.repeat(1100)}: 1\n`,
    [
      [
        'apigw.parse.yamlSyntax',
        'YAML syntax error: The : indicator must be at most 1024 chars after the start of an implicit block ' +
          'mapping key',
      ],
    ],
  ],
  [
    'a: 1\n b: 2\n',
    [
      ['apigw.parse.yamlSyntax', 'YAML syntax error: Nested mappings are not allowed in compact mappings'],
      ['apigw.parse.yamlSyntax', 'YAML syntax error: Implicit keys need to be on a single line'],
    ],
  ],
];

describe('fast YAML path', () => {
  it('reads the supported subset exactly as the full parser does', () => {
    for (const text of FAST) assert.ok(fastEqualsFull(text), `the fast path declined ${JSON.stringify(text)}`);
  });

  it('declines what it does not read', () => {
    for (const text of DECLINED)
      assert.equal(parseYamlFast('/a.yaml', text, new LineTable(text)), undefined, JSON.stringify(text));
  });

  it('leaves bad texts to the full parser, whose problems are reported', () => {
    for (const [text, expected] of BAD) {
      assert.equal(parseYamlFast('/a.yaml', text, new LineTable(text)), undefined, JSON.stringify(text));
      assert.deepEqual(codesAndMessages(parseSource('/a.yaml', text).problems), expected, JSON.stringify(text));
    }
  });

  it('reports duplicate keys as the full parser does', () => {
    const text = 'paths:\n  /a:\n    get: {}\n    get: {}\n  /a: {}\n';
    assert.ok(fastEqualsFull(text));
    assert.deepEqual(codesAndMessages(parseSource('/a.yaml', text).problems), [
      ['apigw.parse.duplicateKey', "Duplicate key 'get': API Gateway keeps only one of them."],
      ['apigw.parse.duplicateKey', "Duplicate key '/a': API Gateway keeps only one of them."],
    ]);
  });

  it('gives the same tree as the full parser for every YAML file of the fixtures and examples', () => {
    const files = [
      ...yamlFiles(path.join(repoRoot, 'test', 'fixtures')),
      ...yamlFiles(path.join(repoRoot, 'examples')),
    ];
    let fast = 0;
    for (const file of files) if (fastEqualsFull(fs.readFileSync(file, 'utf8'), file)) fast++;
    assert.ok(fast > files.length / 2, `only ${fast} of ${files.length} files took the fast path`);
    assert.ok(fastEqualsFull(fs.readFileSync(path.join(repoRoot, 'examples/pets-rest/openapi.yaml'), 'utf8')));
    assert.ok(fastEqualsFull(fs.readFileSync(path.join(repoRoot, 'examples/chat-websocket/template.yaml'), 'utf8')));
  });

  /** Runs `texts` through both parsers; at least `minFast` of them must take the fast path. */
  function differential(texts: fc.Arbitrary<string>, seed: number, minFast: number): void {
    let fast = 0;
    fc.assert(
      fc.property(texts, (text) => {
        if (fastEqualsFull(text)) fast++;
      }),
      { numRuns: 1000, seed },
    );
    assert.ok(fast >= minFast, `only ${fast} of 1000 random texts took the fast path`);
  }

  it('gives the same tree as the full parser for random values written by yaml', () => {
    differential(crlfSometimes(generatedYaml), 20240501, 150);
  });

  it('gives the same tree as the full parser for random nested blocks with comments', () => {
    differential(crlfSometimes(blockYaml), 20240502, 600);
  });

  it('gives the same tree as the full parser for random texts after random edits', () => {
    differential(mutated(generatedYaml), 20240503, 20);
    differential(mutated(crlfSometimes(blockYaml)), 20240504, 100);
  });
});
