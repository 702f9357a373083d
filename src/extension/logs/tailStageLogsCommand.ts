import * as vscode from 'vscode';
import type { StageLogKind } from '../../aws/logs/types';
import type { AwsApiKind } from '../../aws/types';
import type { Logger } from '../../shared/logger';
import type { AwsConnection, Connected } from '../aws/awsConnection';
import { asAwsNode } from '../aws/awsNodes';
import type { Command } from '../commands/commandRegistry';
import { UserError } from '../commands/commandRegistry';
import { stageLogsFacade, type StageLogsFacade } from './logsFacade';
import { logsScheme, type LogTailDocuments } from './logTailDocuments';
import { eventLine, headerLines, noticeLine, parseFilterInput } from './tailLines';

export const tailStageLogsCommandId = 'apigw.tailStageLogs';
/** The logging settings command of a stage (issue 17, point 3), offered when logging is off and it exists. */
export const loggingSettingsCommandId = 'apigw.editStageLogging';

/** The stage to tail: a stage node of the AWS view, or its ids (Show Logs of This Request, tests). */
export interface StageRef {
  kind: AwsApiKind;
  apiId: string;
  apiName?: string;
  stage: string;
}

/** What a caller may decide instead of the pickers. */
export interface TailStageLogsOptions {
  which?: StageLogKind;
  /** Text the lines must contain; '' for none (the box is then not shown). */
  filter?: string;
  requestId?: string;
  /** The history shown first, in minutes back (default 30). */
  sinceMinutes?: number;
  /** Try Live Tail (default true). */
  liveTail?: boolean;
  pollIntervalMs?: number;
}

/** A running tail, as the command returns it (the tests wait on its document). */
export interface RunningTail {
  uri: string;
  logGroup: string;
  stop(): void;
  /** Settles when the tail ends (stopped, its editor closed, or a failure, which is shown). */
  done: Promise<void>;
}

/** What Tail Logs did: a tail runs, or logging is off on the stage (said to the user, with the way to turn it on). */
export type TailStarted = RunningTail | { loggingOff: string };

export interface TailStageLogsDeps {
  connection: AwsConnection;
  documents: LogTailDocuments;
  logger: Logger;
}

function stageRefOf(arg: unknown): StageRef {
  const node = asAwsNode(arg);
  if (node?.kind === 'aws.stage') {
    return { kind: node.api.kind, apiId: node.api.id, apiName: node.api.name, stage: node.stage.name };
  }
  const ref = arg as Partial<StageRef> | undefined;
  if (ref && typeof ref.apiId === 'string' && typeof ref.stage === 'string' && typeof ref.kind === 'string') {
    return {
      kind: ref.kind,
      apiId: ref.apiId,
      stage: ref.stage,
      ...(typeof ref.apiName === 'string' ? { apiName: ref.apiName } : {}),
    };
  }
  throw new UserError('Tail Logs needs a stage: right-click a stage in the AWS view.');
}

/**
 * "Tail Logs…" on a stage: its execution or access log (picked) in a read-only editor that follows new lines —
 * by Live Tail, or by polling when Live Tail is refused, which the document says. An editor rather than an output
 * channel: a channel cannot tell when it is closed, so its tail would run (and call AWS) until VS Code quits,
 * while closing the editor's tab ends this one; and each stage gets its own searchable document.
 */
export class TailStageLogsCommand implements Command {
  readonly id = tailStageLogsCommandId;
  private readonly running = new Map<string, RunningTail>();

  constructor(private readonly deps: TailStageLogsDeps) {}

  async execute(arg?: unknown, options: TailStageLogsOptions = {}): Promise<TailStarted | undefined> {
    const ref = stageRefOf(arg);
    const connected = await this.connect();
    const aws = stageLogsFacade(connected.facade);
    if (!aws) {
      throw new UserError('This build of API Gateway Studio cannot tail logs (its AWS bundle is older): reinstall it.');
    }
    const apiName = ref.apiName ?? ref.apiId;
    let groups;
    try {
      groups = await aws.readStageLogGroups(connected.clients, { kind: ref.kind, id: ref.apiId }, ref.stage);
    } catch (error) {
      const problem = this.deps.connection.describe(error, 'GetStage');
      throw new UserError(`Cannot read stage ${ref.stage} of ${apiName}: ${problem.message}`);
    }
    const which = options.which ?? (await this.pickLog(ref, groups.execution !== undefined, groups));
    if (!which) return undefined;
    const settings = (await vscode.commands.getCommands(true)).includes(loggingSettingsCommandId);
    const hint = settings
      ? 'Turn it on with "Logging Settings…" on the stage.'
      : 'Turn it on in the stage\'s logging settings (the API Gateway console: the stage\'s "Logs and tracing").';
    const target = aws.logGroupToTail(groups, which, hint);
    if (!target.ok) {
      if (target.reason !== 'loggingOff') throw new UserError(target.message);
      // Said without waiting for the user (the command's caller learns it from the result).
      const button = 'Logging Settings…';
      void vscode.window
        .showWarningMessage(target.message, ...(settings && asAwsNode(arg)?.kind === 'aws.stage' ? [button] : []))
        .then((choice) =>
          choice === button ? vscode.commands.executeCommand(loggingSettingsCommandId, arg) : undefined,
        );
      return { loggingOff: target.message };
    }
    try {
      await aws.findLogGroup(connected.clients, target.name, aws.missingLogGroupHint(which));
    } catch (error) {
      throw new UserError(this.deps.connection.describe(error, 'DescribeLogGroups').message);
    }
    const filters = options.filter !== undefined || options.requestId !== undefined ? options : await this.askFilter();
    if (!filters) return undefined;
    return this.start(connected, aws, ref, which, target.name, { ...options, ...filters });
  }

