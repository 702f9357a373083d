import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension/api';
import type { AwsNode } from '../../src/extension/aws/awsNodes';
import type { CompareRun, DeployQuestion, DeployRun } from '../../src/extension/deploy';
import { startAwsTestServer, type AwsTestServer } from '../aws/server';
import { awsTestEnvironment, resetAwsSettings, useAwsTestEndpoint, setEnv } from './helpers/awsEnvironment';
import { children, extensionApi, waitFor, workspaceRoot } from './helpers/extension';

// Deploy API and Compare with Deployed in VS Code, against the AWS test double (test/aws/server): the endpoint
// setting points every client at it, the SDK's default chain finds the keys in the environment.

const region = 'eu-west-1';
const credentials = { accessKeyId: 'AKIDDEPLOY', secretAccessKey: 'deploy-secret' };

const awsEnv = awsTestEnvironment(credentials);

/** A route the edit adds before `/health:` (two-space indented, as the file is). */
const addedRoute = [
  '  /toys:',
  '    get:',
  '      operationId: listToys',
  '      responses:',
  "        '200':",
  '          description: The toys',
  '      x-amazon-apigateway-integration:',
  '        type: mock',
  '        requestTemplates:',
  `          application/json: '{"statusCode": 200}'`,
  '        responses:',
  '          default:',
  "            statusCode: '200'",
  '',
].join('\n');

