// `apigw mock` with mounts: several definitions on one port under base paths, as a custom domain's API mappings
// (`--mount /v1=a.yaml --mount /orders=b.yaml`, or `"mounts"` in apigw.config.json). Which mounts to serve, checked
// before anything starts, and serving them until a stop signal.
import fs from 'node:fs';
import path from 'node:path';
import {
  configFileName,
  loadConfig,
  MountedGateway,
  parseMountArgument,
  duplicateMount,
  type Mount,
  type RequestEvent,
} from '../../runtime';
import type { CheckResponsesMode } from '../../runtime/contract/mode';
import type { Logger } from '../../shared/logger';
import { nodeFileSystem } from '../../shared/nodeFileSystem';
import { ExitCode, UsageError, type CliIo } from '../io';
import type { MockObserver } from './mockObserve';

/**
 * The mounts of the command line: the `--mount` values, else (no DEFINITION) the `"mounts"` of the config
 * (`--config`, else apigw.config.json in the current folder); undefined when neither gives any. Bad input throws
 * a UsageError that says what is wrong.
 */
export async function mountsOf(
  mountArgs: readonly string[],
  definitions: readonly string[],
  configArg: string | undefined,
  io: CliIo,
): Promise<Mount[] | undefined> {
  if (mountArgs.length > 0) {
    if (definitions.length > 0)
      throw new UsageError('give one DEFINITION, or --mount /path=file for several, not both');
    const mounts: Mount[] = [];
    for (const arg of mountArgs) {
      const mount = parseMountArgument(arg, io.cwd);
      if (typeof mount === 'string') throw new UsageError(mount);
      mounts.push(mount);
    }
    const duplicate = duplicateMount(mounts);
    if (duplicate !== undefined) throw new UsageError(duplicate);
    return checkFiles(mounts);
  }
  if (definitions.length > 0) return undefined;
  const file = path.resolve(io.cwd, configArg ?? configFileName);
  if (!fs.existsSync(file)) return undefined;
  const loaded = await loadConfig(path.join(path.dirname(file), 'definition'), nodeFileSystem, file);
  if (!loaded.ok) throw new UsageError(loaded.message);
  return loaded.config.mounts === undefined ? undefined : checkFiles(loaded.config.mounts);
}

function checkFiles(mounts: Mount[]): Mount[] {
  for (const mount of mounts) {
    if (!fs.existsSync(mount.file))
      throw new UsageError(`mount ${mount.basePath || '/ (none)'}: ${mount.file} does not exist. Check the file name.`);
  }
  return mounts;
}

/**
 * One request in the request log: its line, the handler's output, and the steps the developer must see. Only these
 * steps are printed, so the listener can be subscribed with `{ trace: false }`.
 */
export function writeRequestEvent(requestLog: { write(text: string): void }, event: RequestEvent): void {
  requestLog.write(
    `${event.method} ${event.path} ${event.status} ${event.latencyMs} ms${event.route ? ` (${event.route})` : ''}\n`,
  );
  for (const line of event.logs) requestLog.write(`  | ${line}\n`);
  for (const step of event.trace) {
    // What the developer must know although the request went on (a JWT whose signature was not checked).
    if (step.warning === true) requestLog.write(`  warning: ${step.detail}\n`);
    // Why the gateway answered itself (4XX / 5XX gateway responses): what went wrong and what to do.
    else if (step.stage === 'gatewayResponse') requestLog.write(`  ${step.detail}\n`);
  }
}

export interface MountedMockOptions {
  port: number;
  host: string;
  checkResponses?: CheckResponsesMode;
  logger: Logger;
  /** Writes the request log (batched by the caller). */
  requestLog: { write(text: string): void; flush(): void };
  /** --access-log and --metrics: each mount's runtime is observed, and the observer closed on stop. */
  observer?: MockObserver;
  wait(): Promise<string>;
}

/** Serves the mounts until `wait` resolves; prints the base URL first, then each API's URL on stderr. */
export async function runMountedMock(mounts: Mount[], io: CliIo, options: MountedMockOptions): Promise<number> {
  const gateway = new MountedGateway(mounts, {
    logger: options.logger,
    ...(options.checkResponses !== undefined ? { checkResponses: options.checkResponses } : {}),
  });
  for (const api of gateway.apis) options.observer?.observe(api.runtime, `Mock: ${api.mount.basePath || '/'}`);
  gateway.onReload((event, api) => {
    const at = api.mount.basePath || '/';
    if (event.ok) {
      io.err(`apigw mock: serving ${event.api} at ${at}\n`);
      for (const warning of event.warnings) io.err(`apigw mock: ${at}: ${warning}\n`);
    } else {
      io.err(`apigw mock: ${at}: ${event.message}\n`);
    }
  });
  gateway.onRequest((event) => writeRequestEvent(options.requestLog, event), { trace: false });
  let url: string;
  try {
    url = await gateway.start(options.port, options.host);
  } catch (error) {
    await gateway.stop();
    options.observer?.close();
    io.err(`apigw mock: cannot start: ${error instanceof Error ? error.message : String(error)}\n`);
    return ExitCode.usage;
  }
  io.out(`${url}\n`);
  for (const api of gateway.apis) io.err(`apigw mock: ${url}${api.mount.basePath} -> ${api.mount.file}\n`);
  const signal = await options.wait();
  await gateway.stop();
  options.requestLog.flush();
  if (options.observer !== undefined) io.err(options.observer.close());
  io.err(`apigw mock: stopped (${signal})\n`);
  return ExitCode.ok;
}
