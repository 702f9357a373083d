// The response contract check: the definition's response for a status and content type, chosen as OpenAPI
// chooses it (https://spec.openapis.org/oas/v3.0.3#responses-object: "the most specific key is applicable";
// https://spec.openapis.org/oas/v3.0.3#media-types: "text/plain overrides text/*"), and what differs, with the
// JSON pointer and the definition's line.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  checkResponse,
  selectMediaType,
  selectResponse,
  type CheckedResponse,
} from '../../../../src/runtime/contract/check';
import { lineOf, routeOf } from './helpers';

const json = (status: number, body: unknown, headers: Record<string, string> = {}): CheckedResponse => ({
  status,
  headers: { 'Content-Type': 'application/json', ...headers },
  body: Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)),
});

const texts = (result: { mismatches: Array<{ text: string }> }): string[] => result.mismatches.map((m) => m.text);

const statuses = `openapi: 3.0.1
info: {title: Statuses, version: '1'}
paths:
  /a:
    get:
      responses:
        '200': {description: exact}
        2XX: {description: range}
        4xx: {description: lower-case range}
        default: {description: anything else}
  /b:
    get:
      responses:
        '200': {description: ok}
        '404': {description: none}
`;

describe('response contract: which response applies', () => {
  it('takes the exact status, then its range (any case), then default', async () => {
    const route = await routeOf(statuses, 'GET', '/a');
    const description = (status: number): string | undefined => selectResponse(route.responses, status)?.statusCode;
    assert.equal(description(200), '200');
    assert.equal(description(201), '2XX');
    assert.equal(description(404), '4xx');
    assert.equal(description(500), 'default');
    assert.equal(description(302), 'default');
  });

  it('a status the operation does not declare is a mismatch naming the declared ones and their line', async () => {
    const route = await routeOf(statuses, 'GET', '/b');
    const result = checkResponse(route, json(500, { message: 'boom' }));
    assert.deepEqual(texts(result), [
      `status 500 is not declared by GET /b (declared: 200, 404) — api.yaml:${lineOf(statuses, "'200'", '/b:')}`,
    ]);
    assert.equal(result.mismatches[0]!.kind, 'status');
    assert.deepEqual(texts(checkResponse(route, json(404, { message: 'no' }))), []);
  });

  it('an operation without responses has no contract', async () => {
    const route = await routeOf(statuses, 'GET', '/a');
    route.responses = [];
    assert.deepEqual(checkResponse(route, json(418, 'x')).mismatches, []);
  });

  it('takes the most specific media type: exact (parameters and case aside), then type/*, then */*', () => {
    const declared = ['*/*', 'text/*', 'Application/JSON; charset=utf-8', 'text/plain'];
    assert.equal(selectMediaType(declared, 'application/json'), 'Application/JSON; charset=utf-8');
    assert.equal(selectMediaType(declared, 'text/plain; charset=utf-8'), 'text/plain');
    assert.equal(selectMediaType(declared, 'text/html'), 'text/*');
    assert.equal(selectMediaType(declared, 'image/png'), '*/*');
    assert.equal(selectMediaType(['application/json'], 'text/html'), undefined);
  });
});

const pets = `openapi: 3.0.1
info: {title: Pets, version: '1'}
paths:
  /pets:
    get:
      responses:
        '200':
          description: the pets
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Page'}
            text/*:
              schema: {type: string}
        '204': {description: nothing}
    head:
      responses:
        '200':
          description: the pets
          content:
            application/json:
              schema: {type: object}
components:
  schemas:
    Page:
      type: object
      required: [items]
      properties:
        items:
          type: array
          items:
            $ref: '#/components/schemas/Item'
    Item:
      type: object
      required: [name, price]
      properties:
        name:
          type: string
        price:
          type: number
        tag:
          type: string
          nullable: true
`;

