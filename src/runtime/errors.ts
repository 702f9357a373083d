/**
 * The gateway's own answers, as named constants in the manner of Prism's router errors: each carries the
 * gateway response type (REST `x-amazon-apigateway-gateway-responses` keys), the status AWS sends and the
 * message of its default body. Messages and statuses follow the API Gateway developer guide ("Gateway
 * response types", "Troubleshooting HTTP API Lambda integrations").
 */
export interface GatewayErrorKind {
  /** Gateway response type (DEFAULT_4XX / DEFAULT_5XX when AWS uses no specific one). */
  type: string;
  status: number;
  /** REST API default message. */
  message: string;
  /** HTTP API status and message when they differ. */
  http?: { status: number; message: string };
  /** REST sends `{"message": "…"}` (with a space) for errors raised by the integration. */
  spaced?: boolean;
  /** `x-amzn-ErrorType` when it is not the one the response type usually has (IAM's signature errors). */
  errorType?: string;
  /** The default body's key when it is not `message` (IAM's policy denials send `{"Message": …}`). */
  messageKey?: 'Message';
}

export const gatewayErrors = {
  missingAuthenticationToken: {
    type: 'MISSING_AUTHENTICATION_TOKEN',
    status: 403,
    message: 'Missing Authentication Token',
    http: { status: 404, message: 'Not Found' },
  },
  invalidApiKey: { type: 'INVALID_API_KEY', status: 403, message: 'Forbidden' },
  unauthorized: { type: 'UNAUTHORIZED', status: 401, message: 'Unauthorized' },
  accessDenied: {
    type: 'ACCESS_DENIED',
    status: 403,
    message: 'User is not authorized to access this resource with an explicit deny',
    http: { status: 403, message: 'Forbidden' },
  },
  authorizerFailure: {
    type: 'AUTHORIZER_FAILURE',
    status: 500,
    message: 'Internal server error',
    http: { status: 500, message: 'Internal Server Error' },
  },
  badRequestParameters: { type: 'BAD_REQUEST_PARAMETERS', status: 400, message: 'Missing required request parameters' },
  badRequestBody: { type: 'BAD_REQUEST_BODY', status: 400, message: 'Invalid request body' },
  unsupportedMediaType: { type: 'UNSUPPORTED_MEDIA_TYPE', status: 415, message: 'Unsupported Media Type' },
  integrationTimeout: {
    type: 'INTEGRATION_TIMEOUT',
    status: 504,
    message: 'Endpoint request timed out',
    http: { status: 503, message: 'Service Unavailable' },
    spaced: true,
  },
  integrationFailure: {
    type: 'INTEGRATION_FAILURE',
    status: 500,
    message: 'Internal server error',
    http: { status: 500, message: 'Internal Server Error' },
    spaced: true,
  },
  /** A Lambda proxy integration's function failed or returned a malformed result. */
  lambdaProxyFailure: {
    type: 'DEFAULT_5XX',
    status: 502,
    message: 'Internal server error',
    http: { status: 500, message: 'Internal Server Error' },
    spaced: true,
  },
  // IAM routes (SigV4) and resource policies: the status, x-amzn-ErrorType and body key of each are AWS's ("How do I
  // troubleshoot HTTP 403 errors from API Gateway?"); the message is the request's own (stages/iam.ts).
  iamMissingToken: {
    type: 'MISSING_AUTHENTICATION_TOKEN',
    status: 403,
    message: 'Missing Authentication Token',
    http: { status: 403, message: 'Forbidden' },
  },
  iamIncompleteSignature: {
    type: 'INVALID_SIGNATURE',
    status: 403,
    message: 'Forbidden',
    errorType: 'IncompleteSignatureException',
  },
  iamInvalidSignature: {
    type: 'INVALID_SIGNATURE',
    status: 403,
    message: 'Forbidden',
    errorType: 'InvalidSignatureException',
  },
  iamExpiredSignature: {
    type: 'EXPIRED_TOKEN',
    status: 403,
    message: 'Forbidden',
    errorType: 'InvalidSignatureException',
  },
  iamInvalidToken: { type: 'ACCESS_DENIED', status: 403, message: 'Forbidden', errorType: 'AccessDeniedException' },
  iamAccessDenied: {
    type: 'ACCESS_DENIED',
    status: 403,
    message: 'Forbidden',
    errorType: 'AccessDeniedException',
    messageKey: 'Message',
  },
  apiConfigurationError: {
    type: 'API_CONFIGURATION_ERROR',
    status: 500,
    message: 'Internal server error',
    http: { status: 500, message: 'Internal Server Error' },
    spaced: true,
  },
} satisfies Record<string, GatewayErrorKind>;

/** A failure on the way: what the client gets (kind + message) and why, for the trace and the log. */
export interface GatewayError {
  kind: GatewayErrorKind;
  /** The message to send when it differs from the kind's (e.g. the missing parameters). */
  message?: string;
  /** Why, for people reading the log: what went wrong, where, and what to do. */
  reason: string;
  /** `$context.error.validationErrorString`. */
  validationErrorString?: string;
  /** Headers AWS adds to this answer (an HTTP API JWT authorizer's `www-authenticate`). */
  headers?: Record<string, string>;
}

export function gatewayError(kind: GatewayErrorKind, reason: string, extra: Partial<GatewayError> = {}): GatewayError {
  return { kind, reason, ...extra };
}
