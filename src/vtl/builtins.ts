import { parseJavaJson, stringifyJavaJson } from './javaJson';
import { evaluateJsonPath, parseJsonPath } from './jsonPath';
import { MethodError } from './runtime';
import type { TemplateRequest } from './templateContext';
import { HostObject, display, type Value, type VtlMap } from './values';
import { dictOf } from '../shared/dict';

const single = (
  one: Record<string, string> | undefined,
  many: Record<string, string[]> | undefined,
): Map<string, string> => {
  const map = new Map<string, string>();
  // API Gateway's single-value maps hold the last value of a repeated parameter. Keys loops, not entries: no
  // [key, value] array per entry (these maps are made per render).
  const multi = many ?? {};
  for (const k of Object.keys(multi)) {
    const values = multi[k]!;
    if (values.length > 0) map.set(k, values[values.length - 1]!);
  }
  const last = one ?? {};
  for (const k of Object.keys(last)) map.set(k, last[k]!);
  return map;
};

/** A record's own entries as a Map (what `new Map(Object.entries(record))` makes, without an array per entry). */
function mapOf(record: Record<string, string> | undefined): Map<string, string> {
  const map = new Map<string, string>();
  const from = record ?? {};
  for (const k of Object.keys(from)) map.set(k, from[k]!);
  return map;
}

/**
 * `$input`: the payload (the method request body in request templates, the integration response body in
 * response templates) and the method request parameters.
 */
export class InputObject extends HostObject {
  readonly typeName = '$input';
  private parsed: Value | undefined;
  // The parameter maps are made on first use: most templates read one parameter, or none.
  private pathMap: Map<string, string> | undefined;
  private queryMap: Map<string, string> | undefined;
  private headerMap: Map<string, string> | undefined;

  constructor(
    private readonly body: string,
    private readonly request: TemplateRequest,
  ) {
    super();
  }

  private get path(): Map<string, string> {
    return (this.pathMap ??= mapOf(this.request.pathParameters));
  }

  private get query(): Map<string, string> {
    return (this.queryMap ??= single(this.request.queryStringParameters, this.request.multiValueQueryStringParameters));
  }

  private get header(): Map<string, string> {
    return (this.headerMap ??= single(this.request.headers, this.request.multiValueHeaders));
  }

  /** `$input.body`: the payload as text; an absent (empty) payload is `{}`, as API Gateway gives it. */
  private get bodyText(): string {
    return this.body === '' ? '{}' : this.body;
  }

  override property(name: string): Value {
    return name === 'body' ? this.bodyText : null;
  }

  call(name: string, args: Value[]): Value | undefined {
    const [a] = args;
    switch (`${name}/${args.length}`) {
      case 'getBody/0':
        return this.bodyText;
      case 'json/1': {
        const found = this.select(a);
        return found === undefined ? '' : stringifyJavaJson(found);
      }
      case 'path/1':
        return this.select(a) ?? null;
      case 'params/0':
        return this.allParams();
      case 'params/1':
        return this.param(a === undefined || a === null ? '' : display(a));
      default:
        return undefined;
    }
  }

  /**
   * The payload as a value: empty is `{}` (as `$input.body` is), text that is not JSON is the string itself.
   * Its lists are JSON arrays, which print as JSON (`markJsonList`).
   */
  private payload(): Value {
    if (this.parsed === undefined) {
      if (this.body.trim() === '') this.parsed = new Map();
      else {
        const result = parseJavaJson(this.body, { jsonLists: true });
        this.parsed = result.ok ? result.value : this.body;
      }
    }
    return this.parsed;
  }

  private select(pathArg: Value | undefined): Value | undefined {
    if (typeof pathArg !== 'string')
      throw new MethodError(
        "$input.path and $input.json need a JSONPath string, like '$.name'",
        'apigw.vtl.input.jsonPath',
      );
    const parsed = parseJsonPath(pathArg);
    if (!parsed.ok) throw new MethodError(parsed.message, 'apigw.vtl.input.jsonPath');
    return evaluateJsonPath(parsed.path, this.payload());
  }

  private allParams(): VtlMap {
    return new Map<string, Value>([
      ['path', new Map(this.path)],
      ['querystring', new Map(this.query)],
      ['header', new Map(this.header)],
    ]);
  }