describe('response contract: the body', () => {
  it('names the JSON pointer and the line where the schema says otherwise, inside $refs', async () => {
    const route = await routeOf(pets, 'GET', '/pets');
    const result = checkResponse(
      route,
      json(200, {
        items: [
          { name: 'Rex', price: 1.5 },
          { name: 'Tom', price: '3' },
        ],
      }),
    );
    const priceType = lineOf(pets, 'type: number', 'price:');
    assert.deepEqual(texts(result), [`/items/1/price must be number — api.yaml:${priceType}`]);
    assert.deepEqual(
      { ...result.mismatches[0], file: undefined },
      {
        kind: 'body',
        pointer: '/items/1/price',
        message: 'must be number',
        file: undefined,
        line: priceType,
        text: `/items/1/price must be number — api.yaml:${priceType}`,
      },
    );
    assert.equal(result.mismatches[0]!.file, '/virtual/api.yaml');
    assert.equal(result.contentType, 'application/json');
  });

  it('lists every mismatch: a missing required property at its `required`, the whole body as (body)', async () => {
    const route = await routeOf(pets, 'GET', '/pets');
    const required = lineOf(pets, 'required: [name, price]');
    assert.deepEqual(texts(checkResponse(route, json(200, { items: [{ tag: null }, { name: 1, price: 2 }] }))), [
      `/items/0 must have required property 'name' — api.yaml:${required}`,
      `/items/0 must have required property 'price' — api.yaml:${required}`,
      `/items/1/name must be string — api.yaml:${lineOf(pets, 'type: string', 'name:')}`,
    ]);
    assert.deepEqual(texts(checkResponse(route, json(200, []))), [
      `(body) must be object — api.yaml:${lineOf(pets, 'type: object', 'Page:')}`,
    ]);
  });

  it('reads OpenAPI nullable, and stops listing after ten with a count of the rest', async () => {
    const route = await routeOf(pets, 'GET', '/pets');
    assert.deepEqual(texts(checkResponse(route, json(200, { items: [{ name: 'a', price: 1, tag: null }] }))), []);
    const many = Array.from({ length: 12 }, () => ({ name: 'a', price: 'x' }));
    const result = texts(checkResponse(route, json(200, { items: many })));
    assert.equal(result.length, 11);
    assert.equal(result[10], '… and 2 more');
  });

  it('a Content-Type the response does not declare, or none, is a mismatch; text/* falls under its range', async () => {
    const route = await routeOf(pets, 'GET', '/pets');
    const at = lineOf(pets, "'200':");
    const html: CheckedResponse = { status: 200, headers: { 'content-type': 'image/png' }, body: Buffer.from('x') };
    assert.deepEqual(texts(checkResponse(route, html)), [
      `Content-Type image/png is not declared by the 200 response (declared: application/json, text/*) — api.yaml:${at}`,
    ]);
    const none: CheckedResponse = { status: 200, headers: {}, body: Buffer.from('{}') };
    assert.deepEqual(texts(checkResponse(route, none)), [
      `the response has no Content-Type; the 200 response declares application/json, text/* — api.yaml:${at}`,
    ]);
    const text: CheckedResponse = { status: 200, headers: { 'Content-Type': 'text/plain' }, body: Buffer.from('hi') };
    const plain = checkResponse(route, text);
    assert.deepEqual(texts(plain), []);
    assert.equal(plain.contentType, 'text/*');
    assert.match(plain.note ?? '', /not JSON, so it is not checked/);
  });

  it('a body that is not JSON, or empty, fails a JSON schema; HEAD answers and undeclared content are not checked', async () => {
    const route = await routeOf(pets, 'GET', '/pets');
    const at = lineOf(pets, "'200':");
    assert.match(
      texts(checkResponse(route, json(200, '{"items": [')))[0]!,
      /^the body is not JSON \(.*\); the 200 response declares a application\/json schema — api\.yaml:\d+$/,
    );
    assert.deepEqual(texts(checkResponse(route, json(200, ''))), [
      `the body is empty; the 200 response declares a application/json schema — api.yaml:${at}`,
    ]);
    assert.deepEqual(texts(checkResponse(route, json(204, 'anything at all'))), []);
    const head = await routeOf(pets, 'HEAD', '/pets');
    assert.deepEqual(texts(checkResponse(head, json(200, ''), { method: 'HEAD' })), []);
  });

  it("says where a schema in another file is wrong: that file's name and line", async () => {
    const shared = `Thing:
  type: object
  properties:
    size:
      type: integer
`;
    const definition = `openapi: 3.0.1
info: {title: Split, version: '1'}
paths:
  /thing:
    get:
      responses:
        '200':
          description: a thing
          content:
            application/json:
              schema: {$ref: 'schemas.yaml#/Thing'}
`;
    const route = await routeOf(definition, 'GET', '/thing', '/virtual/api.yaml', { '/virtual/schemas.yaml': shared });
    assert.deepEqual(texts(checkResponse(route, json(200, { size: 1.5 }))), ['/size must be integer — schemas.yaml:5']);
  });
});

const swagger = `swagger: '2.0'
info: {title: Old, version: '1'}
produces: [application/json, application/xml]
paths:
  /item:
    get:
      responses:
        '200':
          description: an item
          schema:
            type: object
            properties:
              id: {type: integer}
          headers:
            X-Rate-Limit:
              type: integer
    post:
      produces: []
      responses:
        '201':
          description: created
          schema: {type: array}
`;

