// What a deployed REST API holds (API Gateway v1): stages with their invoke URL, variables, stage-wide throttling
// (the `*/*` method settings) and deployment; one route per method of every resource (GetResources with
// embed=methods, so integrations come in the same pages); authorizers.
import {
  GetAuthorizersCommand,
  GetDeploymentCommand,
  GetResourcesCommand,
  GetStageCommand,
  GetStagesCommand,
  type Stage,
} from '@aws-sdk/client-api-gateway';
import { canaryOf } from './deployments/history';
import { invokeUrlOf } from './invokeUrls';
import { collect, paginate } from './paginate';
import type { AwsClients, DeployedAuthorizer, DeployedRoute, DeployedStage } from './types';

const pageSize = 500;

/** Code-point order: the same on every machine, whatever its locale. */
const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function restStage(clients: AwsClients, apiId: string, stage: Stage): DeployedStage {
  const name = stage.stageName ?? '';
  const all = stage.methodSettings?.['*/*'];
  const throttling =
    all && (all.throttlingBurstLimit !== undefined || all.throttlingRateLimit !== undefined)
      ? {
          ...(all.throttlingBurstLimit !== undefined ? { burstLimit: all.throttlingBurstLimit } : {}),
          ...(all.throttlingRateLimit !== undefined ? { rateLimit: all.throttlingRateLimit } : {}),
        }
      : undefined;
  const canary = canaryOf(stage);
  return {
    apiId,
    name,
    invokeUrl: invokeUrlOf('REST', apiId, clients.place.region, name, undefined),
    variables: { ...stage.variables },
    ...(stage.deploymentId ? { deploymentId: stage.deploymentId } : {}),
    ...(stage.description ? { description: stage.description } : {}),
    ...(stage.lastUpdatedDate ? { lastUpdated: stage.lastUpdatedDate } : {}),
    ...(stage.createdDate ? { createdDate: stage.createdDate } : {}),
    ...(throttling ? { throttling } : {}),
    ...(canary ? { canary } : {}),
    ...(stage.webAclArn ? { webAclArn: stage.webAclArn } : {}),
  };
}

/** Adds the deployment a stage serves; a deployment that cannot be read leaves the stage as it is. */
async function withDeployment(clients: AwsClients, apiId: string, stage: DeployedStage): Promise<DeployedStage> {
  if (!stage.deploymentId) return stage;
  try {
    const d = await clients.rest.send(new GetDeploymentCommand({ restApiId: apiId, deploymentId: stage.deploymentId }));
    return {
      ...stage,
      lastDeployment: {
        id: d.id ?? stage.deploymentId,
        ...(d.createdDate ? { createdDate: d.createdDate } : {}),
        ...(d.description ? { description: d.description } : {}),
      },
    };
  } catch {
    return stage;
  }
}

export async function restStages(clients: AwsClients, apiId: string): Promise<DeployedStage[]> {
  const { item = [] } = await clients.rest.send(new GetStagesCommand({ restApiId: apiId }));
  const stages = item.map((s) => restStage(clients, apiId, s)).sort((a, b) => compareText(a.name, b.name));
  return Promise.all(stages.map((s) => withDeployment(clients, apiId, s)));
}

export async function getRestStage(clients: AwsClients, apiId: string, stageName: string): Promise<DeployedStage> {
  const stage = await clients.rest.send(new GetStageCommand({ restApiId: apiId, stageName }));
  return withDeployment(clients, apiId, restStage(clients, apiId, stage));
}

export async function restRoutes(clients: AwsClients, apiId: string): Promise<DeployedRoute[]> {
  const resources = await collect(
    paginate(
      (position) =>
        clients.rest.send(
          new GetResourcesCommand({
            restApiId: apiId,
            embed: ['methods'],
            limit: pageSize,
            ...(position ? { position } : {}),
          }),
        ),
      (page) => page.items,
      (page) => page.position,
    ),
  );
  const routes: DeployedRoute[] = [];
  for (const resource of resources) {
    const path = resource.path ?? '/';
    for (const [verb, method] of Object.entries(resource.resourceMethods ?? {})) {
      const httpMethod = method.httpMethod ?? verb;
      const integration = method.methodIntegration;
      routes.push({
        key: `${httpMethod} ${path}`,
        id: resource.id ?? '',
        ...(resource.id ? { resourceId: resource.id } : {}),
        method: httpMethod,
        path,
        ...(integration
          ? {
              integration: {
                ...(integration.type ? { type: integration.type } : {}),
                ...(integration.uri ? { uri: integration.uri } : {}),
                ...(integration.httpMethod ? { httpMethod: integration.httpMethod } : {}),
              },
            }
          : {}),
        ...(method.authorizationType ? { authorizationType: method.authorizationType } : {}),
        ...(method.authorizerId ? { authorizerId: method.authorizerId } : {}),
        ...(method.apiKeyRequired !== undefined ? { apiKeyRequired: method.apiKeyRequired } : {}),
      });
    }
  }
  return routes.sort((a, b) => compareText(a.path ?? '', b.path ?? '') || compareText(a.method ?? '', b.method ?? ''));
}

export async function restAuthorizers(clients: AwsClients, apiId: string): Promise<DeployedAuthorizer[]> {
  const authorizers = await collect(
    paginate(
      (position) =>
        clients.rest.send(
          new GetAuthorizersCommand({ restApiId: apiId, limit: pageSize, ...(position ? { position } : {}) }),
        ),
      (page) => page.items,
      (page) => page.position,
    ),
  );
  return authorizers.map((a) => ({
    id: a.id ?? '',
    name: a.name ?? a.id ?? '',
    type: a.type ?? '',
    ...(a.identitySource ? { identitySource: a.identitySource } : {}),
  }));
}
