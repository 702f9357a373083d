import type { MockRequest, MockResponse, RequestEvent, TraceStep } from '../../runtime/types';
import type { AwsLogSection } from '../awsInvoke/invokeLog';

/** What one send from the Invoke panel came to: shown in the panel, returned to the tests. Plain JSON. */
export interface InvokeResult {
  /** Who answered: the local mock API, or AWS (Invoke on AWS). */
  origin: 'local' | 'aws';
  /** Where it was sent, for people: "Local mock (http://127.0.0.1:3000)", "AWS (stage prod of API Pets)". */
  target: string;
  request: { method: string; path: string; query: string; headers: Record<string, string[]>; body: string };
  /** The URL the same request has over HTTP. */
  url: string;
  status: number;
  headers: Record<string, string>;
  /** The body as text (UTF-8), or base64 when it is not valid UTF-8. */
  body: string;
  bodyEncoding: 'utf8' | 'base64';
  latencyMs: number;
  route?: string;
  requestId: string;
  trace: TraceStep[];
  logs: string[];
  /** AWS (REST): TestInvokeMethod's execution log, by stage of the request. */
  awsLog?: AwsLogSection[];
  /** AWS (REST): the log as AWS gave it. */
  rawLog?: string;
  /**
   * AWS (HTTP): where this request's log lines are (the stage's access log, by its `apigw-requestid`), for "Show
   * Logs of This Request". REST results have none: TestInvokeMethod's log is simulated and never reaches CloudWatch.
   */
  requestLogs?: { kind: 'REST' | 'HTTP'; apiId: string; apiName: string; stage: string; requestId: string };
}

export function toInvokeResult(
  request: MockRequest,
  baseOrigin: string,
  outcome: { response: MockResponse; event: RequestEvent },
): InvokeResult {
  const { response, event } = outcome;
  const text = response.body.toString('utf8');
  const binary = !Buffer.from(text, 'utf8').equals(response.body);
  return {
    origin: 'local',
    target: `Local mock (${baseOrigin})`,
    request: {
      method: request.method,
      path: request.path,
      query: request.query,
      headers: request.headers,
      body: request.body.toString('utf8'),
    },
    url: `${baseOrigin}${encodeURI(request.path)}${request.query ? `?${request.query}` : ''}`,
    status: response.status,
    headers: response.headers,
    body: binary ? response.body.toString('base64') : text,
    bodyEncoding: binary ? 'base64' : 'utf8',
    latencyMs: event.latencyMs,
    ...(event.route !== undefined ? { route: event.route } : {}),
    requestId: event.requestId,
    trace: event.trace,
    logs: event.logs,
  };
}

/** `http://127.0.0.1:3000` from a base URL such as `http://127.0.0.1:3000/local`. */
export function originOf(baseUrl: string): string {
  return /^[a-z]+:\/\/[^/]+/i.exec(baseUrl)?.[0] ?? baseUrl;
}
