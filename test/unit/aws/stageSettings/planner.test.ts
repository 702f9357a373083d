// The logging-settings planner (pure): the patch operations / v2 fields of each change, the log group created when
// missing, the warnings, and every refusal AWS would answer, found before any call.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { accessLogFormat, accessLogFormatProblem, presetOf } from '../../../../src/aws/stageSettings/accessLogFormats';
import { defaultAccessLogGroup, parseDestination } from '../../../../src/aws/stageSettings/destination';
import { formatStageSettingsPlan } from '../../../../src/aws/stageSettings/formatPlan';
import { planStageLogging } from '../../../../src/aws/stageSettings/planner';
import type { LoggingChange, StageLoggingSettings, StageSettingsPlan } from '../../../../src/aws/stageSettings/types';
import type { AwsApiKind } from '../../../../src/aws/types';

const role = 'arn:aws:iam::123456789012:role/apigw-logs';

/** The plan's inputs are null-prototype records: compared as the JSON they are sent as. */
const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown;

function current(kind: AwsApiKind, more: Partial<StageLoggingSettings> = {}): StageLoggingSettings {
  return {
    kind,
    apiId: 'abc123',
    apiName: 'Pets',
    stage: 'prod',
    region: 'eu-west-1',
    accountId: '123456789012',
    detailedMetrics: false,
    ...(kind !== 'HTTP' ? { executionLogging: 'OFF' as const, dataTrace: false, cloudWatchRoleArn: role } : {}),
    ...more,
  };
}

function planOf(settings: StageLoggingSettings, change: LoggingChange, groups: string[] = []): StageSettingsPlan {
  const result = planStageLogging(settings, change, new Set(groups));
  if (!result.ok) assert.fail(`refused: ${result.refusals.join(' | ')}`);
  return result.plan;
}

function refusals(settings: StageLoggingSettings, change: LoggingChange): string[] {
  const result = planStageLogging(settings, change, new Set());
  assert.equal(result.ok, false, 'expected a refusal');
  return result.ok ? [] : result.refusals;
}

test('REST: execution logging, full data and detailed metrics are /*/*/ patch operations of one UpdateStage', () => {
  const plan = planOf(current('REST'), { executionLogging: 'INFO', dataTrace: true, detailedMetrics: true });
  assert.deepEqual(plan.steps, [
    {
      operation: 'UpdateStage',
      title: 'Update the logging settings of stage prod',
      input: {
        restApiId: 'abc123',
        stageName: 'prod',
        patchOperations: [
          { op: 'replace', path: '/*/*/logging/loglevel', value: 'INFO' },
          { op: 'replace', path: '/*/*/logging/dataTrace', value: 'true' },
          { op: 'replace', path: '/*/*/metrics/enabled', value: 'true' },
        ],
      },
    },
  ]);
  assert.deepEqual(
    plan.changes.map((c) => `${c.setting}: ${c.before} → ${c.after}`),
    ['execution logging: OFF → INFO', 'full request and response data: off → on', 'detailed metrics: off → on'],
  );
  assert.match(plan.warnings.join('\n'), /Full request and response data .* personal or secret data/);
});

test('REST: access logging on creates the missing log group first and sets destinationArn and format', () => {
  const format = accessLogFormat('REST', 'JSON');
  const plan = planOf(current('REST'), { accessLog: { destination: 'pets-access', format } });
  assert.deepEqual(
    plan.steps.map((s) => s.operation),
    ['CreateLogGroup', 'UpdateStage'],
  );
  assert.deepEqual(plan.steps[0]?.input, { logGroupName: 'pets-access' });
  assert.deepEqual(plan.steps[1]?.input['patchOperations'], [
    {
      op: 'replace',
      path: '/accessLogSettings/destinationArn',
      value: 'arn:aws:logs:eu-west-1:123456789012:log-group:pets-access',
    },
    { op: 'replace', path: '/accessLogSettings/format', value: format },
  ]);
  assert.match(plan.changes[0]?.after ?? '', /pets-access \(JSON\)/);
  // An existing group is not created again.
  const again = planOf(current('REST'), { accessLog: { destination: 'pets-access', format } }, ['pets-access']);
  assert.deepEqual(
    again.steps.map((s) => s.operation),
    ['UpdateStage'],
  );
});

