import { APIGatewayClient, CreateDeploymentCommand, ImportRestApiCommand } from '@aws-sdk/client-api-gateway';
import { ApiGatewayV2Client, CreateApiCommand, ImportApiCommand } from '@aws-sdk/client-apigatewayv2';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { parse } from 'yaml';
import { main } from '../../../../src/cli/main';
import { region, useCliServer } from './harness';

const restDefinition = {
  openapi: '3.0.1',
  info: { title: 'Pets', version: '1.0' },
  paths: {
    '/pets': {
      get: {
        responses: { '200': { description: 'ok' } },
        'x-amazon-apigateway-integration': {
          type: 'mock',
          requestTemplates: { 'application/json': '{"statusCode": 200}' },
          responses: { default: { statusCode: '200' } },
        },
      },
    },
  },
};

const httpDefinition = {
  openapi: '3.0.1',
  info: { title: 'Notes', version: '1.0' },
  paths: {
    '/notes': {
      get: {
        responses: { default: { description: 'ok' } },
        'x-amazon-apigateway-integration': {
          type: 'http_proxy',
          httpMethod: 'GET',
          uri: 'https://example.com/notes',
          payloadFormatVersion: '1.0',
        },
      },
    },
  },
};

describe('apigw export', () => {
  const h = useCliServer();
  const ids = { rest: '', http: '', websocket: '' };
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'apigw-export-'));

  before(async () => {
    const config = {
      region,
      endpoint: h.server.url,
      credentials: { accessKeyId: 'AKIDCLITEST', secretAccessKey: 'cli-secret-key' },
    };
    const rest = new APIGatewayClient(config);
    const v2 = new ApiGatewayV2Client(config);
    const imported = await rest.send(new ImportRestApiCommand({ body: Buffer.from(JSON.stringify(restDefinition)) }));
    ids.rest = imported.id!;
    await rest.send(new CreateDeploymentCommand({ restApiId: ids.rest, stageName: 'prod' }));
    ids.http = (await v2.send(new ImportApiCommand({ Body: JSON.stringify(httpDefinition) }))).ApiId!;
    ids.websocket = (
      await v2.send(
        new CreateApiCommand({
          Name: 'chat',
          ProtocolType: 'WEBSOCKET',
          RouteSelectionExpression: '$request.body.action',
        }),
      )
    ).ApiId!;
    rest.destroy();
    v2.destroy();
  });

  it('prints a REST API stage as YAML OpenAPI with its integrations', async () => {
    const { code, out, err } = await h.run(cwd, 'export', ids.rest, '--stage', 'prod');
    assert.equal(err, '');
    assert.equal(code, 0);
    const doc = parse(out) as { openapi: string; paths: Record<string, Record<string, Record<string, unknown>>> };
    assert.match(doc.openapi, /^3\.0/);
    assert.equal(
      (doc.paths['/pets']?.get?.['x-amazon-apigateway-integration'] as { type: string }).type.toLowerCase(),
      'mock',
    );
    const call = h.server.requests.find((r) => r.operation === 'GetExport');
    assert.ok(call, 'GetExport was called');
    assert.match(
      call.headers['authorization'] ?? '',
      /Credential=AKIDCLITEST\/\d+\/eu-west-1\/apigateway\/aws4_request/,
    );
  });

  it('writes an HTTP API to --out as JSON (format from the file name)', async () => {
    const { code, err } = await h.run(cwd, 'export', ids.http, '--out', 'notes.json');
    assert.equal(err, '');
    assert.equal(code, 0);
    const doc = JSON.parse(fs.readFileSync(path.join(cwd, 'notes.json'), 'utf8')) as { paths: object };
    assert.ok('/notes' in doc.paths);
  });

  it('says that AWS cannot export a WebSocket API', async () => {
    const { code, err } = await h.run(cwd, 'export', ids.websocket);
    assert.equal(code, 1);
    assert.match(err, /^apigw export: .*WebSocket.*cannot export/m);
  });

  it('says no API has an unknown id, naming the region', async () => {
    const { code, out, err } = await h.run(cwd, 'export', 'nope123456', '--stage', 'prod');
    assert.equal(code, 1);
    assert.equal(out, '');
    assert.equal(
      err,
      `apigw export: No REST, HTTP or WebSocket API has the id 'nope123456' in eu-west-1. Check the id and the region (apigw lists them with --region).\n`,
    );
  });

  it('names the refused action when access is denied, without a stack trace', async () => {
    h.server.fail('GetExport', { errorType: 'AccessDeniedException' });
    const { code, err } = await h.run(cwd, 'export', ids.rest, '--stage', 'prod');
    assert.equal(code, 1);
    assert.match(err, /apigateway:GET/);
    assert.doesNotMatch(err, /\n\s+at /);
  });

  it('refuses a REST export without a stage', async () => {
    const { code, err } = await h.run(cwd, 'export', ids.rest);
    assert.equal(code, 1);
    assert.match(err, /stage/i);
  });

  it('is a usage error without an API id, with a bad format, or with a bad endpoint URL', async () => {
    const io = { out: () => undefined, err: () => undefined, cwd };
    assert.equal(await main(['export'], io), 2);
    assert.equal(await main(['export', 'abc', '--format', 'xml', '--region', region], io), 2);
    let err = '';
    const code = await main(['export', 'abc', '--region', region, '--endpoint-url', 'localhost:4566'], {
      ...io,
      err: (t) => (err += t),
    });
    assert.equal(code, 2);
    assert.match(
      err,
      /--endpoint-url must be an http\(s\) URL such as http:\/\/127\.0\.0\.1:4566, not .localhost:4566./,
    );
  });

  it('is a usage error when no region can be found', async () => {
    let err = '';
    const code = await main(['export', 'abc'], { out: () => undefined, err: (t) => (err += t), cwd });
    assert.equal(code, 2);
    assert.match(err, /no AWS region: give --region, set AWS_REGION/);
  });
});
