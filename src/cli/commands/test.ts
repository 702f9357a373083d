import fs from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { GatewayApi, Route } from '../../model';
import { MockRuntime, loadServedApi, type RequestEvent } from '../../runtime';
import { checkResponse, headerValue } from '../../runtime/contract/check';
import { exampleRequests, type ExampleRequest } from '../../runtime/contract/exampleRequests';
import type { Logger } from '../../shared/logger';
import { dict } from '../../shared/dict';
import { nodeFileSystem } from '../../shared/nodeFileSystem';
import { ExitCode, UsageError, type CliIo } from '../io';
import { signForMock } from '../contract/mockSigning';
import { printResult, printSummary, report, type RequestResult, type Target } from '../contract/testResults';

export const testUsage = `usage: apigw test DEFINITION [--base-url URL] [--report FILE.xml] [--header 'NAME: VALUE']...
                  [--operation ID]... [--skip ID]... [--api NAME] [--config FILE] [--stage NAME]

Sends each operation's example requests to a REST or HTTP API and checks every answer against the definition's
responses: the status (the exact code, a range such as 2XX, or default), the Content-Type, the body against the
content's schema, and the declared headers. The requests come from the definition's examples (example / examples
of parameters and request bodies, one request per named example), else from values generated from the schemas.
Without --base-url the API runs on a mock started for the test (127.0.0.1, a free port, local handlers from
apigw.config.json); with it the requests go to that URL, e.g. a deployed stage. Prints one line per request and a
summary. Exit status: 0 every answer matches, 1 an answer does not match or the API failed (a 5XX the gateway
answered itself), 2 usage error, or the API cannot be reached. A request the gateway refuses (4XX: no credentials,
validation, throttling) is skipped, with the reason.
  --base-url URL      where the API is: https://{api-id}.execute-api.{region}.amazonaws.com/{stage} (default:
                      the mock started for the test)
  --report FILE       also write a JUnit XML report (one testcase per request) for CI
  --header 'N: V'     send this header with every request (a token, an API key); may be repeated. Against the
                      mock, methods that require an API key get one from the config's "apiKeys", and IAM routes
                      are SigV4-signed with the first of its "iam.credentials", unless given here
  --operation ID      test only this operation (operationId or "METHOD /path"); may be repeated
  --skip ID           leave this operation out (e.g. one whose backend is not running here); may be repeated
  --api NAME          which API of the file (default: the first REST or HTTP API)
  --config FILE       the mock's runtime config (default: apigw.config.json beside the definition)
  --stage NAME        the mock's stage name (default: the definition's stage, else local)`;

/** How long one request may take before it counts as failed (API Gateway's own limit is 29 s). */
const requestTimeoutMs = 60_000;

export async function runTest(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'base-url': { type: 'string' },
      report: { type: 'string' },
      header: { type: 'string', multiple: true },
      operation: { type: 'string', multiple: true },
      skip: { type: 'string', multiple: true },
      api: { type: 'string' },
      config: { type: 'string' },
      stage: { type: 'string' },
    },
  });
  if (positionals.length !== 1) throw new UsageError('give exactly one DEFINITION file');
  const baseUrl = values['base-url'] === undefined ? undefined : parseBaseUrl(values['base-url']);
  const headers = (values.header ?? []).map(parseHeader);
  if (values.stage !== undefined && !/^[A-Za-z0-9_$-]+$/.test(values.stage))
    throw new UsageError(`--stage must be letters, digits, '-', '_' (or $default), not '${values.stage}'`);
  if (baseUrl !== undefined && (values.stage !== undefined || values.config !== undefined))
    throw new UsageError('--stage and --config are for the mock: with --base-url the URL names the stage');
  const file = path.resolve(io.cwd, positionals[0]!);
  const configFile = values.config === undefined ? undefined : path.resolve(io.cwd, values.config);
  const loadOptions = {
    file,
    ...(configFile !== undefined ? { configFile } : {}),
    ...(values.stage !== undefined ? { stage: values.stage } : {}),
    ...(values.api !== undefined ? { apiName: values.api } : {}),
  };

  const loaded = await loadServedApi({ ...loadOptions, fs: nodeFileSystem });
  if (!loaded.ok) {
    io.err(`apigw test: cannot read the API: ${loaded.message}\n`);
    return ExitCode.usage;
  }
  const api = loaded.served.api;
  if (api.type === 'WEBSOCKET') {
    io.err(`apigw test: ${api.name} is a WebSocket API; apigw test sends HTTP requests to REST and HTTP APIs.\n`);
    return ExitCode.usage;
  }
  const routes = selectRoutes(api, values.operation ?? [], values.skip ?? []);

  let target: Target;
  if (baseUrl !== undefined) target = { baseUrl, api };
  else {
    const started = await startMock(loadOptions, io);
    if (typeof started === 'string') {
      io.err(`apigw test: cannot start the mock: ${started}\n`);
      return ExitCode.usage;
    }
    target = started;
  }
  const startedAt = new Date();
  io.out(
    `apigw test: ${target.api.name} (${target.api.type}) at ${target.baseUrl}${target.mock ? ' (a mock started for the test)' : ''}\n`,
  );
  let results: RequestResult[];
  try {
    const run = await runRequests(target, routes, headers, io);
    if (typeof run === 'string') {
      io.err(`apigw test: ${run}\n`);
      return ExitCode.usage;
    }
    results = run;
  } finally {
    await target.mock?.runtime.stop();
  }
  printSummary(results, io);
  if (values.report !== undefined) {
    const reportFile = path.resolve(io.cwd, values.report);
    try {
      await fs.writeFile(reportFile, report(target, results, startedAt, file));
    } catch (error) {
      io.err(
        `apigw test: cannot write the report ${reportFile}: ${error instanceof Error ? error.message : String(error)}\n`,
      );
      return ExitCode.usage;
    }
  }
  return results.some((r) => r.outcome.kind === 'failed' || r.outcome.kind === 'error')
    ? ExitCode.findings
    : ExitCode.ok;
}

