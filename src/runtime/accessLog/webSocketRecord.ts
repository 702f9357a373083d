import type { RequestEvent, ServedApi } from '../types';
import type { WebSocketAccess } from '../websocket/gateway';
import type { AccessIdentity, AccessRecord } from './accessRecord';

/** The access record of one WebSocket event ($connect, a message, $disconnect) once it is over. */
export function webSocketAccessRecord(served: ServedApi, event: RequestEvent, access: WebSocketAccess): AccessRecord {
  const { ex } = access;
  const connection = ex.connection;
  const identity: AccessIdentity = { sourceIp: connection.sourceIp };
  if (connection.userAgent !== null) identity.userAgent = connection.userAgent;
  const iam = connection.iam;
  if (iam !== undefined) {
    identity.accountId = iam.accountId;
    identity.caller = iam.userId;
    identity.user = iam.userId;
    identity.userArn = iam.arn;
  }
  const record: AccessRecord = {
    apiType: served.api.type,
    requestId: ex.requestId,
    startedAt: ex.startedAt,
    stage: ex.stage,
    status: event.status,
    responseLatencyMs: event.latencyMs,
    responseLength: access.responseLength,
    requestLength: access.requestLength,
    routeKey: ex.routeKey,
    domainName: ex.domainName.replace(/:\d+$/, ''),
    identity,
    websocket: { connectionId: connection.id, connectedAt: connection.connectedAt, eventType: ex.eventType },
  };
  if (event.route !== undefined && access.unrouted !== true) record.route = event.route;
  if (ex.messageId !== undefined) record.websocket!.messageId = ex.messageId;
  if (access.integration !== undefined) record.integration = { ...access.integration };
  if (access.error !== undefined) record.error = { ...access.error };
  return record;
}
