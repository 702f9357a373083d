/** The kinds of REST parameter-mapping expressions, and what each may read. */

export type MappingPlace = 'request' | 'response' | 'gatewayResponse';

/** A `method.request.*` source that names a declared parameter: `query:page`, `header:x-id`, `path:id`. */
export interface ParameterReference {
  key: string;
  /** How it is written, for messages: 'querystring', 'header', 'path'. */
  written: string;
  name: string;
}

export type SourceCheck = { ok: true; parameter?: ParameterReference } | { ok: false; expected: string };

const methodRequest = /^method\.request\.(path|querystring|header|multivalueheader|multivaluequerystring)\.(\S+)$/;
const common = /^(context\.[A-Za-z0-9_.$-]+|stageVariables\.[A-Za-z0-9_]+|'[\s\S]*')$/;

const expectedByPlace: Record<MappingPlace, string> = {
  request:
    "method.request.{path|querystring|header}.{name}, method.request.body (or method.request.body.{JSONPath}), context.{variable}, stageVariables.{name} or a quoted literal such as 'value'",
  response:
    "integration.response.header.{name}, integration.response.body (or integration.response.body.{JSONPath}), context.{variable}, stageVariables.{name} or a quoted literal such as 'value'",
  gatewayResponse:
    "method.request.{path|querystring|header}.{name}, context.{variable}, stageVariables.{name} or a quoted literal such as 'value'",
};

/** Checks one mapping value (the source) of a REST API. */
export function checkRestSource(value: string, place: MappingPlace): SourceCheck {
  if (common.test(value)) return { ok: true };
  if (place === 'response') {
    if (
      /^integration\.response\.(header|multivalueheader)\.\S+$/.test(value) ||
      /^integration\.response\.body(\.\S+)?$/.test(value)
    ) {
      return { ok: true };
    }
    return { ok: false, expected: expectedByPlace.response };
  }
  if (place === 'request' && /^method\.request\.body(\.\S+)?$/.test(value)) return { ok: true };
  const match = methodRequest.exec(value);
  if (match === null) return { ok: false, expected: expectedByPlace[place] };
  const kind = match[1] as string;
  const name = match[2] as string;
  const where = kind.endsWith('querystring') ? 'query' : kind.endsWith('header') ? 'header' : 'path';
  const key = `${where}:${where === 'header' ? name.toLowerCase() : name}`;
  return place === 'request' ? { ok: true, parameter: { key, written: kind, name } } : { ok: true };
}

/** The target pattern of each place: the key of a mapping. */
export const restTargets: Record<MappingPlace, { pattern: RegExp; form: string }> = {
  request: {
    pattern: /^integration\.request\.(header|querystring|path|multivalueheader|multivaluequerystring)\.\S+$/,
    form: 'integration.request.{header|querystring|path}.{name}',
  },
  response: { pattern: /^method\.response\.header\.\S+$/, form: 'method.response.header.{name}' },
  gatewayResponse: {
    pattern: /^gatewayresponse\.(header|querystring|path)\.\S+$/,
    form: 'gatewayresponse.{header|querystring|path}.{name}',
  },
};

/** HTTP API mapping keys: request (`append|overwrite|remove:header|querystring.name`, `overwrite:path`) and response. */
export const httpKeys = {
  request: /^((append|overwrite|remove):(header|querystring)\.\S+|overwrite:path)$/,
  response: /^((append|overwrite|remove):header\.\S+|overwrite:statuscode)$/,
};

/** The `$request.*`-style references of an HTTP API mapping value that are not valid sources. */
export function badHttpReferences(value: string, place: 'request' | 'response'): string[] {
  const bad: string[] = [];
  for (const match of value.matchAll(/\$\{?([A-Za-z]+)((?:\.[A-Za-z0-9_-]+)*)/g)) {
    const [whole, root = '', rest = ''] = match;
    if (!isValidHttpReference(root, rest.split('.').slice(1), place)) bad.push(whole);
  }
  return bad;
}

function isValidHttpReference(root: string, parts: string[], place: 'request' | 'response'): boolean {
  const [kind = '', ...name] = parts;
  if (root === 'context' || root === 'stageVariables') return parts.length > 0;
  if (root === 'request') {
    if (kind === 'path' || kind === 'body') return true;
    return ['header', 'querystring', 'multivalueheader', 'multivaluequerystring'].includes(kind) && name.length > 0;
  }
  if (root === 'response' && place === 'response') {
    if (kind === 'body') return true;
    return (kind === 'header' || kind === 'multivalueheader') && name.length > 0;
  }
  return false;
}
