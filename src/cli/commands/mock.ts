import path from 'node:path';
import { parseArgs } from 'node:util';
import { MockRuntime } from '../../runtime';
import { isCheckResponsesMode } from '../../runtime/contract/mode';
import type { Logger } from '../../shared/logger';
import { ExitCode, UsageError, type CliIo } from '../io';
import { batchedWriter } from './batchedWriter';
import { mountsOf, runMountedMock, writeRequestEvent } from './mockMounts';
import { MockObserver, openAccessLog } from './mockObserve';

export { batchedWriter } from './batchedWriter';

export const mockUsage = `usage: apigw mock DEFINITION [--port N] [--host H] [--stage NAME] [--config FILE] [--api NAME]
                  [--check-responses warn|strict|off] [--access-log FILE|-] [--metrics]
       apigw mock --mount /BASE=DEFINITION [--mount /BASE=DEFINITION ...] [--port N] [--host H]
       apigw mock [--config FILE]     (the "mounts" of apigw.config.json: {"/v1": "a.yaml", "/orders": "b.yaml"})

Serves a REST, HTTP or WebSocket API from its definition on a local mock API Gateway: routing, validation, mapping
templates, MOCK, HTTP / HTTP_PROXY and Lambda integrations (local handlers mapped in apigw.config.json
beside the definition, or --config). The first line printed is the base URL (e.g.
http://127.0.0.1:3000/local); requests go to the base URL + the route path. Edits to the definition reload
it; a definition that stops reading keeps the last good one serving. Ctrl+C (SIGINT) or SIGTERM stops it.
  --port N       port to listen on (default 3000; 0 = a free port)
  --host H       address to bind (default 127.0.0.1)
  --stage NAME   stage name in the URL (default: the definition's stage, else local)
  --config FILE  the runtime config (default: apigw.config.json beside the definition)
  --api NAME     which API of the file to serve (default: the first REST or HTTP API, else WebSocket)
  --check-responses warn|strict|off
                 check every response against the definition's responses (status, content type, body schema,
                 declared headers): warn (default) prints each mismatch under the request, strict answers 502
                 instead of a response that does not match (for CI), off checks nothing
  --access-log FILE|-
                 append one access log line a request (and WebSocket event) to FILE, or print it on stdout (-),
                 in the stage's format: "accessLogFormat" in apigw.config.json, else the definition's stage
                 (AccessLogSetting(s).Format), else CLF; $context variables filled as API Gateway fills them for
                 the API type, '-' where there is no value
  --metrics      count the stage's metrics under CloudWatch's names and print them, with a table per route
                 (requests, error rates, p99 latency), when the mock stops
WebSocket APIs print a ws:// base URL; $connect, $disconnect, $default and custom routes run as on AWS, and
the same port answers the @connections management API (POST/GET/DELETE base/@connections/{id} over http).
Throttling (rate + burst) and REST stage caching apply when the definition or the config sets them.
Mounts serve several REST / HTTP definitions on one port as a custom domain's API mappings do: a request goes to
the longest base path it is under, which is removed before the API routes it ($context.path keeps it), '/' mounts
the empty base path, and a request under no base path gets 403 {"message":"Forbidden"}.
  --mount /BASE=FILE  serve FILE under /BASE (repeatable; each base path once)`;

/** Signals the command waits for; injected so tests can stop it without a process. */
export interface StopSignal {
  wait(): Promise<string>;
}

const processSignals: StopSignal = {
  wait: () =>
    new Promise((resolve) => {
      const stop = (signal: string): void => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        resolve(signal);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    }),
};

export async function runMock(argv: string[], io: CliIo, signals: StopSignal = processSignals): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      port: { type: 'string', default: '3000' },
      host: { type: 'string', default: '127.0.0.1' },
      stage: { type: 'string' },
      config: { type: 'string' },
      api: { type: 'string' },
      'check-responses': { type: 'string' },
      mount: { type: 'string', multiple: true },
      'access-log': { type: 'string' },
      metrics: { type: 'boolean', default: false },
    },
  });
  const mounts = await mountsOf(values.mount ?? [], positionals, values.config, io);
  if (mounts === undefined && positionals.length !== 1)
    throw new UsageError('give exactly one DEFINITION file, or --mount /path=file (or "mounts" in apigw.config.json)');
  if (mounts !== undefined && (values.stage !== undefined || values.api !== undefined))
    throw new UsageError("--stage and --api apply to one DEFINITION: each mount serves its definition's stage");
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port must be a number from 0 to 65535, not '${values.port}'`);
  if (values.stage !== undefined && !/^[A-Za-z0-9_$-]+$/.test(values.stage)) {
    throw new UsageError(`--stage must be letters, digits, '-', '_' (or $default), not '${values.stage}'`);
  }
  const checkResponses = values['check-responses'];
  if (checkResponses !== undefined && !isCheckResponsesMode(checkResponses))
    throw new UsageError(`--check-responses must be warn, strict or off, not '${checkResponses}'`);
  const accessLog = values['access-log'];
  if (accessLog === '') throw new UsageError('--access-log needs a file path, or - for stdout');
  const observer = new MockObserver(
    accessLog === undefined ? undefined : openAccessLog(accessLog, io),
    values.metrics === true,
  );
  if (mounts !== undefined) {
    return runMountedMock(mounts, io, {
      observer,
      port,
      host: values.host,
      logger: stderrLogger(io),
      requestLog: batchedWriter((text) => io.err(text)),
      wait: () => signals.wait(),
      ...(checkResponses !== undefined ? { checkResponses } : {}),
    });
  }
  const file = path.resolve(io.cwd, positionals[0]!);
  const runtime = new MockRuntime({
    file,
    logger: stderrLogger(io),
    ...(checkResponses !== undefined ? { checkResponses } : {}),
    ...(values.config !== undefined ? { configFile: path.resolve(io.cwd, values.config) } : {}),
    ...(values.stage !== undefined ? { stage: values.stage } : {}),
    ...(values.api !== undefined ? { apiName: values.api } : {}),
  });
  observer.observe(runtime, `Mock: ${path.relative(io.cwd, file) || file}`);
  runtime.onReload((event) => {
    if (event.ok) {
      io.err(`apigw mock: serving ${event.api}\n`);
      for (const warning of event.warnings) io.err(`apigw mock: ${warning}\n`);
    } else {
      io.err(`apigw mock: ${event.message}\n`);
    }
  });
  // The request log is written in batches: one write per request would cost a system call on the hot path.
  const requestLog = batchedWriter((text) => io.err(text));
  // Only the steps writeRequestEvent prints are kept, without the whole trace.
  runtime.onRequest((event) => writeRequestEvent(requestLog, event), { trace: false });
  let url: string;
  try {
    url = await runtime.start(port, values.host);
  } catch (error) {
    await runtime.stop();
    observer.close();
    io.err(`apigw mock: cannot start: ${error instanceof Error ? error.message : String(error)}\n`);
    return ExitCode.usage;
  }
  io.out(`${url}\n`);
  const signal = await signals.wait();
  await runtime.stop();
  requestLog.flush();
  io.err(observer.close());
  io.err(`apigw mock: stopped (${signal})\n`);
  return ExitCode.ok;
}

function stderrLogger(io: CliIo): Logger {
  const write =
    (level: string) =>
    (message: string | Error): void =>
      io.err(`apigw mock: ${level}${message instanceof Error ? message.message : message}\n`);
  return {
    trace: () => undefined,
    debug: () => undefined,
    info: write(''),
    warn: write('warning: '),
    error: write('error: '),
  };
}
