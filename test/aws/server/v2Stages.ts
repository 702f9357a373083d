// API Gateway v2: stages, deployments and ExportApi.
import { stringify as toYaml } from 'yaml';
import { jsonBody, ok, q, type Ctx, type Reply, type Route } from './context';
import { badRequest, conflict, notFound } from './errors';
import { exportHttp } from './openapiExport';
import type { HttpApiRecord } from './state';
import { apiOf, deploy } from './v2Apis';
import { compact, isObj, isoDate, obj, pageV2, str, strMap, type Json } from './util';

/** v2 stage names: letters, digits, '.', '-', '_' (at most 128), or $default. */
const STAGE_NAME = /^(\$default|[a-zA-Z0-9._-]{1,128})$/;

const STAGE_MEMBERS = [
  'accessLogSettings',
  'autoDeploy',
  'clientCertificateId',
  'defaultRouteSettings',
  'deploymentId',
  'description',
  'routeSettings',
];

function stageOf(ctx: Ctx, record: HttpApiRecord, name = ctx.params.stageName ?? ''): Json {
  const stage = record.stages.get(name);
  if (!stage) throw notFound(`Invalid stage identifier specified ${name}`, { resourceType: 'Stage' });
  return stage;
}

function autoDeployNow(record: HttpApiRecord, ctx: Ctx, stage: Json): void {
  if (stage.autoDeploy !== true || record.routes.size === 0) return;
  const wire = deploy(record, ctx.state, undefined, true);
  stage.deploymentId = wire.deploymentId;
  stage.lastDeploymentStatusMessage = `Successfully deployed stage with deployment ID '${String(wire.deploymentId)}'`;
}

function checkDeployment(record: HttpApiRecord, value: unknown): void {
  const id = str(value);
  if (value !== undefined && (id === undefined || !record.deployments.has(id)))
    throw badRequest(`Invalid deployment identifier specified ${id ?? ''}`);
}

function createStage(ctx: Ctx): Reply {
  const record = apiOf(ctx);
  const body = jsonBody(ctx);
  const name = str(body.stageName);
  if (!name || !STAGE_NAME.test(name)) throw badRequest('Stage name only allows a-zA-Z0-9._- or $default');
  if (record.stages.has(name)) throw conflict('Stage already exists');
  checkDeployment(record, body.deploymentId);
  const now = isoDate(new Date());
  const http = record.wire.protocolType === 'HTTP';
  const stage: Json = {
    stageName: name,
    createdDate: now,
    lastUpdatedDate: now,
    defaultRouteSettings: http
      ? { detailedMetricsEnabled: false }
      : { dataTraceEnabled: false, detailedMetricsEnabled: false, loggingLevel: 'OFF' },
    routeSettings: {},
    stageVariables: strMap(body.stageVariables) ?? {},
    tags: obj(body.tags),
    ...compact(Object.fromEntries(STAGE_MEMBERS.map((k) => [k, body[k]]))),
  };
  if (http && stage.autoDeploy === undefined) stage.autoDeploy = false;
  record.stages.set(name, stage);
  autoDeployNow(record, ctx, stage);
  return ok(stage, 201);
}

/** What API Gateway refuses in a stage's logging settings (HTTP: no execution logs; formats without a request id; WebSocket logging without the account's CloudWatch Logs role). */
function checkLogging(ctx: Ctx, record: HttpApiRecord, stage: Json, body: Json): void {
  const http = record.wire.protocolType === 'HTTP';
  const route = obj(body.defaultRouteSettings);
  if (http && (route.loggingLevel !== undefined || route.dataTraceEnabled !== undefined))
    throw badRequest('Execution logs are not supported on protocolType HTTP');
  const level = str(route.loggingLevel);
  if (route.loggingLevel !== undefined && (level === undefined || !['OFF', 'ERROR', 'INFO'].includes(level)))
    throw badRequest(`Invalid loggingLevel specified: ${level ?? 'null'}`);
  const access = body.accessLogSettings;
  if (isObj(access)) {
    if (!str(access.destinationArn)) throw badRequest('Access Log destination ARN must be specified');
    if (!/\$context\.requestId\b/.test(str(access.format) ?? ''))
      throw badRequest('Access log format must contain $context.requestId');
  }
  const turnsOn =
    (route.loggingLevel !== undefined && route.loggingLevel !== 'OFF') ||
    route.dataTraceEnabled === true ||
    (isObj(access) && !isObj(stage.accessLogSettings));
  if (!http && turnsOn && !ctx.state.account.cloudwatchRoleArn)
    throw badRequest('CloudWatch Logs role ARN must be set in account settings to enable logging');
}

function updateStage(ctx: Ctx): Reply {
  const record = apiOf(ctx);
  const stage = stageOf(ctx, record);
  const body = jsonBody(ctx);
  checkDeployment(record, body.deploymentId);
  checkLogging(ctx, record, stage, body);
  if (isObj(body.defaultRouteSettings))
    body.defaultRouteSettings = { ...obj(stage.defaultRouteSettings), ...body.defaultRouteSettings };
  for (const k of STAGE_MEMBERS) if (body[k] !== undefined) stage[k] = body[k];
  const variables = strMap(body.stageVariables);
  if (variables) stage.stageVariables = { ...obj(stage.stageVariables), ...variables };
  stage.lastUpdatedDate = isoDate(new Date());
  if (body.autoDeploy === true) autoDeployNow(record, ctx, stage);
  return ok(stage);
}

