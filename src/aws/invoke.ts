// Invoke a route on AWS: a REST method through TestInvokeMethod (no deployment needed; its log shows each step,
// the mapping templates included, as the console's Test does), an HTTP API route by a request to the stage's
// invoke URL, SigV4-signed for 'execute-api' when the route uses AWS_IAM authorization.
import { TestInvokeMethodCommand } from '@aws-sdk/client-api-gateway';
import { badInput, guarded, requireText } from './guard';
import { toAwsError } from './problems';
import { signRequest, type SigningCredentials } from './sigv4';
import type { AwsClients } from './types';

export interface TestInvokeInput {
  apiId: string;
  /** The resource the method is on (DeployedRoute.resourceId). */
  resourceId: string;
  httpMethod: string;
  /** The request path with its query, e.g. '/pets/7?verbose=true' (AWS uses the resource's path without it). */
  pathWithQueryString?: string;
  headers?: Record<string, string>;
  multiValueHeaders?: Record<string, string[]>;
  body?: string;
  stageVariables?: Record<string, string>;
  clientCertificateId?: string;
}

export interface InvokeResult {
  status: number;
  headers: Record<string, string>;
  body: string;
  latencyMs: number;
  /** TestInvokeMethod's execution log: one timestamped line per step (method request, templates, integration…). */
  log?: string;
  multiValueHeaders?: Record<string, string[]>;
}

const methodPattern = /^[A-Za-z]+$/;

function requireMethod(method: string | undefined, operation: string): string {
  const text = requireText(method, 'An HTTP method', operation);
  if (!methodPattern.test(text)) {
    throw badInput(
      `'${text}' is not an HTTP method: expected GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS or ANY.`,
      operation,
    );
  }
  return text.toUpperCase();
}

/** Runs a REST API method on AWS without deploying it (API Gateway's TestInvokeMethod). */
export async function testInvokeMethod(clients: AwsClients, input: TestInvokeInput): Promise<InvokeResult> {
  const operation = 'TestInvokeMethod';
  requireText(input.apiId, 'An API id', operation);
  requireText(input.resourceId, 'A resource id', operation);
  const httpMethod = requireMethod(input.httpMethod, operation);
  const path = input.pathWithQueryString;
  if (path !== undefined && !path.startsWith('/')) {
    throw badInput(`The request path must start with '/', as in '/pets/7?verbose=true', not '${path}'.`, operation);
  }
  return guarded(clients, async () => {
    const out = await clients.rest.send(
      new TestInvokeMethodCommand({
        restApiId: input.apiId,
        resourceId: input.resourceId,
        httpMethod,
        ...(path !== undefined ? { pathWithQueryString: path } : {}),
        ...(input.headers ? { headers: input.headers } : {}),
        ...(input.multiValueHeaders ? { multiValueHeaders: input.multiValueHeaders } : {}),
        ...(input.body !== undefined ? { body: input.body } : {}),
        ...(input.stageVariables ? { stageVariables: input.stageVariables } : {}),
        ...(input.clientCertificateId ? { clientCertificateId: input.clientCertificateId } : {}),
      }),
    );
    return {
      status: out.status ?? 0,
      headers: { ...out.headers },
      body: out.body ?? '',
      latencyMs: out.latency ?? 0,
      log: out.log ?? '',
      ...(out.multiValueHeaders ? { multiValueHeaders: out.multiValueHeaders } : {}),
    };
  });
}

/** One step of TestInvokeMethod's log: "Thu Jan 01 00:00:00 UTC 2026 : Method request body before transformations: …". */
export interface LogStep {
  time?: string;
  text: string;
}

const logLine = /^([A-Z][a-z]{2} [A-Z][a-z]{2} \d{1,2} \d{2}:\d{2}:\d{2} [A-Z]{2,5} \d{4}) : (.*)$/;

/** The steps of a TestInvokeMethod log; a line without a time stamp continues the step before it (a body, a template). */
export function logSteps(log: string): LogStep[] {
  const steps: LogStep[] = [];
  for (const line of log.split(/\r?\n/)) {
    const match = logLine.exec(line);
    if (match) steps.push({ time: match[1]!, text: match[2]! });
    else if (steps.length > 0) steps[steps.length - 1]!.text += `\n${line}`;
    else if (line.trim() !== '') steps.push({ text: line });
  }
  for (const step of steps) step.text = step.text.replace(/\s+$/, '');
  return steps;
}

export interface HttpInvokeRequest {
  /** The full URL: the stage's invoke URL, the route's path and the query. */
  url: string;
  method: string;
  headers?: Record<string, string>;
  body?: string;
  /** For AWS_IAM routes: sign for 'execute-api' in `region`. */
  sign?: { credentials: SigningCredentials; region: string; signingDate?: Date };
  signal?: AbortSignal;
  /** A stand-in for global fetch (tests). */
  fetch?: typeof fetch;
}

/** The credentials of the clients, for `sign`: the same chain (profile, SSO, role) the SDK calls use. */
export function signingCredentialsOf(clients: AwsClients): SigningCredentials {
  return () => clients.rest.config.credentials();
}

/** Headers a request must not carry in its signature: fetch sets them itself. */
const fetchOwnedHeaders = new Set(['host', 'content-length', 'connection', 'transfer-encoding']);

/** Sends one request to a deployed HTTP API (or any URL), signed when asked. */
export async function invokeHttpRoute(request: HttpInvokeRequest): Promise<InvokeResult> {
  const operation = 'Invoke';
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    throw badInput(
      `'${request.url}' is not a URL: expected the stage's invoke URL and the route's path, such as https://abc123.execute-api.us-east-1.amazonaws.com/prod/pets.`,
      operation,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw badInput(
      `Only http and https URLs can be invoked, not '${url.protocol}' (WebSocket routes need a WebSocket client).`,
      operation,
    );
  }
  const method = requireMethod(request.method, operation);
  if ((method === 'GET' || method === 'HEAD') && request.body !== undefined && request.body !== '') {
    throw badInput(`A ${method} request cannot have a body: remove it, or use POST, PUT or PATCH.`, operation);
  }
  const body = method === 'GET' || method === 'HEAD' ? undefined : request.body;
  const headers: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [name, value] of Object.entries(request.headers ?? {})) {
    if (!fetchOwnedHeaders.has(name.toLowerCase())) headers[name.toLowerCase()] = value;
  }
  const context = { operation, endpoint: url.origin, ...(request.sign ? { region: request.sign.region } : {}) };
  try {
    const sent = request.sign
      ? await signRequest(
          { method, url, headers, ...(body !== undefined ? { body } : {}) },
          {
            credentials: request.sign.credentials,
            region: request.sign.region,
            ...(request.sign.signingDate ? { signingDate: request.sign.signingDate } : {}),
          },
        )
      : { ...headers };
    delete sent['host'];
    const started = performance.now();
    const response = await (request.fetch ?? fetch)(url, {
      method,
      headers: sent,
      ...(body !== undefined ? { body } : {}),
      ...(request.signal ? { signal: request.signal } : {}),
      redirect: 'manual',
    });
    const text = await response.text();
    const latencyMs = Math.round(performance.now() - started);
    const responseHeaders: Record<string, string> = Object.create(null) as Record<string, string>;
    response.headers.forEach((value, name) => {
      responseHeaders[name] = value;
    });
    return { status: response.status, headers: { ...responseHeaders }, body: text, latencyMs };
  } catch (error) {
    throw toAwsError(error, context);
  }
}
