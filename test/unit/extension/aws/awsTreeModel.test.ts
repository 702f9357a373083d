import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DeployedApiDetails } from '../../../../src/aws/types';
import type { AwsNode } from '../../../../src/extension/aws/awsNodes';
import { presentAwsNode } from '../../../../src/extension/aws/awsPresentation';
import { AwsTreeModel } from '../../../../src/extension/aws/awsTreeModel';
import { awsError, fakeConnection, fakeFacade, manyApis } from './fakeAws';

/** The nodes but the place's "Custom Domains" node, which comes first under every place (tested on its own). */
const withoutDomains = (nodes: AwsNode[]): AwsNode[] => nodes.filter((n) => n.kind !== 'aws.domains');
const labels = (nodes: AwsNode[]): string[] => withoutDomains(nodes).map((n) => presentAwsNode(n).label);
const only = <T extends AwsNode['kind']>(all: AwsNode[], kind: T): Extract<AwsNode, { kind: T }> => {
  const nodes = withoutDomains(all);
  assert.equal(nodes.length, 1, `expected one ${kind} node, got ${labels(nodes).join(', ')}`);
  const node = nodes[0];
  assert.equal(node?.kind, kind);
  return node as Extract<AwsNode, { kind: T }>;
};

async function placeOf(model: AwsTreeModel): Promise<Extract<AwsNode, { kind: 'aws.place' }>> {
  return only(await model.childrenWhenLoaded(), 'aws.place');
}

const petsDetails = (api: DeployedApiDetails['api']): DeployedApiDetails => ({
  api,
  stages: [
    {
      apiId: api.id,
      name: 'prod',
      invokeUrl: `https://${api.id}.execute-api.eu-west-1.amazonaws.com/prod`,
      variables: { alias: 'live' },
      deploymentId: 'dep1',
    },
    {
      apiId: api.id,
      name: 'dev',
      invokeUrl: `https://${api.id}.execute-api.eu-west-1.amazonaws.com/dev`,
      variables: {},
    },
  ],
  routes: [
    {
      key: 'POST /pets',
      id: 'r2',
      method: 'POST',
      path: '/pets',
      integration: { type: 'AWS_PROXY', uri: 'arn:aws:lambda:eu-west-1:123:function:AddPet' },
      authorizationType: 'CUSTOM',
      authorizerId: 'a1',
    },
    { key: 'GET /pets', id: 'r1', method: 'GET', path: '/pets', integration: { type: 'MOCK' } },
  ],
  authorizers: [{ id: 'a1', name: 'TokenAuth', type: 'TOKEN', identitySource: 'method.request.header.Authorization' }],
});

