import '../../helpers/fakeVscode';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UserError } from '../../../../src/extension/commands/commandRegistry';
import { ShowRequestLogsCommand } from '../../../../src/extension/logs/showRequestLogsCommand';
import { eventLine, headerLines, noticeLine, parseFilterInput } from '../../../../src/extension/logs/tailLines';
import type { TailStageLogsCommand } from '../../../../src/extension/logs/tailStageLogsCommand';

describe('Tail Logs document lines', () => {
  it('an event is TIME  STREAM  MESSAGE, its own line breaks indented', () => {
    const at = Date.UTC(2026, 4, 1, 12);
    assert.equal(
      eventLine({ timestamp: at, logGroup: 'g', logStream: 's1', message: '(r1) Method completed\n' }),
      '2026-05-01T12:00:00.000Z  s1  (r1) Method completed',
    );
    assert.equal(
      eventLine({ timestamp: at, logGroup: 'g', logStream: 's1', message: 'a\nb' }),
      '2026-05-01T12:00:00.000Z  s1  a\n    b',
    );
    assert.equal(
      noticeLine({ code: 'liveTailRefused', message: 'Live Tail was refused' }, at),
      '── 2026-05-01T12:00:00.000Z  Live Tail was refused',
    );
  });

  it('the header names the stage, the group, the window and the filters', () => {
    const lines = headerLines({
      apiName: 'Pets',
      apiId: 'abc',
      stage: 'prod',
      logGroup: 'API-Gateway-Execution-Logs_abc/prod',
      which: 'execution',
      requestId: 'r-1',
      filter: '500',
      since: Date.UTC(2026, 4, 1, 11, 30),
    });
    assert.equal(lines[0], 'Execution log of stage prod of Pets (abc): API-Gateway-Execution-Logs_abc/prod');
    assert.match(lines[1]!, /^Since 2026-05-01T11:30:00.000Z; only request id r-1 and lines containing "500"\. Close/);
  });

  it('the filter box: a UUID or an HTTP API request id is a request id, anything else text', () => {
    assert.deepEqual(parseFilterInput('  '), {});
    assert.deepEqual(parseFilterInput('1b2c3d4e-5f60-4a1b-9c2d-3e4f5a6b7c8d'), {
      requestId: '1b2c3d4e-5f60-4a1b-9c2d-3e4f5a6b7c8d',
    });
    assert.deepEqual(parseFilterInput('Jx1ZkjKXoAMEVbQ='), { requestId: 'Jx1ZkjKXoAMEVbQ=' });
    assert.deepEqual(parseFilterInput('status: 500'), { filter: 'status: 500' });
  });
});

describe('Show Logs of This Request', () => {
  const calls: unknown[][] = [];
  const tail = { execute: (...args: unknown[]) => (calls.push(args), Promise.resolve(undefined)) };
  const command = new ShowRequestLogsCommand(tail as unknown as TailStageLogsCommand);

  it('tails the access log of an HTTP stage and the execution log of a REST one, by request id, 15 minutes back', async () => {
    await command.execute({ kind: 'HTTP', apiId: 'h1', apiName: 'Notes', stage: '$default', requestId: 'Jx1=' });
    await command.execute({ kind: 'REST', apiId: 'r1', stage: 'prod', requestId: 'u-1' });
    assert.deepEqual(calls, [
      [
        { kind: 'HTTP', apiId: 'h1', stage: '$default', apiName: 'Notes' },
        { which: 'access', requestId: 'Jx1=', sinceMinutes: 15 },
      ],
      [
        { kind: 'REST', apiId: 'r1', stage: 'prod' },
        { which: 'execution', requestId: 'u-1', sinceMinutes: 15 },
      ],
    ]);
  });

  it('refuses without a request sent to AWS', () => {
    for (const bad of [
      undefined,
      {},
      { kind: 'HTTP', apiId: 'h', stage: 's', requestId: ' ' },
      { kind: 'SOAP', apiId: 'h', stage: 's', requestId: 'r' },
    ]) {
      assert.throws(
        () => command.execute(bad),
        (e: unknown) => e instanceof UserError && /needs a request sent to AWS/.test(e.message),
      );
    }
  });
});
