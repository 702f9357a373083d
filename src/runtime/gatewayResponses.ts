import type { GatewayResponse } from '../model';
import type { GatewayError } from './errors';
import { firstHeader } from './requestContext';
import { templateContext, type TemplateRenderer } from './templates';
import type { Exchange, MockResponse } from './types';
import { dictOf } from '../shared/dict';

/**
 * The response for a failure. HTTP APIs send AWS's fixed JSON body. REST APIs use the matching custom gateway
 * response (`x-amazon-apigateway-gateway-responses`): the specific type, else DEFAULT_4XX / DEFAULT_5XX, with
 * its status, `gatewayresponse.header.*` parameters and template (`$context.error.*` set); without one, AWS's
 * default body.
 */
export function renderGatewayError(ex: Exchange, error: GatewayError, renderer: TemplateRenderer): MockResponse {
  const api = ex.served.api;
  if (api.type !== 'REST') {
    const status = error.kind.http?.status ?? error.kind.status;
    const message = error.message ?? error.kind.http?.message ?? error.kind.message;
    const response = jsonResponse(status, JSON.stringify({ message }));
    Object.assign(response.headers, error.headers);
    return response;
  }
  const message = error.message ?? error.kind.message;
  const family = error.kind.status >= 500 ? 'DEFAULT_5XX' : 'DEFAULT_4XX';
  const custom = findResponse(api.gatewayResponses, error.kind.type) ?? findResponse(api.gatewayResponses, family);
  const key = error.kind.messageKey ?? 'message';
  const defaultBody = error.kind.spaced ? `{"${key}": ${JSON.stringify(message)}}` : JSON.stringify({ [key]: message });
  if (custom === undefined) return withErrorType(jsonResponse(error.kind.status, defaultBody), error);
  const status =
    custom.statusCode !== undefined && /^\d{3}$/.test(custom.statusCode)
      ? Number(custom.statusCode)
      : error.kind.status;
  const errorContext = {
    error: {
      message,
      messageString: JSON.stringify(message),
      responseType: error.kind.type,
      validationErrorString: error.validationErrorString ?? null,
    },
  };
  const template =
    custom.responseTemplates.find((t) => t.contentType === 'application/json') ?? custom.responseTemplates[0];
  let body = defaultBody;
  let contentType = 'application/json';
  if (template !== undefined) {
    body = renderer.render(template.text, templateContext(ex, errorContext)).output;
    contentType = template.contentType;
  }
  const response = withErrorType(jsonResponse(status, body), error);
  response.headers['Content-Type'] = contentType;
  for (const [key, source] of Object.entries(custom.responseParameters)) {
    const name = /^gatewayresponse\.header\.(.+)$/.exec(key)?.[1];
    const value = name === undefined ? undefined : gatewayParameterValue(ex, source);
    if (name !== undefined && value !== undefined) response.headers[name] = value;
  }
  return response;
}

function findResponse(responses: GatewayResponse[], type: string): GatewayResponse | undefined {
  return responses.find((r) => r.responseType.toUpperCase() === type);
}

/** `'literal'`, `method.request.header.x`, `method.request.querystring.x`, `method.request.path.x`, `stageVariables.x`. */
function gatewayParameterValue(ex: Exchange, source: string): string | undefined {
  const literal = /^'(.*)'$/s.exec(source);
  if (literal) return literal[1];
  const m = /^method\.request\.(header|querystring|path)\.(.+)$/.exec(source);
  if (m?.[1] === 'header') return firstHeader(ex.request.headers, m[2]!);
  if (m?.[1] === 'querystring') return ex.query[m[2]!]?.[0];
  if (m?.[1] === 'path') return ex.match?.pathParameters[m[2]!];
  const stageVariable = /^stageVariables\.(.+)$/.exec(source)?.[1];
  if (stageVariable !== undefined) return ex.served.stageVariables[stageVariable];
  return undefined;
}

function withErrorType(response: MockResponse, error: GatewayError): MockResponse {
  const names: Record<string, string> = dictOf({
    MISSING_AUTHENTICATION_TOKEN: 'MissingAuthenticationTokenException',
    INVALID_API_KEY: 'ForbiddenException',
    UNAUTHORIZED: 'UnauthorizedException',
    ACCESS_DENIED: 'AccessDeniedException',
    BAD_REQUEST_PARAMETERS: 'BadRequestException',
    BAD_REQUEST_BODY: 'BadRequestException',
    UNSUPPORTED_MEDIA_TYPE: 'UnsupportedMediaTypeException',
  });
  const name = error.kind.errorType ?? names[error.kind.type];
  if (name !== undefined) response.headers['x-amzn-ErrorType'] = name;
  return response;
}

export function jsonResponse(status: number, body: string): MockResponse {
  return { status, headers: { 'Content-Type': 'application/json' }, body: Buffer.from(body, 'utf8') };
}
