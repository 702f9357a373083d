// API Gateway v1 (service `apigateway`, REST APIs): the operations the product calls, over the state in state.ts.
import { stringify as toYaml } from 'yaml';
import { jsonBody, ok, q, type Ctx, type Reply, type Route } from './context';
import { badRequest, notFound } from './errors';
import { exportRest } from './openapiExport';
import { mergeDefinitions, readImport } from './restDefinition';
import { apiSummary, buildRestModel } from './restImport';
import type { RestApiRecord } from './state';
import { testInvokeMethod } from './testInvoke';
import { clone, compact, epochSeconds, isObj, obj, pageV1, str, strMap, type Json } from './util';

export function restApiOf(ctx: Ctx): RestApiRecord {
  const id = ctx.params.restApiId ?? '';
  const record = ctx.state.restApis.get(id);
  if (!record) throw notFound(`Invalid API identifier specified ${ctx.state.accountId}:${id}`);
  return record;
}

function stageOf(ctx: Ctx, record: RestApiRecord): Json {
  const stage = record.stages.get(ctx.params.stageName ?? '');
  if (!stage) throw notFound('Invalid stage identifier specified');
  return stage;
}

const withWarnings = (wire: Json, warnings: string[]): Json => (warnings.length > 0 ? { ...wire, warnings } : wire);

function importRestApi(ctx: Ctx): Reply {
  const { definition, warnings, info } = readImport(ctx);
  const record = ctx.state.createRestApi({ name: str(info.name) ?? 'Untitled', definition, wire: info });
  return ok(withWarnings(record.wire, warnings), 201);
}

function putRestApi(ctx: Ctx): Reply {
  const record = restApiOf(ctx);
  const mode = (q(ctx, 'mode') ?? 'merge').toLowerCase();
  if (mode !== 'merge' && mode !== 'overwrite') throw badRequest(`Invalid mode specified: ${q(ctx, 'mode')}`);
  const { definition, warnings, info } = readImport(ctx);
  record.definition = mode === 'overwrite' ? definition : mergeDefinitions(record.definition, definition);
  record.model = buildRestModel(record.definition, record.ids, String(record.wire.rootResourceId));
  if (mode === 'overwrite')
    for (const k of ['description', 'version', 'binaryMediaTypes', 'policy']) delete record.wire[k];
  Object.assign(record.wire, info);
  return ok(withWarnings(record.wire, warnings));
}

function getResources(ctx: Ctx): Reply {
  const record = restApiOf(ctx);
  const embed = (ctx.query.embed ?? []).flatMap((e) => e.split(','));
  const items = record.model.resources.map((r) => {
    const methods = obj(r.resourceMethods);
    if (Object.keys(methods).length === 0) return r;
    if (embed.includes('methods')) return r;
    return { ...r, resourceMethods: Object.fromEntries(Object.keys(methods).map((m) => [m, {}])) };
  });
  return ok(pageV1(items, q(ctx, 'position'), q(ctx, 'limit')));
}

const GATEWAY_RESPONSE_TYPES: [string, string | undefined][] = [
  ['ACCESS_DENIED', '403'],
  ['API_CONFIGURATION_ERROR', '500'],
  ['AUTHORIZER_CONFIGURATION_ERROR', '500'],
  ['AUTHORIZER_FAILURE', '500'],
  ['BAD_REQUEST_BODY', '400'],
  ['BAD_REQUEST_PARAMETERS', '400'],
  ['DEFAULT_4XX', undefined],
  ['DEFAULT_5XX', undefined],
  ['EXPIRED_TOKEN', '403'],
  ['INTEGRATION_FAILURE', '504'],
  ['INTEGRATION_TIMEOUT', '504'],
  ['INVALID_API_KEY', '403'],
  ['INVALID_SIGNATURE', '403'],
  ['MISSING_AUTHENTICATION_TOKEN', '403'],
  ['QUOTA_EXCEEDED', '429'],
  ['REQUEST_TOO_LARGE', '413'],
  ['RESOURCE_NOT_FOUND', '404'],
  ['THROTTLED', '429'],
  ['UNAUTHORIZED', '401'],
  ['UNSUPPORTED_MEDIA_TYPE', '415'],
  ['WAF_FILTERED', '403'],
];

