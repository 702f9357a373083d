import { performance } from 'node:perf_hooks';
import type { Route } from '../../model';
import type { RequestEvent, ServedApi } from '../types';
import { ConnectionRegistry, type WebSocketConnection } from './connections';
import { newRequestId, type WebSocketEventType, type WebSocketExchange } from './events';
import { runWebSocketIntegration, type WebSocketOutcome, type WebSocketServices } from './integration';
import { evaluateSelection } from './selection';
import { iamAuthorization, regionOf } from '../iam/routeAuth';
import { verifySigV4 } from '../iam/sigv4';

/**
 * What the access log and the local metrics need of a WebSocket event besides its RequestEvent (references only:
 * the access record is built from them only while someone listens).
 */
export interface WebSocketAccess {
  ex: WebSocketExchange;
  /** Bytes of the message received and of the one sent back. */
  requestLength: number;
  responseLength: number;
  /** Set when an integration other than MOCK ran (AWS suppresses MOCK's integration latency). */
  integration?: { latencyMs: number; error?: string };
  /** Set when the gateway answered itself (no route, IAM refusal, a failed integration). */
  error?: { message: string; responseType?: string };
  /** No route matched the message (and there is no `$default`). */
  unrouted?: true;
}

/** What the transport does with a handshake: accept it, or refuse it with this HTTP status. */
export type ConnectDecision = { accept: true } | { accept: false; status: number; reason: string };

/**
 * A WebSocket API as API Gateway runs it, transport-neutral: `$connect` decides whether a connection opens,
 * each message is routed by the route selection expression (else `$default`, else AWS's Forbidden error
 * message), the route's integration runs, and when the route has a route response the result is sent back;
 * `$disconnect` runs when the connection closes. Every event is reported like an HTTP request.
 */
export class WebSocketGateway {
  readonly connections = new ConnectionRegistry();
  constructor(
    private readonly current: () => ServedApi,
    private readonly services: WebSocketServices,
    private readonly report: (event: RequestEvent, access: WebSocketAccess) => void,
  ) {}

  async connect(connection: WebSocketConnection, domainName: string): Promise<ConnectDecision> {
    const served = this.current();
    const route = findRoute(served, '$connect');
    const how = route === undefined ? undefined : iamAuthorization(served.api, route);
    if (how !== undefined) {
      const refused = await this.authenticate(served, connection, how, domainName);
      if (refused !== undefined) return refused;
    }
    if (route !== undefined) {
      const outcome = await this.run(
        served,
        route,
        this.exchange(served, connection, 'CONNECT', '$connect', '', domainName),
      );
      if (outcome.failure !== undefined || outcome.status < 200 || outcome.status > 299) {
        const status = outcome.failure !== undefined ? 500 : outcome.status;
        return { accept: false, status, reason: outcome.failure ?? `$connect answered ${outcome.status}` };
      }
    }
    this.connections.add(connection);
    return { accept: true };
  }

  async message(connection: WebSocketConnection, text: string, domainName: string): Promise<void> {
    connection.lastActiveAt = Date.now();
    const served = this.current();
    const expression = served.api.routeSelectionExpression ?? '$request.body.action';
    const key = evaluateSelection(expression, text);
    const route = (key !== undefined ? findRoute(served, key) : undefined) ?? findRoute(served, '$default');
    const ex = this.exchange(served, connection, 'MESSAGE', route?.path ?? key ?? '$default', text, domainName);
    ex.messageId = newRequestId();
    if (route === undefined) {
      const reply = errorMessage('Forbidden', ex);
      connection.send(reply);
      this.report(
        event(
          ex,
          403,
          [{ stage: 'route', detail: `no route for ${key ?? '(no key)'} and no $default route`, ms: 0 }],
          [],
        ),
        {
          ex,
          requestLength: Buffer.byteLength(text),
          responseLength: Buffer.byteLength(reply),
          error: { message: 'Forbidden' },
          unrouted: true,
        },
      );
      return;
    }
    await this.run(served, route, ex, (outcome) => {
      let reply: string | undefined;
      if (outcome.failure !== undefined) reply = errorMessage('Internal server error', ex);
      else if (hasRouteResponse(route)) reply = outcome.body;
      if (reply !== undefined) connection.send(reply);
      return reply;
    });
  }

