import * as vscode from 'vscode';
import type { Command } from '../commands/commandRegistry';
import { UserError } from '../commands/commandRegistry';
import { showMockRequestCommandId, TraceDocuments } from './mockRequestsView';
import type { RequestEntry, RequestLog } from './requestLog';

/** Opens a request's trace (from the Mock Requests view) as a read-only Markdown document. */
export class ShowMockRequestCommand implements Command {
  readonly id = showMockRequestCommandId;

  async execute(entry?: unknown): Promise<vscode.TextDocument> {
    if (!isEntry(entry))
      throw new UserError('Show Request Trace needs a request: select one in the Mock Requests view.');
    const document = await vscode.workspace.openTextDocument(TraceDocuments.uriFor(entry));
    await vscode.window.showTextDocument(document, { preview: true, preserveFocus: true });
    return document;
  }
}

export class ClearMockRequestsCommand implements Command {
  readonly id = 'apigw.clearMockRequests';
  constructor(private readonly log: RequestLog) {}

  execute(): void {
    this.log.clear();
  }
}

function isEntry(value: unknown): value is RequestEntry {
  return (
    typeof value === 'object' && value !== null && typeof (value as RequestEntry).id === 'number' && 'event' in value
  );
}
