// Robustness findings F01, F03, F09, F10, F11 (../shared/robustness-findings): names that are members of
// Object.prototype — `constructor`, `toString`, `__proto__`… — written where the user writes names (request
// headers and query parameters, template methods and directives, definition values) are names like any other.
// The property at the end sends such names through every place at once, so a new map keyed by user text that
// inherits Object.prototype fails here (eslint.config.mjs refuses the usual way of making one).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { createLanguageService } from '../../../src/language';
import { MockRuntime } from '../../../src/runtime';
import { dict, dictOf, ownValue } from '../../../src/shared/dict';
import { nodeFileSystem } from '../../../src/shared/nodeFileSystem';
import { checkTemplate, checkTemplateFile } from '../../../src/vtl/check';
import { renderTemplateText } from '../../../src/vtl';

/** Every own name of Object.prototype, and `__proto__` (an accessor there, a key everywhere else). */
export const prototypeNames = [...new Set([...Object.getOwnPropertyNames(Object.prototype), '__proto__'])].sort();

/** One HTTP/1.1 request over a raw socket (fetch refuses some of these names); resolves to the status and body. */
function rawRequest(port: number, lines: string[]): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let text = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (text += chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0);
      resolve({ status, body: text.slice(text.indexOf('\r\n\r\n') + 4) });
    });
    socket.write(`${lines.join('\r\n')}\r\nConnection: close\r\n\r\n`);
  });
}

describe('names of Object.prototype members are ordinary names', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'apigw-proto-'));
  const file = path.join(dir, 'api.yaml');
  fs.writeFileSync(
    file,
    [
      'openapi: 3.0.1',
      'info: {title: t, version: "1"}',
      'paths:',
      '  /x:',
      '    get:',
      '      x-amazon-apigateway-integration:',
      '        type: mock',
      `        requestTemplates: {application/json: '{"statusCode": 200}'}`,
      '        responses:',
      '          default:',
      '            statusCode: "200"',
      '            responseTemplates:',
      `              application/json: '$input.params().header.keySet() $input.params().querystring.keySet()'`,
    ].join('\n'),
  );
  fs.writeFileSync(path.join(dir, 'apigw.config.json'), '{}');
  const runtime = new MockRuntime({ file, fs: nodeFileSystem, watch: false });
  let port = 0;
  before(async () => {
    port = Number(new URL(await runtime.start(0, '127.0.0.1')).port);
  });
  after(async () => {
    await runtime.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('F01: a request header named constructor, toString or __proto__ is a header, and the mock goes on', async () => {
    for (const name of prototypeNames) {
      const { status, body } = await rawRequest(port, ['GET /local/x HTTP/1.1', 'Host: h', `${name}: v`]);
      assert.equal(status, 200, `header ${name}: ${body}`);
      assert.ok(body.includes(name.toLowerCase()), `header ${name} reaches the template: ${body}`);
    }
  });

  it('F03: a query parameter named so is a parameter, not a 500', async () => {
    for (const name of prototypeNames) {
      const { status, body } = await rawRequest(port, [`GET /local/x?${name}=1&${name}=2 HTTP/1.1`, 'Host: h']);
      assert.equal(status, 200, `query ${name}: ${body}`);
      assert.ok(body.includes(`[${name}]`), `query ${name} reaches the template: ${body}`);
    }
  });

  it('F09: $input.toString() and the like are unknown $input members for the checker, not a crash', () => {
    for (const name of prototypeNames) {
      const found = checkTemplateFile(`$input.${name}()`);
      assert.deepEqual(
        found.map((d) => d.code),
        ['apigw.vtl.unknownInputMember'],
        name,
      );
      assert.deepEqual(
        checkTemplateFile(`$util.${name}('x')`).map((d) => d.code),
        ['apigw.vtl.unknownUtilMember'],
      );
    }
  });

  it('F10: #constructor, #toString… in template text print as text, as in Velocity', () => {
    for (const name of prototypeNames) {
      const text = `a #${name} b {"note": "see #${name}"}`;
      const result = renderTemplateText(text, { request: { body: '' } });
      assert.deepEqual(result.errors, [], name);
      assert.equal(result.output, text);
      assert.deepEqual(checkTemplate(text), []);
    }
  });

  it('F11: an authorizer of type constructor is an invalid value, not an internal error', async () => {
    const service = createLanguageService({ fs: nodeFileSystem });
    for (const name of prototypeNames) {
      const text = [
        'openapi: 3.0.1',
        'info: {title: t, version: "1"}',
        'paths: {}',
        'components:',
        '  securitySchemes:',
        '    auth:',
        '      type: apiKey',
        '      name: Authorization',
        '      in: header',
        '      x-amazon-apigateway-authorizer:',
        `        type: "${name}"`,
      ].join('\n');
      const found = await service.validate({ file: path.join(os.tmpdir(), 'apigw-proto.yaml'), text });
      const codes = found.map((d) => d.code);
      assert.ok(!codes.includes('apigw.internal'), `${name}: ${codes.join(', ')}`);
      assert.ok(codes.includes('apigw.extension.invalidValue'), `${name}: ${codes.join(', ')}`);
    }
  });

  it('the maps made for user text have no prototype: every name is a key like any other', () => {
    const made = dict<number>();
    for (const name of prototypeNames) {
      assert.equal(made[name], undefined);
      made[name] = 1;
    }
    assert.deepEqual(Object.keys(made).sort(), prototypeNames);
    const table = dictOf({ a: 1 });
    for (const name of prototypeNames) assert.equal(table[name], undefined);
    const parsed = JSON.parse('{"__proto__": 1, "a": 2}') as Record<string, number>;
    assert.equal(ownValue(parsed, '__proto__'), 1);
    assert.equal(ownValue(parsed, 'constructor'), undefined);
  });

  it('any definition that uses these names in every place a name goes validates without an internal error', async () => {
    const service = createLanguageService({ fs: nodeFileSystem });
    const name = fc.constantFrom(...prototypeNames);
    await fc.assert(
      fc.asyncProperty(name, name, name, async (a, b, c) => {
        const text = [
          'openapi: 3.0.1',
          'info: {title: t, version: "1"}',
          'x-amazon-apigateway-gateway-responses:',
          `  "${a}": {statusCode: 400}`,
          'paths:',
          `  /${a}/{${b}}:`,
          '    get:',
          `      operationId: "${c}"`,
          `      security: [{"${b}": []}]`,
          '      parameters:',
          `        - {name: "${b}", in: path, required: true, schema: {type: string}}`,
          `        - {name: "${c}", in: query, schema: {type: string}}`,
          `      responses: {"200": {description: ok, content: {"${a}/${c}": {schema: {type: object}}}}}`,
          '      x-amazon-apigateway-integration:',
          `        type: "${c}"`,
          '        requestParameters:',
          `          integration.request.header.${a}: method.request.querystring.${c}`,
          `        requestTemplates: {"${b}": "$input.params('${a}') $util.${b}() $context.${c} #${a}"}`,
          `        responses: {"${a}": {statusCode: "${b}"}}`,
          'components:',
          '  securitySchemes:',
          `    "${b}": {type: apiKey, name: "${c}", in: header, x-amazon-apigateway-authorizer: {type: "${a}"}}`,
        ].join('\n');
        const found = await service.validate({ file: path.join(os.tmpdir(), 'apigw-proto.yaml'), text });
        const internal = found.filter((d) => d.code === 'apigw.internal');
        assert.deepEqual(internal, [], text);
      }),
      { numRuns: 60, seed: 16 },
    );
  });
});
