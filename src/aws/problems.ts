// SDK, credential-provider and network failures told for people: which failure it is and what to do about it.
// Names and messages are those the SDK and AWS really produce (credential providers of @aws-sdk/credential-providers,
// the common errors of AWS APIs, API Gateway's modelled exceptions, Node's socket errors). A message never carries
// a stack trace, a header or a credential.
import { operationOf } from './operationTag';
import { AwsError, type AwsProblem, type AwsProblemKind } from './types';

export interface ProblemContext {
  /** The SDK operation, e.g. 'ImportRestApi' (taken from the error when the clients tagged it). */
  operation?: string;
  profile?: string;
  region?: string;
  /** The endpoint the call went to, when it is not AWS's (an endpoint URL setting). */
  endpoint?: string;
}

interface ErrorFacts {
  name: string;
  message: string;
  /** AWS's whole message (service errors only); `message` is its first line. */
  fullMessage?: string;
  code?: string;
  status?: number;
  requestId?: string;
  attempts?: number;
  hostname?: string;
}

const credentialProviderErrors = ['CredentialsProviderError', 'TokenProviderError', 'ProviderError'];
const ssoErrors = ['SSOTokenProviderFailure', 'InvalidGrantException'];
const expiredTokenErrors = ['ExpiredTokenException', 'ExpiredToken', 'TokenRefreshRequired'];
const invalidTokenErrors = ['UnrecognizedClientException', 'InvalidClientTokenId', 'InvalidAccessKeyId'];
const clockErrors = ['RequestExpired', 'RequestTimeTooSkewed', 'RequestInTheFuture'];
const signatureErrors = ['InvalidSignatureException', 'SignatureDoesNotMatch', 'IncompleteSignature'];
const accessErrors = ['AccessDeniedException', 'AccessDenied', 'UnauthorizedException', 'UnauthorizedOperation'];
const throttlingErrors = ['TooManyRequestsException', 'LimitExceededException', 'ThrottlingException', 'Throttling'];
const tooLargeErrors = ['PayloadTooLargeException', 'RequestEntityTooLargeException', 'PayloadTooLarge'];
const badRequestErrors = ['BadRequestException', 'ValidationException', 'ValidationError', 'SerializationException'];
const networkCodes: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, {
  ENOTFOUND: 'no such host',
  EAI_AGAIN: 'DNS lookup failed',
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ETIMEDOUT: 'timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  UND_ERR_CONNECT_TIMEOUT: 'timed out',
  CERT_HAS_EXPIRED: 'its TLS certificate has expired',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'its TLS certificate is self-signed',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'its TLS certificate cannot be verified',
});

/** The first line of a message, without the "at ..." lines of a stack, at most 1000 characters. */
function firstLine(text: string): string {
  const line = (text.split(/\r?\n/)[0] ?? '').trim();
  return line.length > 1000 ? `${line.slice(0, 999)}…` : line;
}

function factsOf(error: unknown): ErrorFacts {
  if (typeof error !== 'object' || error === null) return { name: typeof error, message: firstLine(String(error)) };
  const e = error as {
    name?: unknown;
    message?: unknown;
    code?: unknown;
    hostname?: unknown;
    cause?: { code?: unknown; hostname?: unknown; message?: unknown };
    $metadata?: { httpStatusCode?: number; requestId?: string; attempts?: number };
    $response?: { statusCode?: number };
  };
  const code = typeof e.code === 'string' ? e.code : typeof e.cause?.code === 'string' ? e.cause.code : undefined;
  const hostname =
    typeof e.hostname === 'string' ? e.hostname : typeof e.cause?.hostname === 'string' ? e.cause.hostname : undefined;
  const status = e.$metadata?.httpStatusCode ?? e.$response?.statusCode;
  return {
    name: typeof e.name === 'string' ? e.name : 'Error',
    message: firstLine(typeof e.message === 'string' ? e.message : ''),
    // AWS's whole message: an import error lists one item a line, each naming a path and method.
    ...(status !== undefined && typeof e.message === 'string' ? { fullMessage: e.message.slice(0, 20_000) } : {}),
    ...(code !== undefined ? { code } : {}),
    ...(status !== undefined ? { status } : {}),
    ...(e.$metadata?.requestId ? { requestId: e.$metadata.requestId } : {}),
    ...(e.$metadata?.attempts !== undefined ? { attempts: e.$metadata.attempts } : {}),
    ...(hostname !== undefined ? { hostname } : {}),
  };
}

