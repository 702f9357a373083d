import fs from 'node:fs';
import path from 'node:path';
import type { FileSystem } from '../shared/fileSystem';
import type { Logger } from '../shared/logger';
import { nullLogger } from '../shared/logger';
import { nodeFileSystem } from '../shared/nodeFileSystem';
import type { LambdaInvoker } from './lambda/invoker';
import { WorkerPoolInvoker } from './lambda/workerPool';
import { loadServedApi, type LoadOptions } from './loadApi';
import { Pipeline, type Outcome, type PipelineOptions } from './pipeline';
import { HttpServer } from './server/httpServer';
import { WebSocketServer } from './server/websocketServer';
import { vtlRenderer } from './templates';
import { WebSocketGateway } from './websocket/gateway';
import type { MockRequest, MockResponse, RequestEvent, ServedApi } from './types';
import type { Route } from '../model';
import { iamAuthorization, regionOf } from './iam/routeAuth';
import { signMockRequest } from './iam/sign';
import type { AccessRecord } from './accessLog/accessRecord';
import { httpAccessRecord } from './accessLog/httpRecord';
import { clfFormat } from './accessLog/stageFormat';
import { webSocketAccessRecord } from './accessLog/webSocketRecord';

export interface MockRuntimeOptions extends Omit<LoadOptions, 'fs' | 'text'> {
  fs?: FileSystem;
  logger?: Logger;
  /** Runs Lambda handlers (default: worker threads). */
  invoker?: LambdaInvoker;
  pipeline?: PipelineOptions;
  /** Reload when the definition or its config changes on disk (default true). */
  watch?: boolean;
}

/** What a (re)load came to: the API now served, or why the last good one is still served. */
export type ReloadEvent = { ok: true; api: string; warnings: string[] } | { ok: false; message: string };

type Listener<T> = (value: T) => void;

/**
 * The mock API Gateway: serves one REST or HTTP API from a definition through the pipeline, over HTTP once
 * started. Emits an event per request (method, path, status, latency, trace) and per reload; a definition
 * that stops reading keeps the last good API serving.
 */
export class MockRuntime {
  private served: ServedApi | undefined;
  private server: HttpServer | WebSocketServer | undefined;
  private webSocket: WebSocketGateway | undefined;
  private baseUrl: string | undefined;
  private readonly pipeline: Pipeline;
  private readonly invoker: LambdaInvoker;
  private readonly requestListeners = new Set<Listener<RequestEvent>>();
  /** The request listeners that want every step of the trace (see onRequest). */
  private readonly traceListeners = new Set<Listener<RequestEvent>>();
  private readonly reloadListeners = new Set<Listener<ReloadEvent>>();
  /** The access log and the local metrics: records are built only while one listens. */
  private readonly accessListeners = new Set<Listener<AccessRecord>>();
  private watchers: fs.FSWatcher[] = [];
  private reloadTimer: NodeJS.Timeout | undefined;
  private readonly fs: FileSystem;
  private readonly logger: Logger;

  constructor(private readonly options: MockRuntimeOptions) {
    this.fs = options.fs ?? nodeFileSystem;
    this.logger = options.logger ?? nullLogger;
    this.invoker = options.invoker ?? new WorkerPoolInvoker(this.logger);
    this.pipeline = new Pipeline(this.invoker, { logger: this.logger, ...options.pipeline });
  }

  /** The API being served (undefined before the first successful load). */
  get current(): ServedApi | undefined {
    return this.served;
  }

  /** `http://host:port/stage` once started. */
  get url(): string | undefined {
    return this.baseUrl;
  }

  /**
   * Calls `listener` with the event of every request served over HTTP or answered by `handle`. With
   * `{ trace: false }` the listener does not need every step of the trace (a request log): while no listener
   * wants it, requests served over HTTP trace only what goes wrong, which saves time on every request.
   * `handle` always traces every step.
   */
  onRequest(listener: Listener<RequestEvent>, options: { trace?: boolean } = {}): { dispose(): void } {
    this.requestListeners.add(listener);
    if (options.trace !== false) this.traceListeners.add(listener);
    return {
      dispose: () => {
        this.requestListeners.delete(listener);
        this.traceListeners.delete(listener);
      },
    };
  }

