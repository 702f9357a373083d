// API Gateway v2 (`/v2/apis…`, HTTP and WebSocket APIs): the APIs themselves, import and reimport.
import { jsonBody, ok, q, qBool, type Ctx, type Reply, type Route } from './context';
import { badRequest, notFound } from './errors';
import { importHttp, integrationFrom } from './httpImport';
import type { AwsState, HttpApiRecord } from './state';
import {
  checkImportSize,
  clone,
  compact,
  importFailure,
  isoDate,
  obj,
  pageV2,
  parseDefinition,
  pathsWithBasePath,
  str,
  type Json,
} from './util';

export function apiOf(ctx: Ctx): HttpApiRecord {
  const id = ctx.params.apiId ?? '';
  const record = ctx.state.apis.get(id);
  if (!record) throw notFound(`Invalid API identifier specified ${id}`, { resourceType: 'Api' });
  return record;
}

/** A new deployment of the API as it is now (routes, integrations, authorizers kept for export). */
export function deploy(
  record: HttpApiRecord,
  state: AwsState,
  description: string | undefined,
  autoDeployed: boolean,
): Json {
  const wire = compact({
    deploymentId: state.newId(6),
    deploymentStatus: 'DEPLOYED',
    createdDate: isoDate(new Date()),
    description,
    autoDeployed,
  });
  record.deployments.set(String(wire.deploymentId), {
    wire,
    snapshot: {
      api: clone(record.wire),
      routes: clone([...record.routes.values()]),
      integrations: clone([...record.integrations.values()]),
      authorizers: clone([...record.authorizers.values()]),
    },
  });
  return wire;
}

/** Stages with autoDeploy get a new deployment after each change, as API Gateway does. */
export function changed(record: HttpApiRecord, state: AwsState): void {
  for (const stage of record.stages.values()) {
    if (stage.autoDeploy !== true || record.routes.size === 0) continue;
    const wire = deploy(record, state, undefined, true);
    stage.deploymentId = wire.deploymentId;
    stage.lastDeploymentStatusMessage = `Successfully deployed stage with deployment ID '${String(wire.deploymentId)}'`;
    stage.lastUpdatedDate = isoDate(new Date());
  }
}

const API_MEMBERS = [
  'name',
  'description',
  'version',
  'routeSelectionExpression',
  'apiKeySelectionExpression',
  'corsConfiguration',
  'disableExecuteApiEndpoint',
  'disableSchemaValidation',
  'ipAddressType',
];

function createApi(ctx: Ctx): Reply {
  const body = jsonBody(ctx);
  const name = str(body.name);
  const protocolType = str(body.protocolType);
  if (!name) throw badRequest('Invalid API name specified');
  if (protocolType !== 'HTTP' && protocolType !== 'WEBSOCKET')
    throw badRequest(`Invalid protocol type specified: ${protocolType ?? 'null'}. Valid values are HTTP, WEBSOCKET`);
  if (protocolType === 'WEBSOCKET' && !str(body.routeSelectionExpression))
    throw badRequest('RouteSelectionExpression is required for WebSocket APIs');
  const extra = compact(Object.fromEntries(API_MEMBERS.map((k) => [k, body[k]])));
  const record = ctx.state.createApi({
    name,
    protocolType,
    wire: { ...extra, tags: obj(body.tags) },
  });
  const target = str(body.target);
  if (protocolType === 'HTTP' && target) {
    // Quick create: an integration for the target, a route to it and a $default stage that deploys itself.
    const type = target.startsWith('arn:') ? 'AWS_PROXY' : 'HTTP_PROXY';
    const integration = integrationFrom({ uri: target, credentials: body.credentialsArn }, type, ctx.state.newId(7));
    integration.apiGatewayManaged = true;
    record.integrations.set(String(integration.integrationId), integration);
    const route = {
      routeId: ctx.state.newId(7),
      routeKey: str(body.routeKey) ?? '$default',
      target: `integrations/${String(integration.integrationId)}`,
      authorizationType: 'NONE',
      apiKeyRequired: false,
      apiGatewayManaged: true,
    };
    record.routes.set(route.routeId, route);
    const now = isoDate(new Date());
    record.stages.set('$default', {
      stageName: '$default',
      autoDeploy: true,
      apiGatewayManaged: true,
      createdDate: now,
      lastUpdatedDate: now,
      defaultRouteSettings: { detailedMetricsEnabled: false },
      routeSettings: {},
      stageVariables: {},
      tags: {},
    });
    record.wire.apiGatewayManaged = true;
    changed(record, ctx.state);
  }
  return ok(record.wire, 201);
}