  async disconnect(
    connection: WebSocketConnection,
    statusCode: number,
    reason: string,
    domainName: string,
  ): Promise<void> {
    if (this.connections.get(connection.id) === undefined) return;
    this.connections.remove(connection.id);
    const served = this.current();
    const route = findRoute(served, '$disconnect');
    if (route === undefined) return;
    const ex = this.exchange(served, connection, 'DISCONNECT', '$disconnect', '', domainName);
    ex.disconnect = { statusCode, reason };
    await this.run(served, route, ex);
  }

  /** `$connect` with IAM: the handshake's SigV4 signature (header or presigned query string), else 403. */
  private async authenticate(
    served: ServedApi,
    connection: WebSocketConnection,
    how: string,
    domainName: string,
  ): Promise<ConnectDecision | undefined> {
    const handshake = connection.handshake ?? { rawPath: `/${served.stage}`, query: '' };
    let path = handshake.rawPath;
    try {
      path = decodeURIComponent(path);
    } catch {
      // Not valid percent-encoding: checked as sent.
    }
    const outcome = await verifySigV4(
      {
        method: 'GET',
        rawPath: handshake.rawPath,
        path,
        query: handshake.query,
        headers: connection.headers,
        body: new Uint8Array(),
      },
      {
        service: 'execute-api',
        region: regionOf(served.config),
        now: (this.services.now ?? Date.now)(),
        credentials: served.config.iam?.credentials ?? [],
      },
    );
    const ex = this.exchange(served, connection, 'CONNECT', '$connect', '', domainName);
    if (!outcome.ok) {
      const detail = `IAM (${how}): ${outcome.why}`;
      this.report(
        event(
          ex,
          403,
          [
            { stage: 'iam', detail, ms: 0 },
            { stage: 'gatewayResponse', detail: `403: ${outcome.message}`, ms: 0 },
          ],
          [],
        ),
        { ex, requestLength: 0, responseLength: 0, error: { message: outcome.message } },
      );
      return { accept: false, status: 403, reason: `${outcome.message} (${outcome.why})` };
    }
    connection.iam = outcome.credential;
    return undefined;
  }

  private exchange(
    served: ServedApi,
    connection: WebSocketConnection,
    eventType: WebSocketEventType,
    routeKey: string,
    body: string,
    domainName: string,
  ): WebSocketExchange {
    return {
      connection,
      eventType,
      routeKey,
      body,
      requestId: newRequestId(),
      startedAt: Date.now(),
      stage: served.stage,
      domainName,
    };
  }

  /** Runs the route's integration, `reply` sends what goes back to the client (returned: its text), then reports. */
  private async run(
    served: ServedApi,
    route: Route,
    ex: WebSocketExchange,
    reply?: (outcome: WebSocketOutcome) => string | undefined,
  ): Promise<WebSocketOutcome> {
    const started = performance.now();
    const outcome = await runWebSocketIntegration(served, route, ex, this.services);
    const latencyMs = performance.now() - started;
    const sent = reply?.(outcome);
    const trace = [{ stage: 'route', detail: `${ex.eventType} matched ${route.path}`, ms: 0 }, ...outcome.trace];
    const access: WebSocketAccess = {
      ex,
      requestLength: Buffer.byteLength(ex.body),
      responseLength: sent === undefined ? 0 : Buffer.byteLength(sent),
    };
    const type = route.integration?.type;
    if (type !== undefined && type !== 'MOCK')
      access.integration = outcome.failure === undefined ? { latencyMs } : { latencyMs, error: outcome.failure };
    if (outcome.failure !== undefined) access.error = { message: 'Internal server error' };
    this.report(event(ex, outcome.status, trace, outcome.logs), access);
    return outcome;
  }
}

function findRoute(served: ServedApi, key: string): Route | undefined {
  return served.api.routes.find((r) => r.path === key);
}

/** Two-way routes: a RouteResponseSelectionExpression and at least one route response. */
function hasRouteResponse(route: Route): boolean {
  return route.routeResponseSelectionExpression !== undefined && route.responses.length > 0;
}

function errorMessage(message: string, ex: WebSocketExchange): string {
  return JSON.stringify({ message, connectionId: ex.connection.id, requestId: ex.requestId });
}

function event(ex: WebSocketExchange, status: number, trace: RequestEvent['trace'], logs: string[]): RequestEvent {
  return {
    requestId: ex.requestId,
    method: ex.eventType,
    path: ex.connection.id,
    status,
    latencyMs: Date.now() - ex.startedAt,
    route: ex.routeKey,
    trace,
    logs,
  };
}
