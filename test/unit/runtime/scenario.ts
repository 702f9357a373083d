import fs from 'node:fs';
import type { ScenarioSigning } from './scenarioSigning';

/**
 * A runtime scenario: one text file in test/fixtures/runtime/ with labelled sections, in the manner of
 * Prism's test harness:
 *
 *   ====description====   what the case shows (the test's name)
 *   ====definition====    the API definition, inline YAML or JSON
 *   ====definition-file====  or: a path, relative to test/fixtures/runtime/, of a shared definition
 *   ====config====        optional apigw.config.json content (paths relative to test/fixtures/runtime/)
 *   ====request====       `METHOD /path?query` (relative to the base URL), header lines, a blank line, the body
 *   ====response====      the status, header lines that must be present with these values, a blank line, the
 *                         body (JSON compared as data, `"{{any}}"` matches any value; otherwise exact text)
 *   ====trace====         optional lines that must each appear, exactly, in the request's trace (the reason
 *                         a gateway response gives, the stage details) or its captured handler console
 *   ====access-log====    optional: the access log line the request writes, exactly, except `{{requestId}}`
 *                         (the response's request id header), `{{time}}` (a CLF request time), `{{epoch}}`
 *                         (epoch ms), `{{number}}` (any whole number) and `{{any}}` (any text)
 *
 * `{{backend}}` is replaced by host:port of the test backend, `{{unreachable}}` by a port nobody listens on,
 * `{{issuer}}` by the base URL of the test identity provider (jwtIssuer.ts: OIDC discovery and keys under any path),
 * `{{jwks-file}}` by the path of a file with its published keys, and `{{jwt:{"sub": "…"}}}` by a token it signs with
 * those claims (`jwt-other-key`, `jwt-tampered`, `jwt-hs256`, `jwt-none` for the tokens API Gateway refuses).
 */
export interface Scenario {
  description: string;
  definition?: string;
  definitionFile?: string;
  config?: string;
  request: { method: string; path: string; headers: [string, string][]; body: string };
  response: { status: number; headers: [string, string][]; body: string | undefined };
  trace: string[];
  /** `====clock====`: the gateway's time (ISO 8601), for what depends on it (SigV4's ±5 minutes). */
  clock?: string;
  /** `====sign====`: JSON saying how to SigV4-sign the request before it is sent (see scenarioSigning.ts). */
  sign?: ScenarioSigning;
  /** `====access-log====`: the access log line expected, with placeholders (see accessLogPattern). */
  accessLog?: string;
}

export function readScenario(file: string, substitutions: Record<string, string>): Scenario {
  let text = fs.readFileSync(file, 'utf8');
  for (const [key, value] of Object.entries(substitutions)) text = text.split(`{{${key}}}`).join(value);
  const sections = new Map<string, string>();
  const parts = text.split(/^====([a-z-]+)====\s*$/m);
  for (let i = 1; i + 1 < parts.length; i += 2)
    sections.set(parts[i]!, parts[i + 1]!.replace(/^\n/, '').replace(/\n$/, ''));
  const need = (name: string): string => {
    const value = sections.get(name);
    if (value === undefined) throw new Error(`${file} has no ====${name}==== section`);
    return value;
  };
  const request = parseMessage(need('request'));
  const [method, path] = request.firstLine.split(/\s+/);
  const response = parseMessage(need('response'));
  const scenario: Scenario = {
    description: need('description').trim(),
    request: { method: method ?? 'GET', path: path ?? '/', headers: request.headers, body: request.body ?? '' },
    response: { status: Number(response.firstLine.trim()), headers: response.headers, body: response.body },
    trace: (sections.get('trace') ?? '')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== ''),
  };
  const definition = sections.get('definition');
  const definitionFile = sections.get('definition-file');
  if (definition !== undefined) scenario.definition = definition;
  else if (definitionFile !== undefined) scenario.definitionFile = definitionFile.trim();
  else throw new Error(`${file} needs a ====definition==== or ====definition-file==== section`);
  const config = sections.get('config');
  if (config !== undefined) scenario.config = config;
  const clock = sections.get('clock')?.trim();
  if (clock !== undefined) {
    if (Number.isNaN(Date.parse(clock))) throw new Error(`${file}: ====clock==== must be an ISO 8601 time`);
    scenario.clock = clock;
  }
  const accessLog = sections.get('access-log');
  if (accessLog !== undefined) scenario.accessLog = accessLog.trim();
  const sign = sections.get('sign');
  if (sign !== undefined) scenario.sign = JSON.parse(sign) as ScenarioSigning;
  return scenario;
}

function parseMessage(text: string): { firstLine: string; headers: [string, string][]; body: string | undefined } {
  const lines = text.split('\n');
  const firstLine = lines.shift() ?? '';
  const headers: [string, string][] = [];
  while (lines.length > 0 && lines[0] !== '') {
    const line = lines.shift()!;
    const colon = line.indexOf(':');
    headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  if (lines.length === 0) return { firstLine, headers, body: undefined };
  lines.shift();
  return { firstLine, headers, body: lines.join('\n') };
}

/** Expected JSON against actual JSON, where the string "{{any}}" matches any value. */
export function matchesJson(expected: unknown, actual: unknown): boolean {
  if (expected === '{{any}}') return actual !== undefined;
  if (Array.isArray(expected)) {
    return (
      Array.isArray(actual) && actual.length === expected.length && expected.every((e, i) => matchesJson(e, actual[i]))
    );
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return false;
    const a = actual as Record<string, unknown>;
    const e = expected as Record<string, unknown>;
    const keys = new Set([...Object.keys(e), ...Object.keys(a).filter((k) => a[k] !== undefined)]);
    return [...keys].every((k) => matchesJson(e[k], a[k]));
  }
  return expected === actual;
}

/** The `====access-log====` line as a whole-line pattern, `{{requestId}}` being `requestId`. */
export function accessLogPattern(expected: string, requestId: string): RegExp {
  const placeholders: Record<string, string> = {
    requestId: requestId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    time: '\\d{2}/[A-Z][a-z]{2}/\\d{4}:\\d{2}:\\d{2}:\\d{2} \\+0000',
    epoch: '\\d{13}',
    number: '\\d+',
    any: '.+?',
  };
  const parts = expected.split(/\{\{(requestId|time|epoch|number|any)\}\}/);
  let source = '';
  parts.forEach((part, i) => {
    source += i % 2 === 0 ? part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : placeholders[part]!;
  });
  return new RegExp(`^${source}$`);
}
