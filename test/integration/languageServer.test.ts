import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { apiDiagnostics, waitForDiagnostics } from './helpers/diagnostics';
import { extensionApi, waitFor, workspaceRoot } from './helpers/extension';

const undeclared = 'apigw.path.undeclaredParameter';
const petIdParameters = "    parameters:\n      - $ref: '#/components/parameters/PetId'\n";

/** 0-based line and character of `needle` in `text` (the first match). */
function positionOf(text: string, needle: string): vscode.Position {
  const offset = text.indexOf(needle);
  assert.ok(offset >= 0, `"${needle}" not found`);
  const before = text.slice(0, offset).split('\n');
  return new vscode.Position(before.length - 1, before.at(-1)?.length ?? 0);
}

suite('Language server', () => {
  // Under out/ in the workspace copy: the Workspace APIs explorer skips it, so the other suites see no change.
  let dir: string;
  let brokenText: string;
  let broken: vscode.Uri;

  suiteSetup(async () => {
    await extensionApi();
    dir = path.join(workspaceRoot(), 'out', 'language-server-test');
    fs.mkdirSync(dir, { recursive: true });
    const pets = fs.readFileSync(path.join(workspaceRoot(), 'pets-rest', 'openapi.yaml'), 'utf8');
    // A broken copy of the REST example: /pets/{petId} loses its parameter declaration.
    brokenText = pets.replace(`  /pets/{petId}:\n${petIdParameters}`, '  /pets/{petId}:\n');
    assert.notEqual(brokenText, pets, 'the pets example no longer declares petId as expected');
    broken = vscode.Uri.file(path.join(dir, 'openapi.yaml'));
    fs.writeFileSync(broken.fsPath, brokenText);
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('an opened broken definition gets its diagnostics, with codes and exact ranges', async () => {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(broken));
    const at = positionOf(brokenText, '{petId}:');
    await waitForDiagnostics(broken, [`${undeclared}@${at.line}:${at.character}-${at.line}:${at.character + 7}`]);
    const [d] = apiDiagnostics(broken);
    assert.equal(d?.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(d?.message ?? '', /The path parameter 'petId' of '\/pets\/\{petId\}' is not declared/);
  });

  test('the diagnostics follow an edit, without saving', async () => {
    const document = await vscode.workspace.openTextDocument(broken);
    const at = positionOf(brokenText, '{petId}:');
    const fix = new vscode.WorkspaceEdit();
    fix.insert(broken, new vscode.Position(at.line + 1, 0), petIdParameters);
    assert.ok(await vscode.workspace.applyEdit(fix));
    assert.ok(document.isDirty);
    await waitForDiagnostics(broken, []);
    const undo = new vscode.WorkspaceEdit();
    undo.delete(broken, new vscode.Range(at.line + 1, 0, at.line + 3, 0));
    assert.ok(await vscode.workspace.applyEdit(undo));
    await waitForDiagnostics(broken, [`${undeclared}@${at.line}:${at.character}-${at.line}:${at.character + 7}`]);
  });

  test('a YAML file that is not an API definition gets nothing', async () => {
    const other = vscode.Uri.file(path.join(dir, 'workflow.yaml'));
    // Not an API, and not even valid YAML: checked as an API it would get a syntax error.
    fs.writeFileSync(other.fsPath, 'name: build\njobs: [unclosed\n');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(other));
    // A signal that the server has seen it: the edit after it, on the API file, is answered.
    const edit = new vscode.WorkspaceEdit();
    edit.insert(broken, new vscode.Position(0, 0), '# touched\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const at = positionOf(brokenText, '{petId}:');
    const shifted = at.line + 1;
    await waitForDiagnostics(broken, [`${undeclared}@${shifted}:${at.character}-${shifted}:${at.character + 7}`]);
    assert.deepEqual(apiDiagnostics(other), []);
  });

  test('completion offers the fields of an integration, and hover documents one', async () => {
    const toys = vscode.Uri.file(path.join(dir, 'toys.yaml'));
    const text = [
      'openapi: 3.0.1',
      'info:',
      '  title: Toys',
      "  version: '1'",
      'paths:',
      '  /toys:',
      '    get:',
      '      responses:',
      "        '200':",
      '          description: ok',
      '      x-amazon-apigateway-integration:',
      '        type: aws_proxy',
      '        ',
      '',
    ].join('\n');
    fs.writeFileSync(toys.fsPath, text);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(toys));
    const labels = await waitFor('integration fields in the completion list', async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>(
        'vscode.executeCompletionItemProvider',
        toys,
        new vscode.Position(12, 8),
      );
      const found = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
      return found.includes('uri') ? found : undefined;
    });
    assert.ok(labels.includes('httpMethod'));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      toys,
      new vscode.Position(11, 10),
    );
    const shown = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(shown, /Kind of integration/);
    assert.deepEqual(
      hovers.map((h) => h.range && [h.range.start.line, h.range.start.character, h.range.end.character]),
      [[11, 8, 12]],
    );
  });
});
