import type { CustomDomain, DomainMapping } from '../../aws/domains/types';
import type { CanaryState, StageDeployment } from '../../aws/deployments/types';
import type {
  AwsProblem,
  AwsProblemKind,
  DeployedApiDetails,
  DeployedApiSummary,
  DeployedAuthorizer,
  DeployedRoute,
  DeployedStage,
} from '../../aws/types';
import type { ResolvedPlace } from './awsPlace';

/**
 * The nodes of the "AWS" view: plain data (a kind and what it shows), built here without `vscode`; the tree
 * provider turns them into TreeItems through awsPresentation.ts. Kinds start with "aws." so a node can never be
 * taken for a Workspace APIs node.
 *
 *   place (profile · region) → APIs (+ "Load more") → stages, "Routes" → routes, "Authorizers" → authorizers
 *                            → "Custom Domains" → domain names → their API mappings
 *
 * and, where children could not be listed, one placeholder: loading, empty, sign in, or error with Retry.
 */
export type AwsNode =
  | { kind: 'aws.place'; resolved: ResolvedPlace; account?: string; arn?: string }
  | { kind: 'aws.api'; api: DeployedApiSummary; region: string }
  /** `customDomainUrls`: the stage's URLs on the place's custom domains (absent when they could not be listed). */
  | { kind: 'aws.stage'; api: DeployedApiSummary; stage: DeployedStage; customDomainUrls?: string[] }
  | { kind: 'aws.domains'; place: AwsPlaceNode }
  /** `apis`: the place's APIs the view has listed, by id (to name the mapped APIs). */
  | { kind: 'aws.domain'; domain: CustomDomain; apis?: ReadonlyMap<string, DeployedApiSummary> }
  /** `api`: the mapped API when the view knows it (its name and kind). */
  | { kind: 'aws.domainMapping'; domain: CustomDomain; mapping: DomainMapping; api?: DeployedApiSummary }
  /** A stage's history (its children): each deployment, its canary (REST) and its WAF web ACL. */
  | { kind: 'aws.deployment'; api: DeployedApiSummary; stage: DeployedStage; deployment: StageDeployment }
  | { kind: 'aws.canary'; api: DeployedApiSummary; stage: DeployedStage; canary: CanaryState }
  | { kind: 'aws.webAcl'; api: DeployedApiSummary; stage: DeployedStage; arn: string }
  | { kind: 'aws.routes'; api: DeployedApiSummary; routes: DeployedRoute[]; authorizers: DeployedAuthorizer[] }
  | { kind: 'aws.route'; api: DeployedApiSummary; route: DeployedRoute; authorizer?: DeployedAuthorizer }
  | { kind: 'aws.authorizers'; api: DeployedApiSummary; authorizers: DeployedAuthorizer[] }
  | { kind: 'aws.authorizer'; api: DeployedApiSummary; authorizer: DeployedAuthorizer }
  | { kind: 'aws.loading'; message: string }
  | { kind: 'aws.empty'; message: string }
  /** No usable credentials: clicking it opens the profile picker. */
  | { kind: 'aws.signIn'; problem: AwsProblem }
  /** Any other failure: clicking it (Retry) lists `retry`'s children again (the whole view when undefined). */
  | { kind: 'aws.error'; problem: AwsProblem; retry?: AwsNode }
  | { kind: 'aws.loadMore'; place: AwsPlaceNode; loaded: number };

export type AwsPlaceNode = Extract<AwsNode, { kind: 'aws.place' }>;
export type AwsApiNode = Extract<AwsNode, { kind: 'aws.api' }>;
export type AwsStageNode = Extract<AwsNode, { kind: 'aws.stage' }>;

/** The AWS view node a command was invoked on (a tree menu or a TreeItem's command), if any. */
export function asAwsNode(arg: unknown): AwsNode | undefined {
  if (typeof arg !== 'object' || arg === null) return undefined;
  const kind = (arg as { kind?: unknown }).kind;
  return typeof kind === 'string' && kind.startsWith('aws.') ? (arg as AwsNode) : undefined;
}

/** The problems more credentials fix: shown as "Sign in…", which opens the profile picker. */
const signInKinds: ReadonlySet<AwsProblemKind> = new Set(['noCredentials', 'expiredCredentials', 'ssoLoginNeeded']);

