import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createClients } from '../../../../src/aws/clients';
import { logGroupNameOfArn } from '../../../../src/aws/logs/logGroupArn';
import {
  executionLogGroupName,
  logGroupToTail,
  readStageLogGroups,
  restStageLogGroups,
  v2StageLogGroups,
} from '../../../../src/aws/logs/stageLogGroups';
import { startAwsTestServer } from '../../../aws/server';
import { rejection } from '../rejection';

const hint = 'Turn it on with Logging Settings.';

test('a REST stage: execution logs on by the */* level or by one method, the access log group from its ARN', () => {
  const on = restStageLogGroups('abc', {
    stageName: 'prod',
    methodSettings: { '*/*': { loggingLevel: 'INFO' } },
    accessLogSettings: {
      destinationArn: 'arn:aws:logs:eu-west-1:123456789012:log-group:/aws/apigw/pets-access:*',
      format: '$context.requestId',
    },
  });
  assert.deepEqual(on.execution, {
    name: 'API-Gateway-Execution-Logs_abc/prod',
    level: 'INFO',
    loggingOverrides: [],
    enabled: true,
  });
  assert.deepEqual(on.access, {
    name: '/aws/apigw/pets-access',
    destinationArn: 'arn:aws:logs:eu-west-1:123456789012:log-group:/aws/apigw/pets-access:*',
    format: '$context.requestId',
  });
  const method = restStageLogGroups('abc', {
    stageName: 'prod',
    methodSettings: { '*/*': { loggingLevel: 'OFF' }, 'pets/GET': { loggingLevel: 'ERROR' } },
  });
  assert.equal(method.execution?.enabled, true);
  assert.deepEqual(method.execution?.loggingOverrides, ['pets/GET']);
  const off = restStageLogGroups('abc', { stageName: 'prod', methodSettings: {} });
  assert.equal(off.execution?.enabled, false);
  assert.equal(off.access, undefined);
});

test('HTTP stages have no execution logs; WebSocket stages log by DefaultRouteSettings or a route', () => {
  const http = v2StageLogGroups('h1', 'HTTP', {
    StageName: '$default',
    AccessLogSettings: { DestinationArn: 'arn:aws:logs:us-east-1:1:log-group:http-access', Format: '{}' },
  });
  assert.equal(http.execution, undefined);
  assert.equal(http.access?.name, 'http-access');
  const ws = v2StageLogGroups('w1', 'WEBSOCKET', {
    StageName: 'dev',
    DefaultRouteSettings: { LoggingLevel: 'OFF' },
    RouteSettings: { $connect: { LoggingLevel: 'INFO' } },
  });
  assert.deepEqual(ws.execution, {
    name: executionLogGroupName('w1', 'dev'),
    level: 'OFF',
    loggingOverrides: ['$connect'],
    enabled: true,
  });
});

test('logGroupNameOfArn reads log group ARNs (with or without :*) and nothing else', () => {
  assert.equal(logGroupNameOfArn('arn:aws:logs:us-east-1:123:log-group:a/b_c#d'), 'a/b_c#d');
  assert.equal(logGroupNameOfArn('arn:aws-cn:logs:cn-north-1:123:log-group:x:*'), 'x');
  assert.equal(logGroupNameOfArn('arn:aws-us-gov:logs:us-gov-west-1:123:log-group:g'), 'g');
  assert.equal(logGroupNameOfArn(' arn:aws:logs:us-east-1:123:log-group:spaced:* '), 'spaced');
  assert.equal(logGroupNameOfArn('arn:aws:firehose:us-east-1:123:deliverystream/amazon-apigateway-pets'), undefined);
  assert.equal(logGroupNameOfArn('not an arn'), undefined);
});

test('logGroupToTail says why there is nothing to tail: logging off, HTTP execution logs, a Firehose destination', () => {
  const off = logGroupToTail(restStageLogGroups('abc', { stageName: 'prod' }), 'execution', hint);
  assert.equal(off.ok, false);
  assert.ok(!off.ok && off.reason === 'loggingOff');
  assert.match(!off.ok ? off.message : '', /Execution logging is off on stage prod of REST API abc .*Logging Settings/);
  const noAccess = logGroupToTail(restStageLogGroups('abc', { stageName: 'prod' }), 'access', hint);
  assert.ok(!noAccess.ok && noAccess.reason === 'loggingOff' && /Access logging is off/.test(noAccess.message));
  const http = logGroupToTail(v2StageLogGroups('h', 'HTTP', { StageName: 's' }), 'execution', hint);
  assert.ok(!http.ok && http.reason === 'noExecutionLogs' && /HTTP APIs have no execution logs/.test(http.message));
  const firehose = logGroupToTail(
    restStageLogGroups('abc', {
      stageName: 'prod',
      accessLogSettings: { destinationArn: 'arn:aws:firehose:us-east-1:1:deliverystream/amazon-apigateway-x' },
    }),
    'access',
    hint,
  );
  assert.ok(
    !firehose.ok && firehose.reason === 'notALogGroup' && /not a CloudWatch Logs log group/.test(firehose.message),
  );
  const ok = logGroupToTail(
    restStageLogGroups('abc', { stageName: 'prod', methodSettings: { '*/*': { loggingLevel: 'ERROR' } } }),
    'execution',
    hint,
  );
  assert.deepEqual(ok, { ok: true, name: 'API-Gateway-Execution-Logs_abc/prod' });
});

test('readStageLogGroups reads the stage from AWS (REST and HTTP, the test double) and refuses bad input', async () => {
  const server = await startAwsTestServer({ region: 'eu-west-1' });
  try {
    const clients = createClients(
      { region: 'eu-west-1', endpointUrl: server.url },
      { credentials: { accessKeyId: 'AKID', secretAccessKey: 'SECRET' }, maxAttempts: 1 },
    );
    const rest = server.state.createRestApi({ name: 'Pets' });
    rest.stages.set('prod', {
      stageName: 'prod',
      methodSettings: { '*/*': { loggingLevel: 'INFO', dataTraceEnabled: true } },
      accessLogSettings: { destinationArn: 'arn:aws:logs:eu-west-1:123456789012:log-group:pets-access', format: 'x' },
    });
    const groups = await readStageLogGroups(clients, { kind: 'REST', id: String(rest.wire.id) }, 'prod');
    assert.equal(groups.execution?.enabled, true);
    assert.equal(groups.access?.name, 'pets-access');
    const http = server.state.createApi({ name: 'H', protocolType: 'HTTP' });
    http.stages.set('$default', {
      stageName: '$default',
      accessLogSettings: { destinationArn: 'arn:aws:logs:eu-west-1:123456789012:log-group:h-access', format: 'x' },
    });
    const v2 = await readStageLogGroups(clients, { kind: 'HTTP', id: String(http.wire.apiId) }, '$default');
    assert.equal(v2.access?.name, 'h-access');
    assert.equal(v2.execution, undefined);
    const missing = await rejection(readStageLogGroups(clients, { kind: 'REST', id: String(rest.wire.id) }, 'nope'));
    assert.equal(missing.problem.kind, 'notFound');
    const blank = await rejection(readStageLogGroups(clients, { kind: 'REST', id: 'abc' }, ' '));
    assert.match(blank.message, /A stage name is required/);
    const kind = await rejection(readStageLogGroups(clients, { kind: 'SOAP' as 'REST', id: 'abc' }, 'prod'));
    assert.match(kind.message, /REST, HTTP or WEBSOCKET/);
  } finally {
    await server.close();
  }
});
