import { MethodError } from './runtime';

const cache = new Map<string, RegExp>();

/**
 * A Java regular expression as a JS RegExp. Java's inline `(?i)` / `(?s)` / `(?m)` flags at the start become
 * JS flags, `\A` / `\z` / `\Z` become anchors, possessive quantifiers and atomic groups are refused.
 */
export function javaRegex(pattern: string, flags: string): RegExp {
  const key = `${flags}/${pattern}`;
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
  source = source.replace(/\\A/g, '^').replace(/\\[zZ]/g, '$');
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
  const regex = javaRegex(pattern, 'g');
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
