// Scalar values for the fast YAML path (yamlFastPath.ts), computed from the source text exactly as `yaml`
// (2.x, YAML 1.2 core schema) composes them. Each function returns undefined where `yaml` would report an
// error, so that the caller declines and the full parser reports it.
import type { ScalarNode } from '../sourceNode';
import { dictOf } from '../../shared/dict';

type ScalarValue = ScalarNode['value'];

/** Thrown (and caught in parseYamlFast) when the text uses something the fast path leaves to `yaml`. */
export const DECLINE = new Error('the fast YAML path declines this text');

/** Where the tag written before the value at `valueStart` begins (yaml's node ranges leave it out). */
export function intrinsicTagStart(text: string, tag: string, valueStart: number): number {
  const from = text.lastIndexOf(tag, valueStart);
  return from >= 0 && valueStart - from < 512 ? from : valueStart;
}

interface CoreTag {
  test: RegExp;
  resolve(source: string): null | boolean | number;
}

/**
 * The core schema's scalar tags that `yaml` tries on a plain scalar, in its order (null, bool, int, float), each
 * with its `test` and what its `resolve` gives (yaml 2.x, schema/core and schema/common/null.ts, `intAsBigInt`
 * off). Written out, not taken from `new Schema({ schema: 'core' })`, so that the fast path needs no `yaml`: a
 * scan of definitions it reads does not load the library (~5 ms). A unit test compares them with yaml's tags.
 */
export const CORE_TAGS: readonly CoreTag[] = [
  { test: /^(?:~|[Nn]ull|NULL)?$/, resolve: () => null },
  { test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/, resolve: (s) => s[0] === 't' || s[0] === 'T' },
  { test: /^0o[0-7]+$/, resolve: (s) => parseInt(s.substring(2), 8) },
  { test: /^[-+]?[0-9]+$/, resolve: (s) => parseInt(s, 10) },
  { test: /^0x[0-9a-fA-F]+$/, resolve: (s) => parseInt(s.substring(2), 16) },
  {
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    resolve: (s) =>
      s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
  },
  { test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/, resolve: (s) => parseFloat(s) },
  { test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/, resolve: (s) => parseFloat(s) },
];

/**
 * The first characters a core-schema null, bool, int or float can start with: `~ n N t T f F . + -` and digits.
 * Any other plain scalar (the empty one aside) is a string without trying the tags' regular expressions.
 */
const MAY_BE_TYPED = new Uint8Array(128);
for (const c of '~nNtTfF.+-0123456789') MAY_BE_TYPED[c.charCodeAt(0)] = 1;

/** The value the core schema gives a plain scalar whose (folded) text is `source`; undefined on an error. */
export function plainScalarValue(source: string): ScalarValue | undefined {
  const first = source.charCodeAt(0);
  if (source.length > 0 && (first >= 128 || MAY_BE_TYPED[first] !== 1)) return source;
  for (const tag of CORE_TAGS) if (tag.test.test(source)) return tag.resolve(source);
  return source;
}

/**
 * Folds the lines of a plain or single-quoted scalar as `yaml` does: trailing white space of the first line
 * and surrounding white space of the others is dropped, a single line break becomes a space, and each further
 * empty line a line feed.
 */
export function unfoldLines(source: string): string {
  let newline = source.indexOf('\n');
  if (newline < 0) return source;
  /** The line from `from` to the '\n' at `at`, without a '\r' before it. */
  const line = (from: number, at: number): string =>
    source.slice(from, at > from && source.charCodeAt(at - 1) === 13 ? at - 1 : at);
  let result = line(0, newline).replace(/[ \t]+$/, '');
  let sep = ' ';
  let from = newline + 1;
  for (newline = source.indexOf('\n', from); newline >= 0; newline = source.indexOf('\n', from)) {
    const trimmed = line(from, newline).replace(/^[ \t]+|[ \t]+$/g, '');
    if (trimmed === '') {
      if (sep === '\n') result += sep;
      else sep = '\n';
    } else {
      result += sep + trimmed;
      sep = ' ';
    }
    from = newline + 1;
  }
  return result + sep + source.slice(from).replace(/^[ \t]+/, '');
}

/** The value of a single-quoted scalar written `source` (quotes included). */
export function singleQuotedValue(source: string): string {
  const inner = source.slice(1, -1);
  const unfolded = inner.indexOf('\n') < 0 ? inner : unfoldLines(inner);
  return unfolded.indexOf("''") < 0 ? unfolded : unfolded.replace(/''/g, "'");
}

const ESCAPES: Record<string, string> = dictOf({
  '0': '\0',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  '\t': '\t',
});

/** The value of a double-quoted scalar written `source` (quotes included); undefined on a bad escape. */
export function doubleQuotedValue(source: string): string | undefined {
  const last = source.length - 1;
  if (source.indexOf('\\') < 0 && source.indexOf('\n') < 0) return source.slice(1, last);
  let result = '';
  for (let i = 1; i < last; ++i) {
    const ch = source[i] as string;
    if (ch === '\r' && source[i + 1] === '\n') continue;
    if (ch === '\n') {
      // A line break folds to a space; each further empty line gives a line feed. Leading white space goes.
      let fold = '';
      let next = source[i + 1];
      while (next === ' ' || next === '\t' || next === '\n' || next === '\r') {
        if (next === '\r' && source[i + 2] !== '\n') break;
        if (next === '\n') fold += '\n';
        next = source[++i + 1];
      }
      result += fold || ' ';
    } else if (ch === '\\') {
      const next = source[++i] as string;
      const escaped = ESCAPES[next];
      if (escaped !== undefined) result += escaped;
      else if (next === '\n' || (next === '\r' && source[i + 1] === '\n')) {
        // An escaped line break is dropped, and so is the white space that starts the next line.
        if (next === '\r') i++;
        let after = source[i + 1];
        while (after === ' ' || after === '\t') after = source[++i + 1];
      } else if (next === 'x' || next === 'u' || next === 'U') {
        const length = next === 'x' ? 2 : next === 'u' ? 4 : 8;
        const hex = source.substr(i + 1, length);
        if (hex.length !== length || !/^[0-9a-fA-F]+$/.test(hex)) return undefined;
        const code = parseInt(hex, 16);
        if (code > 0x10ffff) return undefined;
        result += String.fromCodePoint(code);
        i += length;
      } else return undefined;
    } else if (ch === ' ' || ch === '\t') {
      // White space before a line break goes.
      const from = i;
      let next = source[i + 1];
      while (next === ' ' || next === '\t') next = source[++i + 1];
      if (next !== '\n' && !(next === '\r' && source[i + 2] === '\n')) result += source.slice(from, i + 1);
    } else {
      result += ch;
    }
  }
  return result;
}
