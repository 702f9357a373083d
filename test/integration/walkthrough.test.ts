import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension/api';
import type { PreviewSnapshot } from '../../src/extension/preview/templatePreview';
import type { DryRunResult, ProblemShown } from '../../src/extension/walkthrough';
import { startAwsTestServer, type AwsTestServer } from '../aws/server';
import { awsTestEnvironment, setEnv } from './helpers/awsEnvironment';
import { apiDiagnostics, describeDiagnostic, waitForDiagnostics } from './helpers/diagnostics';
import { child, children, extension, extensionApi, waitFor, workspaceRoot } from './helpers/extension';

// The "Get Started" walkthrough (package.json contributes.walkthroughs): every step's buttons — the command: links
// of its description, read from the manifest — run here in order, as a click runs them, and each step's effect is
// checked; so are its completion events (the commands and views that check the step off). A step added to the
// manifest without a check here fails the first test.

interface Step {
  id: string;
  title: string;
  description: string;
  completionEvents?: string[];
}

interface Button {
  command: string;
  args: unknown[];
}

/** The manifest's walkthrough steps, with %keys% resolved from package.nls.json (if VS Code left any). */
function walkthroughSteps(): Step[] {
  const ext = extension();
  const manifest = ext.packageJSON as { contributes: { walkthroughs?: Array<{ id: string; steps: Step[] }> } };
  const walkthrough = manifest.contributes.walkthroughs?.find((w) => w.id === 'apigw.getStarted');
  assert.ok(walkthrough, 'package.json contributes no apigw.getStarted walkthrough');
  const nls = JSON.parse(fs.readFileSync(path.join(ext.extensionPath, 'package.nls.json'), 'utf8')) as Record<
    string,
    string
  >;
  const localized = (value: string): string => {
    const key = /^%(.+)%$/.exec(value)?.[1];
    return key === undefined ? value : (nls[key] ?? value);
  };
  return walkthrough.steps.map((s) => ({ ...s, title: localized(s.title), description: localized(s.description) }));
}

/** The command: links of a step's description (the buttons), with their arguments; `toSide:` is where, not what. */
function buttonsOf(step: Step): Button[] {
  return [...step.description.matchAll(/\]\(command:(?:toSide:)?([\w.]+)(?:\?([^)]*))?\)/g)].map((m) => {
    const query = m[2];
    const parsed: unknown = query ? JSON.parse(decodeURIComponent(query)) : undefined;
    return { command: m[1] as string, args: parsed === undefined ? [] : Array.isArray(parsed) ? parsed : [parsed] };
  });
}

