import type { HttpInvokeRequest, InvokeResult as CoreInvokeResult, TestInvokeInput } from '../../aws';
import type { AwsApiKind, DeployedRoute, DeployedStage } from '../../aws/types';
import { dict } from '../../shared/dict';
import { requestPath, type InvokeField, type InvokeForm } from '../mock/invokeForm';
import type { InvokeResult } from '../mock/invokeResult';
import type { PresentedLog } from './invokeLog';

/**
 * The request of the Invoke panel's form as AWS takes it: the input of TestInvokeMethod for a REST method, a
 * request to the stage's invoke URL for an HTTP API route. Pure (no `vscode`, no SDK), so it is unit-tested.
 */

/** The message Invoke Route on AWS shows in Restricted Mode, or undefined when it may run. */
export function invokeOnAwsTrustRefusal(trusted: boolean): string | undefined {
  if (trusted) return undefined;
  return (
    'Invoke Route on AWS is disabled in Restricted Mode: it sends the requests this workspace defines to your AWS ' +
    'account with your credentials, which this workspace is not trusted to do. Trust the workspace ' +
    '(Workspaces: Manage Workspace Trust) to use it.'
  );
}

/** Why the form cannot be sent to the resolved route (told as is: it says what to do). */
export class InvokeInputError extends Error {
  override readonly name = 'InvokeInputError';
}

/** Where "Invoke on AWS" sends: an API, and the stage whose variables (REST) or URL (HTTP) it uses. */
export interface AwsInvokeTarget {
  apiId: string;
  kind: Extract<AwsApiKind, 'REST' | 'HTTP'>;
  /** Undefined: a REST API tested without a stage (TestInvokeMethod needs no deployment). */
  stage?: string;
  /** The API's name, once known (a remembered target may hold only the id). */
  apiName?: string;
}

/** What sending needs of AWS, read once per panel: the deployed route, its stage and where it is. */
export interface ResolvedAwsRoute {
  target: AwsInvokeTarget;
  apiName: string;
  region: string;
  route: DeployedRoute;
  stage?: DeployedStage;
  /**
   * The endpoint every client was pointed at instead of AWS (`apigw.aws.endpointUrl`, or the SDK's
   * AWS_ENDPOINT_URL variables): HTTP routes are then called there too (see httpStageUrl).
   */
  endpointUrl?: string;
}

/**
 * The endpoint the control-plane clients use instead of AWS: the setting, else the SDK's own variables
 * (`AWS_ENDPOINT_URL_APIGATEWAYV2`, then `AWS_ENDPOINT_URL`, unless `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS`).
 * Undefined: AWS itself.
 */
export function endpointOverride(
  setting: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): string | undefined {
  if (setting !== undefined && setting !== '') return setting;
  if (env['AWS_IGNORE_CONFIGURED_ENDPOINT_URLS']?.toLowerCase() === 'true') return undefined;
  const fromEnv = env['AWS_ENDPOINT_URL_APIGATEWAYV2'] ?? env['AWS_ENDPOINT_URL'];
  return fromEnv === undefined || fromEnv === '' ? undefined : fromEnv;
}

/**
 * Where a stage of an HTTP API is called. On AWS, the stage's invoke URL. With an endpoint override (LocalStack,
 * a test server) the API is not at AWS's execute-api host but served by the override, at
 * `{endpoint}/_aws/execute-api/{apiId}/{stage}`: LocalStack's path-style invoke URL, the one form that works with
 * any endpoint (its host form, `{apiId}.execute-api.localhost.localstack.cloud:4566/{stage}`, needs its DNS name).
 * The `$default` stage is named in the path too, so that the route's own path cannot be read as a stage.
 */
export function httpStageUrl(resolved: Pick<ResolvedAwsRoute, 'target' | 'stage' | 'endpointUrl'>): string | undefined {
  const { stage, endpointUrl, target } = resolved;
  if (stage === undefined) return undefined;
  if (endpointUrl === undefined) return stage.invokeUrl.replace(/\/+$/, '');
  const base = endpointUrl.replace(/\/+$/, '');
  return `${base}/_aws/execute-api/${encodeURIComponent(target.apiId)}/${encodeURIComponent(stage.name).replace(/%24/g, '$')}`;
}

/** "AWS (stage prod of API Pets)": the panel's name for the target. */
export function awsTargetLabel(target: AwsInvokeTarget): string {
  const api = target.apiName ?? target.apiId;
  return target.stage === undefined ? `AWS (API ${api}, no stage)` : `AWS (stage ${target.stage} of API ${api})`;
}

