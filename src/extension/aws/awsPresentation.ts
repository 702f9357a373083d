import type { DeployedApiSummary, DeployedRoute, DeployedStage } from '../../aws/types';
import type { AwsNode } from './awsNodes';
import { awsCommandIds } from './awsCommandIds';
import { placeTitle } from './awsPlace';
import { presentStageOperationNode, stageOperationLines } from '../stageOperations/stagePresentation';
import { customDomainLines, presentDomainNode, stageDescription } from './domainPresentation';

/** Command ids the view's nodes run when clicked (contributed in package.json). */
export { awsCommandIds };

/**
 * How a node of the AWS view looks: pure data (label, description, tooltip, codicon, context value, click), so
 * the look is unit-tested; awsApisProvider.ts turns it into a TreeItem. Context values are `apigw.aws.<kind>`,
 * with the API type for APIs, stages and routes (`apigw.aws.stage.rest`), which the menus key on.
 */
export interface AwsNodePresentation {
  label: string;
  description?: string;
  tooltip?: string;
  icon: string;
  iconColor?: string;
  contextValue: string;
  collapsible: 'none' | 'collapsed' | 'expanded';
  command?: { id: string; title: string; node: AwsNode };
}

const kindLabels: Record<DeployedApiSummary['kind'], string> = { REST: 'REST', HTTP: 'HTTP', WEBSOCKET: 'WebSocket' };

export function presentAwsNode(node: AwsNode): AwsNodePresentation {
  switch (node.kind) {
    case 'aws.place':
      return presentPlace(node);
    case 'aws.api':
      return {
        label: node.api.name,
        description: `${kindLabels[node.api.kind]} · ${node.api.id}`,
        tooltip: apiTooltip(node.api, node.region),
        icon: node.api.kind === 'WEBSOCKET' ? 'plug' : 'globe',
        contextValue: `apigw.aws.api.${node.api.kind.toLowerCase()}`,
        collapsible: 'collapsed',
      };
    case 'aws.stage':
      return {
        label: node.stage.name,
        description: stageDescription(node.stage.invokeUrl, node.customDomainUrls),
        tooltip: [stageTooltip(node.api, node.stage), ...customDomainLines(node.customDomainUrls)].join('\n'),
        icon: 'rocket',
        contextValue: `apigw.aws.stage.${node.api.kind.toLowerCase()}`,
        collapsible: 'collapsed',
      };
    case 'aws.routes':
      return {
        label: node.api.kind === 'REST' ? 'Resources' : 'Routes',
        description: String(node.routes.length),
        icon: 'list-tree',
        contextValue: 'apigw.aws.routes',
        collapsible: 'collapsed',
      };
    case 'aws.route':
      return {
        label: node.route.key,
        description: routeDescription(node.route, node.authorizer?.name),
        tooltip: routeTooltip(node.route, node.authorizer?.name),
        icon: 'symbol-method',
        contextValue: `apigw.aws.route.${node.api.kind.toLowerCase()}`,
        collapsible: 'none',
      };
    case 'aws.authorizers':
      return {
        label: 'Authorizers',
        description: String(node.authorizers.length),
        icon: 'shield',
        contextValue: 'apigw.aws.authorizers',
        collapsible: 'collapsed',
      };
    case 'aws.authorizer': {
      const { authorizer } = node;
      return {
        label: authorizer.name,
        description: [authorizer.type, authorizer.identitySource].filter(Boolean).join(' · '),
        tooltip: lines([
          `Authorizer ${authorizer.name} (${authorizer.id})`,
          `Type: ${authorizer.type}`,
          authorizer.identitySource && `Identity source: ${authorizer.identitySource}`,
        ]),
        icon: 'shield',
        contextValue: 'apigw.aws.authorizer',
        collapsible: 'none',
      };
    }
    case 'aws.domains':
    case 'aws.domain':
    case 'aws.domainMapping':
      return presentDomainNode(node);
    case 'aws.deployment':
    case 'aws.canary':
    case 'aws.webAcl':
      return presentStageOperationNode(node);
    case 'aws.loading':
      return { label: node.message, icon: 'loading~spin', contextValue: 'apigw.aws.loading', collapsible: 'none' };
    case 'aws.empty':
      return { label: node.message, icon: 'info', contextValue: 'apigw.aws.empty', collapsible: 'none' };
    case 'aws.signIn':
      return {
        label: 'Sign in…',
        description: node.problem.message,
        tooltip: `${node.problem.message}\n\nClick to choose another AWS profile.`,
        icon: 'account',
        iconColor: 'problemsWarningIcon.foreground',
        contextValue: 'apigw.aws.signIn',
        collapsible: 'none',
        command: { id: awsCommandIds.chooseProfile, title: 'Choose AWS Profile', node },
      };
    case 'aws.error':
      return {
        label: node.problem.message,
        description: 'Retry',
        tooltip: lines([
          node.problem.message,
          node.problem.operation && `Operation: ${node.problem.operation}`,
          node.problem.requestId && `Request id: ${node.problem.requestId}`,
          '',
          'Click to try again.',
        ]),
        icon: 'error',
        iconColor: 'problemsErrorIcon.foreground',
        contextValue: 'apigw.aws.error',
        collapsible: 'none',
        command: { id: awsCommandIds.refresh, title: 'Retry', node },
      };
    case 'aws.loadMore':
      return {
        label: 'Load more…',
        description: `${node.loaded} shown`,
        icon: 'ellipsis',
        contextValue: 'apigw.aws.loadMore',
        collapsible: 'none',
        command: { id: awsCommandIds.loadMore, title: 'Load More', node },
      };
  }
}

