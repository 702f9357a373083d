import * as vscode from 'vscode';
import type { MockSession, MockSessions } from './mockSessions';

export const manageMockCommandId = 'apigw.manageMock';

/** One status-bar item per running mock API: its URL, and a warning when the last edit could not be served. */
export class MockStatusBar implements vscode.Disposable {
  private readonly items = new Map<string, vscode.StatusBarItem>();
  private readonly subscription: vscode.Disposable;

  constructor(private readonly sessions: MockSessions) {
    this.subscription = sessions.onDidChange(() => this.update());
  }

  /** The item shown for a session (the tests read its text and tooltip). */
  itemFor(key: string): vscode.StatusBarItem | undefined {
    return this.items.get(key);
  }

  dispose(): void {
    this.subscription.dispose();
    for (const item of this.items.values()) item.dispose();
    this.items.clear();
  }

  private update(): void {
    const live = new Set<string>();
    for (const session of this.sessions.list()) {
      live.add(session.key);
      let item = this.items.get(session.key);
      if (!item) {
        item = vscode.window.createStatusBarItem(`apigw.mock.${session.key}`, vscode.StatusBarAlignment.Left, 50);
        item.name = `Mock API: ${session.apiName}`;
        this.items.set(session.key, item);
      }
      present(item, session);
      item.show();
    }
    for (const [key, item] of this.items) {
      if (live.has(key)) continue;
      item.dispose();
      this.items.delete(key);
    }
  }
}

function present(item: vscode.StatusBarItem, session: MockSession): void {
  const broken = session.problem !== undefined;
  item.text = `$(${broken ? 'warning' : 'radio-tower'}) ${session.apiName}: ${session.url}`;
  const tooltip = new vscode.MarkdownString(undefined, true);
  tooltip.appendText(`Mock API ${session.apiName} serves ${session.file} at ${session.url}.\n\n`);
  if (broken) tooltip.appendText(`The last edit cannot be served: ${session.problem}\n\n`);
  tooltip.appendText('Click to copy the URL, open it, or stop the mock API.');
  item.tooltip = tooltip;
  item.backgroundColor = broken ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
  item.command = { title: 'Mock API actions', command: manageMockCommandId, arguments: [session.key] };
}