/** `{name}` and `{name+}` both as `{}` / `{+}`: two paths are the same route whatever their parameters are named. */
function pathShape(path: string): string {
  return path.replace(/\{[^}+]+(\+?)\}/g, (_all, greedy: string) => (greedy ? '{+}' : '{}')).replace(/(.)\/+$/, '$1');
}

/**
 * The deployed route of a local route: same method and path (REST: the method on the resource; HTTP: the route
 * key), path parameters matched whatever their names; `$default` for an HTTP API's default route.
 */
export function findDeployedRoute(
  routes: readonly DeployedRoute[],
  method: string,
  path: string,
): DeployedRoute | undefined {
  if (path === '$default') return routes.find((r) => r.key === '$default');
  const wantMethod = method.toUpperCase();
  const candidates = routes.filter((r) => r.method?.toUpperCase() === wantMethod && r.path !== undefined);
  return candidates.find((r) => r.path === path) ?? candidates.find((r) => pathShape(r.path ?? '') === pathShape(path));
}

/** The method actually sent: the form's pick for an `ANY` route, else the route's. */
export function sentMethod(form: InvokeForm): string {
  return (form.method === 'ANY' ? form.sendMethod : form.method).toUpperCase();
}

const used = (f: InvokeField): boolean => f.name !== '' && (f.value !== '' || f.required);

/** The query string of the form (empty optional fields left out), without '?'. */
export function queryOf(form: InvokeForm): string {
  const query = new URLSearchParams();
  for (const q of form.query) if (used(q)) query.append(q.name, q.value);
  return query.toString();
}

/** Whether the form's body is sent: not for GET and HEAD, not when empty. */
function bodyOf(form: InvokeForm, method: string): string | undefined {
  return form.body !== '' && method !== 'GET' && method !== 'HEAD' ? form.body : undefined;
}

/**
 * The form's headers: names as written, one value per name in `headers` (the last, as a single-value header map
 * keeps it) and every value in `multiValueHeaders` when a name repeats (case-insensitively). A body without a
 * Content-Type gets the form's.
 */
export function headersOf(
  form: InvokeForm,
  hasBody: boolean,
): { headers: Record<string, string>; multiValueHeaders?: Record<string, string[]> } {
  const byName = new Map<string, { name: string; values: string[] }>();
  for (const h of form.headers) {
    if (!used(h)) continue;
    const key = h.name.toLowerCase();
    const entry = byName.get(key);
    if (entry) entry.values.push(h.value);
    else byName.set(key, { name: h.name, values: [h.value] });
  }
  if (hasBody && !byName.has('content-type') && form.contentType !== '') {
    byName.set('content-type', { name: 'Content-Type', values: [form.contentType] });
  }
  const headers = dict<string>();
  const multi = dict<string[]>();
  let repeated = false;
  for (const { name, values } of byName.values()) {
    headers[name] = values[values.length - 1] ?? '';
    multi[name] = values;
    if (values.length > 1) repeated = true;
  }
  return repeated ? { headers, multiValueHeaders: multi } : { headers };
}

/** The route's path with the form's path parameters, without a stage ('/' for `$default`). */
export function routePathOf(form: InvokeForm): string {
  return requestPath(form, '$default');
}

/**
 * TestInvokeMethod's input: the method on the route's resource, the path and query as a client would send them,
 * the headers, the body, and the stage's variables (TestInvokeMethod runs no stage: these make
 * `$stageVariables` what the stage would give).
 */
export function toTestInvokeInput(form: InvokeForm, resolved: ResolvedAwsRoute): TestInvokeInput {
  const { route, stage, target } = resolved;
  if (route.resourceId === undefined) {
    throw new InvokeInputError(
      `AWS gave no resource id for ${route.key} of API ${resolved.apiName}: refresh and try again.`,
    );
  }
  const method = sentMethod(form);
  const query = queryOf(form);
  const body = bodyOf(form, method);
  const { headers, multiValueHeaders } = headersOf(form, body !== undefined);
  const variables = stage?.variables ?? {};
  return {
    apiId: target.apiId,
    resourceId: route.resourceId,
    // TestInvokeMethod tests a method of the resource: an ANY method is tested as ANY.
    httpMethod: route.method?.toUpperCase() === 'ANY' ? 'ANY' : method,
    pathWithQueryString: `${routePathOf(form)}${query ? `?${query}` : ''}`,
    ...(Object.keys(headers).length > 0 ? { headers } : {}),
    ...(multiValueHeaders ? { multiValueHeaders } : {}),
    ...(body !== undefined ? { body } : {}),
    ...(Object.keys(variables).length > 0 ? { stageVariables: { ...variables } } : {}),
  };
}