describe('response contract: Swagger 2.0', () => {
  it('checks `schema` under each `produces` type, and JSON bodies only (XML is said, not checked)', async () => {
    const route = await routeOf(swagger, 'GET', '/item');
    assert.deepEqual(route.responses[0]?.schemas && Object.keys(route.responses[0].schemas), [
      'application/json',
      'application/xml',
    ]);
    assert.deepEqual(texts(checkResponse(route, json(200, { id: 'x' }))), [
      `/id must be integer — api.yaml:${lineOf(swagger, 'id: {type: integer}')}`,
    ]);
    const xml: CheckedResponse = {
      status: 200,
      headers: { 'Content-Type': 'application/xml' },
      body: Buffer.from('<a/>'),
    };
    const result = checkResponse(route, xml);
    assert.deepEqual(texts(result), []);
    assert.match(result.note ?? '', /application\/xml body is not JSON/);
  });

  it('a response schema without `produces` is application/json, as API Gateway imports it', async () => {
    const route = await routeOf(swagger, 'POST', '/item');
    assert.deepEqual(Object.keys(route.responses[0]?.schemas ?? {}), ['application/json']);
    assert.deepEqual(texts(checkResponse(route, json(201, []))), []);
    assert.deepEqual(texts(checkResponse(route, json(201, {}))), [
      `(body) must be array — api.yaml:${lineOf(swagger, 'schema: {type: array}')}`,
    ]);
  });

  it('checks a declared header when it is sent (Swagger 2.0 headers cannot be required)', async () => {
    const route = await routeOf(swagger, 'GET', '/item');
    assert.deepEqual(texts(checkResponse(route, json(200, { id: 1 }))), []);
    assert.deepEqual(texts(checkResponse(route, json(200, { id: 1 }, { 'x-rate-limit': '10' }))), []);
    assert.deepEqual(texts(checkResponse(route, json(200, { id: 1 }, { 'x-rate-limit': 'many' }))), [
      `header X-Rate-Limit must be integer (value "many") — api.yaml:${lineOf(swagger, 'type: integer', 'X-Rate-Limit')}`,
    ]);
  });
});

const headers = `openapi: 3.0.1
info: {title: Headers, version: '1'}
paths:
  /h:
    get:
      responses:
        '200':
          description: with headers
          headers:
            X-Request-Count:
              required: true
              schema: {type: integer, minimum: 1}
            X-Trace:
              schema: {type: string}
            X-Flags:
              schema:
                type: array
                items: {type: boolean}
            Content-Type:
              required: true
              schema: {type: string, enum: [never/this]}
            X-Shared:
              $ref: '#/components/headers/Shared'
components:
  headers:
    Shared:
      required: true
      schema: {type: string, pattern: '^v[0-9]+$'}
`;

describe('response contract: declared headers (OpenAPI 3)', () => {
  it('a required header that is missing is a mismatch at its declaration; an optional one may be left out', async () => {
    const route = await routeOf(headers, 'GET', '/h');
    const result = checkResponse(route, { status: 200, headers: { 'X-Shared': 'v2' }, body: Buffer.alloc(0) });
    assert.deepEqual(texts(result), [
      `header X-Request-Count is missing (required) — api.yaml:${lineOf(headers, 'X-Request-Count:')}`,
    ]);
    assert.equal(result.mismatches[0]!.header, 'X-Request-Count');
    assert.equal(result.mismatches[0]!.kind, 'header');
  });

  it('checks values against their schema: numbers, lists, $ref headers, any case of the name', async () => {
    const route = await routeOf(headers, 'GET', '/h');
    const ok = { 'x-request-count': '3', 'X-FLAGS': 'true,false', 'x-shared': 'v1' };
    assert.deepEqual(texts(checkResponse(route, { status: 200, headers: ok, body: Buffer.alloc(0) })), []);
    const bad = { 'X-Request-Count': '0', 'X-Flags': 'true,maybe', 'X-Shared': 'latest' };
    assert.deepEqual(texts(checkResponse(route, { status: 200, headers: bad, body: Buffer.alloc(0) })), [
      `header X-Request-Count must be >= 1 (value "0") — api.yaml:${lineOf(headers, 'minimum: 1')}`,
      `header X-Flags/1 must be boolean (value "true,maybe") — api.yaml:${lineOf(headers, 'items: {type: boolean}')}`,
      `header X-Shared must match pattern "^v[0-9]+$" (value "latest") — api.yaml:${lineOf(headers, "pattern: '^v")}`,
    ]);
  });

  it('ignores a declared Content-Type header, as OpenAPI says', async () => {
    const route = await routeOf(headers, 'GET', '/h');
    const sent = { 'X-Request-Count': '1', 'X-Shared': 'v1', 'Content-Type': 'text/plain' };
    assert.deepEqual(texts(checkResponse(route, { status: 200, headers: sent, body: Buffer.alloc(0) })), []);
  });
});