  /**
   * Calls `listener` with the access record of every request and WebSocket event (after its onRequest event):
   * what the stage's access log prints (`accessLogLine`) and the local metrics count. Nothing is built for it
   * while no listener is registered.
   */
  onAccess(listener: Listener<AccessRecord>): { dispose(): void } {
    this.accessListeners.add(listener);
    return { dispose: () => this.accessListeners.delete(listener) };
  }

  /** The access log line of a record, in the served stage's format (the definition's, the config's, else CLF). */
  accessLogLine(record: AccessRecord): string {
    const format = this.served?.accessLog ?? clfFormat(record.apiType);
    return format.render(record);
  }

  onReload(listener: Listener<ReloadEvent>): { dispose(): void } {
    this.reloadListeners.add(listener);
    return { dispose: () => this.reloadListeners.delete(listener) };
  }

  /** (Re)reads the definition (`text`: an unsaved editor's content); on failure the last good API stays. */
  async reload(text?: string): Promise<ReloadEvent> {
    const result = await loadServedApi({ ...this.options, fs: this.fs, ...(text !== undefined ? { text } : {}) });
    const event: ReloadEvent = result.ok
      ? { ok: true, api: result.served.api.name, warnings: result.warnings }
      : {
          ok: false,
          message: this.served ? `${result.message} (still serving the last good version)` : result.message,
        };
    if (result.ok) this.served = result.served;
    for (const listener of this.reloadListeners) listener(event);
    return event;
  }

  /** Answers one request without HTTP (the editor's Invoke panel, tests). */
  async handle(request: MockRequest): Promise<Outcome> {
    return this.answer(request, true);
  }

  /** `handle`, synchronously when the pipeline answers at once (the HTTP server's hot path). */
  private answer(request: MockRequest, trace: boolean): Outcome | Promise<Outcome> {
    const served = this.served;
    if (served === undefined) throw new Error('MockRuntime.handle called before a successful load');
    const outcome = this.pipeline.run(served, request, trace);
    return outcome instanceof Promise ? outcome.then((o) => this.answered(served, o)) : this.answered(served, outcome);
  }

  private answered(served: ServedApi, outcome: Outcome): Outcome {
    const headers = outcome.response.headers;
    if (served.api.type === 'REST') headers['x-amzn-RequestId'] = outcome.event.requestId;
    else headers['Apigw-Requestid'] = outcome.event.requestId;
    for (const listener of this.requestListeners) listener(outcome.event);
    if (this.accessListeners.size > 0) {
      const record = httpAccessRecord(outcome.exchange, outcome.response, outcome.event.latencyMs);
      for (const listener of this.accessListeners) listener(record);
    }
    return outcome;
  }

  /** How the route asks for IAM authorization (requests to it must be SigV4-signed), or undefined. */
  iamRoute(route: Route): string | undefined {
    return this.served === undefined ? undefined : iamAuthorization(this.served.api, route);
  }

  /** The local credentials IAM routes accept (`"iam": {"credentials": [...]}` in apigw.config.json). */
  get signingCredentials(): { accessKeyId: string; arn: string }[] {
    return (this.served?.config.iam?.credentials ?? []).map((c) => ({ accessKeyId: c.accessKeyId, arn: c.arn }));
  }

  /**
   * `request` SigV4-signed (Authorization header) with the config credential `accessKeyId`, for the stage's region,
   * the Host `host` and the gateway's clock: what Invoke Route Locally sends to IAM routes.
   */
  async sign(request: MockRequest, accessKeyId: string, host: string): Promise<MockRequest> {
    const config = this.served?.config;
    const keys = config?.iam?.credentials.find((c) => c.accessKeyId === accessKeyId);
    if (config === undefined || keys === undefined)
      throw new Error(`${accessKeyId} is not one of "iam.credentials" in apigw.config.json.`);
    const now = this.options.pipeline?.now ?? Date.now;
    return signMockRequest(request, keys, { region: regionOf(config), host, date: new Date(now()) });
  }

