// Which log groups a stage writes to, read from the stage's own settings (GetStage): the execution log group
// `API-Gateway-Execution-Logs_{apiId}/{stage}` of REST and WebSocket stages (on when the stage-wide logging level, or
// one method's / route's, is INFO or ERROR; HTTP APIs have no execution logs) and the access log destination
// (`accessLogSettings.destinationArn`, a log group ARN or a Firehose stream).
import { GetStageCommand, type Stage } from '@aws-sdk/client-api-gateway';
import { GetStageCommand as GetV2StageCommand, type GetStageResponse } from '@aws-sdk/client-apigatewayv2';
import { badInput, guarded, requireText } from '../guard';
import { logGroupNameOfArn } from './logGroupArn';
import type { AwsApiKind, AwsClients } from '../types';
import type { ExecutionLogGroup, StageLogGroups, StageLogKind } from './types';

/** The execution log group API Gateway writes a REST or WebSocket stage's execution logs to. */
export const executionLogGroupName = (apiId: string, stage: string): string =>
  `API-Gateway-Execution-Logs_${apiId}/${stage}`;

const logs = (level: string | undefined): boolean => level === 'INFO' || level === 'ERROR';

function accessOf(settings: { destinationArn?: string; format?: string } | undefined): StageLogGroups['access'] {
  const arn = settings?.destinationArn;
  if (!arn) return undefined;
  const name = logGroupNameOfArn(arn);
  return {
    destinationArn: arn,
    ...(name !== undefined ? { name } : {}),
    ...(settings.format ? { format: settings.format } : {}),
  };
}

/** The execution group of a stage whose stage-wide level is `level`, and whose methods or routes set `overrides`. */
function executionGroup(
  apiId: string,
  stage: string,
  level: string | undefined,
  overrides: readonly (readonly [string, string | undefined])[],
): ExecutionLogGroup {
  const loggingOverrides = overrides
    .filter(([, l]) => logs(l))
    .map(([key]) => key)
    .sort();
  return {
    name: executionLogGroupName(apiId, stage),
    ...(level !== undefined ? { level } : {}),
    loggingOverrides,
    enabled: logs(level) || loggingOverrides.length > 0,
  };
}

/** The log groups of a REST stage (GetStage's answer). */
export function restStageLogGroups(apiId: string, stage: Stage): StageLogGroups {
  const name = stage.stageName ?? '';
  const settings = stage.methodSettings ?? {};
  const overrides = Object.entries(settings).flatMap(([key, s]) =>
    key === '*/*' ? [] : [[key, s.loggingLevel] as const],
  );
  const execution = executionGroup(apiId, name, settings['*/*']?.loggingLevel, overrides);
  const access = accessOf(stage.accessLogSettings);
  return { apiId, stage: name, kind: 'REST', execution, ...(access ? { access } : {}) };
}

/** The log groups of an HTTP or WebSocket stage (v2 GetStage's answer). */
export function v2StageLogGroups(apiId: string, kind: 'HTTP' | 'WEBSOCKET', stage: GetStageResponse): StageLogGroups {
  const name = stage.StageName ?? '';
  const access = accessOf(
    stage.AccessLogSettings
      ? {
          ...(stage.AccessLogSettings.DestinationArn ? { destinationArn: stage.AccessLogSettings.DestinationArn } : {}),
          ...(stage.AccessLogSettings.Format ? { format: stage.AccessLogSettings.Format } : {}),
        }
      : undefined,
  );
  if (kind === 'HTTP') return { apiId, stage: name, kind, ...(access ? { access } : {}) };
  const overrides = Object.entries(stage.RouteSettings ?? {}).map(([key, s]) => [key, s.LoggingLevel] as const);
  const execution = executionGroup(apiId, name, stage.DefaultRouteSettings?.LoggingLevel, overrides);
  return { apiId, stage: name, kind, execution, ...(access ? { access } : {}) };
}

/** Reads a stage (GetStage) and tells where its logs go. */
export async function readStageLogGroups(
  clients: AwsClients,
  api: { kind: AwsApiKind; id: string },
  stage: string,
): Promise<StageLogGroups> {
  requireText(api.id, 'An API id', 'GetStage');
  requireText(stage, 'A stage name', 'GetStage');
  if (api.kind === 'REST') {
    const wire = await guarded(clients, () =>
      clients.rest.send(new GetStageCommand({ restApiId: api.id, stageName: stage })),
    );
    return restStageLogGroups(api.id, wire);
  }
  if (api.kind !== 'HTTP' && api.kind !== 'WEBSOCKET') {
    throw badInput(`The API kind must be REST, HTTP or WEBSOCKET, not '${String(api.kind)}'.`, 'GetStage');
  }
  const wire = await guarded(clients, () =>
    clients.v2.send(new GetV2StageCommand({ ApiId: api.id, StageName: stage })),
  );
  return v2StageLogGroups(api.id, api.kind, wire);
}

/**
 * The log group to tail for `which`, or why there is none, in words that say what to do: logging off on the stage,
 * an HTTP API asked for execution logs, access logs going to Firehose. `loggingSettingsHint` ends the messages of a
 * stage whose logging is off (how to turn it on where the caller runs: a command, a CLI line).
 */
export function logGroupToTail(
  groups: StageLogGroups,
  which: StageLogKind,
  loggingSettingsHint: string,
):
  | { ok: true; name: string }
  | { ok: false; reason: 'loggingOff' | 'noExecutionLogs' | 'notALogGroup'; message: string } {
  const where = `stage ${groups.stage} of ${groups.kind} API ${groups.apiId}`;
  if (which === 'execution') {
    if (!groups.execution) {
      return {
        ok: false,
        reason: 'noExecutionLogs',
        message:
          `HTTP APIs have no execution logs: ${where} can only write access logs` +
          (groups.access ? ' (tail them instead).' : `, and access logging is off. ${loggingSettingsHint}`),
      };
    }
    if (!groups.execution.enabled) {
      return {
        ok: false,
        reason: 'loggingOff',
        message: `Execution logging is off on ${where} (logging level ${groups.execution.level ?? 'OFF'}), so ${groups.execution.name} gets no lines. ${loggingSettingsHint}`,
      };
    }
    return { ok: true, name: groups.execution.name };
  }
  if (!groups.access) {
    return {
      ok: false,
      reason: 'loggingOff',
      message: `Access logging is off on ${where} (it has no access log destination). ${loggingSettingsHint}`,
    };
  }
  if (groups.access.name === undefined) {
    return {
      ok: false,
      reason: 'notALogGroup',
      message: `The access logs of ${where} go to ${groups.access.destinationArn}, which is not a CloudWatch Logs log group: read them where that destination delivers them.`,
    };
  }
  return { ok: true, name: groups.access.name };
}

/** What to say after "The log group … does not exist" for a stage's group of this kind. */
export function missingLogGroupHint(which: StageLogKind): string {
  return which === 'execution'
    ? 'API Gateway creates it when the stage first logs a request after execution logging was turned on (with the ' +
        "account's CloudWatch Logs role set): call the stage, then tail again."
    : "The stage's access log settings name this group but it is missing (deleted?): create it, or choose another " +
        "destination in the stage's logging settings.";
}