function deleteAccessLogSettings(ctx: Ctx): Reply {
  const stage = stageOf(ctx, apiOf(ctx));
  delete stage.accessLogSettings;
  stage.lastUpdatedDate = isoDate(new Date());
  return { status: 204 };
}

function deleteStage(ctx: Ctx): Reply {
  const record = apiOf(ctx);
  record.stages.delete(String(stageOf(ctx, record).stageName));
  return { status: 204 };
}

function createDeployment(ctx: Ctx): Reply {
  const record = apiOf(ctx);
  const body = jsonBody(ctx);
  const stageName = str(body.stageName);
  const stage = stageName === undefined ? undefined : stageOf(ctx, record, stageName);
  if (stage?.autoDeploy === true)
    throw badRequest(`Stage ${String(stageName)} has autoDeploy enabled; a deployment cannot be created for it`);
  if (record.routes.size === 0) throw badRequest('At least one route is required before deploying the Api.');
  const wire = deploy(record, ctx.state, str(body.description), false);
  if (stage) {
    stage.deploymentId = wire.deploymentId;
    stage.lastUpdatedDate = isoDate(new Date());
  }
  return ok(wire, 201);
}

function exportApi(ctx: Ctx): Reply {
  const record = apiOf(ctx);
  if (record.wire.protocolType !== 'HTTP') throw badRequest('Export is only supported for HTTP APIs');
  if ((ctx.params.specification ?? '').toUpperCase() !== 'OAS30')
    throw badRequest(`Invalid specification specified: ${ctx.params.specification ?? ''}`);
  const outputType = (q(ctx, 'outputType') ?? '').toUpperCase();
  if (outputType !== 'JSON' && outputType !== 'YAML')
    throw badRequest(`Invalid outputType specified: ${q(ctx, 'outputType') ?? 'null'}. Valid values are JSON, YAML`);
  const exportVersion = q(ctx, 'exportVersion');
  if (exportVersion !== undefined && exportVersion !== '1.0')
    throw badRequest(`Invalid exportVersion specified: ${exportVersion}`);
  const stageName = q(ctx, 'stageName');
  let source = {
    api: record.wire,
    routes: [...record.routes.values()],
    integrations: [...record.integrations.values()],
    authorizers: [...record.authorizers.values()],
  };
  if (stageName !== undefined) {
    const stage = stageOf(ctx, record, stageName);
    const deployment = record.deployments.get(String(stage.deploymentId));
    if (!deployment) throw badRequest(`Stage ${stageName} has no deployment`);
    source = deployment.snapshot;
  }
  const doc = exportHttp({
    ...source,
    region: ctx.state.region,
    stageName,
    includeExtensions: q(ctx, 'includeExtensions')?.toLowerCase() !== 'false',
  });
  const yaml = outputType === 'YAML';
  return {
    status: 200,
    body: Buffer.from(yaml ? toYaml(doc) : JSON.stringify(doc, null, 2)),
    headers: { 'content-type': yaml ? 'application/yaml' : 'application/json' },
  };
}

const S = '/v2/apis/{apiId}/stages';
const D = '/v2/apis/{apiId}/deployments';
export const v2StageRoutes: Route[] = [
  {
    method: 'GET',
    path: S,
    operation: 'GetStages',
    handler: (c) => ok(pageV2([...apiOf(c).stages.values()], q(c, 'nextToken'), q(c, 'maxResults'))),
  },
  { method: 'POST', path: S, operation: 'CreateStage', handler: createStage },
  { method: 'GET', path: `${S}/{stageName}`, operation: 'GetStage', handler: (c) => ok(stageOf(c, apiOf(c))) },
  { method: 'PATCH', path: `${S}/{stageName}`, operation: 'UpdateStage', handler: updateStage },
  { method: 'DELETE', path: `${S}/{stageName}`, operation: 'DeleteStage', handler: deleteStage },
  {
    method: 'DELETE',
    path: `${S}/{stageName}/accesslogsettings`,
    operation: 'DeleteAccessLogSettings',
    handler: deleteAccessLogSettings,
  },
  { method: 'POST', path: D, operation: 'CreateDeployment', handler: createDeployment },
  {
    method: 'GET',
    path: D,
    operation: 'GetDeployments',
    handler: (c) =>
      ok(
        pageV2(
          [...apiOf(c).deployments.values()].map((d) => d.wire),
          q(c, 'nextToken'),
          q(c, 'maxResults'),
        ),
      ),
  },
  {
    method: 'GET',
    path: `${D}/{deploymentId}`,
    operation: 'GetDeployment',
    handler: (c) => {
      const deployment = apiOf(c).deployments.get(c.params.deploymentId ?? '');
      if (!deployment) throw notFound(`Invalid deployment identifier specified ${c.params.deploymentId ?? ''}`);
      return ok(deployment.wire);
    },
  },
  { method: 'GET', path: '/v2/apis/{apiId}/exports/{specification}', operation: 'ExportApi', handler: exportApi },
];
