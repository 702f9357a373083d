// What a deployed HTTP or WebSocket API holds (API Gateway v2): stages with their invoke URL, variables,
// default-route throttling and deployment; routes joined with their integrations (a route's Target is
// `integrations/{IntegrationId}`); authorizers. Every list is paginated by NextToken.
import {
  GetAuthorizersCommand,
  GetDeploymentCommand,
  GetIntegrationsCommand,
  GetRoutesCommand,
  GetStageCommand,
  GetStagesCommand,
  type Integration,
  type Stage,
} from '@aws-sdk/client-apigatewayv2';
import { invokeUrlOf } from './invokeUrls';
import { collect, paginate } from './paginate';
import type { AwsApiKind, AwsClients, DeployedAuthorizer, DeployedRoute, DeployedStage } from './types';

/** Code-point order: the same on every machine, whatever its locale. */
const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export interface V2Api {
  id: string;
  kind: AwsApiKind;
  apiEndpoint?: string;
}

export function v2Stage(clients: AwsClients, api: V2Api, stage: Partial<Stage>): DeployedStage {
  const name = stage.StageName ?? '';
  const settings = stage.DefaultRouteSettings;
  const throttling =
    settings && (settings.ThrottlingBurstLimit !== undefined || settings.ThrottlingRateLimit !== undefined)
      ? {
          ...(settings.ThrottlingBurstLimit !== undefined ? { burstLimit: settings.ThrottlingBurstLimit } : {}),
          ...(settings.ThrottlingRateLimit !== undefined ? { rateLimit: settings.ThrottlingRateLimit } : {}),
        }
      : undefined;
  return {
    apiId: api.id,
    name,
    invokeUrl: invokeUrlOf(api.kind, api.id, clients.place.region, name, api.apiEndpoint),
    variables: { ...stage.StageVariables },
    ...(stage.DeploymentId ? { deploymentId: stage.DeploymentId } : {}),
    ...(stage.Description ? { description: stage.Description } : {}),
    ...(stage.LastUpdatedDate ? { lastUpdated: stage.LastUpdatedDate } : {}),
    ...(stage.CreatedDate ? { createdDate: stage.CreatedDate } : {}),
    ...(stage.AutoDeploy !== undefined ? { autoDeploy: stage.AutoDeploy } : {}),
    ...(throttling ? { throttling } : {}),
  };
}

async function withDeployment(clients: AwsClients, apiId: string, stage: DeployedStage): Promise<DeployedStage> {
  if (!stage.deploymentId) return stage;
  try {
    const d = await clients.v2.send(new GetDeploymentCommand({ ApiId: apiId, DeploymentId: stage.deploymentId }));
    return {
      ...stage,
      lastDeployment: {
        id: d.DeploymentId ?? stage.deploymentId,
        ...(d.CreatedDate ? { createdDate: d.CreatedDate } : {}),
        ...(d.Description ? { description: d.Description } : {}),
      },
    };
  } catch {
    return stage;
  }
}

function pages<Page extends { NextToken?: string | undefined }, Item>(
  fetchPage: (token: string | undefined) => Promise<Page>,
  itemsOf: (page: Page) => Item[] | undefined,
): Promise<Item[]> {
  return collect(paginate(fetchPage, itemsOf, (page) => page.NextToken));
}

export async function v2Stages(clients: AwsClients, api: V2Api): Promise<DeployedStage[]> {
  const stages = await pages(
    (token) => clients.v2.send(new GetStagesCommand({ ApiId: api.id, ...(token ? { NextToken: token } : {}) })),
    (page) => page.Items,
  );
  const mapped = stages.map((s) => v2Stage(clients, api, s)).sort((a, b) => compareText(a.name, b.name));
  return Promise.all(mapped.map((s) => withDeployment(clients, api.id, s)));
}

export async function getV2Stage(clients: AwsClients, api: V2Api, stageName: string): Promise<DeployedStage> {
  const stage = await clients.v2.send(new GetStageCommand({ ApiId: api.id, StageName: stageName }));
  return withDeployment(clients, api.id, v2Stage(clients, api, stage));
}

/** 'GET /pets/{id}' → method and path; '$default', '$connect' and other WebSocket keys have neither. */
function splitRouteKey(key: string): { method?: string; path?: string } {
  const match = /^([A-Z]+) (\/\S*)$/.exec(key);
  return match ? { method: match[1]!, path: match[2]! } : {};
}

function integrationOf(integration: Integration | undefined): DeployedRoute['integration'] {
  if (!integration) return undefined;
  return {
    ...(integration.IntegrationType ? { type: integration.IntegrationType } : {}),
    ...(integration.IntegrationUri ? { uri: integration.IntegrationUri } : {}),
    ...(integration.IntegrationMethod ? { httpMethod: integration.IntegrationMethod } : {}),
    ...(integration.IntegrationId ? { id: integration.IntegrationId } : {}),
  };
}

export async function v2Routes(clients: AwsClients, apiId: string): Promise<DeployedRoute[]> {
  const [routes, integrations] = await Promise.all([
    pages(
      (token) => clients.v2.send(new GetRoutesCommand({ ApiId: apiId, ...(token ? { NextToken: token } : {}) })),
      (page) => page.Items,
    ),
    pages(
      (token) => clients.v2.send(new GetIntegrationsCommand({ ApiId: apiId, ...(token ? { NextToken: token } : {}) })),
      (page) => page.Items,
    ),
  ]);
  const byId = new Map(integrations.map((i) => [i.IntegrationId ?? '', i]));
  return routes
    .map((route): DeployedRoute => {
      const key = route.RouteKey ?? '';
      const targetId = /^integrations\/(.+)$/.exec(route.Target ?? '')?.[1];
      const integration = integrationOf(targetId !== undefined ? byId.get(targetId) : undefined);
      return {
        key,
        id: route.RouteId ?? '',
        ...splitRouteKey(key),
        ...(integration ? { integration } : {}),
        ...(route.AuthorizationType ? { authorizationType: route.AuthorizationType } : {}),
        ...(route.AuthorizerId ? { authorizerId: route.AuthorizerId } : {}),
        ...(route.ApiKeyRequired !== undefined ? { apiKeyRequired: route.ApiKeyRequired } : {}),
      };
    })
    .sort((a, b) => compareText(a.path ?? a.key, b.path ?? b.key) || compareText(a.method ?? '', b.method ?? ''));
}

export async function v2Authorizers(clients: AwsClients, apiId: string): Promise<DeployedAuthorizer[]> {
  const authorizers = await pages(
    (token) => clients.v2.send(new GetAuthorizersCommand({ ApiId: apiId, ...(token ? { NextToken: token } : {}) })),
    (page) => page.Items,
  );
  return authorizers.map((a) => ({
    id: a.AuthorizerId ?? '',
    name: a.Name ?? a.AuthorizerId ?? '',
    type: a.AuthorizerType ?? '',
    ...(a.IdentitySource?.length ? { identitySource: a.IdentitySource.join(', ') } : {}),
  }));
}