  /** Path, then query string, then header (header names without regard to case); "" when absent. */
  private param(name: string): string {
    const found = this.path.get(name) ?? this.query.get(name) ?? this.header.get(name);
    if (found !== undefined) return found;
    const lower = name.toLowerCase();
    for (const [k, v] of this.header) if (k.toLowerCase() === lower) return v;
    return '';
  }
}

const hex = (n: number, width: number): string => n.toString(16).toUpperCase().padStart(width, '0');

/** Apache Commons Lang's StringEscapeUtils.escapeJavaScript, which API Gateway's `$util.escapeJavaScript` uses. */
export function escapeJavaScript(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    if (ch > 0x7f) out += `\\u${hex(ch, 4)}`;
    else if (ch < 32) {
      const named: Record<number, string> = { 8: '\\b', 9: '\\t', 10: '\\n', 12: '\\f', 13: '\\r' };
      out += named[ch] ?? `\\u${hex(ch, 4)}`;
    } else if (ch === 0x27) out += "\\'";
    else if (ch === 0x22) out += '\\"';
    else if (ch === 0x5c) out += '\\\\';
    else if (ch === 0x2f) out += '\\/';
    else out += s[i];
  }
  return out;
}

/** Java's URLEncoder.encode(s, "UTF-8"): letters, digits and `.-*_` stay, space becomes `+`. */
export function urlEncode(s: string): string {
  return encodeURIComponent(s)
    .replace(/[!'()~]/g, (c) => `%${hex(c.charCodeAt(0), 2)}`)
    .replace(/%20/g, '+');
}

export function urlDecode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    throw new MethodError(
      `$util.urlDecode: '${s.length > 60 ? `${s.slice(0, 60)}…` : s}' is not valid URL encoding`,
      'apigw.vtl.util.urlDecode',
    );
  }
}

function base64Decode(s: string): string {
  const clean = s.replace(/[\r\n]/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.replace(/=+$/, '').length % 4 === 1) {
    throw new MethodError('$util.base64Decode: the text is not valid Base64', 'apigw.vtl.util.base64Decode');
  }
  return Buffer.from(clean, 'base64').toString('utf8');
}

/** `$util`: exactly the six functions API Gateway documents. */
export class UtilObject extends HostObject {
  readonly typeName = '$util';

  call(name: string, args: Value[]): Value | undefined {
    if (args.length !== 1) return undefined;
    const [a = null] = args;
    if (a === null) return null;
    const s = display(a);
    switch (name) {
      case 'escapeJavaScript':
        return escapeJavaScript(s);
      case 'parseJson': {
        const result = parseJavaJson(s);
        if (!result.ok)
          throw new MethodError(
            `$util.parseJson: invalid JSON at character ${result.offset + 1}: ${result.message}`,
            'apigw.vtl.util.parseJson',
          );
        return result.value;
      }
      case 'urlEncode':
        return urlEncode(s);
      case 'urlDecode':
        return urlDecode(s);
      case 'base64Encode':
        return Buffer.from(s, 'utf8').toString('base64');
      case 'base64Decode':
        return base64Decode(s);
      default:
        return undefined;
    }
  }
}

/** `$foreach` inside a loop: index (from 0), count (from 1), hasNext, first, last. */
export class ForeachObject extends HostObject {
  readonly typeName = '$foreach';
  index = 0;
  constructor(
    private readonly size: number,
    readonly parent: Value,
  ) {
    super();
  }
  override property(name: string): Value {
    switch (name) {
      case 'index':
        return this.index;
      case 'count':
        return this.index + 1;
      case 'hasNext':
        return this.index + 1 < this.size;
      case 'first':
        return this.index === 0;
      case 'last':
        return this.index + 1 >= this.size;
      case 'parent':
        return this.parent;
      default:
        return null;
    }
  }
  call(name: string, args: Value[]): Value | undefined {
    if (args.length !== 0) return undefined;
    const getters: Record<string, string> = dictOf({
      getIndex: 'index',
      getCount: 'count',
      hasNext: 'hasNext',
      isFirst: 'first',
      isLast: 'last',
      getParent: 'parent',
    });
    const property = Object.prototype.hasOwnProperty.call(getters, name) ? getters[name] : undefined;
    return property === undefined ? undefined : this.property(property);
  }
}