test('REST: a log group ARN (with the ":*" CloudWatch shows) and a Firehose stream are taken as they are', () => {
  const format = accessLogFormat('REST', 'CLF');
  const plan = planOf(current('REST'), {
    accessLog: { destination: 'arn:aws:logs:eu-west-1:123456789012:log-group:/x/y:*', format },
  });
  assert.equal(plan.steps[0]?.input['logGroupName'], '/x/y');
  const ops = plan.steps[1]?.input['patchOperations'] as { value?: string }[];
  assert.equal(ops[0]?.value, 'arn:aws:logs:eu-west-1:123456789012:log-group:/x/y');
  const firehose = 'arn:aws:firehose:eu-west-1:123456789012:deliverystream/amazon-apigateway-pets';
  const viaStream = planOf(current('REST'), { accessLog: { destination: firehose, format } });
  assert.deepEqual(
    viaStream.steps.map((s) => s.operation),
    ['UpdateStage'],
  );
});

test('REST: access logging off removes /accessLogSettings; a change to what is set already is no change', () => {
  const on = current('REST', {
    accessLog: { destinationArn: 'arn:aws:logs:eu-west-1:1:log-group:g', format: 'x $context.requestId' },
  });
  const off = planOf(on, { accessLog: false });
  assert.deepEqual(off.steps[0]?.input['patchOperations'], [{ op: 'remove', path: '/accessLogSettings' }]);
  const same = planOf(current('REST', { executionLogging: 'ERROR', detailedMetrics: true }), {
    executionLogging: 'ERROR',
    detailedMetrics: true,
    accessLog: false,
  });
  assert.deepEqual(same.steps, []);
  assert.match(formatStageSettingsPlan(same), /No change/);
});

test('WebSocket: DefaultRouteSettings carry LoggingLevel, DataTraceEnabled and DetailedMetricsEnabled, throttling kept', () => {
  const ws = current('WEBSOCKET', { defaultRouteSettings: { ThrottlingBurstLimit: 50, ThrottlingRateLimit: 10 } });
  const plan = planOf(ws, {
    executionLogging: 'ERROR',
    detailedMetrics: true,
    accessLog: { destination: 'ws-access', format: accessLogFormat('WEBSOCKET', 'CLF') },
  });
  assert.deepEqual(
    plan.steps.map((s) => s.operation),
    ['CreateLogGroup', 'UpdateStage'],
  );
  assert.deepEqual(plain(plan.steps[1]?.input), {
    ApiId: 'abc123',
    StageName: 'prod',
    DefaultRouteSettings: {
      ThrottlingBurstLimit: 50,
      ThrottlingRateLimit: 10,
      DetailedMetricsEnabled: true,
      LoggingLevel: 'ERROR',
    },
    AccessLogSettings: {
      DestinationArn: 'arn:aws:logs:eu-west-1:123456789012:log-group:ws-access',
      Format: accessLogFormat('WEBSOCKET', 'CLF'),
    },
  });
});

test('HTTP: access logging off is DeleteAccessLogSettings; detailed metrics need no CloudWatch role', () => {
  const http = current('HTTP', {
    accessLog: { destinationArn: 'arn:aws:logs:eu-west-1:1:log-group:g', format: '$context.requestId' },
  });
  const plan = planOf(http, { accessLog: false, detailedMetrics: true });
  assert.deepEqual(plain(plan.steps.map((s) => [s.operation, s.input])), [
    ['UpdateStage', { ApiId: 'abc123', StageName: 'prod', DefaultRouteSettings: { DetailedMetricsEnabled: true } }],
    ['DeleteAccessLogSettings', { ApiId: 'abc123', StageName: 'prod' }],
  ]);
  const on = planOf(current('HTTP'), {
    accessLog: { destination: 'h', format: accessLogFormat('HTTP', 'CSV') },
  });
  assert.deepEqual(
    on.steps.map((s) => s.operation),
    ['CreateLogGroup', 'UpdateStage'],
  );
});