/** `--base-url`: an absolute http(s) URL without a query or fragment; its path is the stage's. */
export function parseBaseUrl(value: string): string {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  const example = 'https://a1b2c3d4e5.execute-api.us-east-1.amazonaws.com/prod';
  if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:'))
    throw new UsageError(`--base-url must be an http(s) URL such as ${example}, not '${value}'`);
  if (url.search !== '' || url.hash !== '')
    throw new UsageError(`--base-url must not have a query or a fragment: give the stage's URL, such as ${example}`);
  if (url.username !== '' || url.password !== '')
    throw new UsageError('--base-url must not hold credentials: send them with --header');
  return url.href.replace(/\/+$/, '');
}

function parseHeader(value: string): [string, string] {
  const colon = value.indexOf(':');
  const name = colon < 0 ? '' : value.slice(0, colon).trim();
  if (!/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(name))
    throw new UsageError(`--header must be 'Name: value' (e.g. 'Authorization: Bearer …'), not '${value}'`);
  return [name, value.slice(colon + 1).trim()];
}

/** The operations to test, in the order written, after --operation and --skip (each must name one). */
function selectRoutes(api: GatewayApi, only: string[], skip: string[]): Route[] {
  const matches = (route: Route, id: string): boolean => {
    if (route.operationId === id) return true;
    const space = id.indexOf(' ');
    return space > 0 && id.slice(0, space).toUpperCase() === route.method && id.slice(space + 1).trim() === route.path;
  };
  for (const id of [...only, ...skip]) {
    if (!api.routes.some((r) => matches(r, id))) {
      const known = api.routes.map((r) => r.operationId ?? `${r.method} ${r.path}`).join(', ');
      throw new UsageError(`${api.name} has no operation '${id}' (operations: ${known || 'none'})`);
    }
  }
  return api.routes.filter(
    (r) => (only.length === 0 || only.some((id) => matches(r, id))) && !skip.some((id) => matches(r, id)),
  );
}

async function startMock(
  options: { file: string; configFile?: string; stage?: string; apiName?: string },
  io: CliIo,
): Promise<Target | string> {
  const runtime = new MockRuntime({ ...options, watch: false, checkResponses: 'off', logger: stderrLogger(io) });
  const events = new Map<string, RequestEvent>();
  runtime.onRequest((event) => events.set(event.requestId, event), { trace: false });
  runtime.onReload((event) => {
    if (event.ok) for (const warning of event.warnings) io.err(`apigw test: mock: ${warning}\n`);
  });
  try {
    const baseUrl = await runtime.start(0, '127.0.0.1');
    const served = runtime.current!;
    return { baseUrl, api: served.api, mock: { runtime, events, apiKey: served.config.apiKeys?.[0] ?? 'apigw-test' } };
  } catch (error) {
    await runtime.stop();
    return error instanceof Error ? error.message : String(error);
  }
}

/** Every request of every operation, one at a time (in order: a create can come before a read). */
async function runRequests(
  target: Target,
  routes: Route[],
  headers: Array<[string, string]>,
  io: CliIo,
): Promise<RequestResult[] | string> {
  const results: RequestResult[] = [];
  for (const route of routes) {
    const examples = exampleRequests(route);
    if (!examples.ok) {
      const request: ExampleRequest = {
        name: '-',
        method: route.method,
        path: route.path,
        query: [],
        headers: [],
        generated: false,
      };
      const result: RequestResult = {
        route,
        request,
        url: '',
        ms: 0,
        outcome: { kind: 'skipped', reason: examples.skip },
      };
      printResult(result, io);
      results.push(result);
      continue;
    }
    for (const request of examples.requests) {
      const result = await send(target, route, request, headers);
      if (typeof result === 'string') return result;
      printResult(result, io);
      results.push(result);
    }
  }
  return results;
}

