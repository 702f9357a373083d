import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer as WsServer, type WebSocket } from 'ws';
import { parseQuery } from '../pipeline';
import { newConnectionId, type WebSocketConnection } from '../websocket/connections';
import type { WebSocketGateway } from '../websocket/gateway';
import { dict, dictOf } from '../../shared/dict';

/**
 * Serves a WebSocket API: upgrades on the stage path (`ws://host:port/stage`) run `$connect` before the
 * handshake completes, and plain HTTP on the same port is the `@connections` management API that
 * ApiGatewayManagementApi clients call (POST to send, GET for the connection's info, DELETE to close):
 * `http://host:port/stage/@connections/{connectionId}`.
 */
export class WebSocketServer {
  private readonly server: http.Server;
  private readonly wss = new WsServer({ noServer: true });
  /** Open connections and the host name they connected to (for `$disconnect`'s domainName). */
  private readonly open = new Map<WebSocketConnection, string>();
  /** `$disconnect` runs in flight (a client that closed): stopping waits for them too. */
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly gateway: WebSocketGateway,
    private readonly stagePath: string,
  ) {
    // Neither may reject: an unhandled rejection would end the process.
    this.server = http.createServer((req, res) => {
      this.manage(req, res).catch((error: unknown) => {
        if (res.headersSent) res.destroy();
        else
          reply(res, 500, { message: `Mock runtime error: ${error instanceof Error ? error.message : String(error)}` });
      });
    });
    this.server.on('upgrade', (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
      this.upgrade(req, socket, head).catch(() => socket.destroy());
    });
  }

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

  /**
   * Stops: no new connection is accepted, `$disconnect` runs for every open connection (as when API Gateway
   * closes them), then the clients are closed. Resolves to the number of `$disconnect` runs still going after
   * `graceMs` (the caller says so; stopping the handlers' workers ends them).
   */
  async close(graceMs = 1500): Promise<number> {
    const closed = new Promise<void>((resolve) => {
      if (!this.server.listening) return resolve();
      this.server.close(() => resolve());
    });
    for (const [connection, domain] of this.open) {
      this.open.delete(connection);
      this.track(this.gateway.disconnect(connection, 1001, 'Going away', domain));
    }
    const pending = [...this.running];
    let late = 0;
    if (pending.length > 0) {
      let timer: NodeJS.Timeout | undefined;
      const timeUp = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), graceMs)));
      const settled = Promise.allSettled(pending).then(() => 'done' as const);
      if ((await Promise.race([settled, timeUp])) === 'late') late = this.running.size;
      clearTimeout(timer);
    }
    for (const client of this.wss.clients) client.terminate();
    this.server.closeAllConnections();
    await closed;
    return late;
  }

  /** Keeps a `$disconnect` run until it ends, so that `close` can wait for it. */
  private track(run: Promise<void>): void {
    const tracked = run.catch(() => undefined).finally(() => this.running.delete(tracked));
    this.running.add(tracked);
  }

  private async upgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const path = (q < 0 ? url : url.slice(0, q)).replace(/\/+$/, '') || '/';
    if (path !== (this.stagePath || '/'))
      return refuse(socket, 403, `connect to ${this.stagePath || '/'}, not ${path}`);
    const domain = req.headers.host ?? 'localhost';
    const headers: Record<string, string[]> = dict();
    for (let i = 0; i + 1 < req.rawHeaders.length; i += 2)
      (headers[req.rawHeaders[i]!.toLowerCase()] ??= []).push(req.rawHeaders[i + 1]!);
    let ws: WebSocket | undefined;
    const now = Date.now();
    const connection: WebSocketConnection = {
      id: newConnectionId(),
      connectedAt: now,
      lastActiveAt: now,
      sourceIp: (req.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, ''),
      userAgent: req.headers['user-agent'] ?? null,
      headers,
      query: parseQuery(q < 0 ? '' : url.slice(q + 1)),
      handshake: { rawPath: q < 0 ? url : url.slice(0, q), query: q < 0 ? '' : url.slice(q + 1) },
      send: (data) => ws?.send(data),
      close: (code, reason) => ws?.close(code ?? 1000, reason),
    };
    const decision = await this.gateway.connect(connection, domain);
    if (!decision.accept) return refuse(socket, decision.status, decision.reason);
    if (!this.server.listening) {
      // Stopped while $connect ran: the connection never opens (and is not left in the gateway's registry).
      this.track(this.gateway.disconnect(connection, 1001, 'Going away', domain));
      return refuse(socket, 503, 'the mock API is stopping');
    }
    this.open.set(connection, domain);
    this.wss.handleUpgrade(req, socket, head, (client) => {
      ws = client;
      client.on('message', (data) => {
        const parts = Array.isArray(data)
          ? data
          : [Buffer.from(data instanceof ArrayBuffer ? new Uint8Array(data) : data)];
        const text = Buffer.concat(parts).toString('utf8');
        void this.gateway.message(connection, text, domain);
      });
      client.on('close', (code, reason) => {
        if (!this.open.delete(connection)) return; // already disconnected by close()
        this.track(this.gateway.disconnect(connection, code, reason.toString(), domain));
      });
      client.on('error', () => client.terminate());
    });
  }

  /** The `@connections` management API; anything else gets 403 as AWS's execute-api endpoint would. */
  private async manage(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = (req.url ?? '/').split('?')[0]!;
    const match = /^(?:\/[^/]+)?\/@connections\/([^/]+)$/.exec(url);
    if (match === null) return reply(res, 403, { message: 'Forbidden' });
    let id: string;
    try {
      id = decodeURIComponent(match[1]!);
    } catch {
      return reply(res, 400, { message: `The connection id ${match[1]!} is not valid percent-encoding.` });
    }
    const connection = this.gateway.connections.get(id);
    if (connection === undefined) {
      return reply(res, 410, { message: `Connection ${id} is gone (closed, or never opened).` }, 'GoneException');
    }
    switch (req.method) {
      case 'POST':
        connection.send(Buffer.concat(chunks).toString('utf8'));
        return reply(res, 200, undefined);
      case 'GET':
        return reply(res, 200, {
          ConnectedAt: new Date(connection.connectedAt).toISOString(),
          Identity: { SourceIp: connection.sourceIp, UserAgent: connection.userAgent },
          LastActiveAt: new Date(connection.lastActiveAt).toISOString(),
        });
      case 'DELETE':
        connection.close(1000, 'deleted through @connections');
        return reply(res, 204, undefined);
      default:
        return reply(res, 405, { message: `@connections takes POST, GET or DELETE, not ${req.method ?? '?'}.` });
    }
  }
}

function reply(res: http.ServerResponse, status: number, body: unknown, errorType?: string): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  const headers: Record<string, string> = dictOf({ 'Content-Length': String(Buffer.byteLength(text)) });
  if (text !== '') headers['Content-Type'] = 'application/json';
  if (errorType !== undefined) headers['x-amzn-ErrorType'] = errorType;
  res.writeHead(status, headers);
  res.end(text);
}

function refuse(socket: Duplex, status: number, reason: string): void {
  const body = JSON.stringify({ message: status === 403 ? 'Forbidden' : reason });
  socket.end(
    `HTTP/1.1 ${status} ${http.STATUS_CODES[status] ?? 'Error'}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
