import * as vscode from 'vscode';
import type { Command } from '../commands/commandRegistry';
import type { IndexedFile } from '../explorer/nodes';
import {
  exampleApiNode,
  exampleRouteNode,
  exampleTemplateNode,
  findGetStartedExample,
  type GetStartedExample,
} from './getStartedExample';

/**
 * The buttons of the "Get Started" walkthrough (package.json `contributes.walkthroughs`). Each one runs the real
 * command on the walkthrough's API (examples/get-started/openapi.yaml) as the Workspace APIs view would, so the
 * user goes straight to the result; in a workspace without that file each runs the command as the palette does
 * (it asks, or uses the active editor). They add no behaviour of their own.
 */
export interface GetStartedDeps {
  files: () => IndexedFile[];
  whenIdle: () => Promise<void>;
}

/** What the problem button did: the file it opened and the problem it showed (none: the Problems panel). */
export interface ProblemShown {
  file: string;
  diagnostic?: vscode.Diagnostic;
}

/** How long the problem button waits for the language server's first diagnostics of the file it opened. */
const diagnosticsDeadlineMs = 20_000;
/** The language server's diagnostics carry this source (src/server/convert.ts). */
const serverSource = 'API Gateway';

async function example(deps: GetStartedDeps): Promise<GetStartedExample | undefined> {
  await deps.whenIdle();
  return findGetStartedExample(deps.files());
}

function serverDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === serverSource)
    .sort((a, b) => a.range.start.compareTo(b.range.start));
}

/** The server's diagnostics of `uri` once there are some, or [] after the deadline. */
function firstDiagnostics(uri: vscode.Uri, deadlineMs: number): Promise<vscode.Diagnostic[]> {
  const now = serverDiagnostics(uri);
  if (now.length > 0) return Promise.resolve(now);
  return new Promise((resolve) => {
    const done = (found: vscode.Diagnostic[]): void => {
      clearTimeout(timer);
      listener.dispose();
      resolve(found);
    };
    const timer = setTimeout(() => done([]), deadlineMs);
    const listener = vscode.languages.onDidChangeDiagnostics((e) => {
      if (!e.uris.some((u) => u.toString() === uri.toString())) return;
      const found = serverDiagnostics(uri);
      if (found.length > 0) done(found);
    });
  });
}

/**
 * "See a problem and apply its quick fix": opens the example with its first problem selected and shown in place
 * (Go to Next Problem), where the light bulb offers the fix. Without the example, or once nothing is reported,
 * it opens the Problems panel.
 */
export class ShowGetStartedProblemCommand implements Command {
  readonly id = 'apigw.showGetStartedProblem';
  constructor(private readonly deps: GetStartedDeps) {}

  async execute(): Promise<ProblemShown | undefined> {
    const found = await example(this.deps);
    if (!found) {
      await vscode.commands.executeCommand('workbench.actions.view.problems');
      return undefined;
    }
    const document = await vscode.workspace.openTextDocument(vscode.Uri.file(found.file));
    const editor = await vscode.window.showTextDocument(document, { preview: false });
    const diagnostics = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: `Checking ${vscode.workspace.asRelativePath(found.file)}` },
      () => firstDiagnostics(document.uri, diagnosticsDeadlineMs),
    );
    const diagnostic = diagnostics[0];
    if (!diagnostic) {
      await vscode.commands.executeCommand('workbench.actions.view.problems');
      void vscode.window.showInformationMessage(
        `${vscode.workspace.asRelativePath(found.file)} has no problem now: it may be fixed already. The Problems panel lists the problems of every open definition.`,
      );
      return { file: found.file };
    }
    editor.selection = new vscode.Selection(diagnostic.range.start, diagnostic.range.start);
    editor.revealRange(diagnostic.range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    // Shows the problem's message in the editor, as F8 does; the quick fix is one Ctrl+. away from there.
    await vscode.commands.executeCommand('editor.action.marker.next');
    return { file: found.file, diagnostic };
  }
}

/** "Preview a mapping template": the example's 200 response template, else what the palette command previews. */
export class PreviewGetStartedTemplateCommand implements Command {
  readonly id = 'apigw.previewGetStartedTemplate';
  constructor(private readonly deps: GetStartedDeps) {}

  async execute(): Promise<unknown> {
    const found = await example(this.deps);
    const node = found && exampleTemplateNode(found);
    return vscode.commands.executeCommand('apigw.previewTemplate', ...(node ? [node] : []));
  }
}

/** "Start the mock": serves the example's API, else the API the user picks. */
export class StartGetStartedMockCommand implements Command {
  readonly id = 'apigw.startGetStartedMock';
  constructor(private readonly deps: GetStartedDeps) {}

  async execute(): Promise<unknown> {
    const found = await example(this.deps);
    return vscode.commands.executeCommand('apigw.startMock', ...(found ? [exampleApiNode(found)] : []));
  }
}

/** "Invoke a route": the Invoke panel on the example's route, else on the route the user picks. */
export class InvokeGetStartedRouteCommand implements Command {
  readonly id = 'apigw.invokeGetStartedRoute';
  constructor(private readonly deps: GetStartedDeps) {}

  async execute(): Promise<unknown> {
    const found = await example(this.deps);
    return vscode.commands.executeCommand('apigw.invokeRoute', ...(found ? [exampleRouteNode(found)] : []));
  }
}
