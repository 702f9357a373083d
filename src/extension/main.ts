import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import type { ExtensionApi } from './api';
import { CommandRegistry } from './commands/commandRegistry';
import { CopyRoutePathCommand } from './commands/copyRoutePath';
import { NewDefinitionCommand } from './commands/newDefinition';
import { OpenDefinitionCommand } from './commands/openDefinition';
import { RefreshWorkspaceApisCommand } from './commands/refreshWorkspaceApis';
import { ApiLanguageServer } from './language/languageServer';
import { RestartLanguageServerCommand } from './language/restartLanguageServer';
import { WorkspaceApisProvider, workspaceApisViewId } from './explorer/workspaceApisProvider';
import { createOutputLogger } from './logging/outputLogger';
import { PreviewTemplateCommand } from './preview/previewTemplateCommand';
import { TemplatePreview } from './preview/templatePreview';
import { registerMock } from './mock';
import { stopAllMocks } from './mock/mockSessions';
import { registerAws } from './aws';
import { registerDeploy } from './deploy';
import { createEditorFileSystem } from './workspace/editorFileSystem';
import { WorkspaceIndex } from './workspace/workspaceIndex';

/** Set by the bundle's first line (esbuild.mjs banner); absent when the sources run unbundled. */
declare const __apigwLoadStart: number | undefined;

/**
 * The composition root: builds the platform services (logger, file access), the workspace index, the
 * "Workspace APIs" tree and the commands, and puts every disposable into `context.subscriptions`.
 */
export function activate(context: vscode.ExtensionContext): ExtensionApi {
  const started = typeof __apigwLoadStart === 'number' ? __apigwLoadStart : performance.now();
  const logger = createOutputLogger(context);
  try {
    const fs = createEditorFileSystem();
    const index = new WorkspaceIndex({
      fs,
      logger,
      onScanning: (scanning) =>
        void vscode.commands.executeCommand('setContext', 'apigw.workspaceApis.scanning', scanning),
    });
    const tree = new WorkspaceApisProvider(index, logger);
    const view = vscode.window.createTreeView(workspaceApisViewId, { treeDataProvider: tree, showCollapseAll: true });
    const commands = new CommandRegistry(logger, () => logger.show());
    const languageServer = new ApiLanguageServer(context, logger);
    context.subscriptions.push(index, tree, view, commands, languageServer);
    const preview = new TemplatePreview(context.extensionUri, fs, logger);
    context.subscriptions.push(preview);
    commands.register(
      new RefreshWorkspaceApisCommand(index),
      new OpenDefinitionCommand(index),
      new CopyRoutePathCommand(),
      new NewDefinitionCommand(),
      new RestartLanguageServerCommand(languageServer),
      new PreviewTemplateCommand(preview, fs),
    );
    const aws = registerAws({ context, logger, commands });
    const mock = registerMock({
      context,
      logger,
      fs: createEditorFileSystem(),
      commands,
      files: () => index.files(),
      aws: aws.services,
    });
    const deploy = registerDeploy({
      context,
      logger,
      commands,
      fs,
      files: () => index.files(),
      onDidChangeFiles: index.onDidChange,
      aws: aws.services,
      server: languageServer,
      tree,
      showLog: () => logger.show(),
    });
    index.start();
    languageServer.watch();
    const activationTimeMs = performance.now() - started;
    const timings: ExtensionApi['timings'] = {};
    void index.whenIdle().then(() => {
      timings.firstScanMs = performance.now() - started;
      logger.info(`Workspace APIs: first scan done ${timings.firstScanMs.toFixed(1)} ms after loading`);
    });
    logger.info(`API Gateway Studio activated in ${activationTimeMs.toFixed(1)} ms (including loading)`);
    const templatePreview = { lastRender: () => preview.lastRender(), onDidRender: preview.onDidRender };
    const workspaceApis = { whenIdle: () => index.whenIdle(), tree, view };
    return { workspaceApis, templatePreview, activationTimeMs, timings, mock, aws: aws.testApi, deploy };
  } catch (err) {
    logger.error('API Gateway Studio could not start', err);
    const message = err instanceof Error ? err.message : String(err);
    void vscode.window.showErrorMessage(
      `API Gateway Studio could not start: ${message}. See the "API Gateway Studio" output for details.`,
    );
    throw err;
  }
}

/** Mock APIs stop ($disconnect runs, workers) before VS Code goes on; the rest goes with context.subscriptions. */
export function deactivate(): Promise<void> {
  return stopAllMocks();
}
