// Generators for the fuzz properties (properties.ts): mapping templates from a grammar of what API Gateway
// templates use (and abuse), API definitions with API Gateway extensions around them, requests for the mock.
// Each mixes the common shapes with the ones that broke things before (../shared/robustness-findings): names of
// Object.prototype members, deep nesting, long chains, methods that multiply sizes, regular expressions that
// backtrack, large maps and lists.
import fc from 'fast-check';
import { stringify as toYaml } from 'yaml';

/** Names of Object.prototype members: keys, headers, methods and directives spelled so must be ordinary names. */
export const prototypeNames = [...new Set([...Object.getOwnPropertyNames(Object.prototype), '__proto__'])];

const name = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('a', 'b', 'x', 'item', 'body', 'id', 'list', 'map') },
  { weight: 1, arbitrary: fc.constantFrom(...prototypeNames) },
  { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_-]{0,8}$/) },
);

const jsonPath = fc.constantFrom(
  '$',
  '$.a',
  '$.a.b',
  '$.items[0]',
  '$.items[*].id',
  "$['x y']",
  '$..a',
  '$.*',
  '$[?(@.a > 1)]',
  '$.constructor',
  '$.__proto__',
  'bad path',
  '',
  '$[',
);

const regex = fc.constantFrom(
  '-+',
  '\\s*,\\s*',
  '[a-z]+',
  '"',
  'a*a*a*b',
  '.*.*.*x',
  '\\s*\\s*$',
  '(a+)+$',
  '(a|aa)+',
  '[',
  '(?i)x',
  'a{2,}',
  '\\d+\\.\\d+',
  '',
  '$1',
);

const methodCall: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '.size()',
    '.length()',
    '.toString()',
    '.isEmpty()',
    '.keySet()',
    '.entrySet()',
    '.values()',
    '.trim()',
    '.toUpperCase()',
    '.hashCode()',
    '.get(0)',
    '.get("a")',
    '.substring(1)',
    '.substring(2, 1)',
    '.charAt(99)',
    '.add(1)',
    '.add($list)',
    '.addAll($list)',
    '.put("k", $x)',
    '.putAll($map)',
    '.concat($x)',
    '.replace("", $x)',
    '.equals($x)',
    '.remove(0)',
    '.subList(0, 2)',
  ),
  regex.map((r) => `.replaceAll('${r}', 'y')`),
  regex.map((r) => `.split('${r}')`),
  regex.map((r) => `.matches('${r}')`),
  name.map((n) => `.${n}()`),
  name.map((n) => `.${n}`),
);

/** A `$reference` with what follows it. */
const reference: fc.Arbitrary<string> = fc
  .tuple(
    fc.oneof(
      { weight: 3, arbitrary: name.map((n) => `$${n}`) },
      name.map((n) => `$!${n}`),
      name.map((n) => `\${${n}}`),
      jsonPath.map((p) => `$input.path('${p}')`),
      jsonPath.map((p) => `$input.json('${p}')`),
      name.map((n) => `$input.params('${n}')`),
      fc.constantFrom('$input.params()', '$input.body', '$input.params().header', '$input.params().querystring'),
      name.map((n) => `$util.${n}($x)`),
      fc.constantFrom('$util.escapeJavaScript($x)', '$util.parseJson($input.body)', '$util.urlEncode($x)'),
      fc.constantFrom('$util.base64Decode($x)', '$util.urlDecode("%E0")', "$util.parseJson('{')"),
      name.map((n) => `$context.${n}`),
      fc.constantFrom('$context.requestId', '$context.identity.sourceIp', '$context.responseOverride.status'),
      name.map((n) => `$context.requestOverride.header.${n}`),
      name.map((n) => `$stageVariables.${n}`),
      name.map((n) => `$foreach.${n}`),
    ),
    fc.array(methodCall, { maxLength: 3 }),
  )
  .map(([head, calls]) => head + calls.join(''));

const text = fc.oneof(
  fc.constantFrom('{"a": ', '}', '"', ', ', '\n', '  ', 'x', '#', '$', '\\', '\\$x', '\\#if', '##c\n', '#* c *#'),
  fc.constantFrom('#[[raw $x]]#', '#{end}', '#', '$!', '${', '#{', ' #end', 'é', '\u0000', '😀', '\r\n'),
  name.map((n) => `#${n}`),
  fc.string({ maxLength: 8 }),
);

