// Errors the test double answers with, in the shapes AWS uses: REST-JSON services put the error name in the
// `x-amzn-ErrorType` header (the SDK reads the header first, then `code`, then `__type`, and keeps what comes before
// a ':'); STS (awsQuery) answers with an XML <ErrorResponse>.

/** An error answer. `type` becomes the SDK's `error.name`. */
export class AwsError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
    readonly headers: Record<string, string> = {},
    /** Extra members of the JSON error body (e.g. v2's `resourceType`). */
    readonly extra: Record<string, unknown> = {},
    /** The key of the message in the JSON body: service errors say `message`, the IAM layer in front says `Message`. */
    readonly messageKey: 'message' | 'Message' = 'message',
  ) {
    super(message);
  }
}

export const notFound = (message: string, extra: Record<string, unknown> = {}): AwsError =>
  new AwsError(404, 'NotFoundException', message, {}, extra);
export const badRequest = (message: string): AwsError => new AwsError(400, 'BadRequestException', message);
export const conflict = (message: string): AwsError => new AwsError(409, 'ConflictException', message);

/** What `fail()` may be given; everything but the error name has a default. */
export interface FaultSpec {
  /** The error name the SDK should report, e.g. 'TooManyRequestsException', 'ExpiredTokenException'. */
  errorType: string;
  status?: number;
  message?: string;
  /** How many of the next matching calls fail (default 1; `Infinity` for all). */
  times?: number;
  headers?: Record<string, string>;
}

const defaultStatus: Record<string, number> = {
  BadRequestException: 400,
  UnauthorizedException: 401,
  AccessDeniedException: 403,
  ExpiredTokenException: 403,
  UnrecognizedClientException: 403,
  InvalidSignatureException: 403,
  MissingAuthenticationTokenException: 403,
  IncompleteSignatureException: 403,
  ExpiredToken: 403,
  InvalidClientTokenId: 403,
  AccessDenied: 403,
  NotFoundException: 404,
  ConflictException: 409,
  LimitExceededException: 429,
  TooManyRequestsException: 429,
  Throttling: 400,
  InternalServerError: 500,
  InternalFailure: 500,
  ServiceUnavailableException: 503,
  ServiceUnavailable: 503,
};

/** Errors raised by the authentication layer in front of the service, which writes `Message` with a capital M. */
const iamLayer = new Set([
  'AccessDeniedException',
  'ExpiredTokenException',
  'UnrecognizedClientException',
  'InvalidSignatureException',
  'MissingAuthenticationTokenException',
  'IncompleteSignatureException',
]);

export interface FaultContext {
  method: string;
  path: string;
  region: string;
  accountId: string;
  service: string;
}

/** AWS's wording for each kind of injected failure, so a test only has to name the error. */
export function defaultFaultMessage(type: string, at: FaultContext): string {
  switch (type) {
    case 'TooManyRequestsException':
      return 'Too Many Requests';
    case 'LimitExceededException':
      return 'Rate exceeded';
    case 'ConflictException':
      return 'Another operation is in progress on this resource. Please try again later.';
    case 'ExpiredTokenException':
    case 'ExpiredToken':
      return 'The security token included in the request is expired';
    case 'UnrecognizedClientException':
    case 'InvalidClientTokenId':
      return 'The security token included in the request is invalid.';
    case 'AccessDeniedException':
    case 'AccessDenied':
      return accessDeniedMessage(at);
    case 'InternalServerError':
    case 'InternalFailure':
      return 'Internal server error';
    case 'ServiceUnavailableException':
    case 'ServiceUnavailable':
      return 'Service Unavailable';
    case 'NotFoundException':
      return 'Invalid API identifier specified';
    case 'BadRequestException':
      return `Errors found during import:\n\tUnable to put method 'GET' on resource at path '/': Invalid request`;
    default:
      return type;
  }
}

/** "User: arn:... is not authorized to perform: apigateway:PUT on resource: arn:aws:apigateway:REGION::/restapis/ID" */
export function accessDeniedMessage(at: FaultContext): string {
  const user = `arn:aws:iam::${at.accountId}:user/test`;
  if (at.service === 'sts') return `User: ${user} is not authorized to perform: sts:GetCallerIdentity`;
  // The IAM resource of API Gateway control-plane calls drops the `/v2` prefix: /apis/ID, /restapis/ID.
  const resource = at.path.replace(/^\/v2\//, '/');
  return `User: ${user} is not authorized to perform: apigateway:${at.method} on resource: arn:aws:apigateway:${at.region}::${resource}`;
}

export function faultToError(spec: FaultSpec, at: FaultContext): AwsError {
  const status = spec.status ?? defaultStatus[spec.errorType] ?? 400;
  const headers: Record<string, string> = { ...spec.headers };
  if (status === 429 && !Object.keys(headers).some((h) => h.toLowerCase() === 'retry-after'))
    headers['Retry-After'] = '1';
  return new AwsError(
    status,
    spec.errorType,
    spec.message ?? defaultFaultMessage(spec.errorType, at),
    headers,
    {},
    iamLayer.has(spec.errorType) ? 'Message' : 'message',
  );
}
