// readDeployed: what a deploy target holds now — the API (a missing one is a notFound problem, so the UI can ask
// again), its definition as an ApiShape (REST / HTTP: the export of the stage, parsed; WebSocket: its routes,
// integrations, responses and authorizers) and the stage (undefined when it does not exist yet).
import { GetRestApiCommand } from '@aws-sdk/client-api-gateway';
import {
  type Authorizer,
  GetApiCommand,
  GetAuthorizersCommand,
  GetIntegrationResponsesCommand,
  GetIntegrationsCommand,
  GetRouteResponsesCommand,
  GetRoutesCommand,
  type Integration,
  type IntegrationResponse,
  type Route,
  type RouteResponse,
} from '@aws-sdk/client-apigatewayv2';
import { exportApi } from '../exportApi';
import { badInput, contextOf } from '../guard';
import { collect, paginate } from '../paginate';
import { describeProblem } from '../problems';
import { getRestStage, restStages } from '../restDetails';
import { AwsError, type AwsClients, type DeployedStage, type DeployTarget } from '../types';
import { getV2Stage } from '../v2Details';
import { parseExport } from './drift';
import type { DeployedState } from './planner';
import { shapeFromDocument } from './shape';
import type { DeploySource } from './types';
import { deployedWebSocketShape } from './websocketShape';

export interface DeployedApi extends DeployedState {
  api: { id: string; name: string; apiEndpoint?: string };
  /** The export the shape was read from (REST / HTTP), as JSON text. */
  exportText?: string;
  /** The stage that export is of (another one when the target stage does not exist yet; none for HTTP's latest). */
  exportedStage?: string;
}

export interface ReadDeployedOptions {
  /** REST: export as 'swagger' when the local definition is Swagger 2.0 (default 'oas30'). */
  specification?: 'oas30' | 'swagger';
}

/**
 * What `target` (an existing API) holds now. `local` is the definition about to be deployed (a Swagger 2.0 one
 * is compared with a Swagger export), or the options themselves. Throws AwsError: notFound when the API does not
 * exist (choose again), badRequest when it is of another type than the target.
 */
export async function readDeployed(
  clients: AwsClients,
  target: DeployTarget,
  local: Pick<DeploySource, 'body'> | ReadDeployedOptions = {},
): Promise<DeployedApi> {
  const options: ReadDeployedOptions =
    'specification' in local ? local : specificationFor(local as Pick<DeploySource, 'body'>);
  const apiId = target.apiId;
  if (apiId === undefined || apiId === '')
    throw badInput('No API id: a new API has nothing deployed to read.', 'GetRestApi');
  if (target.kind === 'REST') return readRest(clients, apiId, target.stage, options);
  return readV2(clients, apiId, target);
}

/** Swagger 2.0 definitions are compared with GetExport's `swagger` export, OpenAPI 3 ones with `oas30`. */
export function specificationFor(local: Pick<DeploySource, 'body'>): ReadDeployedOptions {
  return local.body?.['swagger'] !== undefined ? { specification: 'swagger' } : {};
}

async function call<T>(clients: AwsClients, operation: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw new AwsError(describeProblem(error, { ...contextOf(clients), operation }));
  }
}

/** A stage that does not exist is undefined; any other failure is thrown. */
async function optionalStage(
  clients: AwsClients,
  operation: string,
  read: () => Promise<DeployedStage>,
): Promise<DeployedStage | undefined> {
  try {
    return await call(clients, operation, read);
  } catch (error) {
    if (error instanceof AwsError && error.problem.kind === 'notFound') return undefined;
    throw error;
  }
}

function missingApi(clients: AwsClients, error: unknown, apiId: string, kind: string): never {
  if (error instanceof AwsError && error.problem.kind === 'notFound') {
    const message = `The ${kind} API ${apiId} does not exist in ${clients.place.region} (it may have been deleted): choose the API again, or deploy as a new API.`;
    throw new AwsError({ ...error.problem, message });
  }
  throw error;
}

async function readRest(
  clients: AwsClients,
  apiId: string,
  stageName: string,
  options: ReadDeployedOptions,
): Promise<DeployedApi> {
  const api = await call(clients, 'GetRestApi', () =>
    clients.rest.send(new GetRestApiCommand({ restApiId: apiId })),
  ).catch((e: unknown) => missingApi(clients, e, apiId, 'REST'));
  const stage = await optionalStage(clients, 'GetStage', () => getRestStage(clients, apiId, stageName));
  const notes: string[] = [];
  let exportedStage: string | undefined = stage === undefined ? undefined : stageName;
  if (exportedStage === undefined) {
    // GetExport exports a stage: without the target stage, the most recently updated other one tells the most.
    const others = await call(clients, 'GetStages', () => restStages(clients, apiId));
    const latest = [...others].sort((a, b) => (b.lastUpdated?.getTime() ?? 0) - (a.lastUpdated?.getTime() ?? 0))[0];
    exportedStage = latest?.name;
    notes.push(
      latest === undefined
        ? `API ${apiId} has no stage yet, so what it holds cannot be exported: every part shows as added.`
        : `Stage ${stageName} does not exist yet: the plan compares with stage ${latest.name}, the one updated last.`,
    );
  }
  const result: DeployedApi = { api: { id: apiId, name: api.name ?? apiId }, notes };
  if (stage !== undefined) result.stage = stage;
  if (exportedStage !== undefined) {
    const text = await exportApi(clients, {
      kind: 'REST',
      apiId,
      stage: exportedStage,
      format: 'json',
      ...(options.specification ? { specification: options.specification } : {}),
    });
    result.exportText = text;
    result.exportedStage = exportedStage;
    result.shape = shapeFromDocument(parseExport(text), 'REST');
  }
  return result;
}

