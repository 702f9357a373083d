// Reads what planning a stage's logging change needs: the stage's settings (REST GetStage, v2 GetStage), the
// account's CloudWatch Logs role (GetAccount, REST and WebSocket only), the CloudFormation stack tag of the stage
// or its API, the account id (STS, for log group ARNs), and which log groups exist (DescribeLogGroups).
import { GetAccountCommand, GetRestApiCommand, GetStageCommand } from '@aws-sdk/client-api-gateway';
import { GetApiCommand, GetStageCommand as GetV2StageCommand } from '@aws-sdk/client-apigatewayv2';
import { DescribeLogGroupsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { guarded, requireText } from '../guard';
import { requireKind } from '../inventory';
import type { AwsClients } from '../types';
import { parseDestination } from './destination';
import { stackTag } from './planner';
import type { ExecutionLogLevel, LoggingChange, StageLoggingSettings, StageRef } from './types';

function levelOf(value: string | undefined): ExecutionLogLevel | undefined {
  const upper = value?.toUpperCase();
  return upper === 'OFF' || upper === 'ERROR' || upper === 'INFO' ? upper : undefined;
}

function accessOf(
  settings: { destinationArn?: string | undefined; format?: string | undefined } | undefined,
): StageLoggingSettings['accessLog'] {
  if (!settings?.destinationArn) return undefined;
  return { destinationArn: settings.destinationArn, format: settings.format ?? '' };
}

/** The logging settings of a stage, with the facts the planner checks. */
export async function readStageLogging(clients: AwsClients, ref: StageRef): Promise<StageLoggingSettings> {
  requireKind(ref.kind, 'GetStage');
  requireText(ref.apiId, 'An API id', 'GetStage');
  requireText(ref.stage, 'A stage name', 'GetStage');
  return guarded(clients, async () => {
    const identity = clients.sts.send(new GetCallerIdentityCommand({}));
    const base = { ...ref, region: clients.place.region };
    if (ref.kind === 'REST') {
      const [stage, api, account, who] = await Promise.all([
        clients.rest.send(new GetStageCommand({ restApiId: ref.apiId, stageName: ref.stage })),
        clients.rest.send(new GetRestApiCommand({ restApiId: ref.apiId })),
        clients.rest.send(new GetAccountCommand({})),
        identity,
      ]);
      const all = stage.methodSettings?.['*/*'];
      const stack = stage.tags?.[stackTag] ?? api.tags?.[stackTag];
      const access = accessOf(stage.accessLogSettings);
      const executionLogging = levelOf(all?.loggingLevel);
      return {
        ...base,
        accountId: who.Account ?? '',
        ...(executionLogging !== undefined ? { executionLogging } : {}),
        dataTrace: all?.dataTraceEnabled ?? false,
        detailedMetrics: all?.metricsEnabled ?? false,
        ...(access ? { accessLog: access } : {}),
        cloudWatchRoleArn: account.cloudwatchRoleArn ?? '',
        ...(stack !== undefined ? { stack } : {}),
      };
    }
    const websocket = ref.kind === 'WEBSOCKET';
    const [stage, api, account, who] = await Promise.all([
      clients.v2.send(new GetV2StageCommand({ ApiId: ref.apiId, StageName: ref.stage })),
      clients.v2.send(new GetApiCommand({ ApiId: ref.apiId })),
      websocket ? clients.rest.send(new GetAccountCommand({})) : Promise.resolve(undefined),
      identity,
    ]);
    const route = stage.DefaultRouteSettings;
    const stack = stage.Tags?.[stackTag] ?? api.Tags?.[stackTag];
    const access = accessOf(
      stage.AccessLogSettings && {
        destinationArn: stage.AccessLogSettings.DestinationArn,
        format: stage.AccessLogSettings.Format,
      },
    );
    const executionLogging = websocket ? (levelOf(route?.LoggingLevel) ?? 'OFF') : undefined;
    return {
      ...base,
      accountId: who.Account ?? '',
      ...(executionLogging !== undefined ? { executionLogging, dataTrace: route?.DataTraceEnabled ?? false } : {}),
      detailedMetrics: route?.DetailedMetricsEnabled ?? false,
      ...(access ? { accessLog: access } : {}),
      ...(websocket ? { cloudWatchRoleArn: account?.cloudwatchRoleArn ?? '' } : {}),
      ...(stack !== undefined ? { stack } : {}),
      defaultRouteSettings: { ...route },
    };
  });
}

/** The names, among the log groups `change` sends access logs to, of those that exist. */
export async function existingLogGroups(
  clients: AwsClients,
  current: StageLoggingSettings,
  change: LoggingChange,
): Promise<Set<string>> {
  const found = new Set<string>();
  if (!change.accessLog) return found;
  const destination = parseDestination(change.accessLog.destination, current.region, current.accountId);
  if (destination.kind !== 'logGroup') return found;
  return guarded(clients, async () => {
    let nextToken: string | undefined;
    const seen = new Set<string>();
    do {
      const page = await clients.logs.send(
        new DescribeLogGroupsCommand({
          logGroupNamePrefix: destination.name,
          ...(nextToken !== undefined ? { nextToken } : {}),
        }),
      );
      if (page.logGroups?.some((g) => g.logGroupName === destination.name)) found.add(destination.name);
      nextToken = page.nextToken;
      if (nextToken !== undefined && seen.has(nextToken)) break;
      if (nextToken !== undefined) seen.add(nextToken);
    } while (nextToken !== undefined && found.size === 0);
    return found;
  });
}
