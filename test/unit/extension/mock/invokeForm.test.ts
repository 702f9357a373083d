import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readDefinition, type GatewayApi, type Route } from '../../../../src/model';
import { nodeFileSystem } from '../../../../src/shared/nodeFileSystem';
import { buildInvokeForm, readPostedForm, requestPath, toMockRequest } from '../../../../src/extension/mock/invokeForm';
import { fixture } from '../../helpers/paths';
import { plain } from '../../helpers/plain';

async function route(method: string, path: string): Promise<{ api: GatewayApi; route: Route }> {
  const read = await readDefinition(fixture('mock-invoke', 'petsForm.yaml'), { fs: nodeFileSystem });
  assert.ok(read.ok);
  const api = read.definition.apis[0];
  assert.ok(api);
  const found = api.routes.find((r) => r.method === method && r.path === path);
  assert.ok(found, `${method} ${path} not in the fixture`);
  return { api, route: found };
}

describe('the Invoke panel form', () => {
  it('prefills query and header parameters from their examples, enums and types', async () => {
    const { api, route: r } = await route('GET', '/pets');
    const form = buildInvokeForm(api, r);
    assert.deepEqual(form.query, [
      { name: 'type', value: 'dog', required: false },
      { name: 'limit', value: '5', required: true },
    ]);
    assert.deepEqual(form.headers, [{ name: 'X-Trace', value: 'string', required: false }]);
    assert.equal(form.body, '');
    assert.equal(form.api, 'Invoke form pets');
  });

  it('generates a JSON body from the requestBody schema and adds the API key header', async () => {
    const { api, route: r } = await route('POST', '/pets');
    const form = buildInvokeForm(api, r);
    assert.deepEqual(JSON.parse(form.body), { name: 'Rex', age: 0, tags: ['user@example.com'] });
    assert.equal(form.contentType, 'application/json');
    assert.deepEqual(form.headers, [{ name: 'x-api-key', value: 'local-key', required: true }]);
  });

  it('fills path parameters, greedy ones keeping their slashes, under the stage', async () => {
    const { api, route: r } = await route('GET', '/pets/{petId}/files/{path+}');
    const form = buildInvokeForm(api, r);
    assert.deepEqual(
      form.pathParameters.map((p) => [p.name, p.value]),
      [
        ['petId', '00000000-0000-4000-8000-000000000000'],
        ['path', 'any/path'],
      ],
    );
    form.pathParameters[0]!.value = 'a b';
    form.pathParameters[1]!.value = 'docs/read me.txt';
    assert.equal(requestPath(form, 'local'), '/local/pets/a%20b/files/docs/read%20me.txt');
    assert.equal(requestPath(form, '$default'), '/pets/a%20b/files/docs/read%20me.txt');
  });

  it('turns the values into a runtime request, leaving out empty optional fields', async () => {
    const { api, route: r } = await route('GET', '/pets');
    const form = buildInvokeForm(api, r);
    form.query[0]!.value = '';
    form.headers[0]!.value = '';
    form.body = 'ignored for GET';
    const request = toMockRequest(form, 'dev');
    assert.deepEqual(plain(request), {
      method: 'GET',
      path: '/dev/pets',
      query: 'limit=5',
      headers: {},
      body: Buffer.alloc(0),
      sourceIp: '127.0.0.1',
    });
  });

  it('sends the body with its content type for POST', async () => {
    const { api, route: r } = await route('POST', '/pets');
    const request = toMockRequest(buildInvokeForm(api, r), 'local');
    assert.equal(request.method, 'POST');
    assert.deepEqual(plain(request.headers), { 'x-api-key': ['local-key'], 'content-type': ['application/json'] });
    assert.deepEqual(JSON.parse(request.body.toString('utf8')), { name: 'Rex', age: 0, tags: ['user@example.com'] });
  });

  it('reads a posted form defensively: malformed fields are dropped, the route cannot be changed', async () => {
    const { api, route: r } = await route('GET', '/pets');
    const base = buildInvokeForm(api, r);
    const posted = readPostedForm(base, {
      method: 'DELETE',
      path: '/admin',
      query: [{ name: 'limit', value: '9' }, 'junk', null, { name: 7, value: ['x'] }],
      body: 42,
    });
    assert.equal(posted.method, 'GET');
    assert.equal(posted.path, '/pets');
    assert.deepEqual(posted.query, [
      { name: 'limit', value: '9', required: false },
      { name: '', value: '', required: false },
    ]);
    assert.equal(posted.body, '');
    assert.deepEqual(readPostedForm(base, 'not an object'), base);
  });
});