test('refused: logging on a REST or WebSocket stage while the account has no CloudWatch Logs role, saying how to set one', () => {
  for (const kind of ['REST', 'WEBSOCKET'] as const) {
    const [message] = refusals(current(kind, { cloudWatchRoleArn: '' }), { executionLogging: 'INFO' });
    assert.match(message ?? '', /no CloudWatch Logs role in eu-west-1/);
    assert.match(message ?? '', /AmazonAPIGatewayPushToCloudWatchLogs/);
    assert.match(message ?? '', /aws apigateway update-account --patch-operations op=replace,path=\/cloudwatchRoleArn/);
    const access = refusals(current(kind, { cloudWatchRoleArn: '' }), {
      accessLog: { destination: 'g', format: accessLogFormat(kind, 'CLF') },
    });
    assert.match(access[0] ?? '', /no CloudWatch Logs role/);
  }
  // Turning logging off, and detailed metrics, need no role.
  assert.equal(
    planStageLogging(
      current('REST', { cloudWatchRoleArn: '', executionLogging: 'INFO' }),
      { executionLogging: 'OFF', detailedMetrics: true },
      new Set(),
    ).ok,
    true,
  );
});

test('refused: an access-log format AWS would reject (no request id, empty, several lines)', () => {
  const [rest] = refusals(current('REST'), {
    accessLog: { destination: 'g', format: '$context.status $context.httpMethod' },
  });
  assert.match(rest ?? '', /neither \$context\.requestId nor \$context\.extendedRequestId/);
  // REST takes $context.extendedRequestId alone; HTTP and WebSocket need $context.requestId.
  assert.equal(accessLogFormatProblem('REST', '$context.extendedRequestId $context.status'), undefined);
  assert.match(
    accessLogFormatProblem('HTTP', '$context.extendedRequestId') ?? '',
    /does not name \$context\.requestId.*an HTTP API/,
  );
  assert.match(accessLogFormatProblem('WEBSOCKET', '$context.requestIdentity') ?? '', /a WebSocket API/);
  assert.match(accessLogFormatProblem('REST', '   ') ?? '', /empty/);
  assert.match(accessLogFormatProblem('REST', '$context.requestId\n$context.status') ?? '', /one line/);
});

test('refused: execution logging on an HTTP API, a bad level, a bad destination', () => {
  assert.match(refusals(current('HTTP'), { executionLogging: 'INFO' })[0] ?? '', /HTTP APIs have no execution logs/);
  assert.match(
    refusals(current('REST'), { executionLogging: 'DEBUG' as never })[0] ?? '',
    /'DEBUG' is not an execution logging level/,
  );
  const format = accessLogFormat('REST', 'CLF');
  assert.match(
    refusals(current('REST'), { accessLog: { destination: 'bad name!', format } })[0] ?? '',
    /not a log group name/,
  );
  assert.match(
    refusals(current('REST'), {
      accessLog: { destination: 'arn:aws:firehose:eu-west-1:1:deliverystream/pets', format },
    })[0] ?? '',
    /requires its name to begin with "amazon-apigateway-"/,
  );
  assert.match(
    refusals(current('REST'), { accessLog: { destination: 'arn:aws:s3:::bucket', format } })[0] ?? '',
    /neither/,
  );
});

test('warns when the stage belongs to a CloudFormation stack, whose next update undoes the change', () => {
  const plan = planOf(current('REST', { stack: 'pets-stack' }), { detailedMetrics: true });
  assert.match(plan.warnings[0] ?? '', /CloudFormation stack "pets-stack": its next stack update sets the stage back/);
  assert.match(formatStageSettingsPlan(plan), /! The stage prod of Pets \(abc123\) belongs to CloudFormation stack/);
  assert.match(formatStageSettingsPlan(plan), /replace \/\*\/\*\/metrics\/enabled = true/);
});

test('presets are recognised, and every preset passes the format rule of its API type', () => {
  for (const kind of ['REST', 'HTTP', 'WEBSOCKET'] as const) {
    for (const preset of ['CLF', 'JSON', 'XML', 'CSV'] as const) {
      const format = accessLogFormat(kind, preset);
      assert.equal(accessLogFormatProblem(kind, format), undefined, `${kind} ${preset}`);
      assert.equal(presetOf(kind, format), preset);
    }
  }
  assert.equal(presetOf('REST', '$context.requestId'), undefined);
  assert.equal(defaultAccessLogGroup('abc', 'prod'), 'API-Gateway-Access-Logs_abc/prod');
  assert.equal(defaultAccessLogGroup('abc', '$default'), 'API-Gateway-Access-Logs_abc/_default');
  assert.deepEqual(parseDestination('', 'eu-west-1', '1'), {
    kind: 'invalid',
    problem: 'The access-log destination is empty: give a log group name.',
  });
});
