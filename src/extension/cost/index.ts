// Estimate Monthly Cost (issue 17, point 7): on a definition and on a deployed stage. Part of the aws-ui feature
// bundle (features/awsUi.ts), loaded when one of its commands first runs.
import type * as vscode from 'vscode';
import type { FileSystem } from '../../shared/fileSystem';
import type { Logger } from '../../shared/logger';
import type { AwsConnection } from '../aws/awsConnection';
import type { IndexedFile } from '../explorer/nodes';
import { CostDocuments } from './costDocuments';
import { EstimateCostCommand } from './estimateCostCommand';
import { EstimateStageCostCommand } from './estimateStageCostCommand';

export interface CostDeps {
  context: vscode.ExtensionContext;
  logger: Logger;
  fs: FileSystem;
  files: () => IndexedFile[];
  connection: AwsConnection;
}

export function registerCost(deps: CostDeps): { commands: [EstimateCostCommand, EstimateStageCostCommand] } {
  const documents = new CostDocuments();
  deps.context.subscriptions.push(documents);
  return {
    commands: [
      new EstimateCostCommand({ ...deps, documents }),
      new EstimateStageCostCommand({ connection: deps.connection, logger: deps.logger, documents }),
    ],
  };
}
