import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MockRequest, MockResponse } from '../types';

export type RequestHandler = (request: MockRequest) => Promise<MockResponse>;

/** The only code that touches node:http: turns HTTP requests into MockRequests and MockResponses back. */
export class HttpServer {
  private readonly server: http.Server;

  constructor(
    private readonly handler: RequestHandler,
    private readonly maxBodyBytes = 10 * 1024 * 1024,
  ) {
    this.server = http.createServer((req, res) => void this.serve(req, res));
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

  private async serve(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    try {
      // Header values by lower-case name, from rawHeaders (reading req.headers would make node:http build its
      // own copy as well).
      const headers: Record<string, string[]> = {};
      const raw = req.rawHeaders;
      for (let i = 0; i + 1 < raw.length; i += 2) (headers[raw[i]!.toLowerCase()] ??= []).push(raw[i + 1]!);
      // Without Content-Length or Transfer-Encoding an HTTP/1.1 request has no body (most GETs): no need to wait
      // for its 'end' (node:http discards the empty stream once the response is sent).
      const length = headers['content-length']?.[0];
      const bodyless = headers['transfer-encoding'] === undefined && (length === undefined || length === '0');
      const body = bodyless ? emptyBody : await readBody(req, this.maxBodyBytes);
      if (body === undefined) {
        return send(res, {
          status: 413,
          headers: { 'Content-Type': 'application/json' },
          body: Buffer.from('{"message":"Request Too Long"}'),
        });
      }
      const url = req.url ?? '/';
      const q = url.indexOf('?');
      const rawPath = q < 0 ? url : url.slice(0, q);
      let path = rawPath;
      if (rawPath.includes('%')) {
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
      };
      send(res, await this.handler(request));
    } catch (error) {
      send(res, {
        status: 500,
        headers: { 'Content-Type': 'application/json' },
        body: Buffer.from(
          JSON.stringify({ message: `Mock runtime error: ${error instanceof Error ? error.message : String(error)}` }),
        ),
      });
    }
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

function send(res: http.ServerResponse, response: MockResponse): void {
  if (res.headersSent) return;
  // A flat [name, value, ...] list: node:http sends it as is (no per-name object to build or check). A name
  // repeated in another case keeps its last value, in the place of its first; Content-Length is ours.
  const headers: string[] = [];
  let seen: Map<string, number> | undefined;
  for (const name in response.headers) {
    const lower = name.toLowerCase();
    if (lower === 'content-length') continue;
    seen ??= new Map();
    const at = seen.get(lower);
    if (at === undefined) {
      seen.set(lower, headers.length);
      headers.push(name, response.headers[name]!);
    } else {
      headers[at] = name;
      headers[at + 1] = response.headers[name]!;
    }
  }
  headers.push('Content-Length', String(response.body.length));
  res.writeHead(response.status, headers);
  // node:http joins the head and a latin1 / utf8 string body into one write, but writes a Buffer separately (a
  // writev of two chunks): latin1 maps every byte to one char, so the bytes sent are exactly the body's.
  if (response.body.length <= singleWriteBytes) res.end(response.body.toString('latin1'), 'latin1');
  else res.end(response.body);
}