async function send(
  target: Target,
  route: Route,
  request: ExampleRequest,
  given: Array<[string, string]>,
): Promise<RequestResult | string> {
  const query = new URLSearchParams(request.query).toString();
  const url = `${target.baseUrl}${request.path}${query === '' ? '' : `?${query}`}`;
  const headers = new Headers();
  for (const [name, value] of request.headers) headers.set(name, value);
  if (request.body !== undefined) headers.set('content-type', request.body.contentType);
  if (
    target.mock !== undefined &&
    route.apiKeyRequired &&
    target.api.type === 'REST' &&
    !given.some(([name]) => name.toLowerCase() === 'x-api-key')
  )
    headers.set('x-api-key', target.mock.apiKey);
  for (const [name, value] of given) headers.set(name, value);
  const hasBody = request.body !== undefined && request.method !== 'GET' && request.method !== 'HEAD';
  // Against the mock, an IAM route's request is SigV4-signed with the config's first local credential, as Invoke
  // Route Locally signs it, unless an Authorization header was given.
  const unsigned =
    target.mock !== undefined && !headers.has('authorization')
      ? await signForMock(target.mock.runtime, route, url, request.method, headers, hasBody ? request.body!.text : '')
      : undefined;
  const started = performance.now();
  let response: Response;
  let body: Buffer;
  try {
    response = await fetch(url, {
      method: request.method,
      headers,
      ...(hasBody ? { body: request.body!.text } : {}),
      redirect: 'manual',
      signal: AbortSignal.timeout(requestTimeoutMs),
    });
    body = Buffer.from(await response.arrayBuffer());
  } catch (error) {
    const ms = performance.now() - started;
    const name = error instanceof Error ? error.name : '';
    if (name === 'TimeoutError' || name === 'AbortError')
      return {
        route,
        request,
        url,
        ms,
        outcome: { kind: 'error', reason: `no answer within ${requestTimeoutMs / 1000} s` },
      };
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const why = cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
    // The API is not there at all: nothing else would get through either.
    return `cannot reach ${target.baseUrl} (${why}): check --base-url.`;
  }
  const ms = performance.now() - started;
  const responseHeaders = dict<string>();
  response.headers.forEach((value, name) => (responseHeaders[name] = value));
  const result: RequestResult = { route, request, url, status: response.status, ms, outcome: { kind: 'passed' } };
  const gateway = gatewayAnswer(target, response.status, responseHeaders, body);
  if (gateway !== undefined) {
    if (response.status >= 500) {
      result.outcome = { kind: 'failed', reason: `the gateway answered itself: ${gateway}`, mismatches: [] };
      result.gatewayFailure = true;
    } else {
      const credentials =
        response.status === 401 || response.status === 403
          ? `; ${unsigned ?? "send credentials with --header 'Name: value'"}`
          : '';
      result.outcome = { kind: 'skipped', reason: `the gateway refused the request: ${gateway}${credentials}` };
    }
    return result;
  }
  const checked = checkResponse(
    route,
    { status: response.status, headers: responseHeaders, body },
    { method: request.method },
  );
  if (checked.mismatches.length > 0)
    result.outcome = {
      kind: 'failed',
      reason: `the ${response.status} response does not match the definition`,
      mismatches: checked.mismatches,
    };
  else if (route.responses.length === 0)
    result.outcome = {
      kind: 'skipped',
      reason: `${route.method} ${route.path} declares no responses to check against`,
    };
  return result;
}

/**
 * Why the gateway answered the request itself, when it did: the mock says so in the request's trace (found by
 * its request id); a deployed REST API marks its gateway responses with `x-amzn-ErrorType`. (A deployed HTTP API's
 * own answers cannot be told from the integration's, so they are checked like any other.)
 */
function gatewayAnswer(
  target: Target,
  status: number,
  headers: Record<string, string>,
  body: Buffer,
): string | undefined {
  if (target.mock !== undefined) {
    const id = headerValue(headers, 'x-amzn-requestid') ?? headerValue(headers, 'apigw-requestid');
    const event = id === undefined ? undefined : target.mock.events.get(id);
    if (id !== undefined) target.mock.events.delete(id);
    const step = event?.trace.find((s) => s.stage === 'gatewayResponse');
    return step?.detail;
  }
  if (target.api.type !== 'REST') return undefined;
  const errorType = headerValue(headers, 'x-amzn-errortype');
  if (errorType === undefined) return undefined;
  let message = '';
  try {
    const parsed = JSON.parse(body.toString('utf8')) as { message?: unknown; Message?: unknown };
    const m = parsed.message ?? parsed.Message;
    if (typeof m === 'string') message = `: ${m}`;
  } catch {
    // Not JSON: the type alone says it.
  }
  return `${status} ${errorType.split(':')[0]}${message}`;
}

function stderrLogger(io: CliIo): Logger {
  const write =
    (level: string) =>
    (message: string | Error): void =>
      io.err(`apigw test: mock: ${level}${message instanceof Error ? message.message : message}\n`);
  return {
    trace: () => undefined,
    debug: () => undefined,
    info: () => undefined,
    warn: write('warning: '),
    error: write('error: '),
  };
}