describe('the AWS view model', () => {
  it('loads nothing until the view asks, then shows the place and a loading node while AWS answers', async () => {
    const { facade, calls } = fakeFacade({ apis: manyApis(3) });
    const { connection, logger, loads } = fakeConnection(facade, { profile: 'dev' });
    const model = new AwsTreeModel(connection, logger);
    assert.equal(loads(), 0, 'the SDK bundle must not load before the view lists something');
    assert.deepEqual(labels(model.children()), ['Loading the AWS SDK…']);
    const place = await placeOf(model);
    assert.equal(loads(), 1);
    assert.equal(presentAwsNode(place).label, 'dev · eu-west-1');
    assert.deepEqual(calls.createClients, [{ profile: 'dev', region: 'eu-west-1' }]);
    assert.deepEqual(labels(model.children(place)), ['Listing APIs in eu-west-1…']);
    assert.deepEqual(labels(await model.childrenWhenLoaded(place)), ['api-000', 'api-001', 'api-002']);
    assert.equal(place.account, '123456789012', 'the caller identity is shown on the place');
    assert.deepEqual(calls.details, [], 'no API is described before it is expanded');
  });

  it('shows 500 APIs 200 at a time, pulling only the pages it shows', async () => {
    const { facade, calls } = fakeFacade({ apis: manyApis(500).reverse(), awsPageSize: 50 });
    const { connection, logger } = fakeConnection(facade);
    const model = new AwsTreeModel(connection, logger);
    const place = await placeOf(model);

    let children = await model.childrenWhenLoaded(place);
    assert.equal(children.filter((n) => n.kind === 'aws.api').length, 200);
    const more = children.at(-1);
    assert.equal(more?.kind, 'aws.loadMore');
    assert.equal(presentAwsNode(more).description, '200 shown');
    assert.equal(presentAwsNode(more).command?.id, 'apigw.loadMoreAwsApis');
    assert.equal(calls.apisPulled, 201, 'one page of 200, plus one to know that more follow');
    assert.equal(calls.listPages, 5);

    await model.loadMore(more);
    children = await model.childrenWhenLoaded(place);
    assert.equal(children.filter((n) => n.kind === 'aws.api').length, 400);
    const more2 = children.at(-1);
    assert.equal(more2?.kind, 'aws.loadMore');
    await model.loadMore(more2);
    children = await model.childrenWhenLoaded(place);
    children = withoutDomains(children);
    assert.equal(children.length, 500, 'all 500 and no "Load more"');
    assert.ok(children.every((n) => n.kind === 'aws.api'));
    assert.equal(labels(children)[0], 'api-000', 'sorted by name');
    assert.equal(labels(children)[499], 'api-499');
    const ids = new Set(children.map((n) => model.idOf(n)));
    assert.equal(ids.size, 500, 'every node has its own id');
    assert.equal(calls.listPages, 10);
  });

  it('says "No APIs in <region>" when there are none', async () => {
    const { facade } = fakeFacade({ apis: [] });
    const { connection, logger } = fakeConnection(facade, { region: 'ap-south-2' });
    const model = new AwsTreeModel(connection, logger);
    const empty = only(await model.childrenWhenLoaded(await placeOf(model)), 'aws.empty');
    assert.equal(presentAwsNode(empty).label, 'No APIs in ap-south-2');
  });

  it('turns missing credentials into a "Sign in…" node that opens the profile picker, logged once', async () => {
    const { facade } = fakeFacade({
      listError: awsError('CredentialsProviderError', 'Could not load credentials from any providers\n    at stack'),
    });
    const { connection, logger } = fakeConnection(facade, { profile: 'work' });
    const model = new AwsTreeModel(connection, logger);
    const signIn = only(await model.childrenWhenLoaded(await placeOf(model)), 'aws.signIn');
    const look = presentAwsNode(signIn);
    assert.equal(look.label, 'Sign in…');
    assert.equal(look.description, 'No AWS credentials found for work.');
    assert.equal(look.command?.id, 'apigw.chooseAwsProfile');
    const errors = logger.lines.filter((l) => l.startsWith('error'));
    assert.deepEqual(errors, [
      'error AWS view: could not list the APIs of work · eu-west-1 (noCredentials, ListApis): No AWS credentials found for work.',
    ]);
    assert.ok(!logger.lines.some((l) => l.includes('at stack')), 'no stack trace in the log');
  });

  it('turns other failures into an error node whose Retry lists the parent again', async () => {
    let fail = true;
    const { facade } = fakeFacade({ apis: manyApis(2) });
    const listApis = facade.listApis.bind(facade);
    facade.listApis = (clients) => {
      if (fail) {
        fail = false;
        const denied = awsError('AccessDeniedException', 'User: arn:aws:iam::1:user/x is not authorized');
        return { [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(denied) }) };
      }
      return listApis(clients);
    };
    const { connection, logger } = fakeConnection(facade);
    const model = new AwsTreeModel(connection, logger);
    const place = await placeOf(model);
    const error = only(await model.childrenWhenLoaded(place), 'aws.error');
    const look = presentAwsNode(error);
    assert.equal(look.label, 'Access denied: User: arn:aws:iam::1:user/x is not authorized');
    assert.equal(look.description, 'Retry');
    assert.equal(look.command?.id, 'apigw.refreshAwsApis');
    assert.equal(error.retry, place);

    const changed: Array<AwsNode | undefined> = [];
    model.onDidChange((n) => changed.push(n));
    model.refresh(error);
    assert.deepEqual(changed, [place], 'Retry refreshes the place only');
    assert.deepEqual(labels(await model.childrenWhenLoaded(place)), ['api-000', 'api-001']);
  });

  it("lists an API's stages, routes and authorizers when it is expanded, once", async () => {
    const { facade, calls } = fakeFacade({ apis: manyApis(1), details: petsDetails });
    const { connection, logger } = fakeConnection(facade);
    const model = new AwsTreeModel(connection, logger);
    const api = only(await model.childrenWhenLoaded(await placeOf(model)), 'aws.api');
    assert.deepEqual(labels(model.children(api)), ['Loading…']);
    const children = await model.childrenWhenLoaded(api);
    assert.deepEqual(labels(children), ['dev', 'prod', 'Resources', 'Authorizers']);
    const routes = children.find((n) => n.kind === 'aws.routes');
    assert.ok(routes);
    const routeNodes = model.children(routes);
    assert.deepEqual(
      routeNodes.map((n) => [presentAwsNode(n).label, presentAwsNode(n).description]),
      [
        ['GET /pets', 'MOCK mock'],
        ['POST /pets', 'AWS_PROXY AddPet · CUSTOM (TokenAuth)'],
      ],
    );
    const authorizers = children.find((n) => n.kind === 'aws.authorizers');
    assert.ok(authorizers);
    assert.deepEqual(labels(model.children(authorizers)), ['TokenAuth']);
    assert.equal(model.getParent(routeNodes[0] as AwsNode), routes);
    assert.equal(model.getParent(routes), api);
    await model.childrenWhenLoaded(api);
    assert.deepEqual(await model.apiDetails(api), petsDetails(api.api), 'commands reuse the listed details');
    assert.deepEqual(calls.details, ['id0000'], 'the details are fetched once');
    assert.equal(model.idOf(routes), `/place:@eu-west-1@/api:REST:id0000/routes`);
  });

  it('shows an API without stages or routes as such', async () => {
    const { facade } = fakeFacade({ apis: manyApis(2) });
    const { connection, logger } = fakeConnection(facade);
    const model = new AwsTreeModel(connection, logger);
    const [, http] = withoutDomains(await model.childrenWhenLoaded(await placeOf(model)));
    assert.ok(http);
    const children = await model.childrenWhenLoaded(http);
    assert.deepEqual(labels(children), ['No stages: not deployed', 'Routes']);
    assert.deepEqual(labels(model.children(children[1] as AwsNode)), ['No routes']);
  });

  it('shows a failed API description under the API, with Retry', async () => {
    const { facade } = fakeFacade({
      apis: manyApis(1),
      details: () => Promise.reject(awsError('InternalServerError', 'boom')),
    });
    const { connection, logger } = fakeConnection(facade);
    const model = new AwsTreeModel(connection, logger);
    const api = only(await model.childrenWhenLoaded(await placeOf(model)), 'aws.api');
    const error = only(await model.childrenWhenLoaded(api), 'aws.error');
    assert.equal(error.retry, api);
    assert.equal(error.problem.message, 'AWS failed: boom');
    assert.match(
      logger.lines.at(-1) ?? '',
      /^error AWS view: could not list the stages and routes of api-000 \(id0000\)/,
    );
  });

  it('refreshing the view reads the settings again and makes new clients', async () => {
    const { facade, calls } = fakeFacade({ apis: manyApis(1) });
    const { connection, logger, settings } = fakeConnection(facade);
    const model = new AwsTreeModel(connection, logger);
    await model.childrenWhenLoaded(await placeOf(model));
    settings.region = 'us-west-2';
    settings.endpointUrl = 'http://127.0.0.1:4566';
    const changed: Array<AwsNode | undefined> = [];
    model.onDidChange((n) => changed.push(n));
    model.refresh();
    assert.deepEqual(changed, [undefined]);
    const place = await placeOf(model);
    assert.equal(presentAwsNode(place).label, 'default · us-west-2');
    assert.equal(presentAwsNode(place).description, '→ http://127.0.0.1:4566', 'the account shows once STS answers');
    await model.childrenWhenLoaded(place);
    assert.equal(presentAwsNode(place).description, '123456789012 → http://127.0.0.1:4566');
    assert.deepEqual(calls.createClients.at(-1), { region: 'us-west-2', endpointUrl: 'http://127.0.0.1:4566' });
  });

  it('refuses a bad endpoint setting before loading the SDK', async () => {
    const { facade } = fakeFacade();
    const { connection, logger, loads } = fakeConnection(facade, { endpointUrl: 'localhost:4566' });
    const model = new AwsTreeModel(connection, logger);
    const error = only(await model.childrenWhenLoaded(), 'aws.error');
    assert.match(
      error.problem.message,
      /apigw\.aws\.endpointUrl \("localhost:4566"\) must start with http:\/\/ or https:\/\//,
    );
    assert.equal(error.retry, undefined, 'Retry refreshes the whole view');
    assert.equal(loads(), 0);
  });

  it('says so when the SDK bundle cannot be loaded', async () => {
    const { connection, logger } = fakeConnection(() => {
      throw new Error("Cannot find module '/ext/dist/aws.js'\nRequire stack: ...");
    });
    const model = new AwsTreeModel(connection, logger);
    const error = only(await model.childrenWhenLoaded(), 'aws.error');
    assert.equal(
      error.problem.message,
      "The AWS part of API Gateway Studio could not be loaded (Cannot find module '/ext/dist/aws.js'). Reinstall the extension.",
    );
  });

  it('finds an API by id across pages (to reveal what a deploy made)', async () => {
    const { facade } = fakeFacade({ apis: manyApis(450) });
    const { connection, logger } = fakeConnection(facade);
    const model = new AwsTreeModel(connection, logger);
    const found = await model.findApi('id0420');
    assert.equal(found?.api.name, 'api-420');
    assert.equal(await model.findApi('nope'), undefined);
  });

  it('keeps an identity failure out of the error log (the listing reports what is wrong)', async () => {
    const { facade } = fakeFacade({ apis: manyApis(1), whoAmI: awsError('AccessDeniedException', 'sts') });
    const { connection, logger } = fakeConnection(facade);
    const model = new AwsTreeModel(connection, logger);
    const place = await placeOf(model);
    await model.childrenWhenLoaded(place);
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(place.account, undefined);
    assert.deepEqual(
      logger.lines.filter((l) => l.startsWith('error')),
      [],
    );
  });

  it('lists the place\'s custom domains under "Custom Domains", with their mappings, and the stages\' URLs on them', async () => {
    const domains = [
      {
        name: 'api.example.com',
        endpointType: 'REGIONAL',
        certificate: {},
        mappings: [{ basePath: 'v1', apiId: 'id0000', stage: 'prod' }],
      },
      { name: 'empty.example.com', endpointType: 'EDGE', certificate: {}, mappings: [] },
    ];
    const { facade, calls } = fakeFacade({
      apis: manyApis(1),
      domains,
      details: (api) => ({
        api,
        stages: [{ apiId: api.id, name: 'prod', invokeUrl: 'https://x/prod', variables: {} }],
        routes: [],
        authorizers: [],
      }),
    });
    const { connection, logger } = fakeConnection(facade);
    const model = new AwsTreeModel(connection, logger);
    const children = await model.childrenWhenLoaded(await placeOf(model));
    const node = children[0];
    assert.equal(node?.kind, 'aws.domains');
    assert.equal(presentAwsNode(node).label, 'Custom Domains');
    const listed = await model.childrenWhenLoaded(node);
    assert.deepEqual(labels(listed), ['api.example.com', 'empty.example.com']);
    assert.deepEqual(labels(model.children(listed[0] as AwsNode)), ['v1']);
    assert.equal(
      presentAwsNode(model.children(listed[0] as AwsNode)[0] as AwsNode).description,
      'api-000 (id0000) · prod',
    );
    assert.deepEqual(labels(model.children(listed[1] as AwsNode)), ['No API mappings']);
    const stage = (await model.childrenWhenLoaded(children[1]))[0] as Extract<AwsNode, { kind: 'aws.stage' }>;
    assert.deepEqual(stage.customDomainUrls, ['https://api.example.com/v1']);
    assert.equal(presentAwsNode(stage).description, 'https://x/prod · https://api.example.com/v1');
    assert.equal(calls.domainLists, 1, 'listed once for the node and the stages');
  });

  it('says why the custom domains could not be listed, and stages then show their invoke URL only', async () => {
    const { facade } = fakeFacade({
      apis: manyApis(1),
      domains: awsError('AccessDeniedException', 'not allowed to GET /domainnames'),
      details: (api) => ({
        api,
        stages: [{ apiId: api.id, name: 'prod', invokeUrl: 'https://x/prod', variables: {} }],
        routes: [],
        authorizers: [],
      }),
    });
    const { connection, logger } = fakeConnection(facade);
    const model = new AwsTreeModel(connection, logger);
    const children = await model.childrenWhenLoaded(await placeOf(model));
    const failed = await model.childrenWhenLoaded(children[0]);
    assert.equal(failed[0]?.kind, 'aws.error');
    assert.match(presentAwsNode(failed[0]).label, /Access denied: not allowed to GET \/domainnames/);
    assert.match(logger.lines.join('\n'), /could not list the custom domain names of/);
    const stage = (await model.childrenWhenLoaded(children[1]))[0] as Extract<AwsNode, { kind: 'aws.stage' }>;
    assert.equal(stage.customDomainUrls, undefined);
    assert.equal(presentAwsNode(stage).description, 'https://x/prod');
  });
});