function updateApi(ctx: Ctx): Reply {
  const record = apiOf(ctx);
  const body = jsonBody(ctx);
  for (const k of API_MEMBERS) if (body[k] !== undefined) record.wire[k] = body[k];
  return ok(record.wire);
}

function deleteApi(ctx: Ctx): Reply {
  ctx.state.apis.delete(String(apiOf(ctx).wire.apiId));
  return { status: 204 };
}

/** ImportApi / ReimportApi: the definition (JSON or YAML text in `body`) replaces routes, integrations, authorizers. */
function applyImport(ctx: Ctx, existing: HttpApiRecord | undefined): Reply {
  if (existing?.wire.protocolType === 'WEBSOCKET') throw badRequest('Reimport is only supported for HTTP APIs');
  const text = str(jsonBody(ctx).body);
  if (text === undefined) throw badRequest('Invalid request body: body is required');
  checkImportSize(Buffer.byteLength(text));
  const doc = parseDefinition(text);
  const result = importHttp(doc, pathsWithBasePath(doc, q(ctx, 'basepath')), (n) => ctx.state.newId(n));
  const failure = importFailure([], result.warnings, qBool(ctx, 'failOnWarnings'));
  if (failure) throw failure;
  const record = existing ?? ctx.state.createApi({ name: str(result.api.name) ?? 'Untitled', protocolType: 'HTTP' });
  if (existing) for (const k of ['description', 'version', 'corsConfiguration']) delete record.wire[k];
  Object.assign(record.wire, result.api);
  record.routes.clear();
  record.integrations.clear();
  record.authorizers.clear();
  record.routeResponses.clear();
  for (const r of result.routes) record.routes.set(String(r.routeId), r);
  for (const i of result.integrations) record.integrations.set(String(i.integrationId), i);
  for (const a of result.authorizers) record.authorizers.set(String(a.authorizerId), a);
  changed(record, ctx.state);
  const answer: Json = { ...record.wire };
  if (result.warnings.length > 0) answer.warnings = result.warnings;
  if (result.importInfo.length > 0) answer.importInfo = result.importInfo;
  return ok(answer, 201);
}

export const v2ApiRoutes: Route[] = [
  {
    method: 'GET',
    path: '/v2/apis',
    operation: 'GetApis',
    handler: (c) =>
      ok(
        pageV2(
          [...c.state.apis.values()].map((a) => a.wire),
          q(c, 'nextToken'),
          q(c, 'maxResults'),
        ),
      ),
  },
  { method: 'POST', path: '/v2/apis', operation: 'CreateApi', handler: createApi },
  { method: 'PUT', path: '/v2/apis', operation: 'ImportApi', handler: (c) => applyImport(c, undefined) },
  { method: 'GET', path: '/v2/apis/{apiId}', operation: 'GetApi', handler: (c) => ok(apiOf(c).wire) },
  { method: 'PATCH', path: '/v2/apis/{apiId}', operation: 'UpdateApi', handler: updateApi },
  { method: 'PUT', path: '/v2/apis/{apiId}', operation: 'ReimportApi', handler: (c) => applyImport(c, apiOf(c)) },
  { method: 'DELETE', path: '/v2/apis/{apiId}', operation: 'DeleteApi', handler: deleteApi },
];