const { block } = fc.letrec<{ expression: string; block: string; statement: string }>((tie) => ({
  expression: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    reference,
    fc.integer({ min: -5, max: 100_000 }).map(String),
    fc.constantFrom('1.5', '-0', 'true', 'false', 'null', "'s'", '"d"', '""', "''"),
    tie('block').map((b) => `"${b.replace(/"/g, "'")}"`),
    fc.array(tie('expression'), { maxLength: 3 }).map((items) => `[${items.join(', ')}]`),
    fc.tuple(fc.integer({ min: -3, max: 200_000 }), fc.integer({ min: -3, max: 20 })).map(([a, b]) => `[${a}..${b}]`),
    fc
      .array(
        fc.tuple(
          fc.oneof(
            name.map((n) => `"${n}"`),
            tie('expression'),
          ),
          tie('expression'),
        ),
        { maxLength: 3 },
      )
      .map((entries) => `{${entries.map(([k, v]) => `${k}: ${v}`).join(', ')}}`),
    fc
      .tuple(
        tie('expression'),
        fc.constantFrom('+', '-', '*', '/', '%', '==', '!=', '<', '>=', '&&', '||', 'and', 'eq'),
        tie('expression'),
      )
      .map(([a, op, b]) => `${a} ${op} ${b}`),
    tie('expression').map((e) => `!${e}`),
    tie('expression').map((e) => `(${e})`),
  ),
  statement: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text,
    reference,
    fc.tuple(name, tie('expression')).map(([n, e]) => `#set($${n} = ${e})`),
    fc.tuple(reference, tie('expression')).map(([r, e]) => `#set(${r.replace(/\(.*$/, '')} = ${e})`),
    fc
      .tuple(tie('expression'), tie('block'), fc.option(tie('block')), fc.option(tie('expression')))
      .map(
        ([c, b, e, ei]) => `#if(${c})${b}${ei === null ? '' : `#elseif(${ei})x`}${e === null ? '' : `#else${e}`}#end`,
      ),
    fc.tuple(name, tie('expression'), tie('block')).map(([n, e, b]) => `#foreach($${n} in ${e})${b}#end`),
    fc.tuple(name, tie('block')).map(([n, b]) => `#macro(${n} $a $b)${b}#end#${n}($x 1)`),
    fc.tuple(name, tie('block')).map(([n, b]) => `#define($${n})${b}#end$${n}`),
    fc.constantFrom('#break', '#stop', '#parse("x")', '#evaluate($x)', '#if(', '#foreach($a)', '#end', '#else'),
  ),
  block: fc.array(tie('statement'), { maxLength: 4 }).map((parts) => parts.join('')),
}));

/** Templates whose size or depth is what matters: deep nesting, long chains, loops over heavy calls. */
const extreme = fc.oneof(
  fc.integer({ min: 1, max: 3000 }).map((n) => `#set($x = ${'('.repeat(n)}1${')'.repeat(n)})$x`),
  fc.integer({ min: 1, max: 3000 }).map((n) => `${'#if(true)'.repeat(n)}x${'#end'.repeat(n)}`),
  fc.integer({ min: 1, max: 3000 }).map((n) => `#set($x = ${'['.repeat(n)}${']'.repeat(n)})`),
  fc.integer({ min: 1, max: 3000 }).map((n) => `#set($x = ${'!'.repeat(n)}true)`),
  fc.integer({ min: 1, max: 8000 }).map((n) => `#set($x = ${Array(n).fill('$input.body').join(' + ')})$x.length()`),
  fc
    .integer({ min: 10, max: 24 })
    .map((n) => `#set($s = "a")#foreach($i in [1..${n}])#set($s = $s.concat($s))#end$s.replace("", $s)`),
  fc.integer({ min: 1, max: 40 }).map((n) => `#set($l = [1])#foreach($i in [1..${n}])#set($ok = $l.addAll($l))#end$l`),
  fc
    .integer({ min: 100, max: 20_000 })
    .map((n) => `#set($l = [0..${n}])#foreach($i in $l)#set($x = $l.toString())#end`),
  fc
    .tuple(regex, fc.integer({ min: 10, max: 3000 }))
    .map(([r, n]) => `#set($s = "${'a'.repeat(n)}")$s.replaceAll('${r}', 'x')`),
);

/** Mapping template text. */
export const template: fc.Arbitrary<string> = fc.oneof(
  { weight: 12, arbitrary: block },
  { weight: 1, arbitrary: extreme },
);

/** Templates inside definitions: mostly ordinary ones, so that a case stays cheap. */
const embeddedTemplate: fc.Arbitrary<string> = fc.oneof(
  { weight: 30, arbitrary: block },
  { weight: 1, arbitrary: extreme },
);

