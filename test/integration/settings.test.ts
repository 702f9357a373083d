import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension/api';
import { children, extensionApi, outline, waitFor } from './helpers/extension';

/** Waits (on the index, with a deadline) until the tree's outline satisfies `check`. */
async function waitForOutline(
  api: ExtensionApi,
  what: string,
  check: (o: ReturnType<typeof outline>) => boolean,
): Promise<void> {
  await waitFor(what, async () => {
    await api.workspaceApis.whenIdle();
    return check(outline(api)) ? true : undefined;
  });
}

suite('Explorer settings', () => {
  let api: ExtensionApi;
  const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('apigw');

  suiteSetup(async () => {
    api = await extensionApi();
    await api.workspaceApis.whenIdle();
  });

  suiteTeardown(async () => {
    await config().update('explorer.exclude', undefined, vscode.ConfigurationTarget.Workspace);
    await config().update('apiType', undefined, vscode.ConfigurationTarget.Workspace);
  });

  test('apigw.explorer.exclude hides matching files, and removing it shows them again', async () => {
    await waitForOutline(api, 'notes-http in the tree', (o) => 'notes-http/openapi.json' in o);
    await config().update('explorer.exclude', ['notes-http/**'], vscode.ConfigurationTarget.Workspace);
    await waitForOutline(api, 'notes-http to be excluded', (o) => !('notes-http/openapi.json' in o));
    assert.deepEqual(Object.keys(outline(api)), [
      'chat-websocket/template.yaml',
      'get-started/openapi.yaml',
      'pets-rest/openapi.yaml',
    ]);
    await config().update('explorer.exclude', undefined, vscode.ConfigurationTarget.Workspace);
    await waitForOutline(api, 'notes-http back in the tree', (o) => 'notes-http/openapi.json' in o);
  });

  test('apigw.apiType forces the type of every API', async () => {
    await config().update('apiType', 'HTTP', vscode.ConfigurationTarget.Workspace);
    await waitForOutline(
      api,
      'Pets REST API shown as HTTP',
      (o) => 'Pets REST API (HTTP)' in (o['pets-rest/openapi.yaml'] ?? {}),
    );
    await config().update('apiType', 'auto', vscode.ConfigurationTarget.Workspace);
    await waitForOutline(
      api,
      'Pets REST API shown as REST again',
      (o) => 'Pets REST API (REST)' in (o['pets-rest/openapi.yaml'] ?? {}),
    );
    assert.ok(children(api).length >= 3);
  });
});
