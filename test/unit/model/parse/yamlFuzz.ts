// YAML texts for the differential test of the fast YAML path (yamlFastPath.test.ts): random values written by
// `yaml` with random scalar and collection styles, CloudFormation tags, comments, blank lines and anchors, and
// the same texts after random edits.
import fc from 'fast-check';
import { Document, isCollection, isMap, isScalar, isSeq, Scalar, visit } from 'yaml';
import type { ToStringOptions } from 'yaml';

/** Scalars that different YAML versions and schemas type differently, and other tricky plain texts. */
const TRICKY = [
  ...'yes no on off y n Yes NO true True TRUE tRue false FALSE null Null NULL nULL ~ 0777 0o17 0o8 0x1F 0xG'.split(' '),
  ...'0b101 1:20 1_000 = << - -- --- ... -0 +0 0. .5 -.5 1e3 1E-3 +1.5e+3 1e'.split(' '),
  ...'.inf -.Inf +.INF .nan .NaN .NAN'.split(' '),
  ...'12345678901234567890 007 +12 3.14 2001-12-14 a:b a#b #a -a :a a: [a] {a} !Ref &a *a %a @a `a | > \' "'.split(' '),
  ...'a\\b é \u00a0 \\n x.y Res.Attr.Deep ${AWS::Region} arn:aws:s3:::b http://x/y?z=1#f'.split(' '),
  ...['', ' ', 'a: b', 'a #b', '- a', '? a', 'a\nb', 'a\n\nb', ' a', 'a ', 'a\tb', '\ta', 'line 1\nline 2\n'],
];

const CHARS = ['a', 'b', 'Z', ' ', ' ', ':', '#', '-', '\n', '"', "'", '\\', '!', '&', '*', '[', ']', '{'];
CHARS.push('}', ',', '|', '>', '%', '@', '`', '?', '.', '0', '1', '~', 'é', '\t', '\u00a0', '/', '$');

const text = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...TRICKY) },
  { weight: 3, arbitrary: fc.string({ unit: fc.constantFrom(...CHARS), maxLength: 12 }) },
  { weight: 2, arbitrary: fc.constantFrom('get', 'paths', '/pets/{id}', 'x-amazon-apigateway-integration', 'a~b') },
);

/** Keys: mostly ones a definition has, sometimes any text (which may need an explicit `? key`). */
const key = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('openapi', 'get', '/pets/{id}', '200', 'x-amazon-apigateway-any-method') },
  { weight: 2, arbitrary: fc.constantFrom('yes', 'null', '~', '1.0', '0x1F', '"q"', "'s'", 'a b', 'a:b', 'é', '<<') },
  { weight: 2, arbitrary: text },
);

const scalar = fc.oneof(
  { weight: 5, arbitrary: text },
  { weight: 1, arbitrary: fc.integer({ min: -1000, max: 1_000_000 }) },
  { weight: 1, arbitrary: fc.double({ noNaN: false }) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
);

const { value } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.dictionary(key, tie('value'), { maxKeys: 5 }),
    fc.array(tie('value'), { maxLength: 4 }),
  ),
}));

const root = fc.oneof(
  fc.dictionary(key, value, { minKeys: 1, maxKeys: 6 }),
  fc.array(value, { minLength: 1, maxLength: 5 }),
);

const SCALAR_TYPES = [
  Scalar.PLAIN,
  Scalar.QUOTE_DOUBLE,
  Scalar.QUOTE_SINGLE,
  Scalar.BLOCK_LITERAL,
  Scalar.BLOCK_FOLDED,
] as const;
const TAGS = ['!Ref', '!Sub', '!GetAtt', '!If', '!Join', '!Ref', '!Sub', '!GetAtt', '!Foo', '!!str', '!!int'];
const COMMENTS = [' c', ' # x', '', ' a: b', ' - x', 'c ', ' |'];

/** The random choices that decorate a document, consumed in visit order. */
class Tape {
  private i = 0;
  constructor(private readonly numbers: number[]) {}
  next(n: number): number {
    const x = this.numbers[this.i++ % Math.max(1, this.numbers.length)] ?? 0;
    return x % n;
  }
  chance(percent: number): boolean {
    return this.next(100) < percent;
  }
}