/** GET over HTTP from the test (127.0.0.1 only). */
function get(url: string): Promise<{ status: number; body: string }> {
  assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\//, `the mock must listen on 127.0.0.1, not ${url}`);
  return new Promise((resolve, reject) => {
    const request = http.get(url, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on('error', reject);
  });
}

const credentials = { accessKeyId: 'AKIDWALKTHROUGH', secretAccessKey: 'walkthrough-secret' };

suite('Get Started walkthrough', () => {
  const steps = walkthroughSteps();
  let api: ExtensionApi;
  let example: string;
  let original: string;
  let server: AwsTestServer | undefined;
  let savedEnv: Record<string, string | undefined> | undefined;

  /** What each button returned, by command id. */
  const results = new Map<string, unknown>();
  /** Runs a step's buttons in order, as clicks do, keeping what each returned. */
  async function clickButtons(step: Step): Promise<void> {
    const buttons = buttonsOf(step);
    assert.ok(buttons.length > 0, `step ${step.id} has no button`);
    for (const button of buttons) {
      results.set(button.command, await vscode.commands.executeCommand(button.command, ...button.args));
    }
  }

  /**
   * Per step: click its buttons and check what they did. Each check returns the completion events it showed
   * happened ('onCommand:ID' for a command that ran, 'onView:ID' for a view that opened).
   */
  const checks: Record<string, (step: Step) => Promise<string[]>> = {
    'apigw.getStarted.openView': async (step) => {
      const view = api.workspaceApis.view;
      await vscode.commands.executeCommand('workbench.action.closeSidebar');
      await waitFor('the API Gateway view to be hidden', () => (view.visible ? undefined : true));
      await clickButtons(step);
      await waitFor('the API Gateway view to be shown', () => (view.visible ? true : undefined));
      // The view lists the walkthrough's API.
      const file = child(api, undefined, 'get-started/openapi.yaml');
      const greetings = child(api, file.node, 'Get Started API');
      assert.equal(greetings.description, 'REST');
      assert.deepEqual(
        children(api, greetings.node).map((c) => c.label),
        ['GET /greetings/{name}'],
      );
      return ['onView:apigw.workspaceApis'];
    },

    'apigw.getStarted.fixProblem': async (step) => {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await clickButtons(step);
      const shown = results.get('apigw.showGetStartedProblem') as ProblemShown | undefined;
      assert.ok(shown?.diagnostic, `the button showed no problem: ${JSON.stringify(shown)}`);
      assert.equal(shown.file, example);
      const uri = vscode.Uri.file(example);
      const problem = describeDiagnostic(shown.diagnostic);
      assert.equal(problem, 'apigw.path.undeclaredParameter@9:13-9:19');
      assert.match(shown.diagnostic.message, /The path parameter 'name' of '\/greetings\/\{name\}' is not declared/);
      // The problem is in front of the user: its file in the active editor, the cursor on it.
      const editor = vscode.window.activeTextEditor;
      assert.ok(editor, 'no active editor');
      assert.equal(editor.document.uri.fsPath, example);
      assert.deepEqual(editor.selection.active, shown.diagnostic.range.start);

      // Its quick fix, as the light bulb offers and applies it.
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        uri,
        shown.diagnostic.range,
        vscode.CodeActionKind.QuickFix.value,
      );
      const fix = actions.find((a) => a.title === "Declare the path parameter 'name'");
      assert.ok(fix?.edit, `no quick fix among ${JSON.stringify(actions.map((a) => a.title))}`);
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      await waitForDiagnostics(uri, []);
      assert.match(
        editor.document.getText(),
        /\n {4}parameters:\n {6}- name: name\n {8}in: path\n {8}required: true\n/,
      );

      // Back as the example was: the next steps (and a next run of the walkthrough) start from the problem.
      const restore = new vscode.WorkspaceEdit();
      restore.replace(uri, new vscode.Range(0, 0, editor.document.lineCount, 0), original);
      assert.ok(await vscode.workspace.applyEdit(restore));
      assert.ok(await editor.document.save());
      await waitForDiagnostics(uri, [problem]);
      return ['onCommand:apigw.showGetStartedProblem'];
    },

    'apigw.getStarted.previewTemplate': async (step) => {
      await clickButtons(step);
      const snapshot = results.get('apigw.previewGetStartedTemplate') as PreviewSnapshot | undefined;
      assert.ok(snapshot, 'the button previewed nothing');
      assert.equal(snapshot.title, 'GET /greetings/{name} · response application/json');
      assert.deepEqual(snapshot.errors, []);
      // The sample request has no name (the parameter is undeclared): the template greets "there".
      assert.equal((JSON.parse(snapshot.output) as { message: string }).message, 'Hello, there!');
      assert.ok(
        snapshot.trace.some((t) => t.text.startsWith('#set $name = ')),
        JSON.stringify(snapshot.trace),
      );
      // The real command ran: the preview panel rendered the same.
      const shown = api.templatePreview?.lastRender();
      assert.deepEqual([shown?.title, shown?.output], [snapshot.title, snapshot.output]);
      return ['onCommand:apigw.previewGetStartedTemplate', 'onCommand:apigw.previewTemplate'];
    },

    'apigw.getStarted.invokeRoute': async (step) => {
      const mock = api.mock;
      assert.ok(mock, 'the extension exposes no mock test API');
      await clickButtons(step);
      // Start the Mock API: the example is served on 127.0.0.1 under its stage.
      const session = results.get('apigw.startGetStartedMock') as { url: string } | undefined;
      assert.ok(session, 'the mock did not start');
      assert.match(session.url, /^http:\/\/127\.0\.0\.1:\d+\/local$/);
      assert.deepEqual(
        mock.sessions().map((s) => [s.file, s.apiName]),
        [[example, 'Get Started API']],
      );
      const hello = await get(`${session.url}/greetings/World`);
      assert.equal(hello.status, 200, hello.body);
      assert.deepEqual(
        { ...(JSON.parse(hello.body) as Record<string, string>), requestId: '…' },
        { message: 'Hello, World!', stage: 'local', requestId: '…' },
      );
      const nobody = await get(`${session.url}/greetings/nobody`);
      assert.equal(nobody.status, 404);
      assert.deepEqual(JSON.parse(nobody.body), { message: 'There is nobody to greet.' });

      // Invoke a Route: the Invoke panel is open on the example's route; Send (as the panel sends) answers.
      const result = await mock.sendInvoke({ pathParameters: [{ name: 'name', value: 'Ada', required: true }] });
      assert.equal(result.route, 'GET /greetings/{name}');
      assert.equal(result.request.path, '/local/greetings/Ada');
      assert.equal(result.status, 200, result.body);
      assert.equal((JSON.parse(result.body) as { message: string }).message, 'Hello, Ada!');
      const stages = result.trace.map((s) => s.stage);
      for (const stage of ['route', 'integration', 'integrationResponse'])
        assert.ok(stages.includes(stage), `no ${stage} stage in ${stages.join(', ')}`);
      await waitFor('the Invoke panel to draw the result', () =>
        mock.renderedInvokeId() === result.requestId ? true : undefined,
      );
      return [
        'onCommand:apigw.startGetStartedMock',
        'onCommand:apigw.invokeGetStartedRoute',
        'onCommand:apigw.invokeRoute',
      ];
    },

    'apigw.getStarted.deployDryRun': async (step) => {
      // AWS, as far as the dry run could reach it, is the test double: any call the CLI made would be recorded.
      server = await startAwsTestServer({ credentials: [credentials] });
      savedEnv = setEnv({ ...awsTestEnvironment(credentials), AWS_ENDPOINT_URL: server.url });
      // No definition in the active editor: the dry run plans the walkthrough's API.
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await clickButtons(step);
      const run = results.get('apigw.deployDryRun') as DryRunResult | undefined;
      assert.ok(run, 'the dry run did not run');
      assert.equal(run.exitCode, 0, run.output);
      assert.equal(run.file, example);
      assert.equal(run.apiName, 'Get Started API');
      assert.equal(run.commandLine, 'apigw deploy get-started/openapi.yaml --stage dev --dry-run --region us-east-1');
      assert.match(
        run.output,
        /^Create REST API "Get Started API" and deploy it to stage dev: 1 route\(s\), 2 step\(s\)\.$/m,
      );
      assert.match(run.output, /^ {2}\+ GET \/greetings\/\{name\}: mock$/m);
      assert.match(run.output, /^ {2}1\. Create REST API "Get Started API" from the definition \(ImportRestApi\)$/m);
      // Nothing was asked of AWS, let alone changed.
      assert.deepEqual(
        server.requests.map((r) => r.operation),
        [],
      );
      assert.ok(
        vscode.window.terminals.some((t) => t.name === 'apigw deploy --dry-run'),
        'no dry-run terminal',
      );
      return ['onCommand:apigw.deployDryRun'];
    },
  };

  suiteSetup(async () => {
    api = await extensionApi();
    await api.workspaceApis.whenIdle();
    example = path.join(workspaceRoot(), 'get-started', 'openapi.yaml');
    original = fs.readFileSync(example, 'utf8');
  });

  suiteTeardown(async () => {
    for (const session of api.mock?.sessions() ?? []) {
      await vscode.commands.executeCommand('apigw.stopMock', `${session.file}#${session.apiName}`);
    }
    for (const terminal of vscode.window.terminals.filter((t) => t.name === 'apigw deploy --dry-run'))
      terminal.dispose();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    if (fs.readFileSync(example, 'utf8') !== original) fs.writeFileSync(example, original);
    if (savedEnv) setEnv(savedEnv);
    await server?.close();
  });

  test('every step of the manifest is checked here, in order, each with a button and media', () => {
    assert.deepEqual(
      steps.map((s) => s.id),
      Object.keys(checks),
    );
  });

  for (const step of steps) {
    test(`step "${step.title}": its buttons work`, async () => {
      const check = checks[step.id];
      assert.ok(check, `no check for step ${step.id}`);
      const happened = await check(step);
      // Every button ran; the step's completion events are among what the check showed happened, so the step
      // is checked off when a user does what the buttons did.
      for (const button of buttonsOf(step)) assert.ok(results.has(button.command), `${button.command} did not run`);
      const registered = new Set(await vscode.commands.getCommands(true));
      for (const event of step.completionEvents ?? [`onCommand:${buttonsOf(step)[0]?.command ?? ''}`]) {
        const id = event.replace(/^on(Command|View):/, '');
        if (event.startsWith('onCommand:')) assert.ok(registered.has(id), `${event}: no such command`);
        assert.ok(happened.includes(event), `${step.id}: ${event} did not happen (${happened.join(', ')})`);
      }
      assert.deepEqual(
        apiDiagnostics(vscode.Uri.file(example)).filter((d) => d.severity === vscode.DiagnosticSeverity.Error),
        [],
      );
    });
  }
});