  /** Loads the API and watches its files without listening: a mount of a MountedGateway, which calls `serve`. */
  async attach(): Promise<ReloadEvent> {
    const loaded = await this.reload();
    if (loaded.ok && this.options.watch !== false) this.watchFiles();
    return loaded;
  }

  /** Answers a request another server received (a mount), as this runtime's own HTTP server does. */
  serve(request: MockRequest): MockResponse | Promise<MockResponse> {
    const outcome = this.answer(request, this.traceListeners.size > 0);
    return outcome instanceof Promise ? outcome.then((o) => o.response) : outcome.response;
  }

  /** Loads the API and listens; resolves to the base URL, or rejects with a message saying why it cannot start. */
  async start(port = 0, host = '127.0.0.1'): Promise<string> {
    const loaded = await this.reload();
    if (!loaded.ok) throw new Error(loaded.message);
    const stage = this.served?.stage ?? 'local';
    const stagePath = stage === '$default' ? '' : `/${stage}`;
    const websocket = this.served?.api.type === 'WEBSOCKET';
    const server = websocket
      ? new WebSocketServer(this.webSocketGateway(), stagePath)
      : new HttpServer((request) => {
          const outcome = this.answer(request, this.traceListeners.size > 0);
          return outcome instanceof Promise ? outcome.then((o) => o.response) : outcome.response;
        });
    const address = await server.listen(port, host);
    this.server = server;
    const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    this.baseUrl = `${websocket ? 'ws' : 'http'}://${shownHost}:${address.port}${stagePath}`;
    if (this.options.watch !== false) this.watchFiles();
    return this.baseUrl;
  }

  /** WebSocket APIs: the gateway that runs connections (its `connections` are the open ones). */
  webSocketGateway(): WebSocketGateway {
    this.webSocket ??= new WebSocketGateway(
      () => {
        if (this.served === undefined) throw new Error('WebSocket gateway used before a successful load');
        return this.served;
      },
      {
        renderer: this.options.pipeline?.renderer ?? vtlRenderer,
        lambda: this.invoker,
        ...(this.options.pipeline?.now !== undefined ? { now: this.options.pipeline.now } : {}),
      },
      (event, access) => {
        for (const listener of this.requestListeners) listener(event);
        if (this.accessListeners.size > 0 && this.served !== undefined) {
          const record = webSocketAccessRecord(this.served, event, access);
          for (const listener of this.accessListeners) listener(record);
        }
      },
    );
    return this.webSocket;
  }

  /**
   * Stops serving, within about two seconds: WebSocket APIs run `$disconnect` for each open connection first
   * (for at most 1.5 s), then the clients are closed and the handlers' workers stopped.
   */
  async stop(): Promise<void> {
    clearTimeout(this.reloadTimer);
    for (const watcher of this.watchers) watcher.close();
    this.watchers = [];
    const server = this.server;
    this.server = undefined;
    const late = await server?.close();
    if (typeof late === 'number' && late > 0) {
      this.logger.warn(
        `Stopped with ${late} $disconnect run${late === 1 ? '' : 's'} still going after 1.5 s: ended with the mock API.`,
      );
    }
    await this.invoker.close();
  }

  /** Watches the definition's folder (editors save by renaming) and reloads, debounced, on a change. */
  private watchFiles(): void {
    const file = this.options.file;
    const names = new Set([path.basename(file), 'apigw.config.json']);
    const dirs = new Set([path.dirname(file)]);
    if (this.options.configFile !== undefined) {
      names.add(path.basename(this.options.configFile));
      dirs.add(path.dirname(this.options.configFile));
    }
    for (const dir of dirs) {
      try {
        const watcher = fs.watch(dir, { persistent: false }, (_event, changed) => {
          if (changed !== null && !names.has(changed.toString())) return;
          clearTimeout(this.reloadTimer);
          this.reloadTimer = setTimeout(() => void this.reload(), 50);
        });
        watcher.on('error', () => watcher.close());
        this.watchers.push(watcher);
      } catch (error) {
        this.logger.warn(
          `Cannot watch ${dir} for changes (${error instanceof Error ? error.message : String(error)}): edits need a restart.`,
        );
      }
    }
  }
}
