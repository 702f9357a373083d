// A stand-in for the SDK's HTTP handler: answers each request from a script and records what was sent, so tests
// run the real clients (serialisation, signing, retries, our middleware) without a socket.
export interface SentRequest {
  method: string;
  hostname: string;
  port?: number;
  path: string;
  query: Record<string, string | string[] | null>;
  headers: Record<string, string>;
  body: string;
}

export interface FakeResponse {
  status: number;
  /** x-amzn-ErrorType for errors (REST-JSON). */
  errorType?: string;
  headers?: Record<string, string>;
  body?: unknown;
}

export type Responder = (request: SentRequest) => FakeResponse;

function bodyText(body: unknown): string {
  if (body === undefined || body === null) return '';
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array) return Buffer.from(body).toString('utf8');
  return '<stream>';
}

export function fakeHttp(respond: Responder): {
  handler: { handle(request: unknown): Promise<{ response: unknown }> };
  sent: SentRequest[];
} {
  const sent: SentRequest[] = [];
  const handler = {
    handle(raw: unknown): Promise<{ response: unknown }> {
      const r = raw as Omit<SentRequest, 'body'> & { body?: unknown };
      const request: SentRequest = {
        method: r.method,
        hostname: r.hostname,
        ...(r.port !== undefined ? { port: r.port } : {}),
        path: r.path,
        query: { ...r.query },
        headers: { ...r.headers },
        body: bodyText(r.body),
      };
      sent.push(request);
      const answer = respond(request);
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        'x-amzn-requestid': `req-${sent.length}`,
        ...(answer.errorType ? { 'x-amzn-errortype': answer.errorType } : {}),
        ...answer.headers,
      };
      const body =
        answer.body === undefined ? '' : typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
      return Promise.resolve({ response: { statusCode: answer.status, headers, body: Buffer.from(body) } });
    },
  };
  return { handler, sent };
}
