import { parseArgs } from 'node:util';
import type { TailEvent, TailItem } from '../../aws/logs/types';
import { awsOptionSpecs, awsOptionsUsage, resolvePlace } from '../aws/awsOptions';
import { loadAws, type AwsModule } from '../aws/loadAws';
import { findApi, reportProblem, withClients } from '../aws/session';
import { ExitCode, UsageError, type CliIo } from '../io';

export const logsUsage = `usage: apigw logs API_ID --stage S [--access] [--since 10m] [--filter TEXT] [--request-id ID] [--follow]
                  [--format text|json] [AWS options]

Prints a stage's CloudWatch logs: its execution log (REST and WebSocket stages whose logging level is INFO or
ERROR: API-Gateway-Execution-Logs_{apiId}/{stage}), or with --access its access log (the log group of the
stage's access log settings). HTTP APIs have access logs only. With --follow it keeps printing new events by
CloudWatch Logs Live Tail, or by polling FilterLogEvents when Live Tail is refused (AccessDenied on
logs:StartLiveTail) or the endpoint does not support it; Ctrl-C ends it.
  --stage S              the stage (required)
  --access               the access log instead of the execution log
  --since DURATION|DATE  how far back: 30s, 10m, 2h, 1d, 1w or 2026-05-01T12:00:00Z (default: 10m)
  --filter TEXT          only events that contain TEXT (case-sensitive, as CloudWatch matches)
  --request-id ID        only events of one request: execution log lines start with (ID); access log lines carry
                         $context.requestId wherever the stage's format puts it
  --follow               keep printing new events until Ctrl-C
  --poll-interval SEC    seconds between FilterLogEvents calls when following by polling (default: 2)
  --format text|json     text: "TIME STREAM MESSAGE" a line; json: one object a line with "timestamp" (ISO 8601),
                         "logGroup", "logStream", "message"
${awsOptionsUsage}
Exit status: 0 printed (also when there was nothing to print, or Ctrl-C ended --follow), 1 logging is off on the
stage, the log group does not exist, or AWS refused or failed (the message says why), 2 usage error.`;

/** Test hooks: an abort signal instead of Ctrl-C, and a clock. */
export interface LogsRunOptions {
  signal?: AbortSignal;
  now?: () => number;
}

const loggingSettingsHint =
  "Turn logging on in the stage's logging settings (VS Code: Logging Settings… on the stage in the AWS view; the " +
  'API Gateway console: the stage\'s "Logs and tracing").';

function formatEvent(event: TailEvent, format: 'text' | 'json'): string {
  const timestamp = new Date(event.timestamp).toISOString();
  if (format === 'json') {
    return `${JSON.stringify({ timestamp, logGroup: event.logGroup, logStream: event.logStream, message: event.message })}\n`;
  }
  return `${timestamp} ${event.logStream} ${event.message.replace(/\r?\n$/, '')}\n`;
}

export async function runLogs(
  argv: string[],
  io: CliIo,
  aws?: AwsModule,
  options: LogsRunOptions = {},
): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      ...awsOptionSpecs,
      stage: { type: 'string' },
      access: { type: 'boolean', default: false },
      since: { type: 'string', default: '10m' },
      filter: { type: 'string' },
      'request-id': { type: 'string' },
      follow: { type: 'boolean', default: false },
      'poll-interval': { type: 'string' },
      format: { type: 'string', default: 'text' },
    },
  });
  if (positionals.length !== 1) throw new UsageError('give exactly one API_ID');
  const apiId = positionals[0]!;
  if (values.stage === undefined || values.stage.trim() === '') throw new UsageError('--stage is required');
  const format = values.format;
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, not '${format}'`);
  let pollIntervalMs: number | undefined;
  if (values['poll-interval'] !== undefined) {
    const seconds = Number(values['poll-interval']);
    if (!/^\d+(\.\d+)?$/.test(values['poll-interval'].trim()) || !(seconds > 0) || seconds > 3600) {
      throw new UsageError(
        `--poll-interval must be a number of seconds above 0 and at most 3600, not '${values['poll-interval']}'`,
      );
    }
    pollIntervalMs = seconds * 1000;
  }
  const module = aws ?? (await loadAws());
  const now = options.now ?? Date.now;
  const filter = {
    ...(values.filter !== undefined ? { text: values.filter } : {}),
    ...(values['request-id'] !== undefined ? { requestId: values['request-id'] } : {}),
  };
  let startTime: number;
  try {
    startTime = module.parseSince(values.since, now());
    module.checkFilter(filter);
  } catch (error) {
    throw new UsageError(module.describeProblem(error).message.replace(/^--since /, '--since: '));
  }
  const place = await resolvePlace(values, module);
  const stage = values.stage;
  const which = values.access ? 'access' : 'execution';
  // Ctrl-C ends --follow (and a slow history) cleanly: the Live Tail session is closed, the exit status is 0.
  const controller = new AbortController();
  const abort = (): void => controller.abort();
  if (options.signal) options.signal.addEventListener('abort', abort, { once: true });
  else process.once('SIGINT', abort);
  let printed = 0;
  try {
    return await withClients(module, place, io, async (clients) => {
      const api = await findApi(module, clients, apiId);
      const groups = await module.readStageLogGroups(clients, api, stage);
      const target = module.logGroupToTail(groups, which, loggingSettingsHint);
      if (!target.ok) {
        io.err(`apigw logs: ${target.message}\n`);
        return ExitCode.findings;
      }
      const items: AsyncIterable<TailItem> = module.tailLogs(clients, {
        logGroup: target.name,
        startTime,
        follow: values.follow,
        signal: controller.signal,
        now,
        notFoundHint: module.missingLogGroupHint(which),
        ...filter,
        ...(pollIntervalMs !== undefined ? { pollIntervalMs } : {}),
      });
      for await (const item of items) {
        if (item.kind === 'notice') io.err(`apigw logs: ${item.notice.message}\n`);
        else {
          printed++;
          io.out(formatEvent(item.event, format));
        }
      }
      if (printed === 0 && !values.follow) {
        io.err(
          `apigw logs: no events in ${target.name} since ${new Date(startTime).toISOString()}${filter.text || filter.requestId ? ' that match the filter' : ''}.\n`,
        );
      }
      return ExitCode.ok;
    });
  } catch (error) {
    if (controller.signal.aborted) return ExitCode.ok;
    return reportProblem(io, 'logs', module.describeProblem(error, { region: place.region }));
  } finally {
    if (options.signal) options.signal.removeEventListener('abort', abort);
    else process.removeListener('SIGINT', abort);
  }
}
