// A deployed API as an OpenAPI document, with API Gateway's extensions: REST through GetExport (from a stage, as
// OpenAPI 3.0 or Swagger 2.0), HTTP through ExportApi (OpenAPI 3.0 only, of a stage or of the latest definition).
// AWS cannot export a WebSocket API; that is refused with the reason before any call.
import { GetExportCommand } from '@aws-sdk/client-api-gateway';
import { ExportApiCommand } from '@aws-sdk/client-apigatewayv2';
import { badInput, guarded, requireText } from './guard';
import { requireKind } from './inventory';
import { AwsError, type AwsApiKind, type AwsClients } from './types';

export interface ExportOptions {
  kind: AwsApiKind;
  apiId: string;
  /** Required for REST (GetExport exports a stage); optional for HTTP (without it, the API's latest definition). */
  stage?: string;
  format: 'yaml' | 'json';
  /** 'oas30' (default) or, for REST only, 'swagger' (OpenAPI 2.0). */
  specification?: 'oas30' | 'swagger';
}

/**
 * GetExport's `extensions` parameter: "any combination" of integrations, authorizers and apigateway is accepted
 * (API Reference, GetExport); 'apigateway' adds the rest of the x-amazon-apigateway-* extensions (request
 * validators, binary media types, gateway responses…).
 */
export const restExportExtensions = 'integrations,authorizers,apigateway';

const decoder = new TextDecoder('utf-8');

function text(body: Uint8Array | null | undefined, what: string, operation: string): string {
  if (!body || body.byteLength === 0) {
    throw new AwsError({
      kind: 'service',
      operation,
      message: `${operation}: AWS returned an empty export of ${what}. Try again.`,
    });
  }
  return decoder.decode(body);
}

/** The definition of a deployed API, as YAML or JSON text. */
export async function exportApi(clients: AwsClients, options: ExportOptions): Promise<string> {
  const { kind, apiId, stage, format } = options;
  const specification = options.specification ?? 'oas30';
  const operation = kind === 'REST' ? 'GetExport' : 'ExportApi';
  requireKind(kind, operation);
  requireText(apiId, 'An API id', operation);
  if (format !== 'yaml' && format !== 'json') {
    throw badInput(`'${String(format)}' is not an export format: expected yaml or json.`, operation);
  }
  if (specification !== 'oas30' && specification !== 'swagger') {
    throw badInput(`'${String(specification)}' is not an export specification: expected oas30 or swagger.`, operation);
  }
  if (kind === 'WEBSOCKET') {
    throw badInput(
      `API ${apiId} is a WebSocket API, and AWS cannot export WebSocket APIs as OpenAPI (only REST and HTTP APIs). ` +
        'Its routes and integrations are in the AWS view.',
      operation,
    );
  }
  if (kind === 'REST') {
    const stageName = requireText(stage, 'A stage (REST APIs are exported from a deployed stage)', operation);
    return guarded(clients, async () => {
      const out = await clients.rest.send(
        new GetExportCommand({
          restApiId: apiId,
          stageName,
          exportType: specification,
          parameters: { extensions: restExportExtensions },
          accepts: format === 'yaml' ? 'application/yaml' : 'application/json',
        }),
      );
      return text(out.body, `stage ${stageName} of API ${apiId}`, operation);
    });
  }
  if (specification !== 'oas30') {
    throw badInput('HTTP APIs can only be exported as OpenAPI 3.0 (oas30), not as Swagger 2.0.', operation);
  }
  return guarded(clients, async () => {
    const out = await clients.v2.send(
      new ExportApiCommand({
        ApiId: apiId,
        Specification: 'OAS30',
        OutputType: format === 'yaml' ? 'YAML' : 'JSON',
        IncludeExtensions: true,
        ...(stage ? { StageName: stage } : {}),
      }),
    );
    return text(out.body, stage ? `stage ${stage} of API ${apiId}` : `API ${apiId}`, operation);
  });
}
