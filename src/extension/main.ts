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
import { registerPreview } from './preview';
import { registerMock } from './mock';
import { registerAws } from './aws';
import { loadedFeature } from './features/load';
import { createEditorFileSystem } from './workspace/editorFileSystem';
import { WorkspaceIndex } from './workspace/workspaceIndex';
import { registerWalkthrough } from './walkthrough';

/** Set by the bundle's first and last lines (esbuild.mjs banner and footer); absent when the sources run unbundled. */
declare const __apigwLoadStart: number | undefined;
declare const __apigwLoadEnd: number | undefined;

/**
 * The composition root: builds the platform services (logger, file access), the workspace index, the
 * "Workspace APIs" tree and the commands, and puts every disposable into `context.subscriptions`. What is not
 * needed at activation (the language client, the template preview, the mock runtime and Invoke panel, the AWS
 * view's model and deploy) is registered here as thin stubs and loaded from dist/features/ on first use.
 */
export function activate(context: vscode.ExtensionContext): ExtensionApi {
  const activateStarted = performance.now();
  const started = typeof __apigwLoadStart === 'number' ? __apigwLoadStart : activateStarted;
  // VS Code loads the bundle and makes the ExtensionContext at the same time, then calls activate(): in between
  // it runs other extensions. What VS Code counts as our activation is the loading plus the activate() call.
  const loadingMs = typeof __apigwLoadEnd === 'number' ? __apigwLoadEnd - started : 0;
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
    commands.register(
      new RefreshWorkspaceApisCommand(index),
      new OpenDefinitionCommand(index),
      new CopyRoutePathCommand(),
      new NewDefinitionCommand(),
      new RestartLanguageServerCommand(languageServer),
    );
    const templatePreview = registerPreview({ context, logger, fs, commands });
    const aws = registerAws({
      context,
      logger,
      commands,
      fs,
      files: () => index.files(),
      filesInAnyOrder: () => index.filesInAnyOrder(),
      onDidChangeFiles: index.onDidChange,
      server: languageServer,
      tree,
      showLog: () => logger.show(),
    });
    const mock = registerMock({
      context,
      logger,
      fs: createEditorFileSystem(),
      commands,
      files: () => index.files(),
      aws: { connection: aws.connection },
    });
    registerWalkthrough({ context, commands, files: () => index.files(), whenIdle: () => index.whenIdle() });
    index.start();
    languageServer.watch();
    const activated = performance.now();
    const activationTimeMs = loadingMs + (activated - activateStarted);
    const timings: ExtensionApi['timings'] = { loadingMs, sinceLoadingMs: activated - started };
    void index.whenIdle().then(() => {
      timings.firstScanMs = performance.now() - started;
      logger.info(`Workspace APIs: first scan done ${timings.firstScanMs.toFixed(1)} ms after loading`);
    });
    logger.info(
      `API Gateway Studio activated in ${activationTimeMs.toFixed(1)} ms (loading ${loadingMs.toFixed(1)} ms, ` +
        `${timings.sinceLoadingMs?.toFixed(1)} ms since loading started)`,
    );
    const workspaceApis = { whenIdle: () => index.whenIdle(), tree, view };
    return {
      workspaceApis,
      templatePreview,
      activationTimeMs,
      timings,
      mock,
      aws: aws.testApi,
      // Read by the deploy tests only: reading it loads the AWS features (dist/features/aws-ui.js).
      get deploy() {
        return aws.deploy();
      },
    };
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
  return loadedFeature('mock')?.stopAllMocks() ?? Promise.resolve();
}