/** "User: arn:… is not authorized to perform: apigateway:POST on resource: arn:… because …". */
function parseAccessDenied(message: string): { principal?: string; action?: string; resource?: string } {
  const principal = /User:\s*(\S+)\s+is not authorized/i.exec(message)?.[1];
  const action = /not authorized to perform:?\s*([\w-]+:[\w*-]+)/i.exec(message)?.[1];
  const resource = /on resource:?\s*(\S+?)(?:\s|$)/i.exec(message)?.[1];
  return {
    ...(principal ? { principal } : {}),
    ...(action ? { action } : {}),
    ...(resource ? { resource } : {}),
  };
}

function kindOf(f: ErrorFacts): AwsProblemKind {
  const { name, message, status, code } = f;
  if (name === 'AbortError' || code === 'ABORT_ERR') return 'cancelled';
  const fromProvider = credentialProviderErrors.includes(name);
  if (
    ssoErrors.includes(name) ||
    /aws sso login/i.test(message) ||
    (fromProvider && /\bSSO\b/i.test(message)) ||
    (fromProvider && /session token not found or invalid|token is expired/i.test(message))
  ) {
    return 'ssoLoginNeeded';
  }
  if (fromProvider || /could not load credentials/i.test(message)) return 'noCredentials';
  if ([...expiredTokenErrors, ...invalidTokenErrors, ...clockErrors, ...signatureErrors].includes(name)) {
    return 'expiredCredentials';
  }
  if (/security token included in the request is (expired|invalid)/i.test(message)) return 'expiredCredentials';
  if (accessErrors.includes(name) || /not authorized to perform/i.test(message)) return 'accessDenied';
  if (name === 'NotFoundException' || status === 404) return 'notFound';
  if (name === 'ConflictException' || status === 409) return 'conflict';
  if (
    tooLargeErrors.includes(name) ||
    status === 413 ||
    /request (entity )?too large|payload too large/i.test(message)
  ) {
    return 'tooLarge';
  }
  if (throttlingErrors.includes(name) || status === 429) return 'throttled';
  if (badRequestErrors.includes(name) || status === 400) return 'badRequest';
  if ((code !== undefined && code in networkCodes) || name === 'TimeoutError' || /fetch failed/i.test(message)) {
    return 'network';
  }
  if (status === 403) return 'accessDenied';
  return 'service';
}

function awsHost(region: string | undefined): string {
  if (!region) return 'https://apigateway.amazonaws.com';
  return `https://apigateway.${region}.amazonaws.com${region.startsWith('cn-') ? '.cn' : ''}`;
}

