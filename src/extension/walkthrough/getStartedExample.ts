import * as path from 'node:path';
import type { GatewayApi, Route } from '../../model';
import { childrenOf, type ExplorerNode, type IndexedFile } from '../explorer/nodes';

/**
 * The API the "Get Started" walkthrough works on: `get-started/openapi.yaml` of the example workspace
 * (examples/, what `npm start` opens). Pure (no `vscode`): the walkthrough's commands find it in the workspace
 * index and hand its tree nodes to the real commands (Preview Mapping Template, Start Mock API...).
 */
export interface GetStartedExample {
  file: string;
  api: GatewayApi;
  route: Route;
}

/** The folder and file name that make a definition the walkthrough's. */
export const getStartedPath = { folder: 'get-started', file: 'openapi.yaml' } as const;

/** The walkthrough's definition among the indexed files (its first REST or HTTP API and route), if it is there. */
export function findGetStartedExample(files: readonly IndexedFile[]): GetStartedExample | undefined {
  for (const entry of files) {
    if (path.basename(entry.file) !== getStartedPath.file) continue;
    if (path.basename(path.dirname(entry.file)) !== getStartedPath.folder || !entry.result.ok) continue;
    const api = entry.result.definition.apis.find((a) => a.type === 'REST' || a.type === 'HTTP');
    const route = api?.routes[0];
    if (api && route) return { file: entry.file, api, route };
  }
  return undefined;
}

/** The tree node of the example's API (what "Start Mock API" is given from the Workspace APIs view). */
export function exampleApiNode(example: GetStartedExample): ExplorerNode {
  return { kind: 'api', api: example.api };
}

/** The tree node of the example's route (what "Invoke Route Locally" is given from the Workspace APIs view). */
export function exampleRouteNode(example: GetStartedExample): ExplorerNode {
  return { kind: 'route', api: example.api, route: example.route };
}

/** The template node the walkthrough previews: the 200 response template, else any response, else any template. */
export function exampleTemplateNode(example: GetStartedExample): ExplorerNode | undefined {
  const integration = childrenOf(exampleRouteNode(example)).find((n) => n.kind === 'integration');
  const templates = integration ? childrenOf(integration).filter((n) => n.kind === 'template') : [];
  const response = templates.filter((t) => t.kind === 'template' && t.role === 'response');
  return response.find((t) => t.kind === 'template' && t.statusCode === '200') ?? response[0] ?? templates[0];
}
