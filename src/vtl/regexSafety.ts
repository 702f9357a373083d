/**
 * Catastrophic backtracking guard for the regular expressions templates run (`replaceAll`, `matches`,
 * `split`...). A JavaScript regular expression cannot be interrupted once it runs, so the render's time limit
 * cannot stop it: patterns that can backtrack exponentially are refused before they run instead.
 *
 * Refused: a variable repetition inside a repeated group (star height above 1: `(a+)+`, `(.*a){12}`), and a
 * repeated group whose alternatives can begin with the same character (`(a|aa)+`, `(.|x)*`). This is a
 * conservative, structural test (like `safe-regex`), not a proof: it may refuse a harmless pattern, which the
 * message explains how to rewrite.
 */

interface Item {
  atom: Atom;
  /** Largest repetition count (Infinity for `*`, `+`, `{n,}`); 1 when not quantified. */
  max: number;
  /** Whether the count varies (`*`, `+`, `?`, `{n,m}` with n < m). */
  variable: boolean;
}

type Atom = { kind: 'char'; first: string } | { kind: 'group'; alternatives: Item[][] } | { kind: 'other' };

/** Why the pattern is unsafe, in words for the message; undefined when it passes. */
export function unsafeRegexReason(pattern: string): string | undefined {
  let parsed: Item[][];
  try {
    parsed = new PatternReader(pattern).alternatives();
  } catch {
    return undefined; // not parseable here: RegExp itself reports the syntax error
  }
  return checkAlternatives(parsed, false);
}

function checkAlternatives(alternatives: Item[][], repeated: boolean): string | undefined {
  for (const sequence of alternatives) {
    for (const item of sequence) {
      const reason = checkItem(item, repeated);
      if (reason !== undefined) return reason;
    }
  }
  return undefined;
}

function checkItem(item: Item, repeated: boolean): string | undefined {
  if (repeated && item.variable && item.max > 1) {
    return 'it repeats a part that is itself repeated (nested quantifiers, like (a+)+)';
  }
  if (item.atom.kind !== 'group') return undefined;
  const repeatsHere = item.max > 1;
  if (repeatsHere && overlapping(item.atom.alternatives)) {
    return 'it repeats alternatives that can match the same text (like (a|aa)+)';
  }
  return checkAlternatives(item.atom.alternatives, repeated || repeatsHere);
}

/** Whether two alternatives of a group can start with the same character (or one can be empty). */
function overlapping(alternatives: Item[][]): boolean {
  if (alternatives.length < 2) return false;
  const firsts = alternatives.map(firstOf);
  for (let i = 0; i < firsts.length; i++) {
    for (let j = i + 1; j < firsts.length; j++) {
      const a = firsts[i];
      const b = firsts[j];
      if (a === undefined || b === undefined || a === 'any' || b === 'any' || a === b) return true;
    }
  }
  return false;
}

/** A literal first character, 'any' when it is not a known literal, undefined when the branch can be empty. */
function firstOf(sequence: Item[]): string | undefined {
  const first = sequence[0];
  if (first === undefined) return undefined;
  if (first.atom.kind === 'char') return first.atom.first;
  if (first.atom.kind === 'group') {
    const inner = first.atom.alternatives.map(firstOf);
    return inner.length === 1 ? inner[0] : 'any';
  }
  return 'any';
}

class PatternReader {
  private i = 0;
  constructor(private readonly s: string) {}

  alternatives(): Item[][] {
    const all: Item[][] = [this.sequence()];
    while (this.s[this.i] === '|') {
      this.i++;
      all.push(this.sequence());
    }
    return all;
  }

  private sequence(): Item[] {
    const items: Item[] = [];
    while (this.i < this.s.length && this.s[this.i] !== '|' && this.s[this.i] !== ')') {
      const atom = this.atom();
      if (atom === undefined) continue;
      items.push({ atom, ...this.quantifier() });
    }
    return items;
  }

  /** One atom; undefined for anchors and lookarounds' zero-width markers that take no quantifier. */
  private atom(): Atom | undefined {
    const c = this.s[this.i++] ?? '';
    if (c === '\\') {
      const next = this.s[this.i++] ?? '';
      if (/[bBAzZG]/.test(next)) return undefined;
      return /[dDwWsSpPuxck0-9]/.test(next) ? { kind: 'other' } : { kind: 'char', first: next };
    }
    if (c === '^' || c === '$') return undefined;
    if (c === '.') return { kind: 'other' };
    if (c === '[') {
      this.skipClass();
      return { kind: 'other' };
    }
    if (c === '(') {
      if (this.s[this.i] === '?' && this.groupPrefix()) return undefined;
      const alternatives = this.alternatives();
      if (this.s[this.i] !== ')') throw new Error('unclosed group');
      this.i++;
      return { kind: 'group', alternatives };
    }
    return { kind: 'char', first: c };
  }

  /** Moves past `?:`, `?=`, `?<!`, `?<name>`, `?i:`; true for a flags-only group like `(?i)`, now closed. */
  private groupPrefix(): boolean {
    const m = /^\?(<[=!]|[=!:]|<[A-Za-z][A-Za-z0-9]*>|[a-zA-Z-]*[:)])/.exec(this.s.slice(this.i));
    if (m === null) throw new Error('unknown group');
    this.i += m[0].length;
    return m[0].endsWith(')');
  }

  private skipClass(): void {
    if (this.s[this.i] === '^') this.i++;
    if (this.s[this.i] === ']') this.i++;
    while (this.i < this.s.length && this.s[this.i] !== ']') this.i += this.s[this.i] === '\\' ? 2 : 1;
    if (this.i >= this.s.length) throw new Error('unclosed class');
    this.i++;
  }

  private quantifier(): { max: number; variable: boolean } {
    const c = this.s[this.i];
    let result = { max: 1, variable: false };
    if (c === '*' || c === '+') result = { max: Infinity, variable: true };
    else if (c === '?') result = { max: 1, variable: true };
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.s.slice(this.i));
      if (m === null) return result;
      const min = Number(m[1]);
      const max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
      this.i += m[0].length;
      if (this.s[this.i] === '?') this.i++;
      return { max, variable: max !== min };
    } else return result;
    this.i++;
    if (this.s[this.i] === '?') this.i++;
    return result;
  }
}
