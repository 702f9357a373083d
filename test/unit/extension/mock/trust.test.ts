import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { trustRefusal } from '../../../../src/extension/mock/trust';

describe('the mock runtime in untrusted workspaces', () => {
  it('runs in a trusted workspace', () => {
    assert.equal(trustRefusal(true, 'Start Mock API'), undefined);
    assert.equal(trustRefusal(true, 'Invoke Route Locally'), undefined);
  });

  it('refuses in Restricted Mode, saying why and how to trust the workspace', () => {
    assert.equal(
      trustRefusal(false, 'Start Mock API'),
      "Start Mock API is disabled in Restricted Mode: the mock API runs this workspace's Lambda handlers and " +
        'listens on a port. Trust the workspace (Workspaces: Manage Workspace Trust) to use it.',
    );
    assert.match(
      trustRefusal(false, 'Invoke Route Locally') ?? '',
      /^Invoke Route Locally is disabled in Restricted Mode/,
    );
  });
});
