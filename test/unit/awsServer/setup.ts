// Shared by the AWS test double's tests: the server, the real SDK clients pointed at it, small definitions.
import { APIGatewayClient } from '@aws-sdk/client-api-gateway';
import { ApiGatewayV2Client } from '@aws-sdk/client-apigatewayv2';
import { STSClient } from '@aws-sdk/client-sts';
import { after, before } from 'node:test';
import { startAwsTestServer, type AwsTestServer } from '../../aws/server';

export const region = 'eu-west-1';
export const credentials = { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' };

export interface Harness {
  server: AwsTestServer;
  v1: APIGatewayClient;
  v2: ApiGatewayV2Client;
  sts: STSClient;
}

/** What each client is given: the region, the server as endpoint, static credentials. */
export const clientConfig = (server: AwsTestServer) => ({ region, endpoint: server.url, credentials });

/** Starts a server (signatures verified for AKIDTEST) and the three clients for the tests of one file. */
export function useServer(): Harness {
  const h = {} as Harness;
  before(async () => {
    h.server = await startAwsTestServer({ region, credentials: [credentials] });
    const config = clientConfig(h.server);
    h.v1 = new APIGatewayClient(config);
    h.v2 = new ApiGatewayV2Client(config);
    h.sts = new STSClient(config);
  });
  after(async () => {
    h.v1.destroy();
    h.v2.destroy();
    h.sts.destroy();
    await h.server.close();
  });
  return h;
}

export const text = (bytes: Uint8Array | undefined): string => Buffer.from(bytes ?? new Uint8Array()).toString('utf8');

/** A small REST API: a MOCK GET /pets, a Lambda POST /pets with a model and a Lambda authorizer, GET /pets/{petId}. */
export const petsRest = {
  openapi: '3.0.1',
  info: { title: 'Pets', description: 'Pet store', version: '1.0' },
  servers: [{ url: 'https://example.com/{basePath}', variables: { basePath: { default: 'v1' } } }],
  paths: {
    '/pets': {
      get: {
        operationId: 'listPets',
        parameters: [{ name: 'limit', in: 'query', required: false, schema: { type: 'integer' } }],
        responses: {
          '200': {
            description: 'The pets',
            headers: { 'Access-Control-Allow-Origin': { schema: { type: 'string' } } },
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Pets' } } },
          },
        },
        'x-amazon-apigateway-integration': {
          type: 'mock',
          requestTemplates: { 'application/json': '{"statusCode": 200}' },
          responses: {
            default: {
              statusCode: '200',
              responseParameters: { 'method.response.header.Access-Control-Allow-Origin': "'*'" },
              responseTemplates: { 'application/json': '[{"id": 1, "type": "dog"}]' },
            },
          },
          passthroughBehavior: 'when_no_match',
        },
      },
      post: {
        operationId: 'createPet',
        security: [{ lambdaAuth: [] }],
        requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } } },
        responses: { '201': { description: 'Created' } },
        'x-amazon-apigateway-integration': {
          type: 'aws_proxy',
          httpMethod: 'POST',
          uri: 'arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:pets/invocations',
        },
      },
    },
    '/pets/{petId}': {
      get: {
        parameters: [{ name: 'petId', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '200': { description: 'A pet' } },
        'x-amazon-apigateway-integration': {
          type: 'http_proxy',
          httpMethod: 'GET',
          uri: 'https://pets.example.com/pets/{petId}',
          requestParameters: { 'integration.request.path.petId': 'method.request.path.petId' },
        },
      },
    },
  },
  components: {
    schemas: {
      Pet: { type: 'object', properties: { id: { type: 'integer' }, type: { type: 'string' } } },
      Pets: { type: 'array', items: { $ref: '#/components/schemas/Pet' } },
    },
    securitySchemes: {
      lambdaAuth: {
        type: 'apiKey',
        name: 'Authorization',
        in: 'header',
        'x-amazon-apigateway-authtype': 'custom',
        'x-amazon-apigateway-authorizer': {
          type: 'token',
          authorizerUri:
            'arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:auth/invocations',
          authorizerResultTtlInSeconds: 60,
        },
      },
    },
  },
  'x-amazon-apigateway-gateway-responses': {
    DEFAULT_4XX: { responseParameters: { 'gatewayresponse.header.Access-Control-Allow-Origin': "'*'" } },
  },
};

/** A small HTTP API: Lambda routes, an HTTP proxy route and a JWT authorizer. */
export const petsHttp = `openapi: 3.0.1
info:
  title: Pets HTTP
  version: '2.0'
paths:
  /pets:
    get:
      operationId: listPets
      responses:
        '200':
          description: ok
      x-amazon-apigateway-integration:
        type: aws_proxy
        httpMethod: POST
        uri: arn:aws:lambda:eu-west-1:123456789012:function:pets
        payloadFormatVersion: '2.0'
    post:
      security:
        - jwt: [pets/write]
      responses:
        '201':
          description: created
      x-amazon-apigateway-integration:
        type: aws_proxy
        httpMethod: POST
        uri: arn:aws:lambda:eu-west-1:123456789012:function:pets
        payloadFormatVersion: '2.0'
  /pets/{petId}:
    get:
      responses:
        '200':
          description: ok
      x-amazon-apigateway-integration:
        type: http_proxy
        httpMethod: GET
        uri: https://pets.example.com/pets/{petId}
        payloadFormatVersion: '1.0'
components:
  securitySchemes:
    jwt:
      type: oauth2
      flows: {}
      x-amazon-apigateway-authorizer:
        type: jwt
        identitySource: $request.header.Authorization
        jwtConfiguration:
          issuer: https://issuer.example.com
          audience: [pets]
`;
