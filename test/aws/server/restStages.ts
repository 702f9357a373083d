// API Gateway v1 stage operations beyond create/get/delete: UpdateStage with its patch operations (the paths the
// product sends: deployment, description, variables, method settings such as /*/*/logging/loglevel, access log
// settings, canary settings, and the copy operations of a canary promotion), DeleteDeployment, and the account's
// settings (GetAccount, UpdateAccount: the CloudWatch Logs role). A patch is applied whole or not at all, and is
// refused as API Gateway refuses it: bad paths and values, an access-log format without a request id, logging
// turned on while the account has no CloudWatch Logs role.
import { jsonBody, ok, type Ctx, type Reply, type Route } from './context';
import { badRequest, notFound, type AwsError } from './errors';
import { restApiOf } from './restApis';
import type { RestApiRecord } from './state';
import { clone, compact, epochSeconds, isObj, obj, str, strMap, type Json } from './util';

export const noCloudWatchRole = 'CloudWatch Logs role ARN must be set in account settings to enable logging';

/** The method settings a `*\/*` (or per-method) entry starts with, as GetStage shows them. */
const defaultMethodSettings = (): Json => ({
  metricsEnabled: false,
  loggingLevel: 'OFF',
  dataTraceEnabled: false,
  throttlingBurstLimit: 5000,
  throttlingRateLimit: 10000,
  cachingEnabled: false,
  cacheTtlInSeconds: 300,
  cacheDataEncrypted: false,
  requireAuthorizationForCacheControl: true,
  unauthorizedCacheControlHeaderStrategy: 'SUCCEED_WITH_RESPONSE_HEADER',
});

/** A method setting's patch path tail → its member in MethodSetting and how its value is read. */
const methodSettingPaths: Record<string, { member: string; read: (value: string, path: string) => unknown }> = {
  'metrics/enabled': { member: 'metricsEnabled', read: (v, p) => bool(v, p) },
  'logging/loglevel': { member: 'loggingLevel', read: (v) => logLevel(v) },
  'logging/dataTrace': { member: 'dataTraceEnabled', read: (v, p) => bool(v, p) },
  'throttling/burstLimit': { member: 'throttlingBurstLimit', read: (v, p) => int(v, p) },
  'throttling/rateLimit': { member: 'throttlingRateLimit', read: (v, p) => num(v, p) },
  'caching/enabled': { member: 'cachingEnabled', read: (v, p) => bool(v, p) },
};

function bool(value: string, path: string): boolean {
  if (value !== 'true' && value !== 'false') throw badRequest(`Invalid boolean value '${value}' for ${path}`);
  return value === 'true';
}

function num(value: string, path: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) throw badRequest(`Invalid number value '${value}' for ${path}`);
  return n;
}

function int(value: string, path: string): number {
  const n = num(value, path);
  if (!Number.isInteger(n)) throw badRequest(`Invalid integer value '${value}' for ${path}`);
  return n;
}

function logLevel(value: string): string {
  const level = value.toUpperCase();
  if (level !== 'OFF' && level !== 'ERROR' && level !== 'INFO') {
    throw badRequest(`Invalid logging level specified: ${value}. Valid values are OFF, ERROR and INFO`);
  }
  return level;
}

/** '~1pets~1{id}' → '/pets/{id}' (JSON pointer escapes, as patch paths write a resource path). */
const unescape = (segment: string): string => segment.replace(/~1/g, '/').replace(/~0/g, '~');

interface PatchOp {
  op: string;
  path: string;
  value?: string;
  from?: string;
}

function readOps(body: Json): PatchOp[] {
  const ops = body.patchOperations;
  if (ops === undefined) return [];
  if (!Array.isArray(ops)) throw badRequest('patchOperations must be a list');
  return ops.map((o): PatchOp => {
    const op = obj(o);
    const name = str(op.op) ?? '';
    if (!['add', 'remove', 'replace', 'move', 'copy', 'test'].includes(name)) {
      throw badRequest(`Invalid patch operation specified. Must be 'add'|'remove'|'replace'|'move'|'copy'|'test'`);
    }
    const path = str(op.path);
    if (path === undefined || !path.startsWith('/')) throw badRequest(`Invalid patch path '${path ?? ''}' specified`);
    return compact({ op: name, path, value: str(op.value), from: str(op.from) });
  });
}

const invalidPath = (op: PatchOp): AwsError =>
  badRequest(`Invalid patch path '${op.path}' specified for op '${op.op}'. Please choose supported operations`);

