import { gatewayError, gatewayErrors, type GatewayError } from '../errors';
import type { IamCredential } from '../iam/iamConfig';
import { evaluatePolicy } from '../iam/evaluatePolicy';
import type { ResourcePolicy } from '../iam/policyTypes';
import { apiArn, iamAuthorization, invokeArn, regionOf, hasIamRoutes } from '../iam/routeAuth';
import { encodePath, verifySigV4, type SigV4Failure, type VerifyOutcome } from '../iam/sigv4';
import type { Stage, StageServices } from './stage';
import { localAccountId } from '../requestContext';
import type { Exchange } from '../types';
import { dict } from '../../shared/dict';

/**
 * IAM authorization and the resource policy, before the method request's API key and authorizers (as API Gateway
 * authenticates first): routes with IAM authorization check the request's SigV4 signature against the config's
 * `iam.credentials` and fill `$context.identity`; REST APIs with a resource policy then evaluate it for
 * `execute-api:Invoke` on the request's ARN. Routes without IAM and without a policy pass untouched (and stay
 * synchronous).
 */
export const iamStage: Stage = {
  name: 'iam',
  appliesTo(served) {
    return served.policy !== undefined || hasIamRoutes(served.api);
  },
  run(ex, services) {
    const route = ex.match?.route;
    if (route === undefined) return undefined;
    const how = iamAuthorization(ex.served.api, route);
    if (how === undefined) return checkPolicy(ex, route.authorizerNames.length > 0 ? 'authorizer' : 'none');
    return authenticate(ex, services, how).then((refused) => refused ?? checkPolicy(ex, 'iam'));
  },
};

/** The signature check of an IAM route; sets `ex.iam` to the caller. */
export async function authenticate(
  ex: Exchange,
  services: Pick<StageServices, 'now'>,
  how: string,
): Promise<GatewayError | undefined> {
  const request = ex.request;
  const config = ex.served.config;
  const outcome = await verifySigV4(
    {
      method: request.method,
      rawPath: request.rawPath ?? encodePath(request.path),
      path: request.path,
      query: request.query,
      headers: request.headers,
      body: request.body,
    },
    {
      service: 'execute-api',
      region: regionOf(config),
      now: services.now(),
      credentials: config.iam?.credentials ?? [],
    },
  );
  if (!outcome.ok) {
    const hint =
      outcome.failure === 'missing' || (outcome.failure === 'unknownKey' && (config.iam?.credentials.length ?? 0) === 0)
        ? (config.iam?.credentials.length ?? 0) === 0
          ? ': list the callers under "iam": {"credentials": [...]} in apigw.config.json and sign with one (Invoke Route Locally signs for you)'
          : ': sign it with one of "iam.credentials" (Invoke Route Locally signs for you)'
        : '';
    ex.trace.push({ stage: 'iam', detail: `IAM (${how}): ${outcome.why}${hint}`, ms: 0 });
    return sigV4Error(outcome, `The route uses IAM authorization (${how}) and ${outcome.why}${hint}.`);
  }
  ex.iam = outcome.credential;
  if (ex.served.api.type !== 'REST') ex.authorizer = { iam: iamAuthorizerContext(outcome.credential) };
  if (ex.tracing) {
    ex.trace.push({
      stage: 'iam',
      detail: `IAM (${how}): signed by ${outcome.credential.arn} with ${outcome.credential.accessKeyId} (${outcome.form === 'query' ? 'presigned query string' : 'Authorization header'})`,
      ms: 0,
    });
  }
  return undefined;
}

/** The gateway error for a refused signature: AWS's message, with the x-amzn-ErrorType AWS sends for it. */
export function sigV4Error(outcome: Extract<VerifyOutcome, { ok: false }>, reason: string): GatewayError {
  const kinds: Record<SigV4Failure, (typeof gatewayErrors)[keyof typeof gatewayErrors]> = {
    missing: gatewayErrors.iamMissingToken,
    incomplete: gatewayErrors.iamIncompleteSignature,
    scope: gatewayErrors.iamInvalidSignature,
    mismatch: gatewayErrors.iamInvalidSignature,
    expired: gatewayErrors.iamExpiredSignature,
    unknownKey: gatewayErrors.iamInvalidToken,
  };
  // Without a signature, REST answers its kind's "Missing Authentication Token" and HTTP APIs their "Forbidden".
  return gatewayError(
    kinds[outcome.failure],
    reason,
    outcome.failure === 'missing' ? {} : { message: outcome.message },
  );
}

