import { randomBytes } from 'node:crypto';
import { formatRequestTime, localApiId } from '../requestContext';
import type { WebSocketConnection } from './connections';
import { dict, dictOf } from '../../shared/dict';

export type WebSocketEventType = 'CONNECT' | 'MESSAGE' | 'DISCONNECT';

/** One event on a connection: what selection, templates and Lambda events read. */
export interface WebSocketExchange {
  connection: WebSocketConnection;
  eventType: WebSocketEventType;
  routeKey: string;
  /** The message text (MESSAGE), '' otherwise. */
  body: string;
  requestId: string;
  /** MESSAGE only. */
  messageId?: string;
  startedAt: number;
  stage: string;
  /** host:port the client connected to (callbacks go to http://domainName/stage/@connections/{id}). */
  domainName: string;
  disconnect?: { statusCode: number; reason: string };
}

/** `$context.identity`: the source, and on connections opened with IAM the caller whose signature was verified. */
function identityOf(connection: WebSocketConnection): Record<string, unknown> {
  const identity: Record<string, unknown> = dictOf({ sourceIp: connection.sourceIp, userAgent: connection.userAgent });
  const iam = connection.iam;
  if (iam !== undefined) {
    identity['accessKey'] = iam.accessKeyId;
    identity['accountId'] = iam.accountId;
    identity['caller'] = iam.userId;
    identity['user'] = iam.userId;
    identity['userArn'] = iam.arn;
  }
  return identity;
}

export function newRequestId(): string {
  return randomBytes(10).toString('base64');
}

/** `$context` for WebSocket mapping templates and the Lambda event's requestContext. */
export function webSocketContext(ex: WebSocketExchange): Record<string, unknown> {
  const context: Record<string, unknown> = dictOf({
    routeKey: ex.routeKey,
    messageId: ex.messageId ?? null,
    eventType: ex.eventType,
    extendedRequestId: ex.requestId,
    requestTime: formatRequestTime(ex.startedAt),
    messageDirection: 'IN',
    stage: ex.stage,
    connectedAt: ex.connection.connectedAt,
    requestTimeEpoch: ex.startedAt,
    identity: identityOf(ex.connection),
    requestId: ex.requestId,
    domainName: ex.domainName,
    connectionId: ex.connection.id,
    apiId: localApiId,
  });
  if (ex.eventType === 'DISCONNECT') {
    context['disconnectStatusCode'] = ex.disconnect?.statusCode ?? null;
    context['disconnectReason'] = ex.disconnect?.reason ?? '';
  }
  return context;
}

/**
 * The Lambda proxy event for a WebSocket route, as the API Gateway developer guide shows it: handshake
 * headers and query string on CONNECT (headers on DISCONNECT too), the message as `body` on MESSAGE.
 */
export function buildWebSocketEvent(ex: WebSocketExchange): Record<string, unknown> {
  const event: Record<string, unknown> = dict();
  if (ex.eventType !== 'MESSAGE') {
    const headers: Record<string, string> = dict();
    const multiValueHeaders: Record<string, string[]> = dict();
    for (const [name, values] of Object.entries(ex.connection.headers)) {
      const display = name.replace(/(^|-)([a-z])/g, (_m, dash: string, c: string) => dash + c.toUpperCase());
      headers[display] = values[values.length - 1] ?? '';
      multiValueHeaders[display] = values;
    }
    event['headers'] = headers;
    event['multiValueHeaders'] = multiValueHeaders;
  }
  if (ex.eventType === 'CONNECT' && Object.keys(ex.connection.query).length > 0) {
    const query: Record<string, string> = dict();
    for (const [name, values] of Object.entries(ex.connection.query)) query[name] = values[values.length - 1] ?? '';
    event['queryStringParameters'] = query;
    event['multiValueQueryStringParameters'] = ex.connection.query;
  }
  event['requestContext'] = webSocketContext(ex);
  if (ex.eventType === 'MESSAGE') event['body'] = ex.body;
  event['isBase64Encoded'] = false;
  return event;
}