function decorate(doc: Document, tape: Tape): void {
  let anchors = 0;
  visit(doc, {
    Node(key, node) {
      if (tape.chance(6)) node.commentBefore = COMMENTS[tape.next(COMMENTS.length)] ?? null;
      if (tape.chance(6)) node.comment = COMMENTS[tape.next(COMMENTS.length)] ?? null;
      if (tape.chance(5)) node.spaceBefore = true;
      if (tape.chance(6)) node.tag = TAGS[tape.next(TAGS.length)];
      if (tape.chance(1)) node.anchor = `a${anchors++}`;
      // Keys written as block scalars become explicit keys (`? |`): now and then only.
      if (isScalar(node)) node.type = SCALAR_TYPES[tape.next(key === 'key' && tape.chance(90) ? 3 : 5)];
      if (isCollection(node) && node !== doc.contents && tape.chance(10)) node.flow = true;
    },
  });
  // An alias to the first anchored node, now and then.
  if (anchors > 0 && tape.chance(30) && (isMap(doc.contents) || isSeq(doc.contents))) {
    let target: Parameters<Document['createAlias']>[0] | undefined;
    visit(doc, {
      Node(_key, node) {
        if (!target && node.anchor && (isScalar(node) || isCollection(node))) target = node;
      },
    });
    if (target) {
      const alias = doc.createAlias(target);
      if (isSeq(doc.contents)) doc.contents.items.push(alias);
      else if (isMap(doc.contents)) doc.contents.set('alias', alias);
    }
  }
  if (tape.chance(10)) doc.commentBefore = ' top';
  if (tape.chance(10)) doc.comment = ' bottom';
}

function options(tape: Tape): ToStringOptions {
  return {
    indent: 1 + tape.next(4),
    indentSeq: tape.chance(50),
    lineWidth: [0, 20, 40, 80][tape.next(4)],
    minContentWidth: [0, 10, 20][tape.next(3)],
    blockQuote: ([true, false, 'folded', 'literal'] as const)[tape.next(4)],
    defaultStringType: SCALAR_TYPES[tape.next(SCALAR_TYPES.length)],
    defaultKeyType: tape.chance(85) ? null : SCALAR_TYPES[tape.next(3)],
    flowCollectionPadding: tape.chance(50),
    singleQuote: ([null, true, false] as const)[tape.next(3)],
    doubleQuotedAsJSON: tape.chance(20),
    nullStr: ['null', '~', ''][tape.next(3)],
    directives: tape.chance(3) ? true : null,
  };
}

/** A YAML text written by `yaml` from a random value, with random styles, tags and comments. */
export const generatedYaml: fc.Arbitrary<string> = fc
  .tuple(root, fc.array(fc.nat(), { minLength: 20, maxLength: 60 }))
  .map(([rootValue, numbers]) => {
    const tape = new Tape(numbers);
    const doc = new Document(rootValue);
    decorate(doc, tape);
    try {
      return doc.toString(options(tape));
    } catch {
      return new Document(rootValue).toString();
    }
  });

const EDIT_TEXTS = [' ', '  ', '\n', ':', ': ', '- ', '#', ' #', '"', "'", '|', '>', '!', '!Ref ', '[', ']'];
EDIT_TEXTS.push('{', '}', ',', 'a', '\t', '&a ', '*a', '? ', '---\n', '...\n', '\r\n', '\\', 'x: y\n', '<<: ');

/** One edit at a relative place: insert a text, delete a few characters, or re-indent a line. */
const edit = fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.nat(2), fc.constantFrom(...EDIT_TEXTS));

/** Texts of `source` after a few random edits. */
export function mutated(source: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.tuple(source, fc.array(edit, { minLength: 1, maxLength: 3 })).map(([text, edits]) => {
    let result = text;
    for (const [at, kind, insert] of edits) {
      const offset = Math.floor(at * result.length);
      if (kind === 0) result = result.slice(0, offset) + insert + result.slice(offset);
      else if (kind === 1) result = result.slice(0, offset) + result.slice(offset + 1 + (insert.length % 3));
      else {
        const lineStart = result.lastIndexOf('\n', offset - 1) + 1;
        result = `${result.slice(0, lineStart)}${' '.repeat(insert.length % 3)}${result.slice(lineStart)}`;
      }
    }
    return result;
  });
}

