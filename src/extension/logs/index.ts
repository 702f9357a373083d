import type * as vscode from 'vscode';
import type { Logger } from '../../shared/logger';
import type { AwsConnection } from '../aws/awsConnection';
import type { Command } from '../commands/commandRegistry';
import { LogTailDocuments } from './logTailDocuments';
import { ShowRequestLogsCommand } from './showRequestLogsCommand';
import { TailStageLogsCommand } from './tailStageLogsCommand';

export interface StageLogsDeps {
  context: vscode.ExtensionContext;
  logger: Logger;
  connection: AwsConnection;
}

/** Tail Logs on a stage and Show Logs of This Request (part of dist/features/aws-ui.js). */
export function registerStageLogs(deps: StageLogsDeps): { commands: Command[]; documents: LogTailDocuments } {
  const documents = new LogTailDocuments();
  const tail = new TailStageLogsCommand({ connection: deps.connection, documents, logger: deps.logger });
  deps.context.subscriptions.push(documents, tail);
  return { commands: [tail, new ShowRequestLogsCommand(tail)], documents };
}
