import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { describeValue, type Integration, type Route } from '../../model';
import { gatewayError, gatewayErrors, type GatewayError } from '../errors';
import { proxyResponse, runHttp } from '../integrations/http';
import { runLambda, runLambdaProxy } from '../integrations/lambda';
import { runMock } from '../integrations/mock';
import type { Stage, StageServices } from './stage';
import { upperCase } from '../text';
import type { Exchange } from '../types';

/** Calls the integration: MOCK, HTTP / HTTP_PROXY, Lambda (AWS / AWS_PROXY) through local handlers. */
export const integrationStage: Stage = {
  name: 'integration',
  run(ex, services) {
    const route = ex.match?.route;
    if (route === undefined) return undefined;
    const integration = route.integration;
    if (integration === undefined) {
      return gatewayError(
        gatewayErrors.apiConfigurationError,
        `${route.method} ${route.path} (${where(route.loc)}) has no integration: add x-amazon-apigateway-integration.`,
      );
    }
    const type = upperCase(integration.type ?? '');
    // MOCK answers synchronously (no promise, no microtask turn); the others call out.
    if (type === 'MOCK') {
      ex.result = runMock(ex);
      return undefined;
    }
    if (type === 'AWS_PROXY' && integration.lambdaFunction !== undefined) {
      return timed(ex, lambdaProxy(ex, services, integration, integration.lambdaFunction), true);
    }
    return timed(ex, callOut(ex, services, route, integration, type), type === 'AWS' || type === 'AWS_PROXY');
  },
};

/** AWS_PROXY to a Lambda function: its response is final (the busiest call out: no async function of its own). */
function lambdaProxy(
  ex: Exchange,
  services: StageServices,
  integration: Integration,
  fn: string,
): Promise<GatewayError | undefined> {
  return runLambdaProxy(ex, services.lambda, fn, lambdaTimeoutOf(ex, integration)).then((response) => {
    if ('kind' in response) return response;
    ex.response = response;
    return undefined;
  });
}

/** The Lambda timeout: the integration's, else the config's, else API Gateway's integration timeout. */
function lambdaTimeoutOf(ex: Exchange, integration: Integration): number {
  return integration.timeoutInMillis ?? ex.served.config.lambdaTimeoutMs ?? defaultTimeoutOf(ex);
}

/** API Gateway's integration timeout when the integration sets none: 29 s for REST APIs, 30 s for HTTP APIs. */
function defaultTimeoutOf(ex: Exchange): number {
  return ex.served.api.type === 'REST' ? 29_000 : 30_000;
}

/**
 * Records how long the call took and what it answered (Exchange.integration): the access log's
 * `$context.integration.*` and the IntegrationLatency metric. Only calls out are timed, as AWS suppresses the
 * integration latency of MOCK integrations. A reaction to the call's promise, not an async function (one
 * promise and microtask turn less per request).
 */
function timed(
  ex: Exchange,
  call: Promise<GatewayError | undefined>,
  lambda: boolean,
): Promise<GatewayError | undefined> {
  const started = performance.now();
  return call.then((error) => {
    const latencyMs = performance.now() - started;
    const status = ex.result?.status ?? ex.response?.status;
    ex.integration =
      error === undefined
        ? { latencyMs, lambda, ...(status !== undefined ? { status } : {}) }
        : { latencyMs, lambda, error: error.reason };
    return error;
  });
}

/**
 * HTTP / HTTP_PROXY integrations, Lambda AWS (non-proxy) ones, and the AWS services the config stands in for;
 * other AWS services cannot run locally. (AWS_PROXY to Lambda: lambdaProxy.)
 */
async function callOut(
  ex: Exchange,
  services: StageServices,
  route: Route,
  integration: Integration,
  type: string,
): Promise<GatewayError | undefined> {
  const rest = ex.served.api.type === 'REST';
  const timeoutMs = integration.timeoutInMillis ?? defaultTimeoutOf(ex);
  if (type === 'HTTP' || type === 'HTTP_PROXY') {
    const uri = typeof integration.uri === 'string' ? fillUri(ex, integration.uri) : undefined;
    if (uri === undefined) {
      return gatewayError(
        gatewayErrors.apiConfigurationError,
        `The ${type} integration at ${where(integration.loc)} has no literal uri (${describeValue(integration.uri) ?? 'none'}): the mock runtime needs a URL.`,
      );
    }
    const result = await runHttp(ex, uri, timeoutMs, type === 'HTTP_PROXY' || !rest);
    if ('kind' in result) return result;
    if (type === 'HTTP_PROXY' || !rest) ex.response = proxyResponse(result);
    else ex.result = result;
    return undefined;
  }
  if (type === 'AWS' && integration.lambdaFunction !== undefined) {
    const result = await runLambda(ex, services.lambda, integration.lambdaFunction, lambdaTimeoutOf(ex, integration));
    if ('kind' in result) return result;
    ex.result = result;
    return undefined;
  }
  const mock = ex.served.config.integrationMocks?.[`${route.method.toUpperCase()} ${route.path}`];
  if (mock !== undefined) {
    // The user's stand-in for the AWS service: REST AWS integrations go on through integration responses.
    const result = { status: mock.statusCode, headers: { ...mock.headers }, body: Buffer.from(mock.body) };
    if (rest && type === 'AWS') ex.result = result;
    else ex.response = proxyResponse(result);
    return undefined;
  }
  const described = integration.integrationSubtype ?? describeValue(integration.uri) ?? 'no uri';
  return gatewayError(
    gatewayErrors.apiConfigurationError,
    `The ${type || 'untyped'} integration of ${route.method} ${route.path} (${described}, ${where(integration.loc)}) calls an AWS service, which the mock runtime cannot run locally: map it to a response under "integrationMocks" in apigw.config.json (key "${route.method.toUpperCase()} ${route.path}"), or use a MOCK integration or a Lambda handler to stand in for it.`,
  );
}

function where(loc: { file: string; range: { start: { line: number } } }): string {
  return `${path.basename(loc.file)}:${loc.range.start.line + 1}`;
}

/** `${stageVariables.x}` and `{param}` (path parameters after mapping) in an integration URI. */
function fillUri(ex: Exchange, uri: string): string {
  const call = ex.call;
  return uri
    .replace(/\$\{stageVariables\.([A-Za-z0-9_]+)\}/g, (_, name: string) => ex.served.stageVariables[name] ?? '')
    .replace(/\{([A-Za-z0-9_.-]+)\+?\}/g, (whole, name: string) => {
      const value = call?.pathParameters[name] ?? ex.match?.pathParameters[name];
      return value === undefined ? whole : value.split('/').map(encodeURIComponent).join('/');
    });
}