/** The placeholder shown instead of children that could not be listed. */
export function problemNode(problem: AwsProblem, retry: AwsNode | undefined): AwsNode {
  if (signInKinds.has(problem.kind)) return { kind: 'aws.signIn', problem };
  return retry === undefined ? { kind: 'aws.error', problem } : { kind: 'aws.error', problem, retry };
}

/** APIs sorted by name (then id), so the order does not depend on how AWS pages them. */
export function apiNodes(apis: readonly DeployedApiSummary[], region: string): AwsNode[] {
  return [...apis]
    .sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || a.id.localeCompare(b.id))
    .map((api) => ({ kind: 'aws.api', api, region }));
}

/** An API's children: its stages, then "Routes" and (when it has any) "Authorizers". */
export function detailNodes(details: DeployedApiDetails): AwsNode[] {
  const { api } = details;
  const stages = [...details.stages]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((stage): AwsNode => ({ kind: 'aws.stage', api, stage }));
  const out: AwsNode[] = stages.length > 0 ? stages : [{ kind: 'aws.empty', message: 'No stages: not deployed' }];
  out.push({ kind: 'aws.routes', api, routes: details.routes, authorizers: details.authorizers });
  if (details.authorizers.length > 0) out.push({ kind: 'aws.authorizers', api, authorizers: details.authorizers });
  return out;
}

/** The children that come with their parent (no AWS call), or undefined for the nodes that load theirs. */
export function presentChildren(node: AwsNode): AwsNode[] | undefined {
  switch (node.kind) {
    case 'aws.place':
    case 'aws.api':
    case 'aws.stage':
      return undefined;
    case 'aws.routes':
      return node.routes.length === 0
        ? [{ kind: 'aws.empty', message: 'No routes' }]
        : [...node.routes].sort(compareRoutes).map((route) => routeNode(node.api, route, node.authorizers));
    case 'aws.authorizers':
      return node.authorizers.map((authorizer) => ({ kind: 'aws.authorizer', api: node.api, authorizer }));
    case 'aws.domain':
      return node.domain.mappings.length === 0
        ? [{ kind: 'aws.empty', message: 'No API mappings' }]
        : node.domain.mappings.map((mapping): AwsNode => {
            const api = node.apis?.get(mapping.apiId);
            return api
              ? { kind: 'aws.domainMapping', domain: node.domain, mapping, api }
              : { kind: 'aws.domainMapping', domain: node.domain, mapping };
          });
    case 'aws.domains':
      return undefined;
    default:
      return [];
  }
}

function routeNode(api: DeployedApiSummary, route: DeployedRoute, authorizers: DeployedAuthorizer[]): AwsNode {
  const authorizer = authorizers.find((a) => a.id === route.authorizerId);
  return authorizer ? { kind: 'aws.route', api, route, authorizer } : { kind: 'aws.route', api, route };
}

/** By path, then method: the order of the console's resource tree. */
function compareRoutes(a: DeployedRoute, b: DeployedRoute): number {
  const pathA = a.path ?? a.key;
  const pathB = b.path ?? b.key;
  return pathA.localeCompare(pathB) || (a.method ?? '').localeCompare(b.method ?? '') || a.key.localeCompare(b.key);
}

/** A key unique among siblings and stable across refreshes, so the view keeps what was expanded. */
export function nodeKey(node: AwsNode): string {
  switch (node.kind) {
    case 'aws.place': {
      const { place } = node.resolved;
      return `place:${place.profile ?? ''}@${place.region}@${place.endpointUrl ?? ''}`;
    }
    case 'aws.api':
      return `api:${node.api.kind}:${node.api.id}`;
    case 'aws.stage':
      return `stage:${node.stage.name}`;
    case 'aws.routes':
      return 'routes';
    case 'aws.route':
      return `route:${node.route.id}:${node.route.key}`;
    case 'aws.authorizers':
      return 'authorizers';
    case 'aws.authorizer':
      return `authorizer:${node.authorizer.id}`;
    case 'aws.domains':
      return 'domains';
    case 'aws.domain':
      return `domain:${node.domain.name}`;
    case 'aws.domainMapping':
      return `mapping:${node.mapping.basePath}`;
    case 'aws.deployment':
      return `deployment:${node.deployment.id}`;
    case 'aws.canary':
      return 'canary';
    case 'aws.webAcl':
      return 'webAcl';
    case 'aws.empty':
      return `empty:${node.message}`;
    default:
      return node.kind;
  }
}