async function readV2(clients: AwsClients, apiId: string, target: DeployTarget): Promise<DeployedApi> {
  const api = await call(clients, 'GetApi', () => clients.v2.send(new GetApiCommand({ ApiId: apiId }))).catch(
    (e: unknown) => missingApi(clients, e, apiId, target.kind === 'HTTP' ? 'HTTP' : 'WebSocket'),
  );
  const protocol = api.ProtocolType === 'WEBSOCKET' ? 'WEBSOCKET' : 'HTTP';
  if (protocol !== target.kind) {
    throw badInput(
      `API ${apiId} is ${protocol === 'HTTP' ? 'an HTTP' : 'a WebSocket'} API, not ${target.kind === 'HTTP' ? 'an HTTP' : 'a WebSocket'} API: choose an API of the definition's type.`,
      'GetApi',
    );
  }
  const v2Api = { id: apiId, kind: target.kind, ...(api.ApiEndpoint ? { apiEndpoint: api.ApiEndpoint } : {}) };
  const stage =
    target.stage === ''
      ? undefined
      : await optionalStage(clients, 'GetStage', () => getV2Stage(clients, v2Api, target.stage));
  const result: DeployedApi = {
    api: { id: apiId, name: api.Name ?? apiId, ...(api.ApiEndpoint ? { apiEndpoint: api.ApiEndpoint } : {}) },
    notes: [],
  };
  if (stage !== undefined) result.stage = stage;
  if (target.kind === 'HTTP') {
    // Without the stage, ExportApi gives the API's latest definition, deployed or not.
    const text = await exportApi(clients, {
      kind: 'HTTP',
      apiId,
      format: 'json',
      ...(stage ? { stage: target.stage } : {}),
    });
    result.exportText = text;
    if (stage !== undefined) result.exportedStage = target.stage;
    else
      result.notes!.push(
        `Stage ${target.stage} does not exist yet: the plan compares with the API's latest definition.`,
      );
    result.shape = shapeFromDocument(parseExport(text), 'HTTP');
    return result;
  }
  result.shape = deployedWebSocketShape({ api, ...(await readWebSocketParts(clients, apiId)) });
  return result;
}

async function readWebSocketParts(clients: AwsClients, apiId: string) {
  const list = <Page extends { Items?: Item[]; NextToken?: string }, Item>(
    operation: string,
    fetchPage: (token: string | undefined) => Promise<Page>,
  ) =>
    call(clients, operation, () =>
      collect(
        paginate(
          fetchPage,
          (page) => page.Items,
          (page) => page.NextToken,
        ),
      ),
    );
  const token = (t: string | undefined) => (t ? { NextToken: t } : {});
  const [routes, integrations, authorizers] = await Promise.all([
    list<{ Items?: Route[]; NextToken?: string }, Route>('GetRoutes', (t) =>
      clients.v2.send(new GetRoutesCommand({ ApiId: apiId, ...token(t) })),
    ),
    list<{ Items?: Integration[]; NextToken?: string }, Integration>('GetIntegrations', (t) =>
      clients.v2.send(new GetIntegrationsCommand({ ApiId: apiId, ...token(t) })),
    ),
    list<{ Items?: Authorizer[]; NextToken?: string }, Authorizer>('GetAuthorizers', (t) =>
      clients.v2.send(new GetAuthorizersCommand({ ApiId: apiId, ...token(t) })),
    ),
  ]);
  const routeResponses = new Map<string, RouteResponse[]>();
  for (const route of routes) {
    if (route.RouteId === undefined) continue;
    const routeId = route.RouteId;
    routeResponses.set(
      routeId,
      await list<{ Items?: RouteResponse[]; NextToken?: string }, RouteResponse>('GetRouteResponses', (t) =>
        clients.v2.send(new GetRouteResponsesCommand({ ApiId: apiId, RouteId: routeId, ...token(t) })),
      ),
    );
  }
  const integrationResponses = new Map<string, IntegrationResponse[]>();
  for (const integration of integrations) {
    if (integration.IntegrationId === undefined) continue;
    const integrationId = integration.IntegrationId;
    integrationResponses.set(
      integrationId,
      await list<{ Items?: IntegrationResponse[]; NextToken?: string }, IntegrationResponse>(
        'GetIntegrationResponses',
        (t) =>
          clients.v2.send(
            new GetIntegrationResponsesCommand({ ApiId: apiId, IntegrationId: integrationId, ...token(t) }),
          ),
      ),
    );
  }
  return { routes, integrations, authorizers, routeResponses, integrationResponses };
}
