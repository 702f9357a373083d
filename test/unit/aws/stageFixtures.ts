// Shared by the stage tests (logging settings, deployments and canary): the smallest REST definition API Gateway
// deploys (one MOCK method), and the test double with clients pointed at it.
import { after, before, beforeEach } from 'node:test';
import { createClients } from '../../../src/aws/clients';
import type { AwsClients } from '../../../src/aws/types';
import { startAwsTestServer, type AwsTestServer } from '../../aws/server';

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

/**
 * The AWS test double for the tests of one file, and real SDK clients pointed at it, made anew (and the double
 * reset) before each test.
 */
export function useStageDouble(region = 'eu-west-1'): { readonly server: AwsTestServer; readonly clients: AwsClients } {
  const env = {} as { server: AwsTestServer; clients: AwsClients };
  before(async () => {
    env.server = await startAwsTestServer({ region });
  });
  after(async () => {
    await env.server.close();
  });
  beforeEach(() => {
    env.server.reset();
    env.clients = createClients(
      { region, endpointUrl: env.server.url },
      { credentials: { accessKeyId: 'AKID', secretAccessKey: 'SECRET' }, maxAttempts: 1 },
    );
  });
  return env;
}
