import type { SourceNode } from '../sourceNode';
import type { Authorizer, SecurityRequirement } from '../gatewayApi';
import { getProperty, locOf, toValue } from '../parse';
import type { BuildContext } from './context';
import { entriesOf, itemsOf, resolve } from './context';
import {
  asRecord,
  booleanOf,
  dropUndefined,
  maybeIntrinsic,
  numberOf,
  plainString,
  stringList,
  versionString,
} from './values';

/** Authorizers from `components.securitySchemes` (OpenAPI 3) or `securityDefinitions` (Swagger 2.0). */
export function buildAuthorizers(ctx: BuildContext, schemes: SourceNode | undefined): Authorizer[] {
  const out: Authorizer[] = [];
  for (const [name, written] of entriesOf(ctx, schemes)) {
    const node = resolve(ctx, written);
    if (node?.kind === 'object') out.push(buildAuthorizer(ctx, name, node));
  }
  return out;
}

function buildAuthorizer(ctx: BuildContext, name: string, node: SourceNode): Authorizer {
  const ext = resolve(ctx, getProperty(node, 'x-amazon-apigateway-authorizer'));
  const get = (key: string): SourceNode | undefined => getProperty(ext, key);
  const jwt = getProperty(ext, 'jwtConfiguration');
  const schemeType = plainString(getProperty(node, 'type'));
  return dropUndefined({
    name,
    schemeType,
    authType: plainString(getProperty(node, 'x-amazon-apigateway-authtype')),
    type: plainString(get('type'))?.toLowerCase(),
    in: plainString(getProperty(node, 'in')),
    headerName: plainString(getProperty(node, 'name')),
    authorizerUri: maybeIntrinsic(get('authorizerUri')),
    authorizerCredentials: maybeIntrinsic(get('authorizerCredentials')),
    identitySource: identitySourceOf(get('identitySource')),
    identityValidationExpression: plainString(get('identityValidationExpression')),
    authorizerResultTtlInSeconds: numberOf(get('authorizerResultTtlInSeconds')),
    providerARNs: itemsOf(get('providerARNs')).map(toValue),
    jwtConfiguration:
      jwt === undefined
        ? undefined
        : {
            issuer: maybeIntrinsic(getProperty(jwt, 'issuer')),
            audience: itemsOf(getProperty(jwt, 'audience')).map(toValue),
          },
    authorizerPayloadFormatVersion: versionString(get('authorizerPayloadFormatVersion')),
    enableSimpleResponses: booleanOf(get('enableSimpleResponses')),
    loc: locOf(node),
    raw: asRecord(toValue(node)),
  });
}

/** REST writes `identitySource` as one comma-separated string, HTTP APIs as a list: both become one string. */
export function identitySourceOf(node: SourceNode | undefined): string | undefined {
  const list = stringList(node);
  return list.length === 0 ? undefined : list.join(', ');
}

/** A `security` list: each requirement maps scheme names to scopes. */
export function buildSecurity(ctx: BuildContext, node: SourceNode | undefined): SecurityRequirement[] | undefined {
  const resolved = resolve(ctx, node);
  if (resolved?.kind !== 'array') return undefined;
  return resolved.items.map((item) => {
    const requirement: SecurityRequirement = {};
    for (const [scheme, scopes] of entriesOf(ctx, item)) requirement[scheme] = stringList(scopes);
    return requirement;
  });
}

/**
 * The API-key marker API Gateway uses: an `apiKey` scheme read from the `x-api-key` header, without a
 * Lambda authorizer behind it. A method whose security names it requires an API key.
 */
export function isApiKeyScheme(a: Authorizer): boolean {
  return (
    a.schemeType === 'apiKey' &&
    a.in === 'header' &&
    a.headerName?.toLowerCase() === 'x-api-key' &&
    a.type === undefined &&
    a.authType === undefined
  );
}

/** Authorizer names and API-key requirement that a route's effective security gives. */
export function securityEffect(
  security: SecurityRequirement[] | undefined,
  authorizers: Authorizer[],
): { authorizerNames: string[]; apiKeyRequired: boolean } {
  const names = new Set<string>();
  let apiKeyRequired = false;
  for (const requirement of security ?? []) {
    for (const scheme of Object.keys(requirement)) {
      const authorizer = authorizers.find((a) => a.name === scheme);
      if (authorizer !== undefined && isApiKeyScheme(authorizer)) apiKeyRequired = true;
      else if (authorizer !== undefined) names.add(scheme);
    }
  }
  return { authorizerNames: [...names], apiKeyRequired };
}
