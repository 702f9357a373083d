// Show Mock Metrics and the access log channels, on a stand-in 'vscode': what they say when nothing runs, and the
// lines they keep.
import '../../helpers/fakeVscode';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type * as vscode from 'vscode';
import { UserError } from '../../../../src/extension/commands/commandRegistry';
import { MockAccessLogs } from '../../../../src/extension/mock/accessLogChannels';
import { ShowMockMetricsCommand } from '../../../../src/extension/mock/mockMetricsCommand';
import type { MockSession, MockSessions } from '../../../../src/extension/mock/mockSessions';

function sessions(running: Partial<MockSession>[]): MockSessions {
  return {
    list: () => running as MockSession[],
    get: (file: string, apiName: string) => running.find((s) => s.file === file && s.apiName === apiName),
  } as unknown as MockSessions;
}

const context = {} as vscode.ExtensionContext;

describe('Show Mock Metrics', () => {
  it('says how to start a mock API when none runs', async () => {
    await assert.rejects(new ShowMockMetricsCommand(sessions([]), context).execute(), (error: unknown) => {
      assert.ok(error instanceof UserError);
      assert.equal(
        error.message,
        'No mock API is running: start one (API Gateway: Start Mock API), then send requests.',
      );
      return true;
    });
  });

  it('refuses a session that is not running, naming what to do', async () => {
    const command = new ShowMockMetricsCommand(sessions([{ key: '/w/a.yaml#A', apiName: 'A' }]), context);
    await assert.rejects(command.execute('/w/b.yaml#B'), {
      message: 'That mock API is not running: start it (API Gateway: Start Mock API), then send requests.',
    });
  });
});

describe('the access log channels', () => {
  it('append in batches to a channel per API named for it, flushed on dispose', async () => {
    const appended = new Map<string, string[]>();
    const logs = new MockAccessLogs((name) => {
      appended.set(name, []);
      return {
        append: (text: string) => appended.get(name)!.push(text),
        show: () => undefined,
        dispose: () => undefined,
      };
    }, 1);
    logs.write('Pets', '/w/a.yaml#Pets', 'one');
    logs.write('Pets', '/w/a.yaml#Pets', 'two');
    assert.deepEqual(appended.get('Mock Access Log: Pets'), [], 'nothing before the batch interval');
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.deepEqual(appended.get('Mock Access Log: Pets'), ['one\ntwo\n']);
    logs.write('Pets', '/w/a.yaml#Pets', 'three');
    logs.dispose();
    assert.deepEqual(appended.get('Mock Access Log: Pets'), ['one\ntwo\n', 'three\n']);
  });

  it('keep the last 500 lines of each session, oldest first', () => {
    const quiet = { append: () => undefined, show: () => undefined, dispose: () => undefined };
    const logs = new MockAccessLogs(() => quiet, 60_000);
    for (let i = 0; i < 510; i++) logs.write('Pets', '/w/a.yaml#Pets', `line ${i}`);
    logs.write('Chat', '/w/b.yaml#Chat', 'other');
    const lines = logs.lines('/w/a.yaml#Pets');
    assert.equal(lines.length, 500);
    assert.equal(lines[0], 'line 10');
    assert.equal(lines[499], 'line 509');
    assert.deepEqual(logs.lines('/w/b.yaml#Chat'), ['other']);
    assert.deepEqual(logs.lines('/w/c.yaml#None'), []);
    logs.dispose();
  });
});
