import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseIntegrationMocks } from '../../../src/runtime/integrationMocks';
import { plain } from '../helpers/plain';

const example =
  'like {"POST /orders": {"statusCode": 200, "headers": {"Content-Type": "application/json"}, "body": {"id": 1}}}.';

describe('integrationMocks in apigw.config.json', () => {
  it('reads route keys (method upper-cased), status, headers and a string or JSON body', () => {
    assert.deepEqual(
      plain(
        parseIntegrationMocks(
          { 'post /orders': { statusCode: 201, body: { id: 1 } }, 'GET /raw': { headers: { a: 'b' }, body: 'x' } },
          'c.json',
        ),
      ),
      {
        ok: true,
        mocks: {
          'POST /orders': { statusCode: 201, headers: {}, body: '{"id":1}' },
          'GET /raw': { statusCode: 200, headers: { a: 'b' }, body: 'x' },
        },
      },
    );
  });

  it('explains every bad value', () => {
    const cases: [unknown, string][] = [
      [[], `c.json: "integrationMocks" must be an object ${example}`],
      [{ orders: {} }, `c.json: "integrationMocks"."orders" must be a route key "METHOD /path", ${example}`],
      [{ 'GET /a': 3 }, `c.json: "integrationMocks"."GET /a" must be an object, ${example}`],
      [
        { 'GET /a': { statusCode: 99 } },
        `c.json: "integrationMocks"."GET /a" needs a "statusCode" from 100 to 599, ${example}`,
      ],
      [
        { 'GET /a': { headers: { a: 1 } } },
        `c.json: "integrationMocks"."GET /a" needs "headers" as an object of strings, ${example}`,
      ],
    ];
    for (const [data, message] of cases)
      assert.deepEqual(parseIntegrationMocks(data, 'c.json'), { ok: false, message });
  });
});