/** HTTP APIs' `requestContext.authorizer.iam` (payload 2.0) for a verified caller. */
function iamAuthorizerContext(c: IamCredential): Record<string, unknown> {
  return {
    accessKey: c.accessKeyId,
    accountId: c.accountId,
    callerId: c.userId,
    cognitoIdentity: null,
    principalOrgId: null,
    userArn: c.arn,
    userId: c.userId,
  };
}

/**
 * The REST API's resource policy for this request, as AWS combines it with the route's authorization ("How API
 * Gateway resource policies affect authorization workflow"): without authorization the policy must allow; with IAM,
 * a caller of the API's account is allowed unless a statement denies (the caller's own IAM policies are taken to
 * allow), a caller of another account needs a statement that allows; with a Lambda or Cognito authorizer only an
 * explicit deny refuses. An explicit deny always wins.
 */
function checkPolicy(ex: Exchange, auth: 'none' | 'iam' | 'authorizer'): GatewayError | undefined {
  const served = ex.served;
  if (served.api.type !== 'REST') return undefined;
  const policy = served.policy;
  const crossAccount = auth === 'iam' && ex.iam !== undefined && ex.iam.accountId !== localAccountId;
  if (policy === undefined && !crossAccount) return undefined;
  const method = ex.request.method.toUpperCase();
  const resource = invokeArn(served.config, served.stage, method, ex.path);
  const who = ex.iam?.arn ?? 'anonymous';
  const decision = policy === undefined ? ({ effect: 'neither' } as const) : evaluate(policy, ex, resource);
  const named =
    decision.effect === 'neither'
      ? 'no statement applies'
      : `statement ${decision.statement.index}${decision.statement.sid !== undefined ? ` (Sid ${decision.statement.sid})` : ''} ${decision.effect === 'allow' ? 'allows' : 'denies'}`;
  const refused =
    decision.effect === 'deny' ||
    (decision.effect === 'neither' && auth === 'none') ||
    (decision.effect !== 'allow' && crossAccount);
  if (!refused) {
    if (ex.tracing && policy !== undefined)
      ex.trace.push({ stage: 'iam', detail: `resource policy: ${named} (${who} on ${resource})`, ms: 0 });
    return undefined;
  }
  const explicit = decision.effect === 'deny';
  const why = explicit
    ? `resource policy: ${named}`
    : crossAccount
      ? `${who} is in account ${ex.iam!.accountId}, not the API's ${localAccountId}: a caller from another account needs a resource policy statement that allows it (${policy === undefined ? 'the API has no resource policy' : named})`
      : `resource policy: ${named}, and a request without authorization needs one that allows it`;
  ex.trace.push({ stage: 'iam', detail: `${why} (${who} on ${resource})`, ms: 0 });
  return gatewayError(gatewayErrors.iamAccessDenied, `Access denied: ${why}.`, {
    message: `User: ${who} is not authorized to perform: execute-api:Invoke on resource: ${resource}${explicit ? ' with an explicit deny' : ''}`,
  });
}

function evaluate(policy: ResourcePolicy, ex: Exchange, resource: string): ReturnType<typeof evaluatePolicy> {
  const context = dict<string>();
  context['aws:sourceip'] = ex.request.sourceIp;
  context['aws:securetransport'] = 'false';
  const iam = ex.served.config.iam;
  if (iam?.sourceVpc !== undefined) context['aws:sourcevpc'] = iam.sourceVpc;
  if (iam?.sourceVpce !== undefined) context['aws:sourcevpce'] = iam.sourceVpce;
  const caller = ex.iam;
  if (caller !== undefined) {
    context['aws:principalarn'] = principalArnOf(caller.arn);
    context['aws:principalaccount'] = caller.accountId;
    context['aws:userid'] = caller.userId;
    const user = /:user\/(?:.*\/)?([^/]+)$/.exec(caller.arn)?.[1];
    if (user !== undefined) context['aws:username'] = user;
  }
  return evaluatePolicy(policy, {
    ...(caller !== undefined ? { principalArn: caller.arn, principalAccount: caller.accountId } : {}),
    resource,
    apiArn: apiArn(ex.served.config),
    context,
  });
}

/** `aws:PrincipalArn` of an assumed-role session is its role's ARN. */
function principalArnOf(arn: string): string {
  const m = /^arn:([^:]+):sts::(\d{12}):assumed-role\/([^/]+)\/.+$/.exec(arn);
  return m === null ? arn : `arn:${m[1]}:iam::${m[2]}:role/${m[3]}`;
}
