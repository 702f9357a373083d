import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseTemplate, renderTemplateText } from '../../../src/vtl';

/** "line:col-line:col message" (1-based) of the one error a template produces. */
function describeError(template: string, body = '{}'): string {
  const { errors } = renderTemplateText(template, { request: { body } });
  assert.equal(errors.length, 1, JSON.stringify(errors));
  const { range, message } = errors[0]!;
  return `${range.start.line + 1}:${range.start.character + 1}-${range.end.line + 1}:${range.end.character + 1} ${message}`;
}

describe('VTL syntax errors: message and place', () => {
  const cases: [string, string, string][] = [
    ['unclosed #if', 'a\n  #if($x)\nb', '2:3-2:6 #if at line 2 is never closed: add #end'],
    ['unclosed #foreach', '#foreach($i in $l)x', '1:1-1:9 #foreach at line 1 is never closed: add #end'],
    [
      'stray #end',
      'a #end',
      '1:3-1:7 #end without a matching #if, #foreach, #macro or #define: remove it or add the opening directive',
    ],
    ['stray #else', '#else', '1:1-1:6 #else without a matching #if: remove it or add the opening directive'],
    ['#set without =', '#set($x 1)', "1:9-1:10 Expected '=' after the #set target, found '1'"],
    ['#set without a reference', '#set(x = 1)', '1:6-1:7 #set needs a $reference here'],
    [
      '#set to a method call',
      '#set($a.b() = 1)',
      '1:6-1:12 #set cannot assign to a method call: assign to a $variable or a $map.key',
    ],
    [
      'unclosed method call',
      "$input.path('$.a'",
      "1:18-1:18 Expected ')' to close the arguments of .path(, found the end of the template",
    ],
    [
      '#foreach without in',
      '#foreach($i $l)#end',
      "1:13-1:14 Expected 'in' after the #foreach loop variable: #foreach($item in $list)",
    ],
    ['unclosed string', '#set($x = "abc)', '1:11-1:16 String is never closed: add " at its end'],
    ['unclosed comment', 'a #* b', '1:3-1:5 Comment #* is never closed: add *# at its end'],
    ['unclosed raw block', '#[[ b', '1:1-1:4 Unparsed block #[[ is never closed: add ]]# at its end'],
    [
      '#parse',
      "#parse('other.vm')",
      '1:1-1:7 #parse is not available in API Gateway mapping templates (there are no other template files): inline the template instead',
    ],
    ['#if without (', '#if $x #end', "1:4-1:5 Expected '(' after #if"],
    [
      'bad value',
      '#set($x = @)',
      "1:11-1:12 Expected a value ($reference, 'string', number, true, false, null, [list] or {map}), found '@'",
    ],
    ['unclosed ${', '#set($x = ${a)', "1:11-1:14 '${' is not closed: add '}' after the reference"],
    ['malformed number', '#set($x = 12ab)', "1:11-1:14 Malformed number '12a'"],
  ];
  for (const [name, template, expected] of cases) {
    it(name, () => assert.equal(describeError(template), expected));
  }
});

describe('VTL run-time errors: message and place', () => {
  const cases: [string, string, string][] = [
    [
      'JSONPath without $',
      "x $input.path('a.b')",
      "1:9-1:21 invalid JSONPath 'a.b': a JSONPath starts with '$' (the whole body)",
    ],
    [
      'unclosed JSONPath bracket',
      "$input.json('$.a[0')",
      "1:7-1:21 invalid JSONPath '$.a[0': '[' at character 4 is never closed",
    ],
    [
      'JSONPath not a string',
      '$input.path(1)',
      "1:7-1:15 $input.path and $input.json need a JSONPath string, like '$.name'",
    ],
    [
      'bad JSON to parseJson',
      '$util.parseJson(\'{"a": }\')',
      "1:6-1:27 $util.parseJson: invalid JSON at character 7: unexpected character '}'",
    ],
    ['bad Base64', "$util.base64Decode('@@')", '1:6-1:25 $util.base64Decode: the text is not valid Base64'],
    ['bad URL encoding', "$util.urlDecode('%zz')", "1:6-1:23 $util.urlDecode: '%zz' is not valid URL encoding"],
    ['substring out of range', "#set($s = 'abc')\n$s.substring(5)", '2:3-2:16 substring: begin 5, end 3, length 3'],
    ['list index out of range', '#set($l = [1])$l.get(3)', '1:17-1:24 get: index 3 is out of bounds for length 1'],
    [
      'bad regular expression',
      "#set($s = 'a')$s.replaceAll('(', 'x')",
      "1:17-1:38 invalid regular expression '(': Invalid regular expression: /(/g: Unterminated group",
    ],
    [
      'range of non-numbers',
      "#foreach($i in ['a'..2])#end",
      '1:16-1:24 A range [from..to] needs whole numbers at both ends',
    ],
    [
      '#set on a builtin',
      '#set($input.x = 1)',
      '1:6-1:14 #set cannot change $input: assign to a $variable or a map instead',
    ],
  ];
  for (const [name, template, expected] of cases) {
    it(name, () => assert.equal(describeError(template), expected));
  }
});

describe('parseTemplate positions', () => {
  it('gives every node, nested ones included, its range and offsets', () => {
    const result = parseTemplate("a\n#set($x = $input.path('$.n'))\n  $x.y[0]");
    assert.ok(result.ok);
    const [text, set, ref] = result.ast.body;
    assert.equal(text?.kind, 'text');
    assert.equal(set?.kind, 'set');
    if (set?.kind !== 'set' || set.value.kind !== 'reference' || ref?.kind === 'set') assert.fail('unexpected tree');
    assert.deepEqual(set.range, { start: { line: 1, character: 0 }, end: { line: 2, character: 0 } });
    assert.deepEqual(set.value.range, { start: { line: 1, character: 10 }, end: { line: 1, character: 28 } });
    const method = set.value.accessors[0]!;
    assert.equal(method.kind, 'method');
    if (method.kind !== 'method') return;
    assert.deepEqual([method.start, method.end, method.args[0]!.start], [18, 30, 24]);
    const printed = result.ast.body[3];
    assert.equal(printed?.kind, 'reference');
    if (printed?.kind !== 'reference') return;
    assert.equal(printed.source, '$x.y[0]');
    assert.deepEqual(printed.range.start, { line: 2, character: 2 });
    assert.deepEqual(
      printed.accessors.map((a) => a.kind),
      ['property', 'index'],
    );
  });

  it('places references inside double-quoted strings at their own characters', () => {
    const result = parseTemplate('#set($s = "x $name y")');
    assert.ok(result.ok);
    const set = result.ast.body[0];
    if (set?.kind !== 'set' || set.value.kind !== 'string' || !set.value.interpolated) assert.fail('no interpolation');
    const inner = set.value.interpolated[1];
    assert.equal(inner?.kind, 'reference');
    assert.deepEqual(inner?.range.start, { line: 0, character: 13 });
  });

  it('keeps comments in the tree', () => {
    const result = parseTemplate('## note\n#* block *#');
    assert.ok(result.ok);
    assert.deepEqual(
      result.ast.body.map((n) => n.kind),
      ['comment', 'comment'],
    );
  });
});
