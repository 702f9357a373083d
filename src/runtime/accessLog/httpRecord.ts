import { contextValues } from '../requestContext';
import type { Exchange, MockResponse } from '../types';
import type { AccessIdentity, AccessRecord } from './accessRecord';

/**
 * The access record of an answered REST or HTTP API request, from its exchange: the `$context` values the
 * templates saw (requestContext.ts), with what only the end of the request knows (status, lengths, latencies,
 * the integration's answer, the gateway error).
 */
export function httpAccessRecord(ex: Exchange, response: MockResponse, latencyMs: number): AccessRecord {
  const ctx = contextValues(ex);
  const type = ex.served.api.type;
  const identity: AccessIdentity = { sourceIp: ctx.identity.sourceIp };
  if (ctx.identity.userAgent !== null) identity.userAgent = ctx.identity.userAgent;
  if (ctx.identity.apiKey !== null) identity.apiKey = ctx.identity.apiKey;
  if (ctx.identity.userArn !== undefined) {
    identity.userArn = ctx.identity.userArn;
    if (ctx.identity.accountId !== undefined) identity.accountId = ctx.identity.accountId;
    if (ctx.identity.caller !== undefined) identity.caller = ctx.identity.caller;
    if (ctx.identity.user !== undefined) identity.user = ctx.identity.user;
  }
  const record: AccessRecord = {
    apiType: type,
    requestId: ex.requestId,
    startedAt: ex.startedAt,
    stage: ex.served.stage,
    status: response.status,
    responseLatencyMs: latencyMs,
    responseLength: response.body.length,
    requestLength: ex.request.body.length,
    httpMethod: ctx.httpMethod,
    path: ctx.path,
    resourcePath: ctx.resourcePath,
    routeKey: ctx.routeKey,
    protocol: ctx.protocol,
    domainName: ctx.domainName,
    identity,
  };
  if (ex.match !== undefined) record.route = ex.match.routeKey;
  if (ctx.authorizer !== undefined) record.authorizer = ctx.authorizer;
  const integration = ex.integration;
  if (integration !== undefined) {
    record.integration = { latencyMs: integration.latencyMs };
    if (integration.status !== undefined) record.integration.status = integration.status;
    if (integration.error !== undefined) record.integration.error = integration.error;
    // `$context.integrationStatus`: for Lambda, Lambda's own answer (200 once the function ran), else the backend's.
    const service = integration.lambda ? (integration.error === undefined ? 200 : undefined) : integration.status;
    if (service !== undefined) record.integration.serviceStatus = service;
  }
  const error = ex.error;
  if (error !== undefined) {
    const message = error.message ?? (type === 'REST' ? undefined : error.kind.http?.message) ?? error.kind.message;
    record.error = { message, responseType: error.kind.type };
    if (error.validationErrorString !== undefined) record.error.validationErrorString = error.validationErrorString;
  }
  return record;
}
