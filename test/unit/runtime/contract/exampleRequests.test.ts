// The requests `apigw test` sends for an operation: the definition's examples first (OpenAPI `example` /
// `examples` of parameters and media types, Swagger 2.0 `x-example`), else values generated from the schemas.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { exampleRequests, type ExampleRequest } from '../../../../src/runtime/contract/exampleRequests';
import { routeOf } from './helpers';

async function requestsFor(definition: string, method: string, path: string): Promise<ExampleRequest[]> {
  const result = exampleRequests(await routeOf(definition, method, path));
  if (!result.ok) assert.fail(result.skip);
  return result.requests;
}

const named = `openapi: 3.0.1
info: {title: Named, version: '1'}
paths:
  /pets/{petId}/toys:
    parameters:
      - name: petId
        in: path
        required: true
        schema: {type: string}
        examples:
          dog: {value: '1'}
          cat: {value: '2'}
    post:
      parameters:
        - name: limit
          in: query
          schema: {type: integer}
          example: 5
        - name: tags
          in: query
          required: true
          schema: {type: array, items: {type: string}}
          example: [a, b]
        - name: X-Trace
          in: header
          required: true
          schema: {type: string, format: uuid}
        - name: session
          in: cookie
          required: true
          schema: {type: string}
          example: s 1
        - name: verbose
          in: query
          schema: {type: boolean}
      requestBody:
        content:
          application/json:
            schema: {$ref: '#/components/schemas/Toy'}
            examples:
              dog:
                $ref: '#/components/examples/Bone'
              cat: {value: {name: ball}}
              external: {externalValue: 'https://example.com/toy.json'}
      responses:
        '201': {description: created}
components:
  examples:
    Bone:
      value: {name: bone, size: 3}
  schemas:
    Toy:
      type: object
      properties:
        name: {type: string}
`;

describe('example requests', () => {
  it('sends one request per named example, the other values from `example` or generated from the schema', async () => {
    const requests = await requestsFor(named, 'POST', '/pets/{petId}/toys');
    assert.deepEqual(
      requests.map((r) => [r.name, r.method, r.path, r.query, r.headers, r.body, r.generated]),
      [
        [
          'dog',
          'POST',
          '/pets/1/toys',
          [
            ['limit', '5'],
            ['tags', 'a'],
            ['tags', 'b'],
          ],
          [
            ['X-Trace', '00000000-0000-4000-8000-000000000000'],
            ['Cookie', 'session=s%201'],
          ],
          { contentType: 'application/json', text: '{"name":"bone","size":3}' },
          true,
        ],
        [
          'cat',
          'POST',
          '/pets/2/toys',
          [
            ['limit', '5'],
            ['tags', 'a'],
            ['tags', 'b'],
          ],
          [
            ['X-Trace', '00000000-0000-4000-8000-000000000000'],
            ['Cookie', 'session=s%201'],
          ],
          { contentType: 'application/json', text: '{"name":"ball"}' },
          true,
        ],
      ],
    );
  });

  it('without examples, generates every value: an id-like path parameter, required parameters only', async () => {
    const definition = `openapi: 3.0.1
info: {title: Generated, version: '1'}
paths:
  /items/{id}/{rest+}:
    x-amazon-apigateway-any-method:
      parameters:
        - {name: id, in: path, required: true, schema: {type: string}}
        - {name: rest, in: path, required: true, schema: {type: string}}
        - {name: q, in: query, required: true, schema: {type: integer, minimum: 10}}
        - {name: optional, in: query, schema: {type: string}}
      requestBody:
        content:
          text/plain:
            schema: {type: string, minLength: 8}
          application/vnd.api+json:
            schema:
              type: object
              properties:
                when: {type: string, format: date-time}
                count: {type: integer, maximum: 0}
                list: {type: array, minItems: 2, items: {type: string, maxLength: 3}}
      responses:
        default: {description: anything}
`;
    const [request, ...more] = await requestsFor(definition, 'ANY', '/items/{id}/{rest+}');
    assert.equal(more.length, 0);
    assert.deepEqual(request, {
      name: 'generated',
      method: 'GET',
      path: '/items/1/example/path',
      query: [['q', '10']],
      headers: [],
      body: {
        contentType: 'application/vnd.api+json',
        text: '{"when":"2024-01-01T00:00:00Z","count":0,"list":["str","str"]}',
      },
      generated: true,
    });
  });

  it('an operation with nothing to fill in sends one plain request; examples alone make an `example` request', async () => {
    const definition = `openapi: 3.0.1
info: {title: Plain, version: '1'}
paths:
  /health:
    get:
      responses:
        '200': {description: ok}
  /search:
    get:
      parameters:
        - {name: q, in: query, required: true, schema: {type: string}, example: 'cats & dogs'}
      responses:
        '200': {description: ok}
`;
    const [health] = await requestsFor(definition, 'GET', '/health');
    assert.deepEqual([health?.name, health?.path, health?.generated, health?.body], ['', '/health', false, undefined]);
    const [search] = await requestsFor(definition, 'GET', '/search');
    assert.deepEqual([search?.name, search?.query, search?.generated], ['example', [['q', 'cats & dogs']], false]);
  });

  it('reads Swagger 2.0: x-example on parameters, x-examples on the body by content type, form fields', async () => {
    const definition = `swagger: '2.0'
info: {title: Old, version: '1'}
consumes: [application/json]
paths:
  /orders/{id}:
    put:
      parameters:
        - {name: id, in: path, required: true, type: integer, x-example: 42}
        - name: order
          in: body
          schema: {type: object, properties: {qty: {type: integer}}}
          x-examples:
            application/json: {qty: 3}
      responses:
        '200': {description: ok}
  /login:
    post:
      consumes: [application/x-www-form-urlencoded]
      parameters:
        - {name: user, in: formData, required: true, type: string, x-example: ann}
        - {name: remember, in: formData, type: boolean}
      responses:
        '200': {description: ok}
`;
    const [order] = await requestsFor(definition, 'PUT', '/orders/{id}');
    assert.deepEqual(
      [order?.name, order?.path, order?.body, order?.generated],
      ['example', '/orders/42', { contentType: 'application/json', text: '{"qty":3}' }, false],
    );
    const [login] = await requestsFor(definition, 'POST', '/login');
    assert.deepEqual(login?.body, { contentType: 'application/x-www-form-urlencoded', text: 'user=ann' });
  });

  it("skips an HTTP API's $default route: it has no path of its own", async () => {
    const definition = `openapi: 3.0.1
info: {title: Http, version: '1'}
x-amazon-apigateway-importexport-version: '1.0'
paths:
  $default:
    x-amazon-apigateway-any-method:
      responses:
        default: {description: anything}
      x-amazon-apigateway-integration: {type: http_proxy, httpMethod: ANY, uri: 'http://127.0.0.1:1', payloadFormatVersion: '1.0'}
`;
    const route = await routeOf(definition, 'ANY', '$default');
    assert.deepEqual(exampleRequests(route), {
      ok: false,
      skip: '$default has no path of its own to send a request to',
    });
  });
});
