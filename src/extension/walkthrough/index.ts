import type * as vscode from 'vscode';
import type { CommandRegistry } from '../commands/commandRegistry';
import type { IndexedFile } from '../explorer/nodes';
import { DeployDryRunCommand } from './deployDryRun';
import {
  InvokeGetStartedRouteCommand,
  PreviewGetStartedTemplateCommand,
  ShowGetStartedProblemCommand,
  StartGetStartedMockCommand,
} from './getStartedCommands';

export type { DryRunResult } from './deployDryRun';
export type { ProblemShown } from './getStartedCommands';

export interface WalkthroughDeps {
  context: vscode.ExtensionContext;
  commands: CommandRegistry;
  files: () => IndexedFile[];
  whenIdle: () => Promise<void>;
}

/**
 * The commands behind the "Get Started" walkthrough's buttons (package.json `contributes.walkthroughs`, media
 * under media/walkthrough/): thin, so they stay in the activation bundle; the real work is the commands they run.
 */
export function registerWalkthrough(deps: WalkthroughDeps): void {
  const { context, files, whenIdle } = deps;
  const dryRun = new DeployDryRunCommand({ extensionPath: context.extensionPath, files, whenIdle });
  context.subscriptions.push(dryRun);
  deps.commands.register(
    new ShowGetStartedProblemCommand({ files, whenIdle }),
    new PreviewGetStartedTemplateCommand({ files, whenIdle }),
    new StartGetStartedMockCommand({ files, whenIdle }),
    new InvokeGetStartedRouteCommand({ files, whenIdle }),
    dryRun,
  );
}
