import * as vscode from 'vscode';
import type { GatewayApi } from '../../model';
import type { LocalMetrics, MockRuntime, ReloadEvent } from '../../runtime';
import type { FileSystem } from '../../shared/fileSystem';
import type { Logger } from '../../shared/logger';
import { UserError } from '../commands/commandRegistry';
import type { MockAccessLogs } from './accessLogChannels';
import type { RequestLog } from './requestLog';

/** One API served by the mock runtime: where it listens and how its last reload went. */
export interface MockSession {
  readonly key: string;
  readonly file: string;
  readonly apiName: string;
  readonly runtime: MockRuntime;
  readonly url: string;
  /** The stage served (its name is in the URL). */
  readonly stage: string;
  /** The stage's metrics as CloudWatch would count them, since the session started (Show Mock Metrics). */
  metrics: LocalMetrics;
  /** Undefined while the served API matches the definition; else why the last edit could not be served. */
  problem?: string;
  /** What the last load warned about (request models that cannot be compiled...), logged when it changes. */
  warnings?: string;
}

export interface MockSessionsDeps {
  fs: FileSystem;
  logger: Logger;
  log: RequestLog;
  /** Where each request's access log line goes (an output channel per API). */
  accessLogs: MockAccessLogs;
  /** Milliseconds after the last edit before the API is reloaded from the editor's text. */
  reloadDelayMs?: number;
}

export function sessionKey(file: string, apiName: string): string {
  return `${file}#${apiName}`;
}

/** Every MockSessions not yet disposed (one per activation): the extension's deactivate stops what they run. */
const live = new Set<MockSessions>();

/**
 * Stops every running mock API, `$disconnect` runs included; for `deactivate`, whose promise VS Code waits for
 * (subscriptions are disposed only after it is called, and dispose cannot wait).
 */
export async function stopAllMocks(): Promise<void> {
  await Promise.all([...live].map((sessions) => sessions.stopAll()));
}

/**
 * The running mock APIs (several may run at once), each following edits of its definition (unsaved text
 * included, debounced); a broken edit keeps the last good API and records why. Stopped on dispose.
 */
export class MockSessions implements vscode.Disposable {
  private readonly sessions = new Map<string, MockSession>();
  private readonly starting = new Map<string, Promise<MockSession>>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(private readonly deps: MockSessionsDeps) {
    this.disposables.push(vscode.workspace.onDidChangeTextDocument((e) => this.edited(e.document)));
    live.add(this);
  }

  list(): MockSession[] {
    return [...this.sessions.values()];
  }

  get(file: string, apiName: string): MockSession | undefined {
    return this.sessions.get(sessionKey(file, apiName));
  }

  /** The session for an API, started (on the configured host and port) if it is not running. */
  async ensure(file: string, api: GatewayApi): Promise<MockSession> {
    const key = sessionKey(file, api.name);
    const running = this.sessions.get(key) ?? this.starting.get(key);
    if (running) return running;
    const start = this.start(file, api.name).finally(() => this.starting.delete(key));
    this.starting.set(key, start);
    return start;
  }

  async stop(key: string): Promise<void> {
    const session = this.sessions.get(key);
    if (!session) return;
    this.sessions.delete(key);
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    await session.runtime.stop();
    this.deps.logger.info(`Mock API: stopped ${session.apiName} (${session.url})`);
    this.changed.fire();
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.sessions.keys()].map((key) => this.stop(key)));
  }

  dispose(): void {
    live.delete(this);
    void this.stopAll();
    for (const d of this.disposables) d.dispose();
  }

  private async start(file: string, apiName: string): Promise<MockSession> {
    const { MockRuntime, LocalMetrics } = await import('../../runtime');
    const settings = vscode.workspace.getConfiguration('apigw.mock', vscode.Uri.file(file));
    const port = settings.get<number>('port', 0);
    const host = settings.get<string>('host', '127.0.0.1');
    const runtime = new MockRuntime({ file, apiName, fs: this.deps.fs, logger: this.deps.logger });
    const key = sessionKey(file, apiName);
    let url: string;
    let first: ReloadEvent | undefined;
    const firstLoad = runtime.onReload((event) => (first = event));
    try {
      url = await runtime.start(port, host);
    } catch (error) {
      await runtime.stop();
      const why = error instanceof Error ? error.message : String(error);
      throw new UserError(`Cannot start the mock API ${apiName}: ${why}`);
    } finally {
      firstLoad.dispose();
    }
    const served = runtime.current!;
    const metrics = new LocalMetrics(served.api.type);
    const session: MockSession = { key, file, apiName, runtime, url, stage: served.stage, metrics };
    if (first !== undefined) this.reloaded(session, first);
    runtime.onReload((event) => this.reloaded(session, event));
    runtime.onRequest((event) => this.deps.log.add(apiName, event));
    // The access log line in the stage's format, and the counts behind Show Mock Metrics.
    runtime.onAccess((record) => {
      this.deps.accessLogs.write(apiName, key, runtime.accessLogLine(record));
      if (record.apiType !== session.metrics.apiType) session.metrics = new LocalMetrics(record.apiType);
      session.metrics.add(record);
    });
    this.sessions.set(key, session);
    this.deps.logger.info(`Mock API: serving ${apiName} from ${file} at ${url}`);
    this.changed.fire();
    return session;
  }

  private reloaded(session: MockSession, event: ReloadEvent): void {
    const warnings = event.ok ? event.warnings.join('\n') : session.warnings;
    if (warnings !== session.warnings && event.ok) {
      for (const warning of event.warnings) this.deps.logger.warn(`Mock API ${session.apiName}: ${warning}`);
    }
    session.warnings = warnings;
    const problem = event.ok ? undefined : event.message;
    if (problem !== undefined) this.deps.logger.warn(`Mock API ${session.apiName}: ${problem}`);
    else if (session.problem !== undefined)
      this.deps.logger.info(`Mock API ${session.apiName}: serving the edited definition`);
    if (problem === session.problem) return;
    session.problem = problem;
    this.changed.fire();
  }

  private edited(document: vscode.TextDocument): void {
    if (document.uri.scheme !== 'file') return;
    for (const session of this.sessions.values()) {
      if (session.file !== document.uri.fsPath) continue;
      clearTimeout(this.timers.get(session.key));
      const delay = this.deps.reloadDelayMs ?? 300;
      this.timers.set(
        session.key,
        setTimeout(() => {
          this.timers.delete(session.key);
          void session.runtime.reload(document.getText());
        }, delay),
      );
    }
  }
}
