import * as vscode from 'vscode';

export const logsScheme = 'apigw-logs';

/** At most this many lines are kept in a tail's document (the oldest go first). */
export const maxTailLines = 20_000;

/**
 * The read-only documents Tail Logs writes into, one a stage and log: lines are appended as they come, in batches
 * (a history of thousands of events is one change, not thousands), and an editor that shows the end of the
 * document keeps showing it, as `tail -f` does; one scrolled up to read is left where it is.
 */
export class LogTailDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly lines = new Map<string, string[]>();
  private readonly pending = new Map<string, string[]>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  // After onDidChange: VS Code reads it when the provider is registered.
  private readonly registration = vscode.workspace.registerTextDocumentContentProvider(logsScheme, this);
  private flushTimer: ReturnType<typeof setTimeout> | undefined;

  /** A new, empty document for a tail (an earlier one of the same name is emptied). */
  create(path: string): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: logsScheme, path });
    this.lines.set(uri.toString(), []);
    this.pending.delete(uri.toString());
    this.changed.fire(uri);
    return uri;
  }

  append(uri: vscode.Uri, ...lines: string[]): void {
    const key = uri.toString();
    if (!this.lines.has(key)) return;
    const queue = this.pending.get(key) ?? [];
    queue.push(...lines);
    this.pending.set(key, queue);
    this.flushTimer ??= setTimeout(() => this.flush(), 100);
  }

  /** Writes the appended lines now (the batch timer calls it; the tail calls it when it ends). */
  flush(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    for (const [key, queue] of this.pending) {
      const lines = this.lines.get(key);
      if (!lines || queue.length === 0) continue;
      const uri = vscode.Uri.parse(key);
      // The editors that show the last line before the change: they follow the new lines.
      const following = vscode.window.visibleTextEditors.filter(
        (e) => e.document.uri.toString() === key && (e.visibleRanges.at(-1)?.end.line ?? 0) >= e.document.lineCount - 2,
      );
      lines.push(...queue);
      if (lines.length > maxTailLines) lines.splice(0, lines.length - maxTailLines);
      this.changed.fire(uri);
      for (const editor of following) {
        // The document has its new text once VS Code asked for it again: reveal the end then.
        const reveal = vscode.workspace.onDidChangeTextDocument((e) => {
          if (e.document.uri.toString() !== key) return;
          reveal.dispose();
          const end = new vscode.Position(e.document.lineCount - 1, 0);
          editor.revealRange(new vscode.Range(end, end), vscode.TextEditorRevealType.Default);
        });
        setTimeout(() => {
          reveal.dispose();
        }, 2000);
      }
    }
    this.pending.clear();
  }

  /**
   * Tells VS Code to read the document again. A change fired before the document is open in the extension host
   * is dropped (VS Code only updates documents it holds), so the lines appended between the first read and the
   * opening would be missing until the next change: the tail calls this once the document is open.
   */
  resync(uri: vscode.Uri): void {
    if (this.lines.has(uri.toString())) this.changed.fire(uri);
  }

  /** The text of a tail so far (the tests read it). */
  text(uri: vscode.Uri): string | undefined {
    const lines = this.lines.get(uri.toString());
    return lines === undefined ? undefined : lines.map((l) => `${l}\n`).join('');
  }

  forget(uri: vscode.Uri): void {
    this.lines.delete(uri.toString());
    this.pending.delete(uri.toString());
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.text(uri) ?? 'This tail has ended: run Tail Logs on the stage again.\n';
  }

  dispose(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.registration.dispose();
    this.changed.dispose();
  }
}
