// Offsets inside an embedded template map back to the exact characters of the document, for every way a
// string can be written: YAML block scalars (literal, folded, chomping, explicit indentation), plain,
// single- and double-quoted scalars (escapes, folding), JSON strings, and `!Sub` templates.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseSource } from '../../../../src/model';
import type { SourceNode } from '../../../../src/model/sourceNode';
import type { Range } from '../../../../src/shared/range';
import { decodeSub, mapEmbeddedTemplate, type TemplateMapping } from '../../../../src/vtl/embedded';

function nodeAt(root: SourceNode | undefined, path: string[]): SourceNode {
  let node = root;
  for (const key of path)
    node = node?.kind === 'object' ? node.properties.find((p) => p.key === key)?.value : undefined;
  assert.ok(node, `no node at ${path.join('/')}`);
  return node;
}

/** Maps the template held at `path` in `text`. */
function mapAt(
  text: string,
  path: string[],
  file = '/t.yaml',
): { mapping: TemplateMapping; lines: string[]; value: string } {
  const doc = parseSource(file, text);
  const node = nodeAt(doc.root, path);
  assert.equal(node.kind, 'scalar');
  const value = String((node as { value: unknown }).value);
  const mapping = mapEmbeddedTemplate(
    { text, format: doc.format },
    { contentType: 'application/json', text: value, loc: { file, range: node.range, pointer: node.pointer } },
  );
  return { mapping, lines: text.split(/\r?\n/), value };
}

/** The template range of the `occurrence`-th `needle` in the template text. */
function rangeOf(template: string, needle: string, occurrence = 0): Range {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = template.indexOf(needle, at + 1);
  assert.ok(at >= 0, `'${needle}' not in the template`);
  const before = template.slice(0, at).split('\n');
  const end = template.slice(0, at + needle.length).split('\n');
  return {
    start: { line: before.length - 1, character: (before[before.length - 1] ?? '').length },
    end: { line: end.length - 1, character: (end[end.length - 1] ?? '').length },
  };
}