  /** Stops every tail (the feature is disposed). */
  dispose(): void {
    for (const tail of this.running.values()) tail.stop();
  }

  private async connect(): Promise<Connected> {
    try {
      return await this.deps.connection.connect();
    } catch (error) {
      throw new UserError(`Cannot tail logs: ${this.deps.connection.describe(error).message}`);
    }
  }

  private async pickLog(
    ref: StageRef,
    hasExecution: boolean,
    groups: { execution?: { name: string; enabled: boolean }; access?: { name?: string; destinationArn: string } },
  ): Promise<StageLogKind | undefined> {
    if (!hasExecution) return 'access';
    const items: (vscode.QuickPickItem & { which: StageLogKind })[] = [
      {
        label: 'Execution log',
        description: groups.execution?.enabled ? groups.execution.name : 'off on this stage',
        detail: "API Gateway's own lines for each request: (request id) … Method completed with status: 200",
        which: 'execution',
      },
      {
        label: 'Access log',
        description: groups.access ? (groups.access.name ?? groups.access.destinationArn) : 'off on this stage',
        detail: "One line a request, in the stage's access log format",
        which: 'access',
      },
    ];
    const picked = await vscode.window.showQuickPick(items, {
      title: `Tail Logs: which log of stage ${ref.stage} of ${ref.apiName ?? ref.apiId}?`,
    });
    return picked?.which;
  }

  private async askFilter(): Promise<{ filter?: string; requestId?: string } | undefined> {
    const input = await vscode.window.showInputBox({
      title: 'Tail Logs: filter',
      prompt: 'Only lines that contain this text, or a request id (leave empty for every line)',
      placeHolder: 'e.g. status: 500, or 1b2c3d4e-5f60-4a1b-9c2d-3e4f5a6b7c8d',
      validateInput: (value) => (/[\r\n]/.test(value) ? 'One line only' : undefined),
    });
    return input === undefined ? undefined : parseFilterInput(input);
  }

  private start(
    connected: Connected,
    aws: StageLogsFacade,
    ref: StageRef,
    which: StageLogKind,
    logGroup: string,
    options: TailStageLogsOptions,
  ): RunningTail {
    const { documents } = this.deps;
    const apiName = ref.apiName ?? ref.apiId;
    const filter = options.filter !== undefined && options.filter.trim() !== '' ? options.filter : undefined;
    const requestId =
      options.requestId !== undefined && options.requestId.trim() !== '' ? options.requestId : undefined;
    const name = `${apiName} ${ref.stage} ${which}${requestId ? ` ${requestId}` : ''}`.replace(/[\\/:*?"<>|#%]/g, '_');
    const path = `/${name}.log`;
    // Tailing the same log again replaces the earlier tail.
    this.running.get(vscode.Uri.from({ scheme: logsScheme, path }).toString())?.stop();
    const uri = documents.create(path);
    const since = Date.now() - (options.sinceMinutes ?? 30) * 60_000;
    documents.append(
      uri,
      ...headerLines({
        apiName,
        apiId: ref.apiId,
        stage: ref.stage,
        logGroup,
        which,
        since,
        ...(filter ? { filter } : {}),
        ...(requestId ? { requestId } : {}),
      }),
    );
    const controller = new AbortController();
    // Closing the editor's tab ends the tail (the Live Tail session is closed, polling stops).
    let shown = false;
    let closedByUser = false;
    const closed = vscode.window.tabGroups.onDidChangeTabs((e) => {
      const open = vscode.window.tabGroups.all.some((g) =>
        g.tabs.some((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === uri.toString()),
      );
      if (shown && e.closed.length > 0 && !open) {
        closedByUser = true;
        controller.abort();
      }
    });
    const items = aws.tailLogs(connected.clients, {
      logGroup,
      startTime: since,
      follow: true,
      signal: controller.signal,
      notFoundHint: aws.missingLogGroupHint(which),
      ...(filter ? { text: filter } : {}),
      ...(requestId ? { requestId } : {}),
      ...(options.liveTail !== undefined ? { liveTail: options.liveTail } : {}),
      ...(options.pollIntervalMs !== undefined ? { pollIntervalMs: options.pollIntervalMs } : {}),
    });
    const done = (async () => {
      try {
        for await (const item of items) {
          if (item.kind === 'event') documents.append(uri, eventLine(item.event));
          else {
            documents.append(uri, noticeLine(item.notice, Date.now()));
            this.deps.logger.info(`Tail Logs ${logGroup}: ${item.notice.message}`);
          }
        }
      } catch (error) {
        if (!controller.signal.aborted) {
          const message = this.deps.connection.describe(error, 'FilterLogEvents').message;
          documents.append(uri, `── The tail stopped: ${message}`);
          this.deps.logger.warn(`Tail Logs ${logGroup} stopped: ${message}`);
          void vscode.window.showErrorMessage(`Tail Logs of stage ${ref.stage} of ${apiName} stopped: ${message}`);
        }
      } finally {
        documents.append(uri, `── Tail ended ${new Date().toISOString()}.`);
        documents.flush();
        // A closed tail's text is not kept (a document of the same name starts empty anyway).
        if (closedByUser) documents.forget(uri);
        closed.dispose();
        this.running.delete(uri.toString());
      }
    })();
    const tail: RunningTail = { uri: uri.toString(), logGroup, stop: () => controller.abort(), done };
    this.running.set(uri.toString(), tail);
    void vscode.workspace.openTextDocument(uri).then(async (document) => {
      documents.resync(uri);
      await vscode.window.showTextDocument(document, { preview: false, preserveFocus: false });
      shown = true;
    });
    return tail;
  }
}