/** A request body the templates read. */
export const body = fc.oneof(
  fc.constantFrom('', '{}', '{"a": 1, "items": [{"id": "x"}]}', '[1, 2]', 'not json', '{"__proto__": {"a": 1}}'),
  fc.json({ maxDepth: 3 }),
);

// ------------------------------------------------------------------------------------------------ definitions

const pathSegment = fc.oneof(
  fc.constantFrom('pets', 'a', '{id}', '{proxy+}', '{constructor}', 'toString', '__proto__', '%7Bx%7D', ''),
  name,
);
const path = fc.array(pathSegment, { minLength: 0, maxLength: 4 }).map((segments) => `/${segments.join('/')}`);
const method = fc.constantFrom('get', 'post', 'put', 'delete', 'x-amazon-apigateway-any-method', 'options');

const integration = fc.record(
  {
    type: fc.constantFrom('mock', 'MOCK', 'aws_proxy', 'http_proxy', 'aws', 'http', 'constructor', ''),
    httpMethod: fc.constantFrom('POST', 'GET', 'ANY'),
    uri: fc.constantFrom(
      'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:1:function:Fn/invocations',
      'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:1:function:toString/invocations',
      'http://127.0.0.1:9/x',
      'not a uri',
    ),
    payloadFormatVersion: fc.constantFrom('1.0', '2.0'),
    passthroughBehavior: fc.constantFrom('when_no_match', 'never', 'when_no_templates', 'constructor'),
    requestTemplates: fc.dictionary(
      fc.constantFrom('application/json', 'text/plain', '__proto__', 'constructor'),
      embeddedTemplate,
      {
        maxKeys: 2,
      },
    ),
    requestParameters: fc.dictionary(
      name.map((n) => `integration.request.header.${n}`),
      fc.oneof(
        name.map((n) => `method.request.querystring.${n}`),
        fc.constantFrom("'x'", 'context.requestId', 'bad'),
      ),
      { maxKeys: 2 },
    ),
    responses: fc.dictionary(
      fc.oneof(fc.constantFrom('default', '2\\d{2}', '.*Error.*', '(a+)+', '['), name),
      fc.record(
        {
          statusCode: fc.oneof(fc.constantFrom('200', '400', '502', 'x'), fc.integer({ min: 0, max: 700 })),
          responseTemplates: fc.dictionary(fc.constantFrom('application/json', 'toString'), embeddedTemplate, {
            maxKeys: 1,
          }),
          responseParameters: fc.dictionary(
            name.map((n) => `method.response.header.${n}`),
            fc.constantFrom("'v'", "'a\nb'", 'integration.response.body.a', "'bad header'"),
            { maxKeys: 2 },
          ),
        },
        { requiredKeys: ['statusCode'] },
      ),
      { maxKeys: 3 },
    ),
  },
  { requiredKeys: ['type'] },
);

const operation = fc.record(
  {
    operationId: name,
    parameters: fc.array(
      fc.record({
        name,
        in: fc.constantFrom('path', 'query', 'header', 'cookie', 'body', 'constructor'),
        required: fc.boolean(),
        schema: fc.constantFrom({ type: 'string' }, { type: 'integer' }, {}),
      }),
      { maxLength: 3 },
    ),
    requestBody: fc.constant({
      content: {
        'application/json': { schema: { type: 'object', required: ['a'], properties: { a: { type: 'integer' } } } },
      },
    }),
    security: fc.array(fc.dictionary(name, fc.array(name, { maxLength: 1 }), { maxKeys: 1 }), { maxLength: 1 }),
    responses: fc.dictionary(
      fc.constantFrom('200', 'default', '4XX', 'constructor'),
      fc.constant({ description: 'd' }),
      {
        maxKeys: 2,
      },
    ),
    'x-amazon-apigateway-integration': integration,
    'x-amazon-apigateway-request-validator': fc.constantFrom('all', 'body', 'constructor'),
  },
  { requiredKeys: ['x-amazon-apigateway-integration'] },
);

const securityScheme = fc.record({
  type: fc.constantFrom('apiKey', 'oauth2', 'http', 'openIdConnect', 'constructor'),
  name: fc.constantFrom('Authorization', 'x-api-key', '__proto__'),
  in: fc.constantFrom('header', 'query'),
  'x-amazon-apigateway-authtype': fc.constantFrom('custom', 'cognito_user_pools', 'toString'),
  'x-amazon-apigateway-authorizer': fc.record({
    type: fc.constantFrom('token', 'request', 'jwt', 'cognito_user_pools', 'constructor', '__proto__'),
    identitySource: fc.constantFrom('method.request.header.Authorization', '$request.header.constructor', 'x'),
    identityValidationExpression: fc.constantFrom('^Bearer .+$', '(a+)+$', '['),
    authorizerUri: fc.constantFrom('arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/x/invocations'),
    jwtConfiguration: fc.constant({ issuer: 'https://issuer.example', audience: ['a'] }),
  }),
});

