import type { SourceNode } from '../sourceNode';
import type { GatewayApi } from '../gatewayApi';
import { getProperty, locOf } from '../parse';
import type { BuildContext } from './context';
import { itemsOf, resolve } from './context';
import { buildAuthorizers, buildSecurity } from './authorizers';
import { applyRootExtensions } from './gatewayExtensions';
import { buildRoutes } from './operations';
import { describeValue, maybeIntrinsic, plainString } from './values';
import { defineLive } from './lazy';

/** The version of an OpenAPI / Swagger root ('3.0.1', '2.0'), or undefined when it is neither. */
export function openApiVersionOf(
  root: SourceNode | undefined,
): { kind: 'openapi' | 'swagger'; version: string } | undefined {
  const openapi = plainString(getProperty(root, 'openapi'));
  if (openapi !== undefined) return { kind: 'openapi', version: openapi };
  const swagger = plainString(getProperty(root, 'swagger'));
  if (swagger !== undefined) return { kind: 'swagger', version: swagger === '2' ? '2.0' : swagger };
  return undefined;
}

/**
 * Builds the API described by an OpenAPI 3.x / Swagger 2.0 root. `type` and `typeReason` are left for
 * decideApiType; `source` says where the document sits (a file of its own or a template resource).
 */
export function buildOpenApi(
  ctx: BuildContext,
  root: SourceNode,
  base: { fallbackName: string; source: GatewayApi['source']; loc?: GatewayApi['loc'] },
): GatewayApi {
  const version = openApiVersionOf(root);
  const swagger = version?.kind === 'swagger';
  const info = resolve(ctx, getProperty(root, 'info'));
  const title = titleOf(getProperty(info, 'title'));
  const schemes = swagger
    ? getProperty(root, 'securityDefinitions')
    : getProperty(resolve(ctx, getProperty(root, 'components')), 'securitySchemes');
  const authorizers = buildAuthorizers(ctx, schemes);
  const security = buildSecurity(ctx, getProperty(root, 'security')) ?? [];
  const api: GatewayApi = {
    name: title ?? base.fallbackName,
    type: 'REST',
    typeReason: '',
    source: { ...base.source, ...(version ? { openapiVersion: version.version } : {}) },
    loc: base.loc ?? locOf(root),
    routes: buildRoutes(ctx, { root, swagger, authorizers, security }),
    authorizers,
    security,
    validators: [],
    gatewayResponses: [],
    binaryMediaTypes: [],
    servers: [],
    extensions: {},
  };
  if (title !== undefined) api.title = title;
  const infoVersion = plainString(getProperty(info, 'version'));
  if (infoVersion !== undefined) api.version = infoVersion;
  // Read when asked for (the explorer, hover), as a route's description: editing it rebuilds nothing.
  defineLive(api, 'servers', () => (swagger ? swaggerServers(root) : openApiServers(ctx, root)));
  if (getProperty(info, 'description') !== undefined)
    defineLive(api, 'description', () => plainString(getProperty(info, 'description')));
  const basePath = plainString(getProperty(root, 'basePath'));
  if (basePath !== undefined) api.basePath = basePath;
  applyRootExtensions(ctx, root, api);
  return api;
}

/** `info.title`; a `!Sub` title shows its template, any other computed title counts as none. */
function titleOf(node: SourceNode | undefined): string | undefined {
  const value = maybeIntrinsic(node);
  if (value === undefined || typeof value === 'string') return value;
  return typeof value['Fn::Sub'] === 'string' || Array.isArray(value['Fn::Sub']) ? describeValue(value) : undefined;
}

function swaggerServers(root: SourceNode): string[] {
  const host = plainString(getProperty(root, 'host'));
  return host === undefined ? [] : [host];
}

function openApiServers(ctx: BuildContext, root: SourceNode): string[] {
  return itemsOf(resolve(ctx, getProperty(root, 'servers')))
    .map((s) => plainString(getProperty(s, 'url')))
    .filter((s): s is string => s !== undefined);
}
