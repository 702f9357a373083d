// Pure: a stage's logging settings as they are + what the user asks for → the plan (what changes, the calls) or the
// reasons API Gateway would refuse it, found before any call.
//   REST: one UpdateStage with patch operations: /*/*/logging/loglevel, /*/*/logging/dataTrace,
//         /*/*/metrics/enabled (the method settings of every method), /accessLogSettings/destinationArn and
//         /accessLogSettings/format, or remove /accessLogSettings to turn access logging off.
//   HTTP, WebSocket: UpdateStage with AccessLogSettings and DefaultRouteSettings (LoggingLevel and
//         DataTraceEnabled exist for WebSocket only); DeleteAccessLogSettings turns access logging off.
// The log group is created first (CreateLogGroup) when it does not exist.
import { dictOf } from '../../shared/dict';
import { accessLogFormatProblem, presetOf } from './accessLogFormats';
import { parseDestination } from './destination';
import type {
  LoggingChange,
  StageLoggingSettings,
  StageSettingChange,
  StageSettingsPlanResult,
  StageSettingsStep,
} from './types';

/** The tag CloudFormation puts on the resources of a stack. */
export const stackTag = 'aws:cloudformation:stack-name';

const levels = ['OFF', 'ERROR', 'INFO'];

/** How to give the account a CloudWatch Logs role, for a refusal's message. */
export function cloudWatchRoleHelp(region: string): string {
  return (
    'Create an IAM role that API Gateway may assume (trusted entity apigateway.amazonaws.com) with the managed ' +
    'policy AmazonAPIGatewayPushToCloudWatchLogs, then set it for the account in this region: in the API ' +
    'Gateway console under Settings → Logging, or with `aws apigateway update-account --patch-operations ' +
    `op=replace,path=/cloudwatchRoleArn,value=ROLE_ARN --region ${region}\`.`
  );
}

const onOff = (value: boolean | undefined): string => (value ? 'on' : 'off');

function accessText(
  current: StageLoggingSettings,
  access: { destinationArn: string; format: string } | undefined,
): string {
  if (!access) return 'off';
  const preset = presetOf(current.kind, access.format);
  return `${access.destinationArn} (${preset ?? `custom: ${access.format}`})`;
}

/**
 * The plan for `change` on the stage `current` describes; `existingLogGroups` are the names of the log groups
 * that exist among those the change names (the caller looked them up).
 */
export function planStageLogging(
  current: StageLoggingSettings,
  change: LoggingChange,
  existingLogGroups: ReadonlySet<string>,
): StageSettingsPlanResult {
  const refusals: string[] = [];
  const where = `stage ${current.stage} of ${current.apiName} (${current.apiId})`;
  const http = current.kind === 'HTTP';
  if (change.executionLogging !== undefined && !levels.includes(change.executionLogging)) {
    refusals.push(`'${String(change.executionLogging)}' is not an execution logging level: use OFF, ERROR or INFO.`);
  }
  if (http && (change.executionLogging !== undefined || change.dataTrace !== undefined)) {
    refusals.push(
      'HTTP APIs have no execution logs (API Gateway offers them for REST and WebSocket APIs only): turn on access logging instead.',
    );
  }
  let destination: ReturnType<typeof parseDestination> | undefined;
  if (change.accessLog) {
    const problem = accessLogFormatProblem(current.kind, change.accessLog.format);
    if (problem !== undefined) refusals.push(problem);
    destination = parseDestination(change.accessLog.destination, current.region, current.accountId);
    if (destination.kind === 'invalid') refusals.push(destination.problem);
  }
  const turnsLoggingOn =
    (change.executionLogging !== undefined && change.executionLogging !== 'OFF') ||
    change.dataTrace === true ||
    (change.accessLog !== undefined && change.accessLog !== false);
  if (!http && turnsLoggingOn && !current.cloudWatchRoleArn) {
    refusals.push(
      `The account has no CloudWatch Logs role in ${current.region}, and API Gateway refuses to turn logging on ` +
        `for a ${current.kind === 'REST' ? 'REST' : 'WebSocket'} API without one. ${cloudWatchRoleHelp(current.region)}`,
    );
  }
  if (refusals.length > 0) return { ok: false, refusals };

  const changes: StageSettingChange[] = [];
  const note = (setting: string, before: string, after: string): void => {
    if (before !== after) changes.push({ setting, before, after });
  };
  if (change.executionLogging !== undefined) {
    note('execution logging', current.executionLogging ?? 'OFF', change.executionLogging);
  }
  if (change.dataTrace !== undefined)
    note('full request and response data', onOff(current.dataTrace), onOff(change.dataTrace));
  if (change.detailedMetrics !== undefined) {
    note('detailed metrics', onOff(current.detailedMetrics), onOff(change.detailedMetrics));
  }
  const wantedAccess =
    change.accessLog === undefined
      ? current.accessLog
      : change.accessLog === false || destination === undefined || destination.kind === 'invalid'
        ? undefined
        : { destinationArn: destination.arn, format: change.accessLog.format };
  if (change.accessLog !== undefined) {
    note('access logging', accessText(current, current.accessLog), accessText(current, wantedAccess));
  }
  const target = {
    kind: current.kind,
    apiId: current.apiId,
    apiName: current.apiName,
    stage: current.stage,
    region: current.region,
  };
  const warnings = planWarnings(current, change, where);
  if (changes.length === 0) return { ok: true, plan: { target, changes, steps: [], warnings: [] } };

  const steps: StageSettingsStep[] = [];
  if (destination?.kind === 'logGroup' && !existingLogGroups.has(destination.name)) {
    steps.push({
      operation: 'CreateLogGroup',
      title: `Create log group ${destination.name}`,
      input: { logGroupName: destination.name },
    });
  }
  const accessChanged = changes.some((c) => c.setting === 'access logging');
  steps.push(
    ...(current.kind === 'REST'
      ? restSteps(current, change, accessChanged ? wantedAccess : null)
      : v2Steps(current, change, accessChanged ? wantedAccess : null)),
  );
  return { ok: true, plan: { target, changes, steps, warnings } };
}

