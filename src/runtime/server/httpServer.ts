import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MockRequest, MockResponse } from '../types';
import { dict } from '../../shared/dict';

/** Answers a request: synchronously when it can (no promise, no microtask turn), else with a promise. */
export type RequestHandler = (request: MockRequest) => MockResponse | Promise<MockResponse>;

/** The only code that touches node:http: turns HTTP requests into MockRequests and MockResponses back. */
export class HttpServer {
  private readonly server: http.Server;

  constructor(
    private readonly handler: RequestHandler,
    private readonly maxBodyBytes = 10 * 1024 * 1024,
  ) {
    this.server = http.createServer((req, res) => this.serve(req, res));
  }

  /** Listens (port 0 = a free port) and resolves to the address actually bound. */
  listen(port: number, host: string): Promise<AddressInfo> {
    return new Promise((resolve, reject) => {
      const onError = (error: Error): void => reject(error);
      this.server.once('error', onError);
      this.server.listen(port, host, () => {
        this.server.off('error', onError);
        resolve(this.server.address() as AddressInfo);
      });
    });
  }

  /** Stops accepting connections and closes the open ones. */
  close(): Promise<void> {
    return new Promise((resolve) => {
      if (!this.server.listening) return resolve();
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  /** Bodyless requests (most GETs) are answered in the 'request' event itself when the handler answers at once. */
  private serve(req: http.IncomingMessage, res: http.ServerResponse): void {
    // Header values by lower-case name, from rawHeaders (reading req.headers would make node:http build its
    // own copy as well).
    const headers: Record<string, string[]> = dict();
    const raw = req.rawHeaders;
    for (let i = 0; i + 1 < raw.length; i += 2) {
      const name = lowerCaseName(raw[i]!);
      const values = headers[name];
      if (values === undefined) headers[name] = [raw[i + 1]!];
      else values.push(raw[i + 1]!);
    }
    // Without Content-Length or Transfer-Encoding an HTTP/1.1 request has no body (most GETs): no need to wait
    // for its 'end' (node:http discards the empty stream once the response is sent).
    const length = headers['content-length']?.[0];
    if (headers['transfer-encoding'] === undefined && (length === undefined || length === '0')) {
      this.answer(req, res, headers, emptyBody);
      return;
    }
    readBody(req, this.maxBodyBytes).then(
      (body) => {
        if (body !== undefined) return this.answer(req, res, headers, body);
        send(res, {
          status: 413,
          headers: { 'Content-Type': 'application/json' },
          body: Buffer.from('{"message":"Request Too Long"}'),
        });
      },
      (error: unknown) => sendError(res, error),
    );
  }

  private answer(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    headers: Record<string, string[]>,
    body: Buffer,
  ): void {
    try {
      const url = req.url ?? '/';
      // One pass for the query's start and whether the path is percent-encoded.
      let q = -1;
      let encoded = false;
      for (let i = 0; i < url.length; i++) {
        const c = url.charCodeAt(i);
        if (c === 63) {
          q = i;
          break;
        }
        if (c === 37) encoded = true;
      }
      const rawPath = q < 0 ? url : url.slice(0, q);
      let path = rawPath;
      if (encoded) {
        try {
          path = decodeURIComponent(rawPath);
        } catch {
          // Not valid percent-encoding: routed as sent.
        }
      }
      const request: MockRequest = {
        method: req.method ?? 'GET',
        path,
        query: q < 0 ? '' : url.slice(q + 1),
        headers,
        body,
        sourceIp: clientIp(req.socket.remoteAddress),
        rawPath,
      };
      const response = this.handler(request);
      if (response instanceof Promise) {
        response.then(
          (answered) => send(res, answered),
          (error: unknown) => sendError(res, error),
        );
      } else {
        send(res, response);
      }
    } catch (error) {
      sendError(res, error);
    }
  }
}

/** A bug in the handler: 500 with what went wrong. */
function sendError(res: http.ServerResponse, error: unknown): void {
  send(res, {
    status: 500,
    headers: { 'Content-Type': 'application/json' },
    body: Buffer.from(
      JSON.stringify({ message: `Mock runtime error: ${error instanceof Error ? error.message : String(error)}` }),
    ),
  });
}

/** Request header names as clients usually spell them, lower-cased without a call (else toLowerCase). */
function lowerCaseName(name: string): string {
  switch (name) {
    case 'Host':
      return 'host';
    case 'Accept':
      return 'accept';
    case 'User-Agent':
      return 'user-agent';
    case 'Content-Type':
      return 'content-type';
    case 'Content-Length':
      return 'content-length';
    case 'Connection':
      return 'connection';
    case 'Accept-Encoding':
      return 'accept-encoding';
    default:
      return name.toLowerCase();
  }
}

const emptyBody = Buffer.alloc(0);

/** The client's address, IPv4-mapped IPv6 addresses as IPv4. */
function clientIp(address: string | undefined): string {
  if (address === undefined) return '127.0.0.1';
  return address.startsWith('::ffff:') ? address.slice(7) : address;
}

/** Bodies up to this size go out in the same write as the headers (as latin1 text, byte for byte). */
const singleWriteBytes = 64 * 1024;

function readBody(req: http.IncomingMessage, max: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= max) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > max ? undefined : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * Sends a response; never throws (it runs in promise callbacks, where a throw would end the process as an
 * unhandled rejection). A response node:http refuses — a header it cannot send — becomes a 500 saying why.
 */
function send(res: http.ServerResponse, response: MockResponse): void {
  try {
    write(res, response);
  } catch (error) {
    try {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      const body = JSON.stringify({
        message: `Mock runtime error: ${error instanceof Error ? error.message : String(error)}`,
      });
      res.writeHead(500, ['Content-Type', 'application/json', 'Content-Length', String(Buffer.byteLength(body))]);
      res.end(body);
    } catch {
      res.destroy();
    }
  }
}

function write(res: http.ServerResponse, response: MockResponse): void {
  if (res.headersSent) return;
  // A flat [name, value, ...] list: node:http sends it as is (no per-name object to build or check). A name
  // repeated in another case keeps its last value, in the place of its first; Content-Length is ours. Names
  // are compared lower-cased only when their lengths are equal (rarely: no call for most responses).
  const headers: string[] = [];
  const given = response.headers;
  for (const name in given) {
    if (name.length === 14 && name.toLowerCase() === 'content-length') continue;
    let at = -1;
    for (let i = 0; i < headers.length; i += 2) {
      const other = headers[i]!;
      if (other.length === name.length && (other === name || other.toLowerCase() === name.toLowerCase())) {
        at = i;
        break;
      }
    }
    if (at < 0) headers.push(name, given[name]!);
    else {
      headers[at] = name;
      headers[at + 1] = given[name]!;
    }
  }
  headers.push('Content-Length', String(response.body.length));
  res.writeHead(response.status, headers);
  // node:http joins the head and a latin1 / utf8 string body into one write, but writes a Buffer separately (a
  // writev of two chunks): latin1 maps every byte to one char, so the bytes sent are exactly the body's.
  if (response.body.length <= singleWriteBytes) res.end(response.body.toString('latin1'), 'latin1');
  else res.end(response.body);
}
