/**
 * Starting points for a new API Gateway OpenAPI 3 definition: small, valid, and showing the extensions
 * that make a definition an API Gateway one (integrations, and for HTTP APIs the payload format and CORS).
 */
export type SkeletonKind = 'REST' | 'HTTP';

const rest = `openapi: 3.0.1
info:
  title: My REST API
  version: '1.0'
paths:
  /hello:
    get:
      operationId: getHello
      summary: Answered by API Gateway itself (MOCK integration)
      responses:
        '200':
          description: A greeting
      x-amazon-apigateway-integration:
        type: mock
        requestTemplates:
          application/json: '{"statusCode": 200}'
        responses:
          default:
            statusCode: '200'
            responseTemplates:
              application/json: '{"message": "Hello from $context.stage"}'
`;

const http = `openapi: 3.0.1
info:
  title: My HTTP API
  version: '1.0'
x-amazon-apigateway-cors:
  allowOrigins:
    - '*'
  allowMethods:
    - GET
paths:
  /hello:
    get:
      operationId: getHello
      summary: Served by a Lambda function (payload format 2.0)
      responses:
        '200':
          description: A greeting
      x-amazon-apigateway-integration:
        type: aws_proxy
        httpMethod: POST
        uri: arn:aws:lambda:us-east-1:123456789012:function:HelloFunction
        payloadFormatVersion: '2.0'
`;

export function definitionSkeleton(kind: SkeletonKind): string {
  return kind === 'REST' ? rest : http;
}
