import { JavaDouble, markJsonList, type Value, type VtlMap } from './values';

export { stringifyJavaJson } from './values';
import { dictOf } from '../shared/dict';

/** JSON text → template values; numbers with a fraction or exponent stay doubles (`1.0` prints `1.0`). */
export type JsonParseResult = { ok: true; value: Value } | { ok: false; message: string; offset: number };

class JsonError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

const maxDepth = 512;

/**
 * `jsonLists`: mark every list as one that came from JSON, so it prints as JSON (what `$input.path` gives;
 * see `markJsonList`).
 */
export function parseJavaJson(text: string, options: { jsonLists?: boolean } = {}): JsonParseResult {
  const reader = new JsonReader(text, options.jsonLists === true);
  try {
    reader.skip();
    const value = reader.value(0);
    reader.skip();
    if (reader.pos < text.length) throw new JsonError('unexpected text after the JSON value', reader.pos);
    return { ok: true, value };
  } catch (error) {
    if (!(error instanceof JsonError)) throw error;
    return { ok: false, message: error.message, offset: error.offset };
  }
}

class JsonReader {
  pos = 0;
  constructor(
    private readonly text: string,
    private readonly jsonLists: boolean,
  ) {}

  skip(): void {
    for (;;) {
      const c = this.text.charCodeAt(this.pos);
      if (c === 32 || c === 10 || c === 13 || c === 9) this.pos++;
      else return;
    }
  }

  value(depth: number): Value {
    if (depth > maxDepth) throw new JsonError(`JSON nested deeper than ${maxDepth} levels`, this.pos);
    const c = this.text[this.pos];
    if (c === '{') return this.object(depth);
    if (c === '[') return this.array(depth);
    if (c === '"') return this.string();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.number();
    for (const [word, value] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return value;
      }
    }
    throw new JsonError(c === undefined ? 'unexpected end of JSON' : `unexpected character '${c}'`, this.pos);
  }

  private object(depth: number): VtlMap {
    const map: VtlMap = new Map();
    this.pos++;
    this.skip();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return map;
    }
    for (;;) {
      this.skip();
      if (this.text[this.pos] !== '"') throw new JsonError('expected a property name in double quotes', this.pos);
      const key = this.string();
      this.skip();
      if (this.text[this.pos] !== ':') throw new JsonError("expected ':' after a property name", this.pos);
      this.pos++;
      this.skip();
      map.set(key, this.value(depth + 1));
      this.skip();
      const c = this.text[this.pos++];
      if (c === '}') return map;
      if (c !== ',') throw new JsonError("expected ',' or '}' in an object", this.pos - 1);
    }
  }

  private array(depth: number): Value[] {
    const list: Value[] = this.jsonLists ? markJsonList([]) : [];
    this.pos++;
    this.skip();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return list;
    }
    for (;;) {
      this.skip();
      list.push(this.value(depth + 1));
      this.skip();
      const c = this.text[this.pos++];
      if (c === ']') return list;
      if (c !== ',') throw new JsonError("expected ',' or ']' in an array", this.pos - 1);
    }
  }

  private string(): string {
    const start = ++this.pos;
    // Fast path: no escapes.
    let p = start;
    for (;;) {
      const c = this.text.charCodeAt(p);
      if (c === 34) {
        this.pos = p + 1;
        return this.text.slice(start, p);
      }
      if (c === 92 || c < 32 || Number.isNaN(c)) break;
      p++;
    }
    return this.escapedString(start);
  }

  private escapedString(start: number): string {
    let out = '';
    let p = start;
    for (;;) {
      const c = this.text[p];
      if (c === undefined) throw new JsonError('unterminated string', start - 1);
      if (c === '"') break;
      if (c.charCodeAt(0) < 32) throw new JsonError('control character in a string', p);
      if (c !== '\\') {
        out += c;
        p++;
        continue;
      }
      const e = this.text[p + 1];
      const simple: Record<string, string> = dictOf({
        '"': '"',
        '\\': '\\',
        '/': '/',
        b: '\b',
        f: '\f',
        n: '\n',
        r: '\r',
        t: '\t',
      });
      if (e !== undefined && simple[e] !== undefined) {
        out += simple[e];
        p += 2;
      } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(this.text.slice(p + 2, p + 6))) {
        out += String.fromCharCode(parseInt(this.text.slice(p + 2, p + 6), 16));
        p += 6;
      } else {
        throw new JsonError('invalid escape in a string', p);
      }
    }
    this.pos = p + 1;
    return out;
  }

  private number(): number | JavaDouble {
    const match = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(this.text.slice(this.pos, this.pos + 400));
    if (!match) throw new JsonError('malformed number', this.pos);
    this.pos += match[0].length;
    const n = Number(match[0]);
    const isDouble = match[2] !== undefined || match[3] !== undefined || !Number.isSafeInteger(n);
    return isDouble ? new JavaDouble(n) : n;
  }
}
