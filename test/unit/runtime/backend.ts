import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The HTTP backend the scenarios' HTTP / HTTP_PROXY integrations call, on 127.0.0.1:
 *   /status/NNN  answers NNN with {"status": NNN}
 *   /slow        never answers (timeouts)
 *   anything else echoes {method, path, query, body, header: x-test} as JSON with `X-Backend: yes`.
 */
export class TestBackend {
  private readonly server = http.createServer((req, res) => this.answer(req, res));

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private answer(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://backend');
      const status = /^\/status\/(\d{3})$/.exec(url.pathname)?.[1];
      if (url.pathname === '/slow') return;
      if (status !== undefined) {
        res.writeHead(Number(status), { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ status: Number(status) }));
        return;
      }
      res.writeHead(200, { 'Content-Type': 'application/json', 'X-Backend': 'yes' });
      res.end(
        JSON.stringify({
          method: req.method,
          path: url.pathname,
          query: Object.fromEntries(url.searchParams),
          body: Buffer.concat(chunks).toString('utf8'),
          header: req.headers['x-test'] ?? null,
        }),
      );
    });
  }
}

/** A 127.0.0.1 port that was free a moment ago and is closed now. */
export async function closedPort(): Promise<string> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `127.0.0.1:${port}`;
}
