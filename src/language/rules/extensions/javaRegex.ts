/**
 * Checks that a string is a valid java.util.regex.Pattern, as API Gateway compiles the keys of integration
 * `responses` (selection patterns) with Java. Java-only syntax (possessive quantifiers, atomic groups, inline
 * flags, `\Q...\E`, `\A \Z \z \G \h \R`, `\p{javaLowerCase}`, class intersections `&&`) is rewritten to an
 * equivalent that JavaScript compiles; what Java rejects but JavaScript would accept (a `{` that is not a
 * quantifier, unknown letter escapes) is rejected here. Returns undefined when valid, else the reason.
 */
export function checkJavaRegex(pattern: string): string | undefined {
  const rewritten = rewrite(pattern);
  if (typeof rewritten !== 'string') return rewritten.error;
  try {
    new RegExp(rewritten);
    return undefined;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '');
  }
}

/** Letters Java accepts after a backslash (outside and inside character classes). */
const javaLetterEscapes = new Set('tnrfaecdDsSwWbBAGZzQEpPhHvVRXkNux0123456789'.split(''));
const quantifier = /^\{\d+(,\d*)?\}/;

function rewrite(pattern: string): string | { error: string } {
  let out = '';
  let classDepth = 0;
  let canRepeat = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c === '\\') {
      const escaped = escape(pattern, i, classDepth > 0);
      if ('error' in escaped) return escaped;
      out += escaped.text;
      i = escaped.end;
      canRepeat = true;
      continue;
    }
    if (classDepth > 0) {
      if (c === '[')
        classDepth++; // Java allows nested classes (unions); JavaScript sees a literal '['
      else if (c === ']') classDepth--;
      else if (c === '&' && pattern[i + 1] === '&') {
        i++;
        continue;
      }
      if (c === '[' || (c === ']' && classDepth > 0)) continue;
      out += c;
      if (classDepth === 0) canRepeat = true;
      continue;
    }
    if (c === '[') {
      classDepth = 1;
      out += c;
      if (pattern[i + 1] === '^') out += pattern[++i];
      if (pattern[i + 1] === ']') out += `\\${pattern[++i]}`; // Java: a ']' first in a class is literal
      continue;
    }
    if (c === '(' && pattern[i + 1] === '?') {
      const group = groupStart(pattern, i);
      if ('error' in group) return group;
      out += group.text;
      i = group.end;
      canRepeat = group.text === '';
      continue;
    }
    if (c === '{') {
      const match = quantifier.exec(pattern.slice(i));
      if (match === null)
        return {
          error: `illegal repetition at index ${i}: a '{' must start a quantifier such as {2} or {1,3}; write \\{ for a literal brace`,
        };
      if (!canRepeat)
        return { error: `dangling quantifier '${match[0]}' at index ${i}: it follows nothing that can repeat` };
      out += match[0];
      i += match[0].length - 1;
      i = skipPossessive(pattern, i);
      canRepeat = false;
      continue;
    }
    if (c === '*' || c === '+' || c === '?') {
      if (!canRepeat)
        return { error: `dangling meta character '${c}' at index ${i}: escape it as \\${c} to match it literally` };
      out += c;
      if (pattern[i + 1] === '?') out += pattern[++i];
      else i = skipPossessive(pattern, i);
      canRepeat = false;
      continue;
    }
    out += c;
    canRepeat = c !== '(' && c !== '|' && c !== '^';
  }
  if (classDepth > 0) return { error: "unclosed character class: a '[' has no matching ']'" };
  return out;
}

/** A possessive quantifier (`*+`, `{2}+`) behaves like the greedy one for validity: skip its '+'. */
function skipPossessive(pattern: string, i: number): number {
  return pattern[i + 1] === '+' ? i + 1 : i;
}

function escape(pattern: string, i: number, inClass: boolean): { text: string; end: number } | { error: string } {
  const next = pattern[i + 1];
  if (next === undefined)
    return { error: 'the pattern ends with a single backslash: write \\\\ for a literal backslash' };
  if (/[A-Za-z]/.test(next) && !javaLetterEscapes.has(next)) {
    return {
      error: `'\\${next}' at index ${i} is not a Java escape sequence: remove the backslash or write \\\\${next}`,
    };
  }
  if (next === 'Q') {
    const end = pattern.indexOf('\\E', i + 2);
    const literal = pattern.slice(i + 2, end < 0 ? pattern.length : end);
    const text = literal.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
    return { text: text === '' ? '(?:)' : `(?:${text})`, end: end < 0 ? pattern.length - 1 : end + 1 };
  }
  if (next === 'p' || next === 'P') {
    const name = /^\{[A-Za-z_ =]+\}|^[A-Za-z]/.exec(pattern.slice(i + 2));
    if (name === null) return { error: `'\\${next}' at index ${i} needs a property name, e.g. \\${next}{Alpha}` };
    return { text: inClass ? 'a' : '[a]', end: i + 1 + name[0].length };
  }
  if (next === 'k') {
    const name = /^<[A-Za-z][A-Za-z0-9]*>/.exec(pattern.slice(i + 2));
    if (name === null) return { error: `'\\k' at index ${i} needs a group name, e.g. \\k<name>` };
    return { text: '', end: i + 1 + name[0].length };
  }
  if (next === 'N') {
    const name = /^\{[^}]+\}/.exec(pattern.slice(i + 2));
    if (name === null) return { error: `'\\N' at index ${i} needs a character name, e.g. \\N{LATIN SMALL LETTER A}` };
    return { text: 'a', end: i + 1 + name[0].length };
  }
  if ('AGZz'.includes(next)) return { text: inClass ? 'a' : '(?:)', end: i + 1 };
  if ('hHvVRXe'.includes(next)) return { text: next === 'e' ? '\\x1b' : inClass ? 'a' : '[a]', end: i + 1 };
  if (next === 'x' && pattern[i + 2] === '{') {
    const hex = /^\{[0-9A-Fa-f]+\}/.exec(pattern.slice(i + 2));
    if (hex === null) return { error: `'\\x{' at index ${i} needs hexadecimal digits and a closing '}'` };
    return { text: 'a', end: i + 1 + hex[0].length };
  }
  return { text: `\\${next}`, end: i + 1 };
}

/** `(?:`, `(?=`, `(?!`, `(?<=`, `(?<!`, `(?<name>`, `(?>` (atomic), `(?i)` / `(?i:` (flags). */
function groupStart(pattern: string, i: number): { text: string; end: number } | { error: string } {
  const rest = pattern.slice(i + 2);
  const plain = /^(:|=|!|<=|<!)/.exec(rest);
  if (plain !== null) return { text: `(?${plain[0]}`, end: i + 1 + plain[0].length };
  if (rest.startsWith('>')) return { text: '(?:', end: i + 2 };
  const named = /^<([A-Za-z][A-Za-z0-9]*)>/.exec(rest);
  if (named !== null) return { text: '(', end: i + 1 + named[0].length };
  const flags = /^[idmsuxU]*(-[idmsuxU]*)?([:)])/.exec(rest);
  if (flags !== null) {
    const end = i + 1 + flags[0].length;
    return flags[2] === ')' ? { text: '', end } : { text: '(?:', end };
  }
  return { error: `unknown group construct '(?${rest.slice(0, 1)}' at index ${i}` };
}