type Block =
  | { kind: 'map'; step: number; entries: [string, Block][] }
  | { kind: 'seq'; step: number; sameIndent: boolean; items: Block[] }
  | { kind: 'scalar'; lines: string[] };

/** Scalars as written after `key: ` or `- `: the first line, then lines (re-indented by the emitter). */
const SCALAR_FORMS: string[][] = [
  ['x'],
  ['1'],
  ['yes'],
  ['0o17'],
  ['"q\\n"'],
  ["'s''s'"],
  ['[a, "b", [c]]'],
  ['{k: v, "j": [1]}'],
  ['!Ref r'],
  ['!GetAtt a.b'],
  ['!Sub "${x}"'],
  ['!Join ["", [!Ref a, b]]'],
  ['a b # c'],
  ['http://x/y#z'],
  ['~'],
  ['""'],
  ['plain', 'continued', '', 'after'],
  ['"quoted', 'continued', '', 'after"'],
  ["'single", "more'"],
  ['|', 'literal', '  more', '', 'end'],
  ['>-', 'folded', 'text', '', 'para'],
  ['|+', 'keep', ''],
  ['|2', '  lead', 'x'],
  ['>', 'a', '  indented', 'b'],
  ['!Sub |', '${x}', 'y'],
  ['|-', 'tab\there'],
  ['"tab\tq"'],
  ['x # c'],
];

const block: fc.Arbitrary<Block> = fc.letrec<{ block: Block }>((tie) => ({
  block: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...SCALAR_FORMS).map((lines): Block => ({ kind: 'scalar', lines })),
    fc
      .record({
        step: fc.integer({ min: 1, max: 4 }),
        entries: fc.array(fc.tuple(fc.constantFrom('a', 'b', '"q"', "'s'", 'a b', '200', 'a'), tie('block')), {
          minLength: 1,
          maxLength: 4,
        }),
      })
      .map(({ step, entries }): Block => ({ kind: 'map', step, entries })),
    fc
      .record({
        step: fc.integer({ min: 1, max: 4 }),
        sameIndent: fc.boolean(),
        items: fc.array(tie('block'), { minLength: 1, maxLength: 4 }),
      })
      .map(({ step, sameIndent, items }): Block => ({ kind: 'seq', step, sameIndent, items })),
  ),
})).block;

/** Writes `node` as the value after a line's `prefix` (a key and ':' or a '-'), nested `indent` deep. */
function emit(node: Block, indent: number, prefix: string, out: string[], inMap: boolean): void {
  const pad = ' '.repeat(indent);
  if (node.kind === 'scalar') {
    const [first, ...rest] = node.lines;
    out.push(`${pad}${prefix}${prefix ? ' ' : ''}${first}`);
    for (const line of rest) out.push(line ? `${pad}  ${line}` : '');
    return;
  }
  if (node.kind === 'map') {
    const inner = prefix ? indent + node.step : indent;
    if (prefix) out.push(`${pad}${prefix}`);
    for (const [key, value] of node.entries) emit(value, inner, `${key}:`, out, true);
    return;
  }
  const inner = prefix ? (inMap && node.sameIndent ? indent : indent + node.step) : indent;
  if (prefix) out.push(`${pad}${prefix}`);
  for (const item of node.items) emit(item, inner, '-', out, false);
}

/** Hand-written-looking documents: nested blocks with comment and empty lines at random indents between lines. */
export const blockYaml: fc.Arbitrary<string> = fc
  .tuple(
    block.filter((b) => b.kind !== 'scalar'),
    fc.array(fc.tuple(fc.nat(30), fc.nat(8), fc.constantFrom('# c', '#', '', '   ', '# a: b')), { maxLength: 4 }),
  )
  .map(([root, extras]) => {
    const out: string[] = [];
    emit(root, 0, '', out, false);
    for (const [at, indent, line] of extras) {
      const where = at % (out.length + 1);
      out.splice(where, 0, line.startsWith('#') ? ' '.repeat(indent) + line : line);
    }
    return out.join('\n') + '\n';
  });

/** Texts of `source`, half of them with '\r\n' line breaks. */
export function crlfSometimes(source: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.tuple(source, fc.boolean()).map(([text, crlf]) => (crlf ? text.replace(/\n/g, '\r\n') : text));
}
