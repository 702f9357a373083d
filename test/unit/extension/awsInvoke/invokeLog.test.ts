import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { logSteps } from '../../../../src/aws/invoke';
import { presentLog } from '../../../../src/extension/awsInvoke/invokeLog';

const t = 'Thu Nov 09 18:02:40 UTC 2023';

/** A TestInvokeMethod log as AWS writes it for a Lambda integration with mapping templates. */
const lambdaLog = [
  'Execution log for request 5b0f3c27-8c3d-4d9e-9f0e-0123456789ab',
  `${t} : Starting execution for request: 5b0f3c27-8c3d-4d9e-9f0e-0123456789ab`,
  `${t} : HTTP Method: POST, Resource Path: /pets`,
  `${t} : Method request path: {}`,
  `${t} : Method request query string: {verbose=true}`,
  `${t} : Method request headers: {Content-Type=application/json}`,
  `${t} : Method request body before transformations: {"name": "Rex", "authorizer": "no"}`,
  `${t} : Endpoint request URI: https://lambda.eu-west-1.amazonaws.com/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:AddPet/invocations`,
  `${t} : Endpoint request headers: {X-Amz-Date=20231109T180240Z, Content-Type=application/json}`,
  `${t} : Endpoint request body after transformations: {`,
  '  "petName": "Rex"',
  '}',
  `${t} : Sending request to https://lambda.eu-west-1.amazonaws.com/2015-03-31/functions/AddPet/invocations`,
  `${t} : Received response. Status: 200, Integration latency: 25 ms`,
  `${t} : Endpoint response headers: {Content-Type=application/json}`,
  `${t} : Endpoint response body before transformations: {"id": 7}`,
  `${t} : Method response body after transformations: {"id": 7, "status": "created"}`,
  `${t} : Method response headers: {X-Amzn-Trace-Id=Root=1-abc, Content-Type=application/json}`,
  `${t} : Successfully completed execution`,
  `${t} : Method completed with status: 201`,
  '',
].join('\n');

describe("TestInvokeMethod's log by stage", () => {
  it('groups the steps as the console does, with the templates marked', () => {
    const log = presentLog(logSteps(lambdaLog));
    assert.equal(log.requestId, '5b0f3c27-8c3d-4d9e-9f0e-0123456789ab');
    assert.deepEqual(
      log.sections.map((s) => [s.title, s.entries.map((e) => e.title)]),
      [
        ['Start', ['Starting execution for request']],
        [
          'Method request',
          [
            'Request',
            'Method request path',
            'Method request query string',
            'Method request headers',
            'Method request body before transformations',
          ],
        ],
        [
          'Integration request',
          ['Endpoint request URI', 'Endpoint request headers', 'Endpoint request body after transformations'],
        ],
        [
          'Integration',
          [
            'Sending request to https://lambda.eu-west-1.amazonaws.com/2015-03-31/functions/AddPet/invocations',
            'Received response. Status',
          ],
        ],
        ['Integration response', ['Endpoint response headers', 'Endpoint response body before transformations']],
        ['Method response', ['Method response body after transformations', 'Method response headers']],
        ['Result', ['Successfully completed execution', 'Method completed with status']],
      ],
    );
    const request = log.sections[1]!.entries[0]!;
    assert.deepEqual(request, { title: 'Request', value: 'POST /pets', time: t });
    const template = log.sections[2]!.entries[2]!;
    assert.equal(template.template, 'request');
    assert.equal(template.value, '{\n  "petName": "Rex"\n}', 'a template spanning lines stays whole');
    assert.equal(log.sections[5]!.entries[0]!.template, 'response');
    assert.equal(log.sections[5]!.entries[0]!.value, '{"id": 7, "status": "created"}');
    assert.ok(log.sections.every((s) => !s.failed));
  });

  it('marks a failure, and keeps the steps of an authorizer together', () => {
    const log = presentLog(
      logSteps(
        [
          `${t} : Starting execution for request: r1`,
          `${t} : HTTP Method: GET, Resource Path: /secret`,
          `${t} : Starting authorizer: abc for request: r1`,
          `${t} : Incoming identity: {Authorization=****}`,
          `${t} : Endpoint request URI: https://lambda.eu-west-1.amazonaws.com/…/function:Auth/invocations`,
          `${t} : Successfully completed authorizer execution`,
          `${t} : Method request headers: {}`,
          `${t} : Execution failed due to configuration error: Invalid permissions on Lambda function`,
          `${t} : Method completed with status: 500`,
        ].join('\n'),
      ),
    );
    assert.deepEqual(
      log.sections.map((s) => [s.stage, s.entries.length, s.failed === true]),
      [
        ['start', 1, false],
        ['method request', 1, false],
        ['authorizer', 4, false],
        ['method request', 1, false],
        ['error', 1, true],
        ['end', 1, false],
      ],
    );
    const error = log.sections[4]!.entries[0]!;
    assert.equal(error.title, 'Execution failed due to configuration error');
    assert.equal(error.value, 'Invalid permissions on Lambda function');
    assert.equal(error.failed, true);
  });

  it('tells a failed validation, and shows lines it does not know under the stage before them', () => {
    const log = presentLog(
      logSteps(
        [
          `${t} : Method request body before transformations: {}`,
          `${t} : Request body does not match model schema for content type application/json: [object has missing required properties (["name"])]`,
          `${t} : Something new AWS says`,
          `${t} : Method completed with status: 400`,
        ].join('\n'),
      ),
    );
    assert.deepEqual(
      log.sections.map((s) => [s.stage, s.entries.map((e) => e.title), s.failed === true]),
      [
        [
          'method request',
          [
            'Method request body before transformations',
            'Request body does not match model schema for content type application/json',
            'Something new AWS says',
          ],
          true,
        ],
        ['end', ['Method completed with status'], false],
      ],
    );
  });

  it('is empty for an empty log', () => {
    assert.deepEqual(presentLog(logSteps('')), { sections: [] });
  });
});
