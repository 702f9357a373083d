/** How much of a file the workspace scan looks at. */
const HEAD_CHARS = 64 * 1024;

const openApiRoot = /^\s*["']?(openapi|swagger)["']?\s*:\s*["']?[23]\./m;
const apiResource =
  /AWS::Serverless::Api\b|AWS::Serverless::HttpApi\b|AWS::ApiGateway::RestApi\b|AWS::ApiGatewayV2::Api\b/;
const samApiEvent = /["']?Type["']?\s*:\s*["']?(Api|HttpApi)["']?\s*(,|\}|$)/m;

/**
 * A cheap guess (no parsing) whether a YAML / JSON text is an API definition, for the workspace scan: an
 * OpenAPI 3.x / Swagger 2.0 root, or a CloudFormation / SAM template that declares an API Gateway API or a
 * SAM function event of type Api / HttpApi. Only the first 64 KB are looked at.
 */
export function looksLikeApiDefinition(text: string): boolean {
  const head = text.length > HEAD_CHARS ? text.slice(0, HEAD_CHARS) : text;
  if (openApiRoot.test(head)) return true;
  return apiResource.test(head) || (/AWS::Serverless::Function/.test(head) && samApiEvent.test(head));
}
