import { describeValue } from '../../model';
import type { Integration, Route, GatewayApi } from '../../model';
import type { ExplorerNode } from './nodes';

/**
 * How each kind of explorer node looks: label, description, tooltip, codicon and context value. Pure data,
 * so the look is unit-testable; the tree provider turns it into a `vscode.TreeItem`.
 */
export interface NodePresentation {
  label: string;
  description?: string;
  tooltip?: string;
  /** A codicon id (`symbol-method`), optionally with a theme color id for problems. */
  icon: string;
  iconColor?: string;
  contextValue: string;
  collapsible: boolean;
}

export function presentNode(node: ExplorerNode, relativePath: (file: string) => string): NodePresentation {
  switch (node.kind) {
    case 'file': {
      const label = relativePath(node.file);
      const message = node.failure?.error.message ?? firstError(node);
      return message === undefined
        ? { label, icon: 'file-code', contextValue: 'apigw.file', collapsible: true, tooltip: node.file }
        : {
            label,
            description: message,
            tooltip: `${node.file}\n${message}`,
            icon: 'error',
            iconColor: 'problemsErrorIcon.foreground',
            contextValue: 'apigw.file',
            collapsible: true,
          };
    }
    case 'api':
      return presentApi(node.api);
    case 'authorizers':
      return {
        label: 'Authorizers',
        description: String(node.api.authorizers.length),
        icon: 'shield',
        contextValue: 'apigw.authorizers',
        collapsible: true,
      };
    case 'route':
      return presentRoute(node.api, node.route);
    case 'integration':
      return presentIntegration(node.integration);
    case 'authorizer': {
      const type = node.authorizer.type ?? node.authorizer.authType ?? node.authorizer.schemeType;
      const isApiKey = node.authorizer.schemeType === 'apiKey' && node.authorizer.type === undefined;
      return {
        label: `${isApiKey ? 'API key' : 'Authorizer'}: ${node.authorizer.name}${type && !isApiKey ? ` (${type})` : ''}`,
        description: describeValue(node.authorizer.identitySource ?? node.authorizer.headerName),
        icon: 'shield',
        contextValue: 'apigw.authorizer',
        collapsible: false,
      };
    }
    case 'template':
      return {
        label: `Template: ${node.template.contentType}`,
        description: node.role === 'request' ? 'request' : `response ${node.statusCode ?? ''}`.trim(),
        tooltip: node.template.text,
        icon: 'symbol-snippet',
        contextValue: 'apigw.template',
        collapsible: false,
      };
    case 'parameter':
      return {
        label: `${node.parameter.in}: ${node.parameter.name}`,
        description: node.parameter.required ? 'required' : undefined,
        icon: 'symbol-parameter',
        contextValue: 'apigw.parameter',
        collapsible: false,
      };
    case 'problem': {
      const line = node.diagnostic.range.start.line + 1;
      return {
        label: node.diagnostic.message,
        description: `line ${line}`,
        tooltip: `${node.diagnostic.code}: ${node.diagnostic.message} (${node.file}:${line})`,
        icon: node.diagnostic.severity === 'error' ? 'error' : 'warning',
        iconColor:
          node.diagnostic.severity === 'error' ? 'problemsErrorIcon.foreground' : 'problemsWarningIcon.foreground',
        contextValue: 'apigw.problem',
        collapsible: false,
      };
    }
  }
}

function firstError(node: Extract<ExplorerNode, { kind: 'file' }>): string | undefined {
  return node.definition?.problems.find((p) => p.severity === 'error')?.message;
}

function presentApi(api: GatewayApi): NodePresentation {
  return {
    label: api.name,
    description: api.type,
    tooltip: api.typeReason,
    icon: api.type === 'WEBSOCKET' ? 'plug' : 'globe',
    contextValue: 'apigw.api',
    collapsible: true,
  };
}

/** "GET /pets"; a WebSocket route (or an HTTP API's `$default`) is shown by its route key alone. */
export function routeLabel(api: GatewayApi, route: Route): string {
  if (api.type === 'WEBSOCKET' || route.method === route.path) return route.path;
  return `${route.method} ${route.path}`;
}

function presentRoute(api: GatewayApi, route: Route): NodePresentation {
  const hasChildren =
    route.integration !== undefined || route.authorizerNames.length > 0 || route.parameters.length > 0;
  return {
    label: routeLabel(api, route),
    description: route.summary ?? route.operationId,
    tooltip: route.description ?? route.summary,
    icon: 'symbol-method',
    contextValue: 'apigw.route',
    collapsible: hasChildren,
  };
}

function presentIntegration(integration: Integration): NodePresentation {
  const hasTemplates =
    integration.requestTemplates.length > 0 || integration.responses.some((r) => r.responseTemplates.length > 0);
  return {
    label: `Integration: ${integration.type ?? 'unknown'}`,
    description: integrationTarget(integration),
    tooltip: describeValue(integration.uri),
    icon: 'plug',
    contextValue: 'apigw.integration',
    collapsible: hasTemplates,
  };
}

/** What an integration calls: the Lambda function's name, else its URI, else "mock". */
export function integrationTarget(integration: Integration): string | undefined {
  if (integration.lambdaFunction !== undefined) return functionName(integration.lambdaFunction);
  const uri = describeValue(integration.uri);
  if (uri !== undefined) return uri;
  return integration.type === 'MOCK' ? 'mock' : undefined;
}

/** `arn:aws:lambda:us-east-1:123:function:ListPets` → `ListPets`; a logical id stays as it is. */
function functionName(arnOrId: string): string {
  const match = /:function:([^:/]+)/.exec(arnOrId);
  return match?.[1] ?? arnOrId;
}
