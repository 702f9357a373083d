import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension/api';
import type { PreviewSnapshot } from '../../src/extension/preview/templatePreview';
import { child, extensionApi, waitFor, workspaceRoot } from './helpers/extension';

/** The create-pet request template of examples/pets-rest/openapi.yaml, found through the explorer tree. */
function createPetTemplate(api: ExtensionApi) {
  const file = child(api, undefined, 'pets-rest/openapi.yaml');
  const restApi = child(api, file.node, 'Pets REST API');
  const route = child(api, restApi.node, 'POST /pets');
  const integration = api.workspaceApis.tree.getChildren(route.node).find((n) => n.kind === 'integration');
  assert.ok(integration, 'POST /pets has no integration node');
  const template = api.workspaceApis.tree
    .getChildren(integration)
    .find((n) => n.kind === 'template' && n.role === 'request');
  assert.ok(template, 'POST /pets has no request template node');
  return template;
}

function nextRender(api: ExtensionApi, matches: (s: PreviewSnapshot) => boolean): Promise<PreviewSnapshot> {
  return waitFor('the preview to render', () => {
    const last = api.templatePreview?.lastRender();
    return last && matches(last) ? last : undefined;
  });
}

suite('Template preview', () => {
  let api: ExtensionApi;
  const file = () => path.join(workspaceRoot(), 'pets-rest', 'openapi.yaml');

  suiteSetup(async () => {
    api = await extensionApi();
    await api.workspaceApis.whenIdle();
  });

  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('renders a request template of the REST example with a sample generated from the schema', async () => {
    const node = createPetTemplate(api);
    const first = await vscode.commands.executeCommand<PreviewSnapshot>('apigw.previewTemplate', node);
    assert.deepEqual(first.errors, []);
    assert.equal(first.sampleError, undefined);
    // NewPet: name (string) and type (enum [dog, cat, fish]) → {"name": "string", "type": "dog"}.
    assert.match(first.output, /"name": "string",\n\s*"type": "dog",\n\s*"requestId": "[^"]+",\n\s*"stage": "test"/);
    assert.match(first.title, /POST \/pets · request application\/json/);
    assert.ok(
      first.trace.some((step) => step.text.startsWith('#set $pet = ')),
      JSON.stringify(first.trace),
    );
    await (
      globalThis as { __vscodeE2E?: { screenshot?: (name: string) => Promise<boolean> } }
    ).__vscodeE2E?.screenshot?.('template-preview');
  });

  test('follows edits of the template in the editor, then reports a template error with its position', async () => {
    const node = createPetTemplate(api);
    await vscode.commands.executeCommand('apigw.previewTemplate', node);
    const document = await vscode.workspace.openTextDocument(file());
    const editor = await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
    const line = document
      .getText()
      .split('\n')
      .findIndex((l) => l.includes('"stage": "$context.stage"'));
    assert.ok(line > 0);
    const at = document.lineAt(line);
    const indent = at.firstNonWhitespaceCharacterIndex;
    await editor.edit((e) =>
      e.replace(at.range, `${' '.repeat(indent)}"stage": "$context.stage-$pet.type.toUpperCase()"`),
    );
    const edited = await nextRender(api, (s) => s.output.includes('"stage": "test-DOG"'));
    assert.deepEqual(edited.errors, []);

    await editor.edit((e) =>
      e.replace(document.lineAt(line).range, `${' '.repeat(indent)}"stage": "$pet.type.substring(9)"`),
    );
    const failed = await nextRender(api, (s) => s.errors.length > 0);
    assert.equal(failed.errors.length, 1);
    const error = failed.errors[0]!;
    assert.equal(error.line, line, `error at line ${error.line + 1}: ${error.message}`);
    assert.ok(error.character >= indent, `error at column ${error.character}`);
    assert.match(error.message, /substring|index|range/i);
  });
});
