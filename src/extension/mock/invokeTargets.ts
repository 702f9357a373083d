import * as vscode from 'vscode';
import { readDefinition, type GatewayApi } from '../../model';
import type { FileSystem } from '../../shared/fileSystem';
import { pickApi as pickOneApi } from '../commands/apiPick';
import { UserError } from '../commands/commandRegistry';
import { asExplorerNode } from '../commands/nodeArgument';
import type { IndexedFile } from '../explorer/nodes';
import type { InvokeTarget } from './invokePanel';

/** An API the mock runtime can serve, with the definition file it is read from. */
export interface ApiTarget {
  file: string;
  api: GatewayApi;
}

/** What a CodeLens passes to Invoke Route Locally: enough to find the route in the current text. */
export interface RouteReference {
  file: string;
  apiName: string;
  method: string;
  path: string;
}

const servable = (api: GatewayApi): boolean => api.type === 'REST' || api.type === 'HTTP';

/** Every REST / HTTP API in the workspace index. */
export function workspaceApis(files: IndexedFile[]): ApiTarget[] {
  return files.flatMap((f) =>
    f.result.ok ? f.result.definition.apis.filter(servable).map((api) => ({ file: f.file, api })) : [],
  );
}

/**
 * The API a command was invoked on (a tree node), else the one the user picks. Undefined if cancelled. With
 * `websocket`, WebSocket APIs too (Start Mock API serves them; the Invoke panel speaks HTTP only).
 */
export async function pickApi(
  arg: unknown,
  files: IndexedFile[],
  options: { websocket?: boolean } = {},
): Promise<ApiTarget | undefined> {
  const node = asExplorerNode(arg);
  if (node?.kind === 'api' || node?.kind === 'route') {
    if (!servable(node.api) && options.websocket !== true)
      throw new UserError(`${node.api.name} is a WebSocket API: the mock runtime serves REST and HTTP APIs only.`);
    return { file: node.api.loc.file, api: node.api };
  }
  const apis =
    options.websocket === true
      ? files.flatMap((f) => (f.result.ok ? f.result.definition.apis.map((api) => ({ file: f.file, api })) : []))
      : workspaceApis(files);
  if (apis.length === 0)
    throw new UserError(
      'No REST or HTTP API definition found in this workspace: open or create an OpenAPI definition first.',
    );
  return await pickOneApi(apis, { placeHolder: 'Which API should the mock serve?' });
}

/** The route to invoke: from a route node, a CodeLens reference, or a QuickPick. Undefined if cancelled. */
export async function pickRoute(arg: unknown, files: IndexedFile[], fs: FileSystem): Promise<InvokeTarget | undefined> {
  const node = asExplorerNode(arg);
  if (node?.kind === 'route') {
    if (!servable(node.api))
      throw new UserError(`${node.api.name} is a WebSocket API: its routes cannot be invoked locally yet.`);
    return { file: node.api.loc.file, api: node.api, route: node.route };
  }
  if (isRouteReference(arg)) return findReferenced(arg, fs);
  const apis = node?.kind === 'api' ? [{ file: node.api.loc.file, api: node.api }] : workspaceApis(files);
  const routes = apis.flatMap(({ file, api }) => api.routes.map((route) => ({ file, api, route })));
  if (routes.length === 0)
    throw new UserError('No REST or HTTP API route found in this workspace: add an operation to a definition first.');
  const picked = await vscode.window.showQuickPick(
    routes.map((t) => ({
      label: `${t.route.method} ${t.route.path}`,
      description: t.api.name,
      detail: t.route.summary ?? t.route.operationId,
      target: t,
    })),
    { placeHolder: 'Which route should be invoked?', matchOnDescription: true },
  );
  return picked?.target;
}

function isRouteReference(arg: unknown): arg is RouteReference {
  if (typeof arg !== 'object' || arg === null) return false;
  const r = arg as Record<string, unknown>;
  return (
    typeof r.file === 'string' &&
    typeof r.apiName === 'string' &&
    typeof r.method === 'string' &&
    typeof r.path === 'string'
  );
}

/** Reads the definition as the editor has it now and finds the referenced route in it. */
async function findReferenced(ref: RouteReference, fs: FileSystem): Promise<InvokeTarget> {
  const read = await readDefinition(ref.file, { fs });
  if (!read.ok) throw new UserError(`Cannot read ${ref.file}: ${read.failure.error.message}`);
  const api = read.definition.apis.find((a) => a.name === ref.apiName && servable(a));
  const route = api?.routes.find((r) => r.method === ref.method && r.path === ref.path);
  if (!api || !route)
    throw new UserError(
      `${ref.method} ${ref.path} is no longer in ${ref.apiName} (${ref.file}): save or undo the edit and try again.`,
    );
  return { file: ref.file, api, route };
}