/** Every response type, as AWS lists them: the definition's own, and the defaults (defaultResponse: true). */
function getGatewayResponses(ctx: Ctx): Reply {
  const record = restApiOf(ctx);
  const items = GATEWAY_RESPONSE_TYPES.map(([type, statusCode]) => {
    const own = record.model.gatewayResponses[type];
    if (own) return { ...own, statusCode: own.statusCode ?? statusCode };
    return compact({
      responseType: type,
      statusCode,
      responseParameters: {},
      responseTemplates: { 'application/json': '{"message":$context.error.messageString}' },
      defaultResponse: true,
    });
  });
  return ok(pageV1(items, q(ctx, 'position'), q(ctx, 'limit')));
}

/** REST stage names: letters, digits, '-' and '_', at most 128. */
const STAGE_NAME = /^[a-zA-Z0-9_-]{1,128}$/;

function createDeployment(ctx: Ctx): Reply {
  const record = restApiOf(ctx);
  const body = jsonBody(ctx);
  const stageName = str(body.stageName);
  if (stageName !== undefined && !STAGE_NAME.test(stageName)) throw badRequest('Stage name only allows a-zA-Z0-9_-');
  const canary = isObj(body.canarySettings) ? body.canarySettings : undefined;
  // A canary goes onto an existing stage only (the developer guide: "you cannot specify any non-existing stage name
  // when creating a canary release deployment").
  if (canary && (stageName === undefined || !record.stages.has(stageName)))
    throw notFound('Invalid stage identifier specified');
  const percentTraffic = canary?.percentTraffic ?? 0;
  if (canary && (typeof percentTraffic !== 'number' || percentTraffic < 0 || percentTraffic > 100))
    throw badRequest('Canary traffic percentage must be between 0.0 and 100.0');
  const methods = record.model.resources.flatMap((r) => Object.values(obj(r.resourceMethods)).map(obj));
  if (methods.length === 0) throw badRequest("The REST API doesn't contain any methods");
  if (methods.some((m) => !isObj(m.methodIntegration))) throw badRequest('No integration defined for method');
  const now = new Date();
  const wire = compact({
    id: ctx.state.newId(6),
    description: str(body.description),
    createdDate: epochSeconds(now),
    apiSummary: apiSummary(record.model),
  });
  record.deployments.set(String(wire.id), {
    wire,
    definition: clone(record.definition),
    model: clone(record.model),
  });
  if (canary && stageName !== undefined) {
    const stage = record.stages.get(stageName)!;
    stage.canarySettings = compact({
      deploymentId: wire.id,
      percentTraffic,
      stageVariableOverrides: strMap(canary.stageVariableOverrides),
      useStageCache: typeof canary.useStageCache === 'boolean' ? canary.useStageCache : false,
    });
    stage.lastUpdatedDate = epochSeconds(now);
  } else if (stageName !== undefined) {
    const existing = record.stages.get(stageName);
    const variables = { ...obj(existing?.variables), ...strMap(body.variables) };
    record.stages.set(
      stageName,
      compact({
        deploymentId: wire.id,
        stageName,
        description: existing ? existing.description : str(body.stageDescription),
        cacheClusterEnabled: typeof body.cacheClusterEnabled === 'boolean' ? body.cacheClusterEnabled : false,
        cacheClusterStatus: 'NOT_AVAILABLE',
        methodSettings: {},
        variables: Object.keys(variables).length > 0 ? variables : undefined,
        tracingEnabled: typeof body.tracingEnabled === 'boolean' ? body.tracingEnabled : false,
        createdDate: existing?.createdDate ?? epochSeconds(now),
        lastUpdatedDate: epochSeconds(now),
      }),
    );
  }
  return ok(wire, 201);
}

function getExport(ctx: Ctx): Reply {
  const record = restApiOf(ctx);
  const stage = stageOf(ctx, record);
  const exportType = (ctx.params.exportType ?? '').toLowerCase();
  if (exportType !== 'oas30' && exportType !== 'swagger')
    throw badRequest(`Invalid export type specified: ${exportType}`);
  const deployment = record.deployments.get(String(stage.deploymentId));
  if (!deployment) throw notFound('Invalid deployment identifier specified');
  const doc = exportRest(deployment.definition, {
    exportType,
    extensions: (q(ctx, 'extensions') ?? '')
      .split(',')
      .map((e) => e.trim())
      .filter(Boolean),
    apiId: String(record.wire.id),
    region: ctx.state.region,
    stageName: String(stage.stageName),
    name: String(record.wire.name),
  });
  const yaml = /yaml/i.test(String(ctx.headers.accept ?? ''));
  const ext = yaml ? 'yaml' : 'json';
  return {
    status: 200,
    body: Buffer.from(yaml ? toYaml(doc) : JSON.stringify(doc, null, 2)),
    headers: {
      'content-type': yaml ? 'application/yaml' : 'application/json',
      'content-disposition': `attachment; filename="${exportType}_${new Date().toISOString()}.${ext}"`,
    },
  };
}

