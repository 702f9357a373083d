import type { Command } from '../commands/commandRegistry';
import {
  CancelCanaryCommand,
  DeployCanaryCommand,
  PromoteCanaryCommand,
  RollbackStageCommand,
} from './deploymentCommands';
import { LoggingSettingsCommand, type StageOperationDeps } from './loggingSettingsCommand';

export type { StageOperationDeps, LoggingRun } from './loggingSettingsCommand';
export type { StageChangeRun } from './deploymentCommands';

/**
 * A stage's operations in the AWS view (part of dist/features/aws-ui.js): Logging Settings…, Roll Back Stage to
 * This Deployment, Deploy as Canary…, Promote Canary, Cancel Canary. They ask through deploy's questions and
 * show plans in deploy's read-only documents: one plan-and-confirm flow for every change to AWS.
 */
export function registerStageOperations(deps: StageOperationDeps): { commands: Command[] } {
  return {
    commands: [
      new LoggingSettingsCommand(deps),
      new RollbackStageCommand(deps),
      new DeployCanaryCommand(deps),
      new PromoteCanaryCommand(deps),
      new CancelCanaryCommand(deps),
    ],
  };
}
