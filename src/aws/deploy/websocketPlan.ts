// The calls that bring a WebSocket API to what its AWS::ApiGatewayV2 resources declare — only those the plan
// changes: CreateApi / UpdateApi, CreateAuthorizer / UpdateAuthorizer, CreateIntegration / UpdateIntegration (and
// their responses), CreateRoute / UpdateRoute / DeleteRoute (and route responses), CreateStage / UpdateStage,
// CreateDeployment. Parts created in this plan are named by `{ref:…}` placeholders that applyPlan replaces with
// the ids AWS returns (a route's Target becomes `integrations/{id}`).
import { dict } from '../../shared/dict';
import { canonicalJson } from './normalizeParts';
import type { ApiShape, DeploySource, DeployStep, RouteShape, StepContext, WebSocketIntegration } from './types';
import { desiredWebSocketShape, projectOnto } from './websocketShape';

const ref = (name: string): string => `{ref:${name}}`;
const differs = (a: unknown, b: unknown): boolean => canonicalJson(a ?? {}) !== canonicalJson(b ?? {});

export function planWebSocketSteps(
  desired: DeploySource,
  current: ApiShape | undefined,
  ctx: StepContext,
): DeployStep[] {
  const ws = desired.websocket;
  if (ws === undefined) return [];
  const { target } = ctx;
  const want = desiredWebSocketShape(ws);
  const have = current === undefined ? undefined : projectOnto(current, want);
  const ids = current?.ids;
  const apiId = target.apiId ?? ref('api');
  const steps: DeployStep[] = [];
  const api = (operation: string, title: string, input: Record<string, unknown>, produces?: string): void => {
    const step: DeployStep = { operation, title, input: { ApiId: apiId, ...input }, changesApi: true };
    if (produces !== undefined) step.produces = produces;
    steps.push(step);
  };

  if (ctx.creating) {
    steps.push({
      operation: 'CreateApi',
      title: `Create WebSocket API "${desired.apiName}"`,
      input: { ...ws.api, ProtocolType: 'WEBSOCKET' },
      changesApi: true,
      produces: 'api',
    });
  } else if (differs(want.settings, have?.settings)) {
    api('UpdateApi', `Update the settings of API ${target.apiId}`, { ...ws.api });
  }

  const authorizerIds = new Map<string, string>();
  for (const a of ws.authorizers) {
    const existing = ids?.authorizers[a.name];
    authorizerIds.set(a.logicalId, existing ?? ref(`authorizer/${a.logicalId}`));
    if (existing === undefined)
      api(
        'CreateAuthorizer',
        `Create authorizer ${a.name}`,
        { ...a.settings, Name: a.name },
        `authorizer/${a.logicalId}`,
      );
    else if (differs(want.authorizers[a.name], have?.authorizers[a.name])) {
      api('UpdateAuthorizer', `Update authorizer ${a.name}`, { AuthorizerId: existing, ...a.settings, Name: a.name });
    }
  }

  const integrationIds = new Map<string, string>();
  for (const integration of ws.integrations) {
    const route = ws.routes.find(
      (r) => r.integration === integration.logicalId && ids?.integrationByRoute[r.routeKey] !== undefined,
    );
    const existing = route === undefined ? undefined : ids?.integrationByRoute[route.routeKey];
    const label = integrationLabel(integration, ws.routes);
    integrationIds.set(integration.logicalId, existing ?? ref(`integration/${integration.logicalId}`));
    const wanted = route === undefined ? undefined : want.routes[route.routeKey];
    const deployed = route === undefined ? undefined : have?.routes[route.routeKey];
    if (existing === undefined) {
      api(
        'CreateIntegration',
        `Create integration ${label}`,
        { ...integration.settings },
        `integration/${integration.logicalId}`,
      );
    } else if (differs(wanted?.integration, deployed?.integration)) {
      api('UpdateIntegration', `Update integration ${label}`, { IntegrationId: existing, ...integration.settings });
    }
    const integrationId = existing ?? ref(`integration/${integration.logicalId}`);
    for (const response of integration.responses) {
      const responseId = existing === undefined ? undefined : ids?.integrationResponses[`${existing} ${response.key}`];
      const input = { IntegrationId: integrationId, IntegrationResponseKey: response.key, ...response.settings };
      if (responseId === undefined)
        api('CreateIntegrationResponse', `Create response ${response.key} of integration ${label}`, input);
      else if (differs(wanted?.integrationResponses?.[response.key], deployed?.integrationResponses?.[response.key])) {
        api('UpdateIntegrationResponse', `Update response ${response.key} of integration ${label}`, {
          ...input,
          IntegrationResponseId: responseId,
        });
      }
    }
  }

  for (const route of ws.routes) {
    const existing = ids?.routes[route.routeKey];
    const input = Object.assign(dict<unknown>(), route.settings);
    const integrationId =
      route.integration?.startsWith('id:') === true
        ? route.integration.slice(3)
        : integrationIds.get(route.integration ?? '');
    if (integrationId !== undefined) input['Target'] = `integrations/${integrationId}`;
    const authorizerId = authorizerIds.get(route.authorizer ?? '');
    if (authorizerId !== undefined) input['AuthorizerId'] = authorizerId;
    if (existing === undefined) {
      api(
        'CreateRoute',
        `Create route ${route.routeKey}`,
        { RouteKey: route.routeKey, ...input },
        `route/${route.logicalId}`,
      );
    } else if (
      routeChanged(
        want.routes[route.routeKey],
        have?.routes[route.routeKey],
        ids?.integrationByRoute[route.routeKey],
        integrationId,
      )
    ) {
      api('UpdateRoute', `Update route ${route.routeKey}`, { RouteId: existing, RouteKey: route.routeKey, ...input });
    }
    const routeId = existing ?? ref(`route/${route.logicalId}`);
    for (const response of route.responses) {
      const responseId = existing === undefined ? undefined : ids?.routeResponses[`${route.routeKey} ${response.key}`];
      const responseInput = { RouteId: routeId, RouteResponseKey: response.key, ...response.settings };
      if (responseId === undefined)
        api('CreateRouteResponse', `Create response ${response.key} of route ${route.routeKey}`, responseInput);
      else if (
        differs(
          want.routes[route.routeKey]?.responses?.[response.key],
          have?.routes[route.routeKey]?.responses?.[response.key],
        )
      ) {
        api('UpdateRouteResponse', `Update response ${response.key} of route ${route.routeKey}`, {
          ...responseInput,
          RouteResponseId: responseId,
        });
      }
    }
  }

  for (const [routeKey, routeId] of Object.entries(ids?.routes ?? {})) {
    if (!ws.routes.some((r) => r.routeKey === routeKey))
      api('DeleteRoute', `Delete route ${routeKey}`, { RouteId: routeId });
  }
  const apiChanged = steps.length > 0;
  const autoDeploy = ctx.stage?.autoDeploy ?? desired.stage?.autoDeploy ?? false;
  const variables = Object.keys(ctx.variables).length > 0 ? { StageVariables: { ...ctx.variables } } : {};
  if (ctx.stage === undefined) {
    const input = Object.assign(dict<unknown>(), { ApiId: apiId, StageName: target.stage }, variables);
    if (autoDeploy) input['AutoDeploy'] = true;
    steps.push({ operation: 'CreateStage', title: `Create stage ${target.stage}`, input, changesStage: true });
  } else if (ctx.stageChanges.length > 0) {
    steps.push({
      operation: 'UpdateStage',
      title: `Set the variables of stage ${target.stage}`,
      input: { ApiId: apiId, StageName: target.stage, ...variables },
      changesStage: true,
    });
  }
  if ((apiChanged || ctx.stage === undefined) && !autoDeploy) {
    steps.push({
      operation: 'CreateDeployment',
      title: `Deploy to stage ${target.stage}`,
      input: {
        ApiId: apiId,
        StageName: target.stage,
        ...(target.description ? { Description: target.description } : {}),
      },
      changesStage: true,
    });
  }
  return steps;
}

function routeChanged(
  want: RouteShape | undefined,
  have: RouteShape | undefined,
  deployedIntegration: string | undefined,
  integrationId: string | undefined,
): boolean {
  return (
    differs(want?.settings, have?.settings) || (integrationId !== undefined && integrationId !== deployedIntegration)
  );
}

function integrationLabel(
  integration: WebSocketIntegration,
  routes: NonNullable<DeploySource['websocket']>['routes'],
): string {
  const keys = routes.filter((r) => r.integration === integration.logicalId).map((r) => r.routeKey);
  return keys.length === 0 ? integration.logicalId : `of ${keys.join(', ')}`;
}
