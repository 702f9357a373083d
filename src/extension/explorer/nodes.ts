import type {
  Authorizer,
  DefinitionFile,
  GatewayApi,
  Integration,
  MappingTemplate,
  Parameter,
  ReadFailure,
  Route,
  SourceLocation,
} from '../../model';
import type { Diagnostic } from '../../shared/diagnostic';

/**
 * The nodes of the "Workspace APIs" tree: plain data (a kind and the model element it shows). Turning a node
 * into a `vscode.TreeItem` happens in one place, the tree provider; this module never imports `vscode`.
 */
export type ExplorerNode =
  | { kind: 'file'; file: string; definition?: DefinitionFile; failure?: ReadFailure }
  | { kind: 'api'; api: GatewayApi }
  | { kind: 'authorizers'; api: GatewayApi }
  | { kind: 'route'; api: GatewayApi; route: Route }
  | { kind: 'integration'; route: Route; integration: Integration }
  | { kind: 'authorizer'; authorizer: Authorizer; usedBy?: Route; file: string }
  | { kind: 'template'; template: MappingTemplate; role: 'request' | 'response'; statusCode?: string }
  | { kind: 'parameter'; parameter: Parameter }
  | { kind: 'problem'; file: string; diagnostic: Diagnostic };

/** One indexed file: what the workspace index holds for it. */
export interface IndexedFile {
  file: string;
  result: { ok: true; definition: DefinitionFile } | { ok: false; failure: ReadFailure };
}

export function fileNode(entry: IndexedFile): ExplorerNode {
  return entry.result.ok
    ? { kind: 'file', file: entry.file, definition: entry.result.definition }
    : { kind: 'file', file: entry.file, failure: entry.result.failure };
}

/** The children of a node; pure and cheap (the model is already in memory). */
export function childrenOf(node: ExplorerNode): ExplorerNode[] {
  switch (node.kind) {
    case 'file':
      return fileChildren(node);
    case 'api':
      return apiChildren(node.api);
    case 'authorizers':
      return node.api.authorizers.map((authorizer) => ({ kind: 'authorizer', authorizer, file: node.api.loc.file }));
    case 'route':
      return routeChildren(node.api, node.route);
    case 'integration':
      return integrationChildren(node.integration);
    default:
      return [];
  }
}

function fileChildren(node: Extract<ExplorerNode, { kind: 'file' }>): ExplorerNode[] {
  if (node.failure) return [{ kind: 'problem', file: node.file, diagnostic: node.failure.error }];
  const definition = node.definition;
  if (!definition) return [];
  const errors = definition.problems.filter((p) => p.severity === 'error');
  return [
    ...errors.map((diagnostic): ExplorerNode => ({ kind: 'problem', file: diagnostic.file ?? node.file, diagnostic })),
    ...definition.apis.map((api): ExplorerNode => ({ kind: 'api', api })),
  ];
}

function apiChildren(api: GatewayApi): ExplorerNode[] {
  const routes = api.routes.map((route): ExplorerNode => ({ kind: 'route', api, route }));
  return api.authorizers.length > 0 ? [{ kind: 'authorizers', api }, ...routes] : routes;
}

function routeChildren(api: GatewayApi, route: Route): ExplorerNode[] {
  const out: ExplorerNode[] = [];
  if (route.integration) out.push({ kind: 'integration', route, integration: route.integration });
  // Authorizers, and API-key schemes (which API Gateway treats as "API key required", not as an authorizer).
  const names = new Set(route.authorizerNames);
  for (const requirement of route.security ?? api.security)
    for (const name of Object.keys(requirement)) names.add(name);
  for (const name of names) {
    const authorizer = api.authorizers.find((a) => a.name === name);
    if (authorizer) out.push({ kind: 'authorizer', authorizer, usedBy: route, file: api.loc.file });
  }
  for (const parameter of route.parameters) out.push({ kind: 'parameter', parameter });
  return out;
}

function integrationChildren(integration: Integration): ExplorerNode[] {
  const out: ExplorerNode[] = integration.requestTemplates.map((template) => ({
    kind: 'template',
    template,
    role: 'request',
  }));
  for (const response of integration.responses) {
    for (const template of response.responseTemplates) {
      out.push({ kind: 'template', template, role: 'response', statusCode: response.statusCode ?? response.pattern });
    }
  }
  return out;
}

/** Where a node was written, so selecting it can reveal the range. */
export function locationOf(node: ExplorerNode): SourceLocation | undefined {
  switch (node.kind) {
    case 'file':
      return undefined;
    case 'api':
    case 'authorizers':
      return node.api.loc;
    case 'route':
      return node.route.loc;
    case 'integration':
      return node.integration.loc;
    case 'authorizer':
      return node.authorizer.loc;
    case 'template':
      return node.template.loc;
    case 'parameter':
      return node.parameter.loc;
    case 'problem':
      return { file: node.file, range: node.diagnostic.range, pointer: '' };
  }
}

/** The file a node belongs to (every node has one). */
export function fileOf(node: ExplorerNode): string | undefined {
  if (node.kind === 'file' || node.kind === 'problem') return node.file;
  return locationOf(node)?.file;
}