function presentPlace(node: Extract<AwsNode, { kind: 'aws.place' }>): AwsNodePresentation {
  const { resolved } = node;
  const endpoint = resolved.place.endpointUrl;
  const regionFrom = {
    setting: 'the setting apigw.aws.region',
    profile: 'the profile',
    environment: 'AWS_REGION',
    default: 'the default',
  }[resolved.regionSource];
  return {
    label: placeTitle(resolved),
    description: [node.account, endpoint && `→ ${endpoint}`].filter(Boolean).join(' '),
    tooltip: lines([
      `Profile: ${resolved.place.profile ?? `${resolved.profileLabel} (the SDK's default credential chain)`}`,
      `Region: ${resolved.place.region} (from ${regionFrom})`,
      endpoint && `Endpoint: ${endpoint} (the setting apigw.aws.endpointUrl)`,
      node.account && `Account: ${node.account}`,
      node.arn && `Identity: ${node.arn}`,
    ]),
    icon: 'cloud',
    contextValue: 'apigw.aws.place',
    collapsible: 'expanded',
  };
}

function apiTooltip(api: DeployedApiSummary, region: string): string {
  return lines([
    `${api.name} (${kindLabels[api.kind]} API ${api.id}, ${region})`,
    api.description,
    api.apiEndpoint && `Endpoint: ${api.apiEndpoint}`,
    api.endpointTypes && api.endpointTypes.length > 0 && `Endpoint type: ${api.endpointTypes.join(', ')}`,
    api.version && `Version: ${api.version}`,
    api.createdDate && `Created: ${formatDate(api.createdDate)}`,
  ]);
}

function stageTooltip(api: DeployedApiSummary, stage: DeployedStage): string {
  const variables = Object.entries(stage.variables).sort(([a], [b]) => a.localeCompare(b));
  const { throttling } = stage;
  return lines([
    `Stage ${stage.name} of ${api.name} (${api.id})`,
    `Invoke URL: ${stage.invokeUrl}`,
    stage.description,
    `Last deployment: ${stage.deploymentId ?? 'none'}${stage.lastUpdated ? `, updated ${formatDate(stage.lastUpdated)}` : ''}`,
    stage.autoDeploy !== undefined && `Auto-deploy: ${stage.autoDeploy ? 'on' : 'off'}`,
    throttling &&
      (throttling.burstLimit !== undefined || throttling.rateLimit !== undefined) &&
      `Throttling: burst ${throttling.burstLimit ?? '-'}, rate ${throttling.rateLimit ?? '-'} requests/s`,
    variables.length === 0 ? 'Stage variables: none' : 'Stage variables:',
    ...variables.map(([name, value]) => `  ${name} = ${value}`),
    ...stageOperationLines(stage),
  ]);
}

function routeDescription(route: DeployedRoute, authorizerName: string | undefined): string {
  const integration = route.integration;
  const parts = [
    integration ? [integration.type, integrationTarget(route)].filter(Boolean).join(' ') : 'no integration',
  ];
  const auth = authorization(route, authorizerName);
  if (auth !== undefined) parts.push(auth);
  if (route.apiKeyRequired) parts.push('API key');
  return parts.join(' · ');
}

function routeTooltip(route: DeployedRoute, authorizerName: string | undefined): string {
  const integration = route.integration;
  return lines([
    route.key,
    integration
      ? `Integration: ${integration.type ?? 'unknown'}${integration.httpMethod ? ` ${integration.httpMethod}` : ''}${integration.uri ? ` ${integration.uri}` : ''}`
      : 'Integration: none',
    `Authorization: ${authorization(route, authorizerName) ?? 'NONE'}`,
    route.apiKeyRequired && 'API key required',
  ]);
}

/** "CUSTOM (MyAuthorizer)", "AWS_IAM", or undefined for none. */
function authorization(route: DeployedRoute, authorizerName: string | undefined): string | undefined {
  const type = route.authorizationType;
  if (type === undefined || type === 'NONE') return authorizerName;
  return authorizerName ? `${type} (${authorizerName})` : type;
}

/**
 * What an integration calls: a Lambda function's name, an AWS service action (`dynamodb:action/PutItem`), an
 * HTTP URL, or "mock".
 */
export function integrationTarget(route: DeployedRoute): string | undefined {
  const uri = route.integration?.uri;
  if (uri === undefined || uri === '') return route.integration?.type === 'MOCK' ? 'mock' : undefined;
  const lambda = /:function:([^:/]+)/.exec(uri);
  if (lambda) return lambda[1];
  const service = /^arn:[^:]+:apigateway:[^:]*:(.+)$/.exec(uri);
  if (service) return service[1];
  return uri;
}

/** "2024-05-01 12:00 UTC". */
export function formatDate(date: Date | string): string {
  const value = date instanceof Date ? date : new Date(date);
  if (Number.isNaN(value.getTime())) return String(date);
  return `${value.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function lines(parts: Array<string | false | undefined | null>): string {
  return parts.filter((p): p is string => typeof p === 'string').join('\n');
}