function planWarnings(current: StageLoggingSettings, change: LoggingChange, where: string): string[] {
  const warnings: string[] = [];
  if (current.stack !== undefined) {
    warnings.push(
      `The ${where} belongs to CloudFormation stack "${current.stack}": its next stack update sets the stage ` +
        'back to what the template says, undoing these changes. Put them in the template (MethodSettings and ' +
        'AccessLogSetting of the stage) to keep them.',
    );
  }
  if (change.dataTrace === true && current.dataTrace !== true) {
    warnings.push(
      'Full request and response data logs whole payloads and headers, which may hold personal or secret data: ' +
        'AWS advises against it on production stages.',
    );
  }
  return warnings;
}

/**
 * REST: one UpdateStage. `access` is the wanted access-log setting when it changes (undefined: off), null when
 * it does not change.
 */
function restSteps(
  current: StageLoggingSettings,
  change: LoggingChange,
  access: { destinationArn: string; format: string } | undefined | null,
): StageSettingsStep[] {
  const ops: { op: string; path: string; value?: string }[] = [];
  if (change.executionLogging !== undefined && change.executionLogging !== (current.executionLogging ?? 'OFF')) {
    ops.push({ op: 'replace', path: '/*/*/logging/loglevel', value: change.executionLogging });
  }
  if (change.dataTrace !== undefined && change.dataTrace !== (current.dataTrace ?? false)) {
    ops.push({ op: 'replace', path: '/*/*/logging/dataTrace', value: String(change.dataTrace) });
  }
  if (change.detailedMetrics !== undefined && change.detailedMetrics !== current.detailedMetrics) {
    ops.push({ op: 'replace', path: '/*/*/metrics/enabled', value: String(change.detailedMetrics) });
  }
  if (access === undefined) ops.push({ op: 'remove', path: '/accessLogSettings' });
  else if (access !== null) {
    ops.push({ op: 'replace', path: '/accessLogSettings/destinationArn', value: access.destinationArn });
    ops.push({ op: 'replace', path: '/accessLogSettings/format', value: access.format });
  }
  if (ops.length === 0) return [];
  return [
    {
      operation: 'UpdateStage',
      title: `Update the logging settings of stage ${current.stage}`,
      input: { restApiId: current.apiId, stageName: current.stage, patchOperations: ops },
    },
  ];
}

function v2Steps(
  current: StageLoggingSettings,
  change: LoggingChange,
  access: { destinationArn: string; format: string } | undefined | null,
): StageSettingsStep[] {
  const steps: StageSettingsStep[] = [];
  const input = dictOf<unknown>({ ApiId: current.apiId, StageName: current.stage });
  const route = dictOf<unknown>({ ...current.defaultRouteSettings });
  let routeChanged = false;
  if (change.detailedMetrics !== undefined && change.detailedMetrics !== current.detailedMetrics) {
    route['DetailedMetricsEnabled'] = change.detailedMetrics;
    routeChanged = true;
  }
  if (current.kind === 'WEBSOCKET') {
    if (change.executionLogging !== undefined && change.executionLogging !== (current.executionLogging ?? 'OFF')) {
      route['LoggingLevel'] = change.executionLogging;
      routeChanged = true;
    }
    if (change.dataTrace !== undefined && change.dataTrace !== (current.dataTrace ?? false)) {
      route['DataTraceEnabled'] = change.dataTrace;
      routeChanged = true;
    }
  }
  if (routeChanged) input['DefaultRouteSettings'] = route;
  if (access) input['AccessLogSettings'] = { DestinationArn: access.destinationArn, Format: access.format };
  if (routeChanged || access) {
    steps.push({ operation: 'UpdateStage', title: `Update the logging settings of stage ${current.stage}`, input });
  }
  if (access === undefined) {
    steps.push({
      operation: 'DeleteAccessLogSettings',
      title: `Turn off access logging of stage ${current.stage}`,
      input: { ApiId: current.apiId, StageName: current.stage },
    });
  }
  return steps;
}