/** An API definition as a value: OpenAPI 3 (REST or HTTP API) or Swagger 2.0. */
export const definition = fc
  .record({
    version: fc.constantFrom('3.0.1', '2.0', '3.1.0'),
    http: fc.boolean(),
    paths: fc.dictionary(path, fc.dictionary(method, operation, { minKeys: 1, maxKeys: 2 }), {
      minKeys: 1,
      maxKeys: 4,
    }),
    schemes: fc.dictionary(name, securityScheme, { maxKeys: 2 }),
    gatewayResponses: fc.dictionary(
      fc.constantFrom('DEFAULT_4XX', 'MISSING_AUTHENTICATION_TOKEN', 'constructor', '__proto__'),
      fc.record({
        statusCode: fc.constantFrom(403, '404'),
        responseTemplates: fc.dictionary(fc.constant('application/json'), embeddedTemplate, { maxKeys: 1 }),
      }),
      { maxKeys: 2 },
    ),
    stageVariables: fc.dictionary(name, fc.string({ maxLength: 5 }), { maxKeys: 2 }),
    cors: fc.option(fc.constant({ allowOrigins: ['*'], allowMethods: ['GET'] })),
  })
  .map((d) => {
    const api: Record<string, unknown> =
      d.version === '2.0'
        ? { swagger: '2.0', info: { title: 't', version: '1' }, paths: d.paths, securityDefinitions: d.schemes }
        : {
            openapi: d.version,
            info: { title: 't', version: '1' },
            paths: d.paths,
            components: { securitySchemes: d.schemes },
          };
    api['x-amazon-apigateway-gateway-responses'] = d.gatewayResponses;
    if (d.http) api['x-amazon-apigateway-importexport-version'] = '1.0';
    if (d.cors !== null) api['x-amazon-apigateway-cors'] = d.cors;
    return { api, stageVariables: d.stageVariables };
  });

/** Edits a user makes while typing (or a broken tool makes), applied to a definition's text. */
const edit = fc.record({
  at: fc.nat(),
  remove: fc.integer({ min: 0, max: 12 }),
  insert: fc.constantFrom(
    '',
    ':',
    '- ',
    '{',
    '}',
    '[',
    ']',
    '"',
    "'",
    '\n',
    '  ',
    '#',
    '&a ',
    '*a',
    '!Ref ',
    '\t',
    '$ref: x',
  ),
});

/** A definition as the text of a file: YAML or JSON, sometimes edited into something broken. */
export const definitionText = fc
  .tuple(definition, fc.boolean(), fc.array(edit, { maxLength: 3 }))
  .map(([{ api }, json, edits]) => {
    let out = json ? JSON.stringify(api, null, 2) : toYaml(api, { lineWidth: 0 });
    for (const e of edits) {
      const at = e.at % (out.length + 1);
      out = out.slice(0, at) + e.insert + out.slice(at + e.remove);
    }
    return { text: out, name: json ? 'api.json' : 'api.yaml' };
  });

// ---------------------------------------------------------------------------------------------------- requests

const headerName = fc.oneof(
  fc.constantFrom('content-type', 'authorization', 'x-api-key', 'accept', 'cookie', 'host', 'origin'),
  fc.constantFrom(...prototypeNames),
  fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/),
);

/** A request as the HTTP server hands it to the runtime (header names lower-cased). */
export const request = fc.record({
  method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH', 'HEAD', 'constructor'),
  path: fc.oneof(
    path,
    path.map((p) => `/local${p}`),
    fc.constantFrom('/', '', '//', '/local/%E0', '/local/a/../b'),
  ),
  query: fc.oneof(
    fc.constant(''),
    fc
      .array(fc.tuple(fc.oneof(name, fc.constantFrom('a[]', '%zz', '')), fc.string({ maxLength: 4 })), { maxLength: 3 })
      .map((pairs) => pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')),
    fc.constantFrom('a=%E0', '&&', '=', 'constructor&toString=1'),
  ),
  headers: fc.dictionary(headerName, fc.array(fc.string({ maxLength: 12 }), { minLength: 1, maxLength: 2 }), {
    maxKeys: 4,
  }),
  body: body,
});
