import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AwsTestApi } from '../../src/extension/aws';
import type { AwsNode } from '../../src/extension/aws/awsNodes';
import { startAwsTestServer, type AwsTestServer } from '../aws/server';
import {
  awsTestEnvironment,
  resetAwsSettings,
  seedRestApi,
  setEnv,
  useAwsTestEndpoint,
} from './helpers/awsEnvironment';
import { awsChildNamed, awsLabel } from './helpers/awsTree';
import { extensionApi } from './helpers/extension';

const region = 'eu-west-1';
const credentials = { accessKeyId: 'AKIDDOMAINS', secretAccessKey: 'domains-secret' };

const definition = {
  openapi: '3.0.1',
  info: { title: 'Shop on a domain', version: '1.0' },
  paths: {
    '/orders': {
      get: {
        responses: { '200': { description: 'The orders' } },
        'x-amazon-apigateway-integration': {
          type: 'mock',
          requestTemplates: { 'application/json': '{"statusCode": 200}' },
          responses: { default: { statusCode: '200' } },
        },
      },
    },
  },
};

suite('Custom domains in the AWS view', () => {
  let server: AwsTestServer;
  let aws: AwsTestApi;
  let apiId: string;
  let savedEnv: Record<string, string | undefined>;

  const label = (node: AwsNode): string => awsLabel(aws, node);
  const childNamed = (parent: AwsNode | undefined, name: string): Promise<AwsNode> => awsChildNamed(aws, parent, name);
  const description = (node: AwsNode): string => String(aws.treeItem(node).description ?? '');
  const tooltip = (node: AwsNode): string => {
    const value = aws.treeItem(node).tooltip;
    return typeof value === 'string' ? value : (value?.value ?? '');
  };
  const place = async (): Promise<AwsNode> => (await aws.children())[0]!;

  suiteSetup(async () => {
    const api = await extensionApi();
    assert.ok(api.aws, 'the extension exposes no AWS test API');
    aws = api.aws;
    server = await startAwsTestServer({ region, credentials: [credentials] });
    apiId = await seedRestApi(server, region, credentials, definition);
    server.state.addDomainName(
      {
        domainName: 'api.example.com',
        certificateName: 'example-cert',
        truststoreUri: 's3://truststores/example.pem',
      },
      [{ key: 'shop', apiId, stage: 'prod' }],
    );
    server.state.addDomainName({ domainName: 'empty.example.com', endpointType: 'EDGE' });
    savedEnv = setEnv(awsTestEnvironment(credentials));
    await useAwsTestEndpoint(server.url, region);
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await resetAwsSettings();
    setEnv(savedEnv);
    await server.close();
  });

  test('the Custom Domains node lists the seeded domains, their mappings, and says when a domain has none', async () => {
    aws.refresh();
    const domains = await childNamed(await place(), 'Custom Domains');
    const api = await childNamed(domains, 'api.example.com');
    assert.equal(description(api), 'REGIONAL · 1 mapping');
    assert.match(tooltip(api), /Certificate: example-cert/);
    assert.match(tooltip(api), /TLS policy: TLS_1_2/);
    assert.match(tooltip(api), /Mutual TLS: on, truststore s3:\/\/truststores\/example\.pem/);
    assert.match(tooltip(api), /Target domain name \(DNS\): d-[a-z0-9]+\.execute-api\.eu-west-1\.amazonaws\.com/);
    const mapping = await childNamed(api, 'shop');
    assert.equal(description(mapping), `Shop on a domain (${apiId}) · prod`);
    const empty = await childNamed(domains, 'empty.example.com');
    assert.equal(description(empty), 'EDGE · no mappings');
    assert.deepEqual((await aws.children(empty)).map(label), ['No API mappings']);
  });

  test('a stage shows its custom-domain URL beside its invoke URL, and Copy Custom Domain URL copies it', async () => {
    const stage = await childNamed(await childNamed(await place(), 'Shop on a domain'), 'prod');
    assert.match(description(stage), /\/prod · https:\/\/api\.example\.com\/shop$/);
    assert.match(tooltip(stage), /Custom domain URLs:\n {2}https:\/\/api\.example\.com\/shop/);
    const copied = await vscode.commands.executeCommand<string>('apigw.copyCustomDomainUrl', stage);
    assert.equal(copied, 'https://api.example.com/shop');
    assert.equal(await vscode.env.clipboard.readText(), 'https://api.example.com/shop');
  });

  test('Map Stage to Custom Domain shows the plan, asks, and creates the mapping only once confirmed', async () => {
    const stage = await childNamed(await childNamed(await place(), 'Shop on a domain'), 'prod');
    const asked: string[] = [];
    const cancelled = await vscode.commands.executeCommand('apigw.mapStageToCustomDomain', stage, {
      domainName: 'api.example.com',
      basePath: 'orders/v1',
      confirm: (message: string) => {
        asked.push(message);
        return undefined;
      },
    });
    assert.equal(cancelled, false);
    assert.equal(asked.length, 1);
    assert.match(
      asked[0]!,
      /Map stage "prod" of Shop on a domain .* to https:\/\/api\.example\.com\/orders\/v1 in eu-west-1\?/,
    );
    assert.equal(server.requests.filter((r) => r.operation === 'CreateApiMapping').length, 0, 'nothing created');
    const planDocument = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'apigw-mapping-plan');
    assert.ok(planDocument, 'the plan is shown in a read-only document');
    assert.match(planDocument.getText(), /add mapping orders\/v1 -> REST API Shop on a domain/);
    assert.match(planDocument.getText(), /API Gateway v2 CreateApiMapping/);

    // A taken base path is refused before anything is sent (the registry shows the message; the command gives nothing).
    const taken = await vscode.commands.executeCommand('apigw.mapStageToCustomDomain', stage, {
      domainName: 'api.example.com',
      basePath: 'shop',
      confirm: () => 'Create Mapping',
    });
    assert.equal(taken, undefined);
    assert.deepEqual(
      server.requests.filter((r) => r.method === 'POST' && r.path.includes('/domainnames/')).map((r) => r.operation),
      [],
      'no mapping call for a taken base path',
    );

    const plan = await vscode.commands.executeCommand<{ url: string }>('apigw.mapStageToCustomDomain', stage, {
      domainName: 'api.example.com',
      basePath: 'orders/v1',
      confirm: () => 'Create Mapping',
    });
    assert.equal(plan.url, 'https://api.example.com/orders/v1');
    const mappings = [...server.state.domainNames.get('api.example.com')!.mappings.values()];
    assert.deepEqual(mappings.map((m) => `${m.key}>${m.apiId}/${m.stage}`).sort(), [
      `orders/v1>${apiId}/prod`,
      `shop>${apiId}/prod`,
    ]);
    const domains = await childNamed(await place(), 'Custom Domains');
    const api = await childNamed(domains, 'api.example.com');
    assert.deepEqual((await aws.children(api)).map(label), ['orders/v1', 'shop']);
  });
});
