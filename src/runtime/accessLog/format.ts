import type { ApiType } from '../../model';
import type { AccessLogFormat } from './accessRecord';

export type { AccessLogFormat } from './accessRecord';
import { accessLogVariable, type Getter } from './variables';

/**
 * The Common Log Format presets of the API Gateway console, the mock's access log format when neither the
 * definition's stage nor apigw.config.json gives one. REST's is the developer guide's ("Access logging for REST
 * APIs"); HTTP APIs log the route key and WebSocket APIs the event, route and connection in its place.
 */
export const clfFormats: Record<ApiType, string> = {
  REST: '$context.identity.sourceIp $context.identity.caller $context.identity.user [$context.requestTime] "$context.httpMethod $context.resourcePath $context.protocol" $context.status $context.responseLength $context.requestId',
  HTTP: '$context.identity.sourceIp - - [$context.requestTime] "$context.httpMethod $context.routeKey $context.protocol" $context.status $context.responseLength $context.requestId',
  WEBSOCKET:
    '$context.identity.sourceIp $context.identity.caller $context.identity.user [$context.requestTime] "$context.eventType $context.routeKey $context.connectionId" $context.status $context.requestId',
};

export type CompileResult =
  { ok: true; format: AccessLogFormat; warnings: string[] } | { ok: false; message: string; warnings: string[] };

/** `$context.name.more`; claim and context keys may hold ':' and '-' (`$context.authorizer.claims.cognito:groups`). */
const variablePattern = /\$context(?:\.([A-Za-z0-9_]+(?:\.[A-Za-z0-9_:-]+)*))?/g;

/**
 * Compiles an access log format for an API of `type`: each `$context.<name>` becomes the getter that fills it
 * as API Gateway does for that API type (variables.ts), a value it has none of prints `-`. What AWS refuses is
 * an error (an empty format, a line break: a log line is one line; a bare `$context`); what it would
 * accept but is probably a mistake is a warning: a variable that API type's access log does not have (printed
 * `-`), no `$context.requestId` / `$context.extendedRequestId` (AWS requires one), a JSON-looking format that
 * is not valid JSON once filled.
 */
export function compileAccessLogFormat(text: string, type: ApiType): CompileResult {
  const warnings: string[] = [];
  if (text.trim() === '') return { ok: false, message: 'the access log format is empty.', warnings };
  if (/[\r\n]/.test(text))
    return {
      ok: false,
      message:
        'the access log format has a line break: a format is one line (AWS refuses line breaks); join its lines.',
      warnings,
    };
  const literals: string[] = [];
  const getters: Getter[] = [];
  const unknown: string[] = [];
  let names = 0;
  let last = 0;
  let idFound = false;
  for (const match of text.matchAll(variablePattern)) {
    const name = match[1];
    if (name === undefined)
      return {
        ok: false,
        message: `the access log format has a bare $context at column ${match.index + 1}: name a variable, such as $context.requestId.`,
        warnings,
      };
    // A sentence's full stop after a variable ("... $context.status.") is not part of its name.
    const get = accessLogVariable(type, name);
    literals.push(text.slice(last, match.index));
    last = match.index + match[0].length;
    names++;
    if (name === 'requestId' || name === 'extendedRequestId') idFound = true;
    if (get === undefined) {
      unknown.push(`$context.${name}`);
      getters.push(() => undefined);
    } else getters.push(get);
  }
  literals.push(text.slice(last));
  if (unknown.length > 0)
    warnings.push(
      `the access log format names ${[...new Set(unknown)].join(', ')}, which ${unknown.length === 1 ? 'is not a variable' : 'are not variables'} of ${type === 'HTTP' ? 'an' : 'a'} ${type} API's access log (see the API Gateway developer guide's access logging variables): ${unknown.length === 1 ? 'it prints' : 'they print'} '-'.`,
    );
  if (!idFound)
    warnings.push(
      'the access log format has neither $context.requestId nor $context.extendedRequestId: AWS refuses such a format when it is deployed; add one.',
    );
  if (names === 0) warnings.push('the access log format names no $context variable: every line is the same text.');
  const jsonProblem = text.trimStart().startsWith('{') ? notJson(literals) : undefined;
  if (jsonProblem !== undefined)
    warnings.push(`the access log format looks like JSON but is not valid JSON once filled (${jsonProblem}).`);
  return { ok: true, format: compiled(text, type, literals, getters), warnings };
}

function compiled(text: string, apiType: ApiType, literals: string[], getters: Getter[]): AccessLogFormat {
  const first = literals[0]!;
  const count = getters.length;
  return {
    text,
    apiType,
    render(record) {
      let line = first;
      for (let i = 0; i < count; i++) {
        const value = getters[i]!(record);
        line += (value === undefined || value === '' ? '-' : value) + literals[i + 1]!;
      }
      return line;
    },
  };
}

/** Why the format, each variable filled with a number, does not parse as JSON (undefined when it does). */
function notJson(literals: string[]): string | undefined {
  try {
    JSON.parse(literals.join('0'));
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
