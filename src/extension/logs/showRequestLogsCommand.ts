import type { AwsApiKind } from '../../aws/types';
import type { Command } from '../commands/commandRegistry';
import { UserError } from '../commands/commandRegistry';
import type { TailStageLogsCommand, TailStarted } from './tailStageLogsCommand';

export const showRequestLogsCommandId = 'apigw.showRequestLogs';

/** Where one request's logs are: the Invoke panel's AWS result knows it (HTTP: the `apigw-requestid` header). */
export interface RequestLogsTarget {
  kind: AwsApiKind;
  apiId: string;
  apiName?: string;
  stage: string;
  requestId: string;
}

function targetOf(arg: unknown): RequestLogsTarget {
  const t = arg as Partial<RequestLogsTarget> | undefined;
  if (
    !t ||
    typeof t.apiId !== 'string' ||
    typeof t.stage !== 'string' ||
    typeof t.requestId !== 'string' ||
    t.requestId.trim() === '' ||
    (t.kind !== 'REST' && t.kind !== 'HTTP' && t.kind !== 'WEBSOCKET')
  ) {
    throw new UserError('Show Logs of This Request needs a request sent to AWS: invoke a route on AWS first.');
  }
  return t as RequestLogsTarget;
}

/**
 * "Show Logs of This Request" (the Invoke panel's AWS result): the stage's log lines of that request id from the
 * last 15 minutes, then following — HTTP APIs in their access log (they have no execution log), REST and
 * WebSocket APIs in their execution log.
 */
export class ShowRequestLogsCommand implements Command {
  readonly id = showRequestLogsCommandId;

  constructor(private readonly tail: TailStageLogsCommand) {}

  execute(arg?: unknown): Promise<TailStarted | undefined> {
    const target = targetOf(arg);
    return this.tail.execute(
      {
        kind: target.kind,
        apiId: target.apiId,
        stage: target.stage,
        ...(target.apiName ? { apiName: target.apiName } : {}),
      },
      { which: target.kind === 'HTTP' ? 'access' : 'execution', requestId: target.requestId, sinceMinutes: 15 },
    );
  }
}