function requireValue(op: PatchOp): string {
  if (op.value === undefined) throw badRequest(`Invalid null value for patch path '${op.path}'`);
  return op.value;
}

function checkDeployment(record: RestApiRecord, id: string): string {
  if (!record.deployments.has(id)) throw notFound('Invalid deployment identifier specified');
  return id;
}

function percent(value: string, path: string): number {
  const n = num(value, path);
  if (n < 0 || n > 100) throw badRequest('Canary traffic percentage must be between 0.0 and 100.0');
  return n;
}

/** One patch operation on a copy of the stage. */
function applyOp(record: RestApiRecord, stage: Json, op: PatchOp): void {
  const { path } = op;
  const segments = path.split('/').slice(1);
  if (op.op === 'copy') {
    const canary = obj(stage.canarySettings);
    if (op.from === '/canarySettings/deploymentId' && path === '/deploymentId') {
      const id = str(canary.deploymentId);
      if (id === undefined) throw badRequest('The stage has no canary deployment to copy');
      stage.deploymentId = checkDeployment(record, id);
      return;
    }
    if (op.from === '/canarySettings/stageVariableOverrides' && path === '/variables') {
      stage.variables = { ...obj(stage.variables), ...strMap(canary.stageVariableOverrides) };
      return;
    }
    throw badRequest(`Invalid copy from '${op.from ?? ''}' to '${path}'`);
  }
  if (path === '/deploymentId' && op.op === 'replace') {
    stage.deploymentId = checkDeployment(record, requireValue(op));
  } else if (path === '/description' && op.op === 'replace') {
    stage.description = op.value;
  } else if (path === '/tracingEnabled' && op.op === 'replace') {
    stage.tracingEnabled = bool(requireValue(op), path);
  } else if (segments[0] === 'variables' && segments.length === 2 && segments[1]) {
    const variables = obj(stage.variables);
    if (op.op === 'remove') delete variables[segments[1]];
    else if (op.op === 'replace' || op.op === 'add') variables[segments[1]] = requireValue(op);
    else throw invalidPath(op);
    stage.variables = variables;
  } else if (path === '/accessLogSettings' && op.op === 'remove') {
    delete stage.accessLogSettings;
  } else if (
    (path === '/accessLogSettings/destinationArn' || path === '/accessLogSettings/format') &&
    op.op === 'replace'
  ) {
    stage.accessLogSettings = { ...obj(stage.accessLogSettings), [segments[1]!]: requireValue(op) };
  } else if (segments[0] === 'canarySettings') {
    applyCanaryOp(record, stage, op, segments);
  } else if (segments.length === 4 && op.op === 'replace' && methodSettingPaths[`${segments[2]}/${segments[3]}`]) {
    const setting = methodSettingPaths[`${segments[2]}/${segments[3]}`]!;
    const key = `${unescape(segments[0]!)}/${segments[1]}`;
    if (key !== '*/*' && !/^\/\S*\/[A-Z*]+$/.test(key)) throw invalidPath(op);
    const settings = obj(stage.methodSettings);
    settings[key] = {
      ...(isObj(settings[key]) ? settings[key] : defaultMethodSettings()),
      [setting.member]: setting.read(requireValue(op), path),
    };
    stage.methodSettings = settings;
  } else {
    throw invalidPath(op);
  }
}

function applyCanaryOp(record: RestApiRecord, stage: Json, op: PatchOp, segments: string[]): void {
  if (segments.length === 1) {
    if (op.op !== 'remove') throw invalidPath(op);
    delete stage.canarySettings;
    return;
  }
  const canary: Json = { percentTraffic: 0, useStageCache: false, ...obj(stage.canarySettings) };
  const [, member, name] = segments;
  if (member === 'percentTraffic' && op.op === 'replace') canary.percentTraffic = percent(requireValue(op), op.path);
  else if (member === 'deploymentId' && op.op === 'replace')
    canary.deploymentId = checkDeployment(record, requireValue(op));
  else if (member === 'useStageCache' && op.op === 'replace') canary.useStageCache = bool(requireValue(op), op.path);
  else if (member === 'stageVariableOverrides' && name && segments.length === 3) {
    const overrides = obj(canary.stageVariableOverrides);
    if (op.op === 'remove') delete overrides[name];
    else if (op.op === 'replace' || op.op === 'add') overrides[name] = requireValue(op);
    else throw invalidPath(op);
    canary.stageVariableOverrides = overrides;
  } else throw invalidPath(op);
  stage.canarySettings = canary;
}