function describe(kind: AwsProblemKind, f: ErrorFacts, c: ProblemContext, action?: string): string {
  const op = c.operation ? `${c.operation}: ` : '';
  const profile = c.profile ? `profile '${c.profile}'` : 'the credentials in use';
  const aws = f.message ? ` AWS says: ${f.message}${/[.!?]$/.test(f.message) ? '' : '.'}` : '';
  switch (kind) {
    case 'cancelled':
      return `${op}cancelled.`;
    case 'ssoLoginNeeded':
      return c.profile
        ? `The SSO session of profile '${c.profile}' has expired or was never started: run \`aws sso login --profile ${c.profile}\`, then try again.`
        : 'The SSO session of the profile in use has expired or was never started: run `aws sso login --profile NAME` for that profile, then try again.';
    case 'noCredentials': {
      const missing = /Profile (\S+) (?:could not be found|was not found)/i.exec(f.message)?.[1];
      if (missing) {
        return `Profile '${missing}' is not in the AWS config or credentials files (~/.aws, or AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE): choose another profile.`;
      }
      if (/could not load credentials from any providers/i.test(f.message) || !f.message) {
        return `No AWS credentials found${c.profile ? ` for profile '${c.profile}'` : ''}: choose a profile (AWS view, or --profile), or set AWS_PROFILE, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or run \`aws configure\`.`;
      }
      return `No AWS credentials could be loaded for ${profile}: ${f.message} Check that profile in ~/.aws/config, or choose another.`;
    }
    case 'expiredCredentials':
      if (clockErrors.includes(f.name) || /signature expired/i.test(f.message)) {
        return `${op}AWS refused the request's time stamp: this computer's clock is more than 5 minutes off. Correct the clock, then try again.`;
      }
      if (signatureErrors.includes(f.name)) {
        return `${op}AWS could not verify the request's signature: the secret access key of ${profile} is wrong, or the endpoint does not match the region. Check the credentials.`;
      }
      if (invalidTokenErrors.includes(f.name) || /is invalid/i.test(f.message)) {
        return `${op}AWS does not recognise the access key or session token of ${profile}: they are wrong or have expired. Refresh the credentials (for an SSO profile run \`aws sso login${c.profile ? ` --profile ${c.profile}` : ''}\`), then try again.`;
      }
      return `${op}The AWS session token of ${profile} has expired. Refresh the credentials (for an SSO profile run \`aws sso login${c.profile ? ` --profile ${c.profile}` : ''}\`), then try again.`;
    case 'accessDenied': {
      const { principal, resource } = parseAccessDenied(f.message);
      if (action) {
        return `${op}Access denied: ${principal ?? profile} may not perform ${action}${resource ? ` on ${resource}` : ''}. Ask for IAM permission to ${action}, or choose a profile that has it.`;
      }
      return `${op}Access denied for ${profile}.${aws} Check the IAM permissions of that identity, or choose another profile.`;
    }
    case 'notFound':
      return `${op}not found.${aws} It may have been deleted, or live in another region than ${c.region ?? 'this one'}: refresh the AWS view or check the id.`;
    case 'conflict':
      return `${op}conflicts with the current state of the API.${aws} Someone may be changing it at the same time: refresh and try again.`;
    case 'tooLarge':
      return `${op}the request is larger than API Gateway accepts (an imported definition may be at most 6 MB).${aws} Split the definition or remove unused parts.`;
    case 'throttled':
      return `${op}AWS is still throttling the calls${f.attempts ? ` after ${f.attempts} attempts` : ''}.${aws} Wait a minute, then try again.`;
    case 'badRequest':
      return `${op}AWS rejected the request.${aws || ` (${f.name})`}`;
    case 'network': {
      const reason =
        (f.code !== undefined ? networkCodes[f.code] : undefined) ??
        (f.name === 'TimeoutError' ? 'timed out' : 'unreachable');
      const where = c.endpoint ?? (f.hostname ? `https://${f.hostname}` : awsHost(c.region));
      return `${op}cannot reach ${where} (${reason}): check the region${c.region ? ` (${c.region})` : ''}, the endpoint URL setting and the network connection.`;
    }
    case 'service':
      if (f.status === undefined) {
        return `${c.operation ? `${c.operation} failed` : 'Failed'} unexpectedly: ${f.message || f.name}${/[.!?]$/.test(f.message) ? '' : '.'}`;
      }
      return `${op}AWS failed (HTTP ${f.status}).${aws || ` ${f.name}.`} Try again later.`;
  }
}

/** An SDK error (or anything thrown) told for people. An AwsError keeps the problem it carries. */
export function describeProblem(error: unknown, context: ProblemContext = {}): AwsProblem {
  if (error instanceof AwsError) return error.problem;
  const facts = factsOf(error);
  const operation = context.operation ?? operationOf(error);
  const c: ProblemContext = { ...context, ...(operation !== undefined ? { operation } : {}) };
  const kind = kindOf(facts);
  const action = kind === 'accessDenied' ? parseAccessDenied(facts.message).action : undefined;
  const fromAws = facts.status !== undefined;
  return {
    kind,
    message: describe(kind, facts, c, action),
    ...(operation !== undefined ? { operation } : {}),
    ...(action !== undefined ? { action } : {}),
    ...(facts.status !== undefined ? { httpStatus: facts.status } : {}),
    ...(facts.requestId !== undefined ? { requestId: facts.requestId } : {}),
    ...(fromAws && facts.message ? { awsMessage: facts.fullMessage ?? facts.message } : {}),
  };
}

/** The AwsError to throw for `error` (unchanged when it is one already). */
export function toAwsError(error: unknown, context: ProblemContext = {}): AwsError {
  return error instanceof AwsError ? error : new AwsError(describeProblem(error, context));
}
