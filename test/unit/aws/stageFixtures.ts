// Shared by the stage tests (logging settings, deployments and canary): the smallest REST definition API Gateway
// deploys (one MOCK method).
export const mockRestDefinition = {
  openapi: '3.0.1',
  info: { title: 'Pets', version: '1' },
  paths: {
    '/pets': {
      get: {
        responses: { '200': { description: 'ok' } },
        'x-amazon-apigateway-integration': {
          type: 'mock',
          requestTemplates: { 'application/json': '{"statusCode":200}' },
        },
      },
    },
  },
};
