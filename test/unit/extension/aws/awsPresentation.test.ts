import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DeployedApiSummary, DeployedRoute } from '../../../../src/aws/types';
import type { AwsNode } from '../../../../src/extension/aws/awsNodes';
import { asAwsNode, problemNode } from '../../../../src/extension/aws/awsNodes';
import { formatDate, integrationTarget, presentAwsNode } from '../../../../src/extension/aws/awsPresentation';

const rest: DeployedApiSummary = { id: 'a1b2c3', name: 'Pets', kind: 'REST', endpointTypes: ['REGIONAL'] };
const ws: DeployedApiSummary = {
  id: 'w1',
  name: 'Chat',
  kind: 'WEBSOCKET',
  apiEndpoint: 'wss://w1.execute-api.eu-west-1.amazonaws.com',
};
const route = (r: Partial<DeployedRoute>): DeployedRoute => ({ key: 'GET /', id: 'r', ...r });

describe('how the AWS view shows nodes', () => {
  it('shows an API with its type and id, keyed for the menus by type', () => {
    const look = presentAwsNode({ kind: 'aws.api', api: rest, region: 'eu-west-1' });
    assert.equal(look.label, 'Pets');
    assert.equal(look.description, 'REST · a1b2c3');
    assert.equal(look.contextValue, 'apigw.aws.api.rest');
    assert.equal(look.collapsible, 'collapsed');
    assert.equal(look.tooltip, 'Pets (REST API a1b2c3, eu-west-1)\nEndpoint type: REGIONAL');
    assert.equal(
      presentAwsNode({ kind: 'aws.api', api: ws, region: 'eu-west-1' }).contextValue,
      'apigw.aws.api.websocket',
    );
  });

  it('shows a stage with its invoke URL, and variables, deployment and throttling in the tooltip', () => {
    const look = presentAwsNode({
      kind: 'aws.stage',
      api: rest,
      stage: {
        apiId: 'a1b2c3',
        name: 'prod',
        invokeUrl: 'https://a1b2c3.execute-api.eu-west-1.amazonaws.com/prod',
        variables: { lambdaAlias: 'live', backend: 'https://b.example' },
        deploymentId: 'dep9',
        lastUpdated: new Date('2024-05-01T12:34:56Z'),
        throttling: { burstLimit: 500, rateLimit: 1000 },
      },
    });
    assert.equal(look.label, 'prod');
    assert.equal(look.description, 'https://a1b2c3.execute-api.eu-west-1.amazonaws.com/prod');
    assert.equal(look.contextValue, 'apigw.aws.stage.rest');
    assert.equal(
      look.tooltip,
      [
        'Stage prod of Pets (a1b2c3)',
        'Invoke URL: https://a1b2c3.execute-api.eu-west-1.amazonaws.com/prod',
        'Last deployment: dep9, updated 2024-05-01 12:34 UTC',
        'Throttling: burst 500, rate 1000 requests/s',
        'Stage variables:',
        '  backend = https://b.example',
        '  lambdaAlias = live',
      ].join('\n'),
    );
  });

  it('shows a route with its integration, target and authorization', () => {
    const look = presentAwsNode({
      kind: 'aws.route',
      api: rest,
      route: route({
        key: 'GET /pets/{id}',
        integration: {
          type: 'AWS_PROXY',
          httpMethod: 'POST',
          uri: 'arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:1:function:GetPet/invocations',
        },
        authorizationType: 'COGNITO_USER_POOLS',
        apiKeyRequired: true,
      }),
      authorizer: { id: 'c1', name: 'Users', type: 'COGNITO_USER_POOLS' },
    });
    assert.equal(look.label, 'GET /pets/{id}');
    assert.equal(look.description, 'AWS_PROXY GetPet · COGNITO_USER_POOLS (Users) · API key');
    assert.match(look.tooltip ?? '', /^GET \/pets\/\{id\}\nIntegration: AWS_PROXY POST arn:aws:apigateway:/);
    assert.match(look.tooltip ?? '', /\nAuthorization: COGNITO_USER_POOLS \(Users\)\nAPI key required$/);
    const open = presentAwsNode({ kind: 'aws.route', api: rest, route: route({ key: '$connect' }) });
    assert.equal(open.description, 'no integration');
  });

  it('names what an integration calls', () => {
    const target = (type: string, uri?: string): string | undefined =>
      integrationTarget(route({ integration: { type, ...(uri !== undefined ? { uri } : {}) } }));
    assert.equal(target('AWS_PROXY', 'arn:aws:lambda:us-east-1:1:function:Handler'), 'Handler');
    assert.equal(target('AWS_PROXY', 'arn:aws:lambda:us-east-1:1:function:Handler:live'), 'Handler');
    assert.equal(target('AWS', 'arn:aws:apigateway:us-east-1:dynamodb:action/PutItem'), 'dynamodb:action/PutItem');
    assert.equal(target('HTTP_PROXY', 'https://api.example.com/{proxy}'), 'https://api.example.com/{proxy}');
    assert.equal(target('MOCK'), 'mock');
    assert.equal(target('HTTP'), undefined);
  });

  it('makes placeholders that say what to do, with a click that does it', () => {
    const place: AwsNode = {
      kind: 'aws.place',
      resolved: { place: { region: 'eu-west-1' }, profileLabel: 'default', regionSource: 'default' },
    };
    const signIn = problemNode({ kind: 'ssoLoginNeeded', message: 'Run aws sso login --profile work.' }, place);
    assert.equal(signIn.kind, 'aws.signIn');
    assert.deepEqual(presentAwsNode(signIn).command, {
      id: 'apigw.chooseAwsProfile',
      title: 'Choose AWS Profile',
      node: signIn,
    });
    for (const kind of ['noCredentials', 'expiredCredentials'] as const) {
      assert.equal(problemNode({ kind, message: 'm' }, place).kind, 'aws.signIn');
    }
    const denied = problemNode(
      { kind: 'accessDenied', message: 'Not allowed: apigateway:GET', requestId: 'r-1' },
      place,
    );
    assert.deepEqual(denied, {
      kind: 'aws.error',
      problem: denied.kind === 'aws.error' ? denied.problem : undefined,
      retry: place,
    });
    const look = presentAwsNode(denied);
    assert.equal(look.label, 'Not allowed: apigateway:GET');
    assert.equal(look.tooltip, 'Not allowed: apigateway:GET\nRequest id: r-1\n\nClick to try again.');
    assert.equal(look.command?.id, 'apigw.refreshAwsApis');
    assert.equal(presentAwsNode({ kind: 'aws.loading', message: 'Loading…' }).icon, 'loading~spin');
  });

  it('shows the place with the account and the endpoint once known', () => {
    const look = presentAwsNode({
      kind: 'aws.place',
      resolved: {
        place: { profile: 'work', region: 'eu-west-1', endpointUrl: 'http://127.0.0.1:4566' },
        profileLabel: 'work',
        regionSource: 'profile',
      },
      account: '123456789012',
      arn: 'arn:aws:sts::123456789012:assumed-role/Dev/me',
    });
    assert.equal(look.label, 'work · eu-west-1');
    assert.equal(look.description, '123456789012 → http://127.0.0.1:4566');
    assert.equal(
      look.tooltip,
      'Profile: work\nRegion: eu-west-1 (from the profile)\nEndpoint: http://127.0.0.1:4566 (the setting apigw.aws.endpointUrl)\nAccount: 123456789012\nIdentity: arn:aws:sts::123456789012:assumed-role/Dev/me',
    );
    assert.equal(look.collapsible, 'expanded');
  });

  it('recognises its own nodes among command arguments, and only those', () => {
    const node: AwsNode = { kind: 'aws.empty', message: 'No routes' };
    assert.equal(asAwsNode(node), node);
    assert.equal(asAwsNode({ kind: 'api' }), undefined, 'a Workspace APIs node is not an AWS node');
    assert.equal(asAwsNode('aws.api'), undefined);
    assert.equal(asAwsNode(undefined), undefined);
  });

  it('formats dates in UTC to the minute', () => {
    assert.equal(formatDate(new Date('2023-01-02T03:04:05.678Z')), '2023-01-02 03:04 UTC');
    assert.equal(formatDate('2023-01-02T03:04:05Z'), '2023-01-02 03:04 UTC');
    assert.equal(formatDate('yesterday'), 'yesterday');
  });
});
