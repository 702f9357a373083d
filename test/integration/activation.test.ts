import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extension, extensionApi, waitFor } from './helpers/extension';

suite('Activation', () => {
  test('the extension activates by itself in a workspace with API definitions', async () => {
    // No activate() call here: the manifest's workspaceContains events must do it.
    await waitFor('the extension to be activated by its activation events', () =>
      extension().isActive ? true : undefined,
    );
  });

  test('activate() returns the test API and measures its own duration', async () => {
    const api = await extensionApi();
    assert.equal(typeof api.workspaceApis.whenIdle, 'function');
    assert.equal(typeof api.activationTimeMs, 'number');
    assert.ok(api.activationTimeMs >= 0 && api.activationTimeMs < 60_000, `activationTimeMs = ${api.activationTimeMs}`);
  });

  test('every contributed command is registered', async () => {
    await extensionApi();
    const manifest = extension().packageJSON as { contributes: { commands: Array<{ command: string }> } };
    const registered = new Set(await vscode.commands.getCommands(true));
    const contributed = manifest.contributes.commands.map((c) => c.command);
    assert.ok(contributed.length >= 4);
    assert.deepEqual(
      contributed.filter((id) => !registered.has(id)),
      [],
      'contributed but not registered',
    );
  });
});