suite('Deploy API and Compare with Deployed', () => {
  let api: ExtensionApi;
  let server: AwsTestServer;
  let savedEnv: Record<string, string | undefined>;
  let uri: vscode.Uri;
  let original: string;
  let apiId = '';
  const asked: DeployQuestion[] = [];

  /** Answers the save and confirmation questions as a user who goes on; any other question is declined. */
  const answerer = (question: DeployQuestion): string | undefined => {
    asked.push(question);
    if (question.kind === 'confirm') return 'Deploy';
    if (question.kind === 'save') return 'Save and Deploy';
    return undefined;
  };

  const document = (): Promise<vscode.TextDocument> => Promise.resolve(vscode.workspace.openTextDocument(uri));

  /** The Workspace APIs item of the pets API, with its description. */
  const petsApiItem = (): { description: string } | undefined => {
    const file = children(api).find((f) => f.label.replace(/\\/g, '/') === 'pets-rest/openapi.yaml');
    const item = file && children(api, file.node).find((c) => c.label === 'Pets REST API');
    return item ? { description: item.description ?? '' } : undefined;
  };

  const awsLabel = (node: AwsNode): string => {
    const item = api.aws!.treeItem(node);
    return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
  };

  suiteSetup(async () => {
    api = await extensionApi();
    assert.ok(api.deploy, 'the extension exposes no deploy test API');
    assert.ok(api.aws, 'the extension exposes no AWS test API');
    api.deploy.answerQuestions(answerer);
    server = await startAwsTestServer({ region, credentials: [credentials] });
    savedEnv = setEnv(awsEnv);
    await useAwsTestEndpoint(server.url, region);
    uri = vscode.Uri.file(path.join(workspaceRoot(), 'pets-rest', 'openapi.yaml'));
    original = (await document()).getText();
    await api.workspaceApis.whenIdle();
  });

  suiteTeardown(async () => {
    api.deploy?.answerQuestions(undefined);
    // The workspace copy is shared with the suites that follow: put the definition back as it was.
    const doc = await document();
    if (doc.getText() !== original) {
      const edit = new vscode.WorkspaceEdit();
      edit.replace(uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), original);
      await vscode.workspace.applyEdit(edit);
    }
    if (doc.isDirty) await doc.save();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await resetAwsSettings();
    setEnv(savedEnv);
    await server.close();
  });

  test('deploys the open definition as a new REST API after showing the plan and asking', async () => {
    await vscode.window.showTextDocument(await document());
    const run = await vscode.commands.executeCommand<DeployRun>('apigw.deployApi', undefined, {
      target: 'new',
      stage: 'prod',
      endpointType: 'REGIONAL',
    });
    assert.ok(run, 'the command resolves to what it did');
    assert.equal(run.result, 'deployed', JSON.stringify(run.outcome));
    assert.ok(run.outcome?.ok);
    apiId = run.outcome.apiId;
    assert.match(apiId, /^[a-z0-9]+$/);
    assert.equal(run.outcome.invokeUrl, `https://${apiId}.execute-api.${region}.amazonaws.com/prod`);

    // The plan was shown before the question, and the question named what would happen.
    const plan = api.deploy!.lastPlan();
    assert.ok(plan);
    assert.match(plan.text, /^Create REST API "Pets REST API" and deploy it to stage prod/);
    assert.match(plan.text, /\n {2}\+ GET \/pets\/\{petId\}/);
    assert.ok(
      vscode.workspace.textDocuments.some((d) => d.uri.toString() === plan.uri.toString()),
      'plan document open',
    );
    const confirm = asked.filter((q) => q.kind === 'confirm');
    assert.equal(confirm.length, 1);
    assert.equal(confirm[0]?.message, `Create new REST API "Pets REST API" and deploy it to stage prod in ${region}?`);
    assert.deepEqual(
      asked.map((q) => q.kind),
      ['confirm'],
      'nothing but the confirmation was asked',
    );

    // What the test server holds: the imported API, with a deployment on stage prod.
    const rest = server.state.restApis.get(apiId);
    assert.ok(rest, 'the test server holds the new API');
    assert.ok(rest.stages.has('prod'), 'the stage was created');
    const operations = server.requests
      .filter((r) => r.service !== 'sts' && r.method !== 'GET')
      .map((r) => `${r.operation} ${r.status}`);
    assert.deepEqual(operations, ['ImportRestApi 201', 'CreateDeployment 201']);
    const imported = server.requests.find((r) => r.operation === 'ImportRestApi');
    assert.deepEqual(imported?.query['endpointConfigurationTypes'], ['REGIONAL']);
    assert.deepEqual(imported?.query['failonwarnings'], ['true']);
  });

  test('the AWS view shows the new API and its stage', async () => {
    const aws = api.aws!;
    aws.refresh();
    const [place] = await aws.children();
    assert.ok(place);
    const apis = await aws.children(place);
    const node = apis.find((n) => awsLabel(n) === 'Pets REST API');
    assert.ok(node, `no "Pets REST API" among ${apis.map(awsLabel).join(', ')}`);
    assert.equal(aws.treeItem(node).description, `REST · ${apiId}`);
    const stages = (await aws.children(node)).map(awsLabel);
    assert.ok(stages.includes('prod'), stages.join(', '));
  });

  test('Export API opens the deployed definition', async () => {
    const aws = api.aws!;
    const [place] = await aws.children();
    const node = (await aws.children(place)).find((n) => awsLabel(n) === 'Pets REST API');
    const exported = await vscode.commands.executeCommand<vscode.TextDocument>('apigw.exportApi', node, {
      format: 'yaml',
      stage: 'prod',
    });
    assert.ok(exported);
    assert.equal(exported.languageId, 'yaml');
    assert.match(exported.getText(), /\/pets\/\{petId\}:/);
  });

  test('Compare with Deployed finds no drift, in a diff editor, and the tree marks the API in sync', async () => {
    const run = await vscode.commands.executeCommand<CompareRun>('apigw.compareWithDeployed', uri);
    assert.ok(run);
    assert.equal(run.status, 'in sync', run.message);
    assert.equal(run.deployedText, run.localText);
    assert.deepEqual(run.changes, []);
    assert.match(run.message, /^No drift: "Pets REST API" matches what is deployed at /);
    const diff = vscode.window.tabGroups.all
      .flatMap((g) => g.tabs)
      .find((t) => t.input instanceof vscode.TabInputTextDiff && t.input.original.scheme === 'apigw-deployed');
    assert.ok(diff, 'a diff editor shows the deployed (left) and local (right) definitions');
    const input = diff.input as vscode.TabInputTextDiff;
    assert.equal(input.original.toString(), run.deployedUri?.toString());
    assert.equal(input.modified.toString(), run.localUri?.toString());
    const deployedDoc = await vscode.workspace.openTextDocument(input.original);
    assert.equal(deployedDoc.getText(), run.deployedText);
    const mark = await waitFor('the drift mark on the Workspace APIs item', () => {
      const d = petsApiItem()?.description;
      return d !== undefined && d.includes('·') ? d : undefined;
    });
    assert.equal(mark, 'REST · in sync');
  });

  test('after an edit (a route added), Compare shows the change and the tree marks it', async () => {
    const doc = await document();
    const at = doc.getText().indexOf('  /health:');
    assert.ok(at > 0);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, doc.positionAt(at), addedRoute);
    assert.ok(await vscode.workspace.applyEdit(edit));
    const run = await vscode.commands.executeCommand<CompareRun>('apigw.compareWithDeployed', uri);
    assert.ok(run);
    assert.equal(run.status, 'changed', run.message);
    assert.notEqual(run.deployedText, run.localText);
    assert.ok(run.localText?.includes('/toys:'));
    assert.ok(!run.deployedText?.includes('/toys:'));
    assert.deepEqual(
      run.changes.map((c) => `${c.action} ${c.category} ${c.key}`),
      ['add route GET /toys'],
    );
    assert.match(run.message, /1 change a deploy would make — \+ route GET \/toys/);
    await waitFor('the "changed" mark', () => (petsApiItem()?.description === 'REST · changed' ? true : undefined));
  });

  test('a failure of CreateDeployment after the import says the API was updated but not deployed', async () => {
    asked.length = 0;
    // The SDK makes 5 attempts (our retry strategy): every one fails.
    server.fail('CreateDeployment', { errorType: 'InternalServerError', times: 5 });
    const run = await vscode.commands.executeCommand<DeployRun>('apigw.deployApi', uri, {
      target: apiId,
      stage: 'prod',
      mode: 'overwrite',
    });
    assert.ok(run);
    assert.equal(run.result, 'failed');
    assert.deepEqual(
      asked.map((q) => q.kind),
      ['save', 'confirm'],
    );
    assert.match(
      asked[1]?.message ?? '',
      new RegExp(`^Deploy 1 change to API "Pets REST API" \\(${apiId}\\) stage prod`),
    );
    const outcome = run.outcome;
    assert.ok(outcome && !outcome.ok);
    assert.deepEqual(outcome.done, [`Update REST API ${apiId} from the definition (overwrite)`]);
    assert.deepEqual(outcome.notDone, ['Deploy to stage prod']);
    assert.match(outcome.report, /^API updated, not deployed to stage prod: .*run Deploy again to deploy it\.$/);
    const put = server.requests.filter((r) => r.operation === 'PutRestApi');
    assert.deepEqual(
      put.map((r) => r.status),
      [200],
    );
    assert.equal(server.requests.filter((r) => r.operation === 'CreateDeployment' && r.status === 500).length, 5);
  });

  test('a 400 import error naming a path becomes a diagnostic at that operation', async () => {
    const message =
      "Errors found during import:\n\tUnable to put integration on 'GET' for resource at path '/pets': Invalid function ARN or invalid uri";
    server.fail('PutRestApi', { errorType: 'BadRequestException', message });
    const run = await vscode.commands.executeCommand<DeployRun>('apigw.deployApi', uri, {
      target: apiId,
      stage: 'prod',
      mode: 'overwrite',
    });
    assert.ok(run);
    assert.equal(run.result, 'failed');
    assert.ok(run.outcome && !run.outcome.ok);
    assert.match(run.outcome.report, /^Nothing changed in AWS/);
    const diagnostics = api.deploy!.diagnostics(uri);
    assert.equal(diagnostics.length, 1, diagnostics.map((d) => d.message).join('\n'));
    const [diagnostic] = diagnostics;
    assert.ok(diagnostic);
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(diagnostic.code, 'apigw.deploy.importError');
    assert.match(diagnostic.message, /Invalid function ARN or invalid uri/);
    const lines = (await document()).getText().split('\n');
    const pets = lines.indexOf('  /pets:');
    assert.equal(lines[pets + 1], '    get:');
    assert.equal(diagnostic.range.start.line, pets + 1, 'at the GET /pets operation');
    // The Problems panel lists them too: they are in VS Code's diagnostics for the file.
    assert.ok(vscode.languages.getDiagnostics(uri).some((d) => d.code === 'apigw.deploy.importError'));
  });

  test('a conflict asks to choose the target again instead of failing', async () => {
    asked.length = 0;
    server.fail('PutRestApi', { errorType: 'ConflictException' });
    const run = await vscode.commands.executeCommand<DeployRun>('apigw.deployApi', uri, {
      target: apiId,
      stage: 'prod',
      mode: 'overwrite',
    });
    assert.ok(run);
    assert.deepEqual(
      asked.map((q) => q.kind),
      ['confirm', 'retarget'],
    );
    assert.match(asked[1]?.message ?? '', new RegExp(`^API ${apiId} was changed by someone else during the deploy`));
    assert.deepEqual(asked[1]?.choices, ['Choose Target']);
    // Declined (the answerer says no): the failure is told, nothing changed.
    assert.equal(run.result, 'failed');
    assert.ok(run.outcome && !run.outcome.ok);
    assert.equal(run.outcome.problem.kind, 'conflict');
    assert.deepEqual(run.outcome.done, []);
  });

  test('no request of the suite reached an operation the test double does not model', () => {
    // Reading a stage reads its deployment too (GetDeployment): the AWS view and the plan both did.
    assert.ok(server.requests.some((r) => r.operation === 'GetDeployment' && r.status === 200));
    assert.deepEqual(
      server.requests.filter((r) => r.errorType === 'UnknownOperationException').map((r) => `${r.method} ${r.path}`),
      [],
    );
  });
});
