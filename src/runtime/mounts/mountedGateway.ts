// Several definitions on one port, each under its base path, as a custom domain's API mappings: a request goes to
// the mount with the longest matching base path, which sees it without the base path (routing, `$context.resourcePath`)
// while `$context.path` keeps the path the client sent, as on a custom domain; a request under no base path gets
// the custom domain's 403 {"message":"Forbidden"}. Each mount is a MockRuntime of its own (its definition, config,
// stage, reloads); this only dispatches, so a single definition served alone pays nothing for it.
import { HttpServer } from '../server/httpServer';
import { MockRuntime, type MockRuntimeOptions, type ReloadEvent } from '../mockRuntime';
import type { MockRequest, MockResponse, RequestEvent } from '../types';
import { duplicateMount, MountTable, type Mount } from './mounts';

export type MountedGatewayOptions = Omit<MockRuntimeOptions, 'file' | 'stage' | 'apiName'>;

export interface MountedApi {
  mount: Mount;
  runtime: MockRuntime;
}

/** What a custom domain answers to a path that no API mapping takes. */
export function forbidden(): MockResponse {
  return {
    status: 403,
    headers: { 'Content-Type': 'application/json', 'x-amzn-ErrorType': 'ForbiddenException' },
    body: Buffer.from('{"message":"Forbidden"}'),
  };
}

export class MountedGateway {
  readonly apis: MountedApi[];
  private readonly table: MountTable<MountedApi>;
  private server: HttpServer | undefined;
  private baseUrl: string | undefined;

  /** Throws when two mounts share a base path. */
  constructor(
    mounts: readonly Mount[],
    options: MountedGatewayOptions = {},
    createRuntime: (options: MockRuntimeOptions) => MockRuntime = (o) => new MockRuntime(o),
  ) {
    const duplicate = duplicateMount(mounts);
    if (duplicate !== undefined) throw new Error(duplicate);
    if (mounts.length === 0) throw new Error('no mounts: give at least one base path and definition.');
    this.apis = mounts.map((mount) => ({ mount, runtime: createRuntime({ ...options, file: mount.file }) }));
    this.table = new MountTable(this.apis.map((api) => ({ basePath: api.mount.basePath, target: api })));
  }

  /** `http://host:port` once started (each API under its base path). */
  get url(): string | undefined {
    return this.baseUrl;
  }

  onRequest(
    listener: (event: RequestEvent, api: MountedApi) => void,
    options: { trace?: boolean } = {},
  ): { dispose(): void } {
    const subscriptions = this.apis.map((api) => api.runtime.onRequest((event) => listener(event, api), options));
    return { dispose: () => subscriptions.forEach((s) => s.dispose()) };
  }

  onReload(listener: (event: ReloadEvent, api: MountedApi) => void): { dispose(): void } {
    const subscriptions = this.apis.map((api) => api.runtime.onReload((event) => listener(event, api)));
    return { dispose: () => subscriptions.forEach((s) => s.dispose()) };
  }

  /** Answers one request: its mount's API with the base path removed, or 403 Forbidden. */
  handle(request: MockRequest): MockResponse | Promise<MockResponse> {
    const found = this.table.match(request.path);
    const served = found?.target.runtime.current;
    if (found === undefined || served === undefined) return forbidden();
    const stagePath = served.stage === '$default' ? '' : `/${served.stage}`;
    return found.target.runtime.serve({
      ...request,
      path: stagePath === '' ? found.rest : found.rest === '/' ? stagePath : stagePath + found.rest,
      publicPath: request.path,
      // SigV4 signs the path the client sent.
      rawPath: request.rawPath ?? request.path,
    });
  }

  /**
   * Loads every definition (WebSocket APIs refused: they cannot share a domain with REST and HTTP APIs) and
   * listens; resolves to the base URL, or rejects naming the mount that cannot start and why.
   */
  async start(port = 0, host = '127.0.0.1'): Promise<string> {
    for (const api of this.apis) {
      const loaded = await api.runtime.attach();
      const at = `mount ${api.mount.basePath || '/ (none)'} (${api.mount.file})`;
      if (!loaded.ok) throw new Error(`${at}: ${loaded.message}`);
      if (api.runtime.current?.api.type === 'WEBSOCKET')
        throw new Error(
          `${at} is a WebSocket API: mounts serve REST and HTTP APIs, as a custom domain cannot map a WebSocket API beside them. Serve it alone with apigw mock FILE.`,
        );
    }
    const server = new HttpServer((request) => this.handle(request));
    const address = await server.listen(port, host);
    this.server = server;
    const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    this.baseUrl = `http://${shownHost}:${address.port}`;
    return this.baseUrl;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    await server?.close();
    await Promise.all(this.apis.map((api) => api.runtime.stop()));
  }
}