const show = (r: Range): string => `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;

function expectAt(
  text: string,
  path: string[],
  needle: string,
  expected: string,
  written = needle,
  file?: string,
): void {
  const { mapping, lines } = mapAt(text, path, file);
  assert.equal(mapping.exact, true, 'the mapping is exact');
  const range = mapping.toDocument(rangeOf(mapping.text, needle));
  assert.equal(show(range), expected);
  if (range.start.line === range.end.line) {
    assert.equal((lines[range.start.line] ?? '').slice(range.start.character, range.end.character), written);
  }
}

describe('embedded templates: YAML block scalars', () => {
  const literal = ['x:', '  t: |', '    {', '      "name": "$input.path(\'$.name\')"', '    }', 'y: 1'].join('\n');
  it('literal |: a position on template line 1 lands on document line 3 with the indentation added', () =>
    expectAt(literal, ['x', 't'], "$input.path('$.name')", '3:15-3:36'));

  const folded = ['t: >', '  {"a":', '  "$input.body",', '', '    "more": 1', '  }', 'n: 2'].join('\n');
  it('folded >: folded lines, an empty line and a more-indented line keep their places', () => {
    expectAt(folded, ['t'], '$input.body', '2:3-2:14');
    expectAt(folded, ['t'], '"more": 1', '4:4-4:13');
    expectAt(folded, ['t'], '}', '5:2-5:3');
  });

  it('chomping indicators and an explicit indentation indicator', () => {
    const strip = ['a: |-', '  $x', '', 'b: |+', '  $y', '', 'c: |2', '    $z', 'd: 1'].join('\n');
    expectAt(strip, ['a'], '$x', '1:2-1:4');
    expectAt(strip, ['b'], '$y', '4:2-4:4');
    expectAt(strip, ['c'], '  $z', '7:2-7:6'); // |2: two columns of the content's indentation are text
  });

  it('a block scalar in a CRLF file', () =>
    expectAt('t: |\r\n  one\r\n  $input.body\r\n', ['t'], '$input.body', '2:2-2:13'));
});

describe('embedded templates: YAML flow scalars', () => {
  it('plain multi-line: folded lines map to their own line', () => {
    const text = "t: $input.path('$.a')\n  $input.body\nu: 1\n";
    assert.equal(mapAt(text, ['t']).mapping.text, "$input.path('$.a') $input.body");
    expectAt(text, ['t'], '$input.body', '1:2-1:13');
  });

  it("single-quoted: '' is one quote and a folded line keeps its place", () => {
    const text = "t: '#set($x = ''a'')\n  $util.urlEncode($x)'\n";
    expectAt(text, ['t'], '$util.urlEncode', '1:2-1:17');
    expectAt(text, ['t'], "'a'", '0:14-0:19', "''a''");
  });

  it('double-quoted: \\n, \\" and \\t escapes take their written width', () => {
    const text = 't: "{\\n  \\"a\\": \\t\\"$input.body\\"\\n}"\n';
    expectAt(text, ['t'], '$input.body', '0:20-0:31');
    expectAt(text, ['t'], '"a"', '0:9-0:14', '\\"a\\"');
  });

  it('double-quoted: an escaped line break joins lines without a space', () => {
    const text = 't: "abc\\\n    $input.body"\n';
    const { mapping } = mapAt(text, ['t']);
    assert.equal(mapping.text, 'abc$input.body');
    expectAt(text, ['t'], '$input.body', '1:4-1:15');
  });
});

describe('embedded templates: JSON strings', () => {
  it('\\n, \\" and \\uXXXX escapes', () => {
    const text = '{"t": "{\\n\\"a\\": \\u0022$input.body\\u0022}"}';
    expectAt(text, ['t'], '$input.body', '0:23-0:34', '$input.body', '/t.json');
    expectAt(text, ['t'], '"$', '0:17-0:24', '\\u0022$', '/t.json');
  });
});

describe('embedded templates: !Sub', () => {
  it('${Name} becomes Name and ${!x} becomes ${x}, still mapped to the written characters', () => {
    const text = ['t: !Sub |', '  {"table": "${Table}",', '   "v": "${!input.body}"}', ''].join('\n');
    const doc = parseSource('/t.yaml', text);
    const node = nodeAt(doc.root, ['t', 'Fn::Sub']);
    const value = String((node as { value: unknown }).value);
    const mapping = mapEmbeddedTemplate(
      { text, format: 'yaml' },
      {
        contentType: 'application/json',
        text: value,
        loc: { file: '/t.yaml', range: node.range, pointer: node.pointer },
      },
    );
    assert.equal(mapping.text, '{"table": "Table",\n "v": "${input.body}"}\n');
    assert.equal(show(mapping.toDocument(rangeOf(mapping.text, '${input.body}'))), '2:9-2:23');
    assert.equal(show(mapping.toDocument(rangeOf(mapping.text, 'Table'))), '1:15-1:20');
  });

  it('decodeSub keeps other dollars as they are', () => {
    assert.equal(decodeSub("$input.path('$.a') ${AWS::Region}").value, "$input.path('$.a') AWS__Region");
  });
});

describe('embedded templates: fallback', () => {
  it('a value that is not the written string (an alias) maps every range to the whole value', () => {
    const text = 'a: &x "$input.body"\nb: *x\n';
    const doc = parseSource('/t.yaml', text);
    const node = nodeAt(doc.root, ['b']);
    const mapping = mapEmbeddedTemplate(
      { text, format: 'yaml' },
      {
        contentType: 'application/json',
        text: '$input.body',
        loc: { file: '/t.yaml', range: node.range, pointer: node.pointer },
      },
    );
    assert.equal(mapping.exact, false);
    assert.equal(show(mapping.toDocument(rangeOf('$input.body', 'input'))), show(node.range));
  });
});