/** Whether a call of the route must be SigV4-signed (AWS_IAM authorization). */
export function needsSigning(route: DeployedRoute): boolean {
  return route.authorizationType?.toUpperCase() === 'AWS_IAM';
}

/**
 * The request to an HTTP API route: the stage's URL (httpStageUrl), the route's path and the query; repeated headers
 * joined with ', ' as HTTP allows. Signing is added by the caller (it needs the credentials).
 */
export function toHttpInvokeRequest(
  form: InvokeForm,
  resolved: ResolvedAwsRoute,
): Omit<HttpInvokeRequest, 'sign' | 'signal' | 'fetch'> {
  const base = httpStageUrl(resolved);
  if (base === undefined) {
    throw new InvokeInputError(`HTTP API ${resolved.apiName} has no stage to call: deploy it to a stage first.`);
  }
  const method = sentMethod(form);
  const query = queryOf(form);
  const body = bodyOf(form, method);
  const { headers, multiValueHeaders } = headersOf(form, body !== undefined);
  const joined = dict<string>();
  for (const [name, value] of Object.entries(headers)) joined[name] = multiValueHeaders?.[name]?.join(', ') ?? value;
  return {
    url: `${base}${routePathOf(form)}${query ? `?${query}` : ''}`,
    method,
    ...(Object.keys(joined).length > 0 ? { headers: joined } : {}),
    ...(body !== undefined ? { body } : {}),
  };
}

/** A form for a deployed route that has no local definition (opened from the AWS view): its method and path only. */
export function formForDeployedRoute(apiName: string, route: DeployedRoute): InvokeForm {
  const method = (route.method ?? 'ANY').toUpperCase();
  const path = route.key === '$default' ? '$default' : (route.path ?? '/');
  const pathParameters = [...path.matchAll(/\{([^}+]+)(\+?)\}/g)].map((m) => ({
    name: m[1] ?? '',
    value: m[2] === '+' ? 'any/path' : '1',
    required: true,
  }));
  return {
    api: apiName,
    method: route.key === '$default' ? 'ANY' : method,
    path,
    sendMethod: method === 'ANY' || route.key === '$default' ? 'GET' : method,
    pathParameters,
    query: [],
    headers: [],
    contentType: 'application/json',
    body: '',
  };
}

/** What AWS answered, as the core returns it (src/aws/invoke.ts's InvokeResult). */
export type AwsAnswer = CoreInvokeResult;

/** The sent request, as the panel shows it (headers as lists, like the local request). */
export interface SentRequest {
  method: string;
  path: string;
  query: string;
  headers: Record<string, string>;
  multiValueHeaders?: Record<string, string[]>;
  body?: string;
}

/** AWS's answer as the panel's result: the same shape as a local one, with the execution log by stage. */
export function toAwsInvokeResult(
  sent: SentRequest,
  resolved: ResolvedAwsRoute,
  answer: AwsAnswer,
  log: PresentedLog | undefined,
  requestId: string,
): InvokeResult {
  const headers = dict<string[]>();
  for (const [name, value] of Object.entries(sent.headers)) headers[name] = sent.multiValueHeaders?.[name] ?? [value];
  // REST: the stage's URL on AWS (TestInvokeMethod calls no URL); HTTP: the URL that was called.
  const base = resolved.target.kind === 'HTTP' ? httpStageUrl(resolved) : resolved.stage?.invokeUrl.replace(/\/+$/, '');
  const target = awsTargetLabel({ ...resolved.target, apiName: resolved.apiName });
  return {
    origin: 'aws',
    target,
    request: { method: sent.method, path: sent.path, query: sent.query, headers, body: sent.body ?? '' },
    url: `${base ?? ''}${sent.path}${sent.query ? `?${sent.query}` : ''}`,
    status: answer.status,
    headers: { ...answer.headers },
    body: answer.body,
    bodyEncoding: 'utf8',
    latencyMs: answer.latencyMs,
    route: resolved.route.key,
    requestId,
    trace: [],
    logs: [],
    ...(log ? { awsLog: log.sections } : {}),
    ...(answer.log !== undefined && answer.log !== '' ? { rawLog: answer.log } : {}),
    ...(resolved.target.kind === 'HTTP' && resolved.target.stage !== undefined
      ? {
          requestLogs: {
            kind: 'HTTP' as const,
            apiId: resolved.target.apiId,
            apiName: resolved.apiName,
            stage: resolved.target.stage,
            requestId,
          },
        }
      : {}),
  };
}
