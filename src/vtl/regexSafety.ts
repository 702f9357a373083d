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
  /** Smallest repetition count (0 for `*`, `?`); 1 when not quantified. */
  min: number;
  /** Largest repetition count (Infinity for `*`, `+`, `{n,}`); 1 when not quantified. */
  max: number;
  /** Whether the count varies (`*`, `+`, `?`, `{n,m}` with n < m). */
  variable: boolean;
}

type Atom =
  | { kind: 'char'; first: string }
  | { kind: 'group'; alternatives: Item[][] }
  /** `.`, `\\s`, `[a-z]`…: `source` is the atom as written. */
  | { kind: 'other'; source: string };

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

/**
 * How many repeats, one after another, can share the characters of one run of text (`a*a*b`, `.*x.*y`,
 * `\\s*\\s*$`): with k of them, a failing match tries about n^k ways to split a run of n characters between them
 * (and an unanchored search tries again at every start). Such patterns pass `unsafeRegexReason` — they are
 * polynomial, not exponential — but cannot be interrupted either, so the subject they may run on is capped by
 * this number (javaRegex.ts). 0 when the pattern repeats nothing; an estimate from above (a character class is
 * compared with others on a sample alphabet), like the rest of this file.
 */
export function overlappingRepeats(pattern: string): number {
  let parsed: Item[][];
  try {
    parsed = new PatternReader(pattern).alternatives();
  } catch {
    return 0;
  }
  return Math.max(0, ...parsed.map(longestRun));
}

/** The longest run of repeats in a sequence (looking into groups too). */
function longestRun(sequence: Item[]): number {
  let best = 0;
  let run = 0;
  /** The characters every part of the current run can match (a run of them can be split between the repeats). */
  let shared = 0n;
  const visit = (items: Item[]): void => {
    for (const item of items) {
      const atom = item.atom;
      if (atom.kind === 'group') {
        best = Math.max(best, ...atom.alternatives.map(longestRun));
        if (item.max === 1 && item.min === 1 && atom.alternatives.length === 1) {
          visit(atom.alternatives[0]!); // a plain group: its items are part of this sequence
          continue;
        }
      }
      const set = charactersOf(atom);
      if (item.variable && item.max > 1) {
        if (run > 0 && (shared & set) !== 0n) {
          run++;
          shared &= set;
        } else {
          run = 1;
          shared = set;
        }
        best = Math.max(best, run);
      } else if (item.min >= 1 && run > 0) {
        shared &= set;
        if (shared === 0n) run = 0;
      }
    }
  };
  visit(sequence);
  return best;
}

/** A sample of characters to compare character sets on: ASCII and a few of the other kinds. */
const alphabet = [
  ...Array.from({ length: 128 }, (_, i) => String.fromCharCode(i)),
  '\u00a0',
  'é',
  '\u2028',
  '中',
  '\ufeff',
];
const setCache = new Map<string, bigint>();

/** The characters of the sample alphabet an atom can match first, as bits. */
function charactersOf(atom: Atom): bigint {
  if (atom.kind === 'group') {
    let all = 0n;
    for (const sequence of atom.alternatives) for (const item of sequence) all |= charactersOf(item.atom);
    return all;
  }
  const source = atom.kind === 'char' ? atom.first.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&') : atom.source;
  let bits = setCache.get(source);
  if (bits === undefined) {
    bits = 0n;
    let regex: RegExp | undefined;
    try {
      regex = new RegExp(`^(?:${source})$`, 'u');
    } catch {
      try {
        regex = new RegExp(`^(?:${source})$`);
      } catch {
        regex = undefined;
      }
    }
    for (let i = 0; i < alphabet.length; i++)
      if (regex === undefined || regex.test(alphabet[i]!)) bits |= 1n << BigInt(i);
    if (setCache.size > 1000) setCache.clear();
    setCache.set(source, bits);
  }
  return bits;
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

  /** `{Name}` after `\p` / `\P`. */
  private skipProperty(): void {
    if (this.s[this.i] !== '{') return;
    const close = this.s.indexOf('}', this.i);
    this.i = close < 0 ? this.s.length : close + 1;
  }

  /** One atom; undefined for anchors and lookarounds' zero-width markers that take no quantifier. */
  private atom(): Atom | undefined {
    const start = this.i;
    const c = this.s[this.i++] ?? '';
    if (c === '\\') {
      const next = this.s[this.i++] ?? '';
      if (/[bBAzZG]/.test(next)) return undefined;
      if (next === 'p' || next === 'P') this.skipProperty();
      return /[dDwWsSpPuxck0-9]/.test(next)
        ? { kind: 'other', source: this.s.slice(start, this.i) }
        : { kind: 'char', first: next };
    }
    if (c === '^' || c === '$') return undefined;
    if (c === '.') return { kind: 'other', source: '.' };
    if (c === '[') {
      this.skipClass();
      return { kind: 'other', source: this.s.slice(start, this.i) };
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

  private quantifier(): { min: number; max: number; variable: boolean } {
    const c = this.s[this.i];
    let result = { min: 1, max: 1, variable: false };
    if (c === '*') result = { min: 0, max: Infinity, variable: true };
    else if (c === '+') result = { min: 1, max: Infinity, variable: true };
    else if (c === '?') result = { min: 0, max: 1, variable: true };
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.s.slice(this.i));
      if (m === null) return result;
      const min = Number(m[1]);
      const max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
      this.i += m[0].length;
      if (this.s[this.i] === '?') this.i++;
      return { min, max, variable: max !== min };
    } else return result;
    this.i++;
    if (this.s[this.i] === '?') this.i++;
    return result;
  }
}
