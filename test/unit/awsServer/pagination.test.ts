import { GetRestApisCommand, paginateGetRestApis } from '@aws-sdk/client-api-gateway';
import { CreateApiCommand, GetApisCommand } from '@aws-sdk/client-apigatewayv2';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { useServer } from './setup';

describe('AWS test double: an account with 500 APIs', () => {
  const h = useServer();

  it('pages REST APIs by position / limit (25 by default), as paginateGetRestApis reads them', async () => {
    for (let i = 0; i < 500; i++) h.server.state.createRestApi({ name: `rest-${i}` });
    const first = await h.v1.send(new GetRestApisCommand({}));
    assert.equal(first.items?.length, 25);
    assert.ok(first.position);
    const names: string[] = [];
    let pages = 0;
    for await (const page of paginateGetRestApis({ client: h.v1, pageSize: 100 }, {})) {
      pages++;
      names.push(...(page.items ?? []).map((a) => a.name ?? ''));
    }
    assert.equal(pages, 5);
    assert.equal(new Set(names).size, 500);
    assert.deepEqual(
      h.server.requests.filter((r) => r.operation === 'GetRestApis').map((r) => r.query.limit?.[0]),
      [undefined, '100', '100', '100', '100', '100'],
    );
    await assert.rejects(h.v1.send(new GetRestApisCommand({ limit: 501 })), { name: 'BadRequestException' });
  });

  it('pages HTTP APIs by nextToken / maxResults (no SDK paginator exists for GetApis)', async () => {
    for (let i = 0; i < 499; i++) h.server.state.createApi({ name: `http-${i}`, protocolType: 'HTTP' });
    await h.v2.send(
      new CreateApiCommand({
        Name: 'last',
        ProtocolType: 'WEBSOCKET',
        RouteSelectionExpression: '$request.body.action',
      }),
    );
    const ids = new Set<string>();
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await h.v2.send(new GetApisCommand({ NextToken: token, MaxResults: '200' }));
      for (const a of page.Items ?? []) ids.add(a.ApiId ?? '');
      token = page.NextToken;
      pages++;
    } while (token);
    assert.equal(ids.size, 500);
    assert.equal(pages, 3);
    assert.equal((await h.v2.send(new GetApisCommand({}))).Items?.length, 25);
  });
});