export const restRoutes: Route[] = [
  { method: 'GET', path: '/restapis', operation: 'GetRestApis', handler: getRestApis },
  { method: 'POST', path: '/restapis', query: { mode: 'import' }, operation: 'ImportRestApi', handler: importRestApi },
  { method: 'GET', path: '/restapis/{restApiId}', operation: 'GetRestApi', handler: (c) => ok(restApiOf(c).wire) },
  { method: 'PUT', path: '/restapis/{restApiId}', operation: 'PutRestApi', handler: putRestApi },
  { method: 'DELETE', path: '/restapis/{restApiId}', operation: 'DeleteRestApi', handler: deleteRestApi },
  { method: 'GET', path: '/restapis/{restApiId}/resources', operation: 'GetResources', handler: getResources },
  {
    method: 'GET',
    path: '/restapis/{restApiId}/authorizers',
    operation: 'GetAuthorizers',
    handler: listOf('authorizers'),
  },
  { method: 'GET', path: '/restapis/{restApiId}/models', operation: 'GetModels', handler: listOf('models') },
  {
    method: 'GET',
    path: '/restapis/{restApiId}/gatewayresponses',
    operation: 'GetGatewayResponses',
    handler: getGatewayResponses,
  },
  { method: 'GET', path: '/restapis/{restApiId}/stages', operation: 'GetStages', handler: getStages },
  { method: 'GET', path: '/restapis/{restApiId}/stages/{stageName}', operation: 'GetStage', handler: getStage },
  {
    method: 'DELETE',
    path: '/restapis/{restApiId}/stages/{stageName}',
    operation: 'DeleteStage',
    handler: deleteStage,
  },
  {
    method: 'POST',
    path: '/restapis/{restApiId}/deployments',
    operation: 'CreateDeployment',
    handler: createDeployment,
  },
  { method: 'GET', path: '/restapis/{restApiId}/deployments', operation: 'GetDeployments', handler: getDeployments },
  {
    method: 'GET',
    path: '/restapis/{restApiId}/deployments/{deploymentId}',
    operation: 'GetDeployment',
    handler: getDeployment,
  },
  {
    method: 'GET',
    path: '/restapis/{restApiId}/stages/{stageName}/exports/{exportType}',
    operation: 'GetExport',
    handler: getExport,
  },
  {
    method: 'POST',
    path: '/restapis/{restApiId}/resources/{resourceId}/methods/{httpMethod}',
    operation: 'TestInvokeMethod',
    handler: (c) => testInvokeMethod(c, restApiOf(c)),
  },
];

function getRestApis(ctx: Ctx): Reply {
  const items = [...ctx.state.restApis.values()].map((r) => r.wire);
  return ok(pageV1(items, q(ctx, 'position'), q(ctx, 'limit')));
}

function deleteRestApi(ctx: Ctx): Reply {
  const record = restApiOf(ctx);
  ctx.state.restApis.delete(String(record.wire.id));
  return { status: 202 };
}

function listOf(kind: 'authorizers' | 'models'): (ctx: Ctx) => Reply {
  return (ctx) => ok(pageV1(restApiOf(ctx).model[kind], q(ctx, 'position'), q(ctx, 'limit')));
}

function getStages(ctx: Ctx): Reply {
  const deploymentId = q(ctx, 'deploymentId');
  const items = [...restApiOf(ctx).stages.values()].filter((s) => !deploymentId || s.deploymentId === deploymentId);
  return ok({ item: items });
}

function getStage(ctx: Ctx): Reply {
  return ok(stageOf(ctx, restApiOf(ctx)));
}

function deleteStage(ctx: Ctx): Reply {
  const record = restApiOf(ctx);
  stageOf(ctx, record);
  record.stages.delete(ctx.params.stageName ?? '');
  return { status: 202 };
}

function getDeployments(ctx: Ctx): Reply {
  const items = [...restApiOf(ctx).deployments.values()].map((d) => d.wire);
  return ok(pageV1(items, q(ctx, 'position'), q(ctx, 'limit')));
}

function getDeployment(ctx: Ctx): Reply {
  const deployment = restApiOf(ctx).deployments.get(ctx.params.deploymentId ?? '');
  if (!deployment) throw notFound('Invalid deployment identifier specified');
  return ok(deployment.wire);
}
