import type { GatewayApi, Route } from '../../model';
import type { RuntimeConfig } from '../config';
import { localAccountId, localApiId } from '../requestContext';
import { dictOf } from '../../shared/dict';
import { readResourcePolicy } from './readPolicy';
import type { ResourcePolicy } from './policyTypes';

/** The region the mock stage stands in when the config names none. */
export const defaultRegion = 'us-east-1';

/**
 * How a route asks for IAM authorization, in words for the trace, or undefined when it does not: REST's
 * `x-amazon-apigateway-auth: {type: aws_iam}`, a security scheme with `x-amazon-apigateway-authtype: awsSigv4`
 * (REST and HTTP APIs), `AuthorizationType: AWS_IAM` (CloudFormation methods and routes, WebSocket routes), or SAM's
 * `AWS_IAM` authorizer name (`Auth.DefaultAuthorizer` / an event's `Auth.Authorizer`).
 */
export function iamAuthorization(api: GatewayApi, route: Route): string | undefined {
  const auth = route.extensions['x-amazon-apigateway-auth']?.value;
  if (isRecord(auth) && typeof auth['type'] === 'string' && auth['type'].toLowerCase() === 'aws_iam')
    return 'x-amazon-apigateway-auth type aws_iam';
  if (route.authorizationType?.toUpperCase() === 'AWS_IAM') return 'AuthorizationType AWS_IAM';
  for (const name of route.authorizerNames) {
    const a = api.authorizers.find((x) => x.name === name);
    if (a !== undefined && (a.authType?.toLowerCase() === 'awssigv4' || a.schemeType === 'awsSigv4'))
      return `security scheme '${name}' (awsSigv4)`;
  }
  const security = route.security ?? api.security;
  if (security.some((r) => Object.keys(r).includes('AWS_IAM')) && !api.authorizers.some((a) => a.name === 'AWS_IAM'))
    return 'authorizer AWS_IAM';
  return undefined;
}

/** Whether any route of the API uses IAM. */
export function hasIamRoutes(api: GatewayApi): boolean {
  return api.routes.some((r) => iamAuthorization(api, r) !== undefined);
}

export function regionOf(config: RuntimeConfig): string {
  return config.region ?? defaultRegion;
}

function partitionOf(region: string): string {
  return region.startsWith('cn-') ? 'aws-cn' : region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws';
}

/** `arn:aws:execute-api:{region}:{account}:{apiId}`: what a policy's `execute-api:/…` stands for. */
export function apiArn(config: RuntimeConfig): string {
  const region = regionOf(config);
  return `arn:${partitionOf(region)}:execute-api:${region}:${localAccountId}:${localApiId}`;
}

/**
 * The ARN `execute-api:Invoke` is asked for: `{apiArn}/{stage}/{METHOD}/{path}` for HTTP requests (the path as
 * requested, without the stage), `{apiArn}/{stage}/{routeKey}` for WebSocket routes (`$connect`).
 */
export function invokeArn(config: RuntimeConfig, stage: string, method: string, path: string): string {
  return `${apiArn(config)}/${stage}/${method}${path}`;
}

export type ServedPolicy = { ok: true; policy?: ResourcePolicy; warnings: string[] } | { ok: false; message: string };

/**
 * The API's resource policy, read when it loads: REST APIs only (AWS supports resource policies on REST APIs; an
 * HTTP or WebSocket API's policy is ignored, with a warning). A malformed policy names the field.
 */
export function servedPolicy(api: GatewayApi, config: RuntimeConfig): ServedPolicy {
  if (api.policy === undefined) return { ok: true, warnings: [] };
  const where = api.extensions['x-amazon-apigateway-policy'] !== undefined ? 'x-amazon-apigateway-policy' : 'Policy';
  if (api.type !== 'REST') {
    return {
      ok: true,
      warnings: [
        `${where}: ${api.type === 'HTTP' ? 'HTTP' : 'WebSocket'} APIs have no resource policies on AWS, so the mock does not evaluate it.`,
      ],
    };
  }
  const region = regionOf(config);
  const variables = dictOf({
    'AWS::Region': region,
    'AWS::AccountId': localAccountId,
    'AWS::Partition': partitionOf(region),
    'AWS::URLSuffix': 'amazonaws.com',
    __ApiId__: localApiId,
  });
  if (api.source.logicalId !== undefined) variables[api.source.logicalId] = localApiId;
  const read = readResourcePolicy(api.policy, where, variables);
  if (!read.ok)
    return { ok: false, message: `${read.message} Fix the policy: the mock evaluates it on every request.` };
  const warnings = [...read.warnings];
  for (const statement of read.policy.statements) {
    for (const resource of [...(statement.resource ?? []), ...(statement.notResource ?? [])]) {
      const m = resource === undefined ? null : /^arn:[^:]+:execute-api:([^:]*):([^:]*):([^/]*)/.exec(resource);
      if (m === null) continue;
      const [, r, account, id] = m as unknown as [string, string, string, string];
      const foreign = [
        r !== region && !r.includes('*') ? `region ${r} (the mock stage is in ${region})` : '',
        account !== localAccountId && !account.includes('*') ? `account ${account}` : '',
        id !== localApiId && !id.includes('*') ? `API id ${id}` : '',
      ].filter((x) => x !== '');
      if (foreign.length > 0) {
        warnings.push(
          `${where}.Statement[${statement.index}]: ${resource} names ${foreign.join(', ')}; the mock serves the API as ${apiArn(config)}, so it never matches: write "execute-api:/stage/METHOD/path" (or use wildcards).`,
        );
      }
    }
  }
  return { ok: true, policy: read.policy, warnings };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
