// The per-request shortcuts of the shared pipeline (issue 13) answer exactly what the longer ways did: header
// checks without regular expressions, header look-ups without lower-cased copies, a response's declared content
// read once, path segments split in one pass, template parameter maps built key by key.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { GatewayApi, Route } from '../../../src/model';
import { checkResponse, headerValue } from '../../../src/runtime/contract/check';
import { fastDict } from '../../../src/runtime/fastDict';
import { withoutPort } from '../../../src/runtime/requestContext';
import { Router } from '../../../src/runtime/router';
import { headerProblem } from '../../../src/runtime/text';
import { renderTemplateText, type TemplateRequest } from '../../../src/vtl';
import { plain } from '../helpers/plain';
import { routeOf } from './contract/helpers';

describe('headerProblem', () => {
  it('passes the names and values HTTP can carry', () => {
    assert.equal(headerProblem('Content-Type', 'application/json; charset=utf-8'), undefined);
    assert.equal(headerProblem("x-!#$%&'*+-.^_`|~09AZaz", 'tab\there, latin-1 \u00e9\u00ff, ~'), undefined);
    assert.equal(headerProblem('X-Empty', ''), undefined);
  });

  it('names what HTTP cannot carry, as before', () => {
    assert.equal(headerProblem('', 'v'), 'the header name "" is not an HTTP token');
    assert.equal(headerProblem('X Space', 'v'), 'the header name "X Space" is not an HTTP token');
    assert.equal(headerProblem('X-\u00e9', 'v'), 'the header name "X-\u00e9" is not an HTTP token');
    assert.equal(headerProblem('X-A', 'a\nb'), 'the value of the header X-A holds a line break');
    assert.equal(headerProblem('X-A', 'a\rb'), 'the value of the header X-A holds a line break');
    assert.equal(headerProblem('X-A', 'a\u007fb'), 'the value of the header X-A holds the character U+007F');
    assert.equal(headerProblem('X-A', 'a\u0000'), 'the value of the header X-A holds the character U+0000');
    assert.equal(headerProblem('X-A', 'a\u0100'), 'the value of the header X-A holds the character U+0100');
    assert.equal(headerProblem('X-A', '\u{1f600}'), 'the value of the header X-A holds the character U+D83D');
  });
});

describe('headerValue', () => {
  it('finds a header whatever the case of its name', () => {
    const headers = { 'X-Other': 'o', 'Content-Type': 'text/plain', 'x-amzn-requestid': 'id' };
    assert.equal(headerValue(headers, 'content-type'), 'text/plain');
    assert.equal(headerValue(headers, 'CONTENT-TYPE'), 'text/plain');
    assert.equal(headerValue(headers, 'X-Amzn-RequestId'), 'id');
    assert.equal(headerValue(headers, 'content-typ'), undefined);
    assert.equal(headerValue(headers, 'content-typez'), undefined);
  });

  it('lower-cases names that are not ASCII as JavaScript does, length changes and all', () => {
    // U+0130 lower-cases to two code units; U+212A (the Kelvin sign) to an ASCII k.
    assert.equal(headerValue({ '\u0130d': 'dotted' }, 'i\u0307d'), 'dotted');
    assert.equal(headerValue({ '\u212a-x': 'kelvin' }, 'k-x'), 'kelvin');
    assert.equal(headerValue({ 'k-x': 'ascii' }, '\u212a-x'), 'ascii');
  });
});

describe('the response contract check, declared content read once per response', () => {
  const definition = `openapi: 3.0.1
info: {title: Content, version: '1'}
paths:
  /a:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json: {schema: {type: object, required: [id], properties: {id: {type: string}}}}
            text/*: {example: hi}
`;

  it('checks each response against the same declaration by its own content type', async () => {
    const route = await routeOf(definition, 'GET', '/a');
    const check = (type: string, body: string): string[] =>
      checkResponse(route, { status: 200, headers: { 'content-TYPE': type }, body: Buffer.from(body) }).mismatches.map(
        (m) => m.message,
      );
    assert.deepEqual(check('application/json', '{}'), ["must have required property 'id'"]);
    assert.deepEqual(check('Application/JSON; charset=utf-8', '{"id": "7"}'), []);
    assert.deepEqual(check('text/html', '<p>'), []);
    assert.equal(
      checkResponse(route, { status: 200, headers: { 'Content-Type': 'text/csv' }, body: Buffer.from('a') })
        .contentType,
      'text/*',
    );
    assert.deepEqual(check('image/png', 'x'), [
      'Content-Type image/png is not declared by the 200 response (declared: application/json, text/*)',
    ]);
    assert.deepEqual(check('application/json', '[]'), ['must be object']);
  });
});

