import * as vscode from 'vscode';

/** Lines kept per running API for the test API and the Show action (the channel keeps them all). */
const keptLines = 500;

interface Channel {
  channel: Pick<vscode.OutputChannel, 'append' | 'show' | 'dispose'>;
  pending: string;
  timer: ReturnType<typeof setTimeout> | undefined;
}

/**
 * The mock APIs' access logs: an output channel per API ("Mock Access Log: Pets"), one line a request in the
 * stage's format, exactly as the runtime renders it (no timestamp or level: the format has its own). Lines are
 * appended in batches every `intervalMs` (one IPC message, not one a request) and the last ones are kept
 * per session for the integration tests.
 */
export class MockAccessLogs implements vscode.Disposable {
  private readonly channels = new Map<string, Channel>();
  private readonly recent = new Map<string, string[]>();

  constructor(
    private readonly createChannel: (name: string) => Pick<vscode.OutputChannel, 'append' | 'show' | 'dispose'> = (
      name,
    ) => vscode.window.createOutputChannel(name),
    private readonly intervalMs = 100,
  ) {}

  /** Appends `line` to the channel of `apiName`; `sessionKey` keeps it among the session's recent lines. */
  write(apiName: string, sessionKey: string, line: string): void {
    const entry = this.channelOf(apiName);
    entry.pending += `${line}\n`;
    entry.timer ??= setTimeout(() => this.flush(entry), this.intervalMs);
    let lines = this.recent.get(sessionKey);
    if (lines === undefined) {
      lines = [];
      this.recent.set(sessionKey, lines);
    }
    lines.push(line);
    if (lines.length > keptLines) lines.splice(0, lines.length - keptLines);
  }

  /** The last lines written for a session (oldest first). */
  lines(sessionKey: string): string[] {
    return [...(this.recent.get(sessionKey) ?? [])];
  }

  show(apiName: string): void {
    this.channelOf(apiName).channel.show(true);
  }

  dispose(): void {
    for (const entry of this.channels.values()) {
      this.flush(entry);
      entry.channel.dispose();
    }
    this.channels.clear();
  }

  private channelOf(apiName: string): Channel {
    let entry = this.channels.get(apiName);
    if (entry === undefined) {
      entry = {
        channel: this.createChannel(`Mock Access Log: ${apiName}`),
        pending: '',
        timer: undefined,
      };
      this.channels.set(apiName, entry);
    }
    return entry;
  }

  private flush(entry: Channel): void {
    clearTimeout(entry.timer);
    entry.timer = undefined;
    if (entry.pending === '') return;
    entry.channel.append(entry.pending);
    entry.pending = '';
  }
}
