import type { SourceNode } from '../sourceNode';
import type { CorsConfiguration, ExtensionValue, GatewayApi, GatewayResponse, RequestValidator } from '../gatewayApi';
import { getProperty, locOf, toValue } from '../parse';
import type { BuildContext } from './context';
import { entriesOf, resolve } from './context';
import { buildTemplates } from './templates';
import { booleanOf, dropUndefined, numberOf, plainString, plainStringMap, stringList } from './values';

const prefix = 'x-amazon-apigateway-';

/** Every `x-amazon-apigateway-*` property of an object, raw, by name. */
export function collectExtensions(ctx: BuildContext, node: SourceNode | undefined): Record<string, ExtensionValue> {
  // eslint-disable-next-line no-restricted-syntax -- JSON-like data (for ajv, YAML and tests): look keys up with ownValue
  const out: Record<string, ExtensionValue> = {};
  for (const [key, value] of entriesOf(ctx, node)) {
    if (key.startsWith(prefix)) out[key] = { value: toValue(resolve(ctx, value) ?? value), loc: locOf(value) };
  }
  return out;
}

/** The API-wide settings written as root extensions (validators, gateway responses, CORS, binary types...). */
export function applyRootExtensions(ctx: BuildContext, root: SourceNode, api: GatewayApi): void {
  const ext = (name: string): SourceNode | undefined => resolve(ctx, getProperty(root, prefix + name));
  api.validators = buildValidators(ctx, ext('request-validators'));
  api.defaultValidator = plainString(ext('request-validator'));
  api.gatewayResponses = buildGatewayResponses(ctx, ext('gateway-responses'));
  const cors = ext('cors');
  if (cors !== undefined) api.cors = buildCors(cors, corsKeys.openapi);
  api.binaryMediaTypes = stringList(ext('binary-media-types'));
  api.apiKeySource = plainString(ext('api-key-source'));
  api.minimumCompressionSize = numberOf(ext('minimum-compression-size'));
  const endpoint = ext('endpoint-configuration');
  if (endpoint?.kind === 'object') {
    const types = getProperty(endpoint, 'types');
    const vpcEndpointIds = getProperty(endpoint, 'vpcEndpointIds');
    api.endpointConfiguration = dropUndefined({
      types: types && stringList(types),
      vpcEndpointIds: vpcEndpointIds && asArray(toValue(vpcEndpointIds)),
      disableExecuteApiEndpoint: booleanOf(getProperty(endpoint, 'disableExecuteApiEndpoint')),
    });
    api.disableExecuteApiEndpoint = api.endpointConfiguration.disableExecuteApiEndpoint;
  }
  const policy = ext('policy');
  if (policy !== undefined) api.policy = toValue(policy);
  api.extensions = collectExtensions(ctx, root);
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value];
}

function buildValidators(ctx: BuildContext, node: SourceNode | undefined): RequestValidator[] {
  return entriesOf(ctx, node).map(([name, value]) => ({
    name,
    validateRequestBody: booleanOf(getProperty(value, 'validateRequestBody')) ?? false,
    validateRequestParameters: booleanOf(getProperty(value, 'validateRequestParameters')) ?? false,
    loc: locOf(value),
  }));
}

function buildGatewayResponses(ctx: BuildContext, node: SourceNode | undefined): GatewayResponse[] {
  return entriesOf(ctx, node).map(([responseType, value]) =>
    dropUndefined({
      responseType,
      statusCode: plainString(getProperty(value, 'statusCode')),
      responseParameters: plainStringMap(getProperty(value, 'responseParameters')),
      responseTemplates: buildTemplates(ctx, getProperty(value, 'responseTemplates')),
      loc: locOf(value),
    }),
  );
}

/** Property names of a CORS configuration: OpenAPI extension, CloudFormation / SAM HttpApi, SAM Api. */
export const corsKeys = {
  openapi: ['allowOrigins', 'allowMethods', 'allowHeaders', 'exposeHeaders', 'allowCredentials', 'maxAge'],
  cloudformation: ['AllowOrigins', 'AllowMethods', 'AllowHeaders', 'ExposeHeaders', 'AllowCredentials', 'MaxAge'],
  samApi: ['AllowOrigin', 'AllowMethods', 'AllowHeaders', 'ExposeHeaders', 'AllowCredentials', 'MaxAge'],
} as const;

/**
 * A CORS configuration. SAM's `Cors` on AWS::Serverless::Api may also be a single origin string, and writes
 * its values as quoted header values ("'*'"), which are unquoted here.
 */
export function buildCors(node: SourceNode, keys: readonly string[]): CorsConfiguration {
  const loc = locOf(node);
  if (node.kind === 'scalar') {
    return { allowOrigins: stringList(node).map(unquote), allowMethods: [], allowHeaders: [], exposeHeaders: [], loc };
  }
  const list = (i: number): string[] =>
    stringList(getProperty(node, keys[i] ?? ''))
      .flatMap((s) => unquote(s).split(/\s*,\s*/))
      .filter((s) => s !== '');
  return dropUndefined({
    allowOrigins: list(0),
    allowMethods: list(1),
    allowHeaders: list(2),
    exposeHeaders: list(3),
    allowCredentials: booleanOf(getProperty(node, keys[4] ?? '')),
    maxAge: numberOf(getProperty(node, keys[5] ?? '')),
    loc,
  });
}

function unquote(s: string): string {
  return /^'.*'$/.test(s) ? s.slice(1, -1) : s;
}