describe('the router, path parameters among empty segments', () => {
  const router = new Router({
    type: 'REST',
    routes: [
      { method: 'GET', path: '/pets/{id}' },
      { method: 'POST', path: '/files/{path+}' },
    ] as Route[],
  } as GatewayApi);

  const parameters = (method: string, path: string): unknown => {
    const outcome = router.match(method, path);
    return outcome.kind === 'matched' ? plain(outcome.match.pathParameters) : outcome.kind;
  };

  it('skips empty segments and trailing slashes as split and filter did', () => {
    assert.deepEqual(parameters('GET', '//pets//7/'), { id: '7' });
    assert.deepEqual(parameters('POST', '/files//a//b/'), { path: 'a/b' });
    assert.deepEqual(parameters('GET', '/pets/7/8'), 'noRoute');
    assert.deepEqual(parameters('GET', '/pets//'), 'noRoute');
  });
});

describe('$input parameter maps', () => {
  const render = (template: string, request: TemplateRequest): string => {
    const result = renderTemplateText(template, { request });
    assert.deepEqual(result.errors, []);
    return result.output;
  };

  it('read path, query string and header parameters, the last of repeated ones, in that order', () => {
    const request: TemplateRequest = {
      pathParameters: { id: 'p', constructor: 'c' },
      queryStringParameters: { q: 'single' },
      multiValueQueryStringParameters: { q: ['1', '2'], r: ['a', 'b'], empty: [] },
      headers: { 'X-H': 'h' },
      multiValueHeaders: { 'X-H': ['h0', 'h'] },
    };
    assert.equal(
      render(
        "$input.params('id') $input.params('constructor') $input.params('q') $input.params('r') $input.params('x-h')",
        request,
      ),
      'p c single b h',
    );
    assert.equal(
      render('$input.params()', request),
      '{path={id=p, constructor=c}, querystring={q=single, r=b}, header={X-H=h}}',
    );
  });

  it('take absent or null maps as empty', () => {
    const request = { pathParameters: null, queryStringParameters: null } as unknown as TemplateRequest;
    assert.equal(render("[$input.params('id')]", request), '[]');
    assert.equal(render('$input.params()', {}), '{path={}, querystring={}, header={}}');
  });
});

describe('fastDict', () => {
  it('is prototype-free: no inherited members, and __proto__ or constructor are header names like any other', () => {
    const headers = fastDict<string>();
    assert.equal(headers['constructor'], undefined);
    assert.equal('toString' in headers, false);
    assert.equal('hasOwnProperty' in headers, false);
    headers['Content-Type'] = 'application/json';
    headers['__proto__'] = 'p';
    headers['constructor'] = 'c';
    assert.deepEqual(Object.keys(headers), ['Content-Type', '__proto__', 'constructor']);
    assert.equal(JSON.stringify(headers), '{"Content-Type":"application/json","__proto__":"p","constructor":"c"}');
    assert.equal(Object.getPrototypeOf(Object.getPrototypeOf(headers)), null);
    assert.deepEqual(Object.keys(fastDict()), [], 'records share no keys');
    const names: string[] = [];
    for (const name in headers) names.push(name);
    assert.deepEqual(names, ['Content-Type', '__proto__', 'constructor']);
  });
});

describe('withoutPort ($context.domainName)', () => {
  it('drops a final :digits as the regular expression did', () => {
    for (const host of [
      '127.0.0.1:3000',
      'localhost',
      'host:',
      ':80',
      '[::1]:8080',
      '[::1]',
      'a:12:34',
      '::1',
      'x:1a',
      '',
      'h:\u0661',
    ]) {
      assert.equal(withoutPort(host), host.replace(/:\d+$/, ''), host);
    }
  });
});