/** Whether the stage writes any log: execution logging, full data or access logs. */
function logs(stage: Json): boolean {
  const methods = Object.values(obj(stage.methodSettings)).map(obj);
  return (
    methods.some((m) => (m.loggingLevel !== undefined && m.loggingLevel !== 'OFF') || m.dataTraceEnabled === true) ||
    isObj(stage.accessLogSettings)
  );
}

/** An access log destination: a log group ARN (no trailing ':*') or a Firehose stream named amazon-apigateway-…. */
const destinationArn =
  /^arn:aws[\w-]*:(logs:[\w-]+:\d{12}:log-group:[.\-_/#A-Za-z0-9]+|firehose:[\w-]+:\d{12}:deliverystream\/amazon-apigateway-[\w.-]+)$/;

/** AWS's checks of the whole stage after a patch. */
function checkStage(ctx: Ctx, before: Json, after: Json): void {
  const access = after.accessLogSettings;
  if (isObj(access)) {
    const arn = str(access.destinationArn);
    const format = str(access.format);
    if (arn === undefined) throw badRequest('Access Log destination must be specified when Access Log format is set');
    if (!destinationArn.test(arn)) throw badRequest(`Invalid ARN specified in the request: ${arn}`);
    if (format === undefined)
      throw badRequest('Access Log format must be specified when Access Log destination is set');
    if (!/\$context\.(requestId|extendedRequestId)\b/.test(format)) {
      throw badRequest(
        'Access Log format must contain at least one of $context.requestId or $context.extendedRequestId',
      );
    }
  }
  if (logs(after) && !logs(before) && !ctx.state.account.cloudwatchRoleArn) throw badRequest(noCloudWatchRole);
}

function updateStage(ctx: Ctx): Reply {
  const record = restApiOf(ctx);
  const stage = record.stages.get(ctx.params.stageName ?? '');
  if (!stage) throw notFound('Invalid stage identifier specified');
  const ops = readOps(jsonBody(ctx));
  const next = clone(stage);
  for (const op of ops) applyOp(record, next, op);
  checkStage(ctx, stage, next);
  next.lastUpdatedDate = epochSeconds(new Date());
  for (const k of Object.keys(stage)) delete stage[k];
  Object.assign(stage, next);
  return ok(stage);
}

function deleteDeployment(ctx: Ctx): Reply {
  const record = restApiOf(ctx);
  const id = ctx.params.deploymentId ?? '';
  if (!record.deployments.has(id)) throw notFound('Invalid deployment identifier specified');
  const used = [...record.stages.values()].some(
    (s) => s.deploymentId === id || obj(s.canarySettings).deploymentId === id,
  );
  if (used) throw badRequest('Active stages pointing to this deployment must be moved or deleted');
  record.deployments.delete(id);
  return { status: 202 };
}

function accountWire(ctx: Ctx): Json {
  return compact({
    cloudwatchRoleArn: ctx.state.account.cloudwatchRoleArn,
    throttleSettings: { burstLimit: 5000, rateLimit: 10000 },
    features: ['UsagePlans'],
    apiKeyVersion: '4',
  });
}

function updateAccount(ctx: Ctx): Reply {
  for (const op of readOps(jsonBody(ctx))) {
    if (op.path !== '/cloudwatchRoleArn') throw invalidPath(op);
    if (op.op === 'remove' || (op.op === 'replace' && !op.value)) {
      delete ctx.state.account.cloudwatchRoleArn;
    } else if (op.op === 'replace') {
      const arn = requireValue(op);
      if (!/^arn:aws[\w-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/.test(arn)) {
        throw badRequest(`The role ARN is not well formed: ${arn}`);
      }
      ctx.state.account.cloudwatchRoleArn = arn;
    } else throw invalidPath(op);
  }
  return ok(accountWire(ctx));
}

export const restStageRoutes: Route[] = [
  { method: 'PATCH', path: '/restapis/{restApiId}/stages/{stageName}', operation: 'UpdateStage', handler: updateStage },
  {
    method: 'DELETE',
    path: '/restapis/{restApiId}/deployments/{deploymentId}',
    operation: 'DeleteDeployment',
    handler: deleteDeployment,
  },
  { method: 'GET', path: '/account', operation: 'GetAccount', handler: (c) => ok(accountWire(c)) },
  { method: 'PATCH', path: '/account', operation: 'UpdateAccount', handler: updateAccount },
];
