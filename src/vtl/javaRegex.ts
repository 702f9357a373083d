import { overlappingRepeats, unsafeRegexReason } from './regexSafety';
import { MethodError } from './runtime';

/**
 * The longest text a template may run a regular expression WITH A REPEAT (`*`, `+`, `?`, `{n,m}`) on. A running
 * regular expression cannot be interrupted by the render's time limit, and even safe patterns with a repeat take
 * quadratic time on some text (`\s+$` over 20,000 spaces takes about 0.3 s), so such a subject is capped to keep
 * a render within its budget. Patterns without a repeat (the common `replaceAll('"', '\\"')`) run in linear time
 * and take any length.
 */
export const maxRegexSubject = 20_000;

/** A quantifier outside a character class and not escaped: what can make matching super-linear. */
function hasRepeat(pattern: string): boolean {
  return /[*+?]|\{\d+,?\d*\}/.test(pattern.replace(/\\./g, '').replace(/\[[^\]]*\]/g, ''));
}

/**
 * The longest text `pattern` may run on. Without a repeat, any. With repeats, a failing match can try every way
 * of splitting a run of text between the repeats that can match it (`a*a*a*b` on "aaa…": n^3 ways, times n start
 * positions for a search): the degree d of that polynomial is estimated (regexSafety.ts, overlappingRepeats) and
 * the text is capped so that one call takes about a tenth of a second at most: 20,000 characters for one repeat
 * (d = 2, where the constant is small), else n^d <= 10^8 — 464 characters for d = 3, 100 for d = 4.
 */
export function regexSubjectLimit(pattern: string, whole: boolean): { limit: number; degree: number } {
  const key = `${whole ? 'whole,' : ''}${pattern}`;
  let found = limits.get(key);
  if (found === undefined) {
    found = subjectLimit(pattern, whole);
    if (limits.size > 500) limits.clear();
    limits.set(key, found);
  }
  return found;
}

const limits = new Map<string, { limit: number; degree: number }>();

function subjectLimit(pattern: string, whole: boolean): { limit: number; degree: number } {
  if (!hasRepeat(pattern)) return { limit: Infinity, degree: 1 };
  const anchored = whole || /^(?:\(\?[ism]+\))?(?:\^|\\A)/.test(pattern);
  const degree = Math.max(1, overlappingRepeats(pattern)) + (anchored ? 0 : 1);
  return { limit: degree <= 2 ? maxRegexSubject : Math.floor(1e8 ** (1 / degree) + 1e-9), degree };
}

/**
 * `javaRegex` for running on `subject`: a subject longer than the pattern may run on (regexSubjectLimit) is a
 * template error.
 */
export function javaRegexOn(subject: string, method: string, pattern: string, flags: string, whole = false): RegExp {
  if (subject.length > 10) {
    const { limit, degree } = regexSubjectLimit(pattern, whole);
    if (subject.length > limit) {
      throw new MethodError(
        degree <= 2
          ? `${method}: the text is ${subject.length} characters long; regular expressions with a repeat (*, +, ?, {n,m}) run on at most ${maxRegexSubject} here: use a shorter text, a pattern without a repeat, or replace() for a plain string`
          : `${method}: the text is ${subject.length} characters long; '${pattern}' has repeats one after another that can match the same characters (like a*a*b), which can take time growing as the length to the power ${degree}, so it runs on at most ${limit} here: make the repeats match different characters (e.g. [^,]*,[^,]*), or use a shorter text`,
        'apigw.vtl.limit.regex',
      );
    }
  }
  return javaRegex(pattern, flags, whole);
}

const cache = new Map<string, RegExp>();

/**
 * A Java regular expression as a JS RegExp. Java's inline `(?i)` / `(?s)` / `(?m)` flags at the start become
 * JS flags, `\A` / `\z` / `\Z` become anchors, possessive quantifiers and atomic groups are refused.
 */
export function javaRegex(pattern: string, flags: string, whole = false): RegExp {
  const key = `${whole ? 'whole,' : ''}${flags}/${pattern}`;
  const cached = cache.get(key);
  if (cached) {
    cached.lastIndex = 0;
    return cached;
  }
  let source = pattern;
  let allFlags = flags;
  const inline = /^\(\?([ism]+)\)/.exec(source);
  if (inline) {
    source = source.slice(inline[0].length);
    for (const f of inline[1] ?? '') if (!allFlags.includes(f)) allFlags += f;
  }
  if (/[*+?}]\+/.test(source.replace(/\\./g, '')) || source.includes('(?>')) {
    throw new MethodError(
      `regular expression '${pattern}' uses possessive or atomic matching, which is not supported here`,
    );
  }
  const unsafe = unsafeRegexReason(source);
  if (unsafe !== undefined) {
    throw new MethodError(
      `regular expression '${pattern}' could take forever on some text: ${unsafe}; rewrite it so that each character can be matched only one way`,
      'apigw.vtl.limit.regex',
    );
  }
  source = source.replace(/\\A/g, '^').replace(/\\[zZ]/g, '$');
  if (whole) source = `^(?:${source})$`;
  let regex: RegExp;
  try {
    regex = new RegExp(source, allFlags);
  } catch (error) {
    throw new MethodError(`invalid regular expression '${pattern}': ${(error as Error).message}`);
  }
  if (cache.size > 500) cache.clear();
  cache.set(key, regex);
  return regex;
}

/** A Java replacement string (`$1` groups, `\$` a literal dollar) as a JS one. */
export function javaReplacement(replacement: string): string {
  let out = '';
  for (let i = 0; i < replacement.length; i++) {
    const c = replacement[i];
    if (c === '\\' && i + 1 < replacement.length) {
      const next = replacement[++i];
      out += next === '$' ? '$$' : next;
    } else if (c === '$') {
      if (!/[0-9]/.test(replacement[i + 1] ?? ''))
        throw new MethodError(`illegal group reference in replacement '${replacement}'`);
      out += '$';
    } else {
      out += c;
    }
  }
  return out;
}

/** Java's String.split: a limit of 0 drops trailing empty strings; a leading empty match is dropped. */
export function javaSplit(s: string, pattern: string, limit: number): string[] {
  if (s === '') return [''];
  const regex = javaRegexOn(s, 'split', pattern, 'g');
  const parts: string[] = [];
  let last = 0;
  for (const match of s.matchAll(regex)) {
    if (limit > 0 && parts.length === limit - 1) break;
    const at = match.index;
    if (match[0] === '' && (at === 0 || at >= s.length)) continue;
    if (at === 0 && match[0] !== '' && last === 0 && parts.length === 0) {
      parts.push('');
      last = match[0].length;
      continue;
    }
    parts.push(s.slice(last, at));
    last = at + match[0].length;
  }
  parts.push(s.slice(last));
  if (limit === 0) while (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
  if (limit === 0 && parts.length === 1 && parts[0] === '') return [];
  return parts;
}
