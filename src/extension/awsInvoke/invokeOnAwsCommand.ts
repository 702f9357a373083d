import * as vscode from 'vscode';
import type { AwsApiKind, DeployedApiDetails, DeployedApiSummary, DeployedRoute } from '../../aws/types';
import type { FileSystem } from '../../shared/fileSystem';
import type { AwsConnection, Connected } from '../aws/awsConnection';
import { asAwsNode } from '../aws/awsNodes';
import type { Command } from '../commands/commandRegistry';
import { UserError } from '../commands/commandRegistry';
import { asExplorerNode } from '../commands/nodeArgument';
import type { IndexedFile } from '../explorer/nodes';
import type { InvokeForm } from '../mock/invokeForm';
import type { InvokePanel, InvokeTarget, RemoteInvoker } from '../mock/invokePanel';
import { pickRoute, workspaceApis } from '../mock/invokeTargets';
import { invokeRouteOnAwsCommandId } from '../mock/routeCodeLens';
import {
  findDeployedRoute,
  formForDeployedRoute,
  invokeOnAwsTrustRefusal,
  type AwsInvokeTarget,
} from './awsInvokeRequest';
import { AwsRouteInvoker } from './awsInvoker';
import type { InvokeTargetMemory } from './invokeMemory';

/** What a caller (a test, another command) may decide instead of the pickers. */
export interface InvokeOnAwsOptions {
  apiId?: string;
  /** The stage whose variables (REST) or URL (HTTP) are used; '' for a REST API without a stage. */
  stage?: string;
}

export interface InvokeOnAwsDeps {
  panel: InvokePanel;
  connection: AwsConnection;
  files: () => IndexedFile[];
  fs: FileSystem;
  memory: InvokeTargetMemory;
}

/**
 * "Invoke Route on AWS": opens the Invoke panel on a route with AWS as its target — the stage of the API the
 * definition was deployed to (remembered by Deploy, or picked here once and remembered) — from the Workspace APIs
 * tree, the CodeLens, the palette, or a route of the AWS view. REST methods run through TestInvokeMethod, HTTP
 * routes are called at the stage's URL. Off in untrusted workspaces: it calls AWS with the user's credentials.
 */
export class InvokeRouteOnAwsCommand implements Command {
  readonly id = invokeRouteOnAwsCommandId;

  constructor(private readonly deps: InvokeOnAwsDeps) {}

  async execute(arg?: unknown, options: InvokeOnAwsOptions = {}): Promise<void> {
    const refusal = invokeOnAwsTrustRefusal(vscode.workspace.isTrusted);
    if (refusal !== undefined) throw new UserError(refusal);
    const awsNode = asAwsNode(arg);
    if (awsNode) {
      if (awsNode.kind !== 'aws.route') {
        throw new UserError('Invoke Route on AWS needs a route: right-click a route in the AWS view.');
      }
      return this.fromDeployed(awsNode.api, awsNode.route, options);
    }
    const node = asExplorerNode(arg);
    if ((node?.kind === 'route' || node?.kind === 'api') && node.api.type === 'WEBSOCKET') {
      throw new UserError(`${node.api.name} is a WebSocket API: its routes cannot be invoked on AWS from here.`);
    }
    const local = await pickRoute(arg, this.deps.files(), this.deps.fs);
    if (!local) return;
    const remote = await this.remoteFor(local, { ask: 'ifUnknown', ...options });
    if (!remote) return;
    this.deps.panel.open({ local, remote, mode: 'remote' });
  }

  /** The AWS target a local route is offered with right away (the place is known and a target remembered). */
  rememberedRemote(local: InvokeTarget): RemoteInvoker | undefined {
    const place = this.deps.connection.resolved?.place;
    if (!place || (local.api.type !== 'REST' && local.api.type !== 'HTTP')) return undefined;
    const target = this.remembered(local, place);
    return target ? this.invoker(target, local) : undefined;
  }

  /** The panel's "Invoke on AWS…" (the remembered target, else asks) and "Change AWS target…" (always asks). */
  async changeRemote(
    local: InvokeTarget | undefined,
    form: InvokeForm,
    change: boolean,
  ): Promise<RemoteInvoker | undefined> {
    if (local) return this.remoteFor(local, { ask: change ? 'always' : 'ifUnknown' });
    const { connected } = await this.connect();
    const target = await this.pickTarget(connected, undefined, form.api);
    if (!target) return undefined;
    return new AwsRouteInvoker({ connection: this.deps.connection }, target, { method: form.method, path: form.path });
  }

  private async connect(): Promise<{ connected: Connected }> {
    try {
      return { connected: await this.deps.connection.connect() };
    } catch (error) {
      throw new UserError(`Cannot invoke on AWS: ${this.deps.connection.describe(error).message}`);
    }
  }

  private remembered(local: InvokeTarget, place: Connected['resolved']['place']): AwsInvokeTarget | undefined {
    const definition = vscode.workspace.asRelativePath(local.file, false);
    const deployed = this.deps.memory.deployed(definition, local.api.name, place);
    if (deployed && deployed.kind === local.api.type) return deployed;
    const picked = this.deps.memory.get(definition, local.api.name, place);
    return picked && picked.kind === local.api.type ? picked : undefined;
  }

  private invoker(target: AwsInvokeTarget, local: InvokeTarget): AwsRouteInvoker {
    return new AwsRouteInvoker({ connection: this.deps.connection }, target, {
      method: local.route.method,
      path: local.route.path,
    });
  }

  /** The AWS target of a local route: given, remembered, or picked (and then remembered). Undefined: cancelled. */
  private async remoteFor(
    local: InvokeTarget,
    how: InvokeOnAwsOptions & { ask: 'ifUnknown' | 'always' },
  ): Promise<RemoteInvoker | undefined> {
    const kind = local.api.type;
    if (kind !== 'REST' && kind !== 'HTTP') {
      throw new UserError(`${local.api.name} is a WebSocket API: its routes cannot be invoked on AWS from here.`);
    }
    const { connected } = await this.connect();
    const { place } = connected.resolved;
    const remembered = how.apiId === undefined && how.ask === 'ifUnknown' ? this.remembered(local, place) : undefined;
    if (remembered) return this.invoker(remembered, local);
    const target =
      how.apiId !== undefined
        ? { kind, apiId: how.apiId, ...(how.stage ? { stage: how.stage } : {}) }
        : await this.pickTarget(connected, kind, local.api.name);
    if (!target) return undefined;
    await this.deps.memory.remember(vscode.workspace.asRelativePath(local.file, false), local.api.name, place, target);
    return this.invoker(target, local);
  }

  /** Asks for the API (of the route's kind; same-named ones first) and the stage. Undefined: cancelled. */
  private async pickTarget(
    connected: Connected,
    kind: 'REST' | 'HTTP' | undefined,
    preferName: string,
  ): Promise<AwsInvokeTarget | undefined> {
    const { facade, clients, resolved } = connected;
    const region = resolved.place.region;
    const listing = (async () => {
      const apis: DeployedApiSummary[] = [];
      try {
        for await (const api of facade.listApis(clients)) {
          if (api.kind === 'WEBSOCKET' || (kind !== undefined && api.kind !== kind)) continue;
          apis.push(api);
        }
      } catch (error) {
        throw new UserError(
          `Cannot list the APIs of ${region}: ${this.deps.connection.describe(error, 'ListApis').message}`,
        );
      }
      if (apis.length === 0) {
        throw new UserError(
          `There is no ${kind ?? 'REST or HTTP'} API in ${region} (profile ${resolved.profileLabel}) to invoke: ` +
            'deploy the definition first, or choose another profile or region in the AWS view.',
        );
      }
      const rank = (a: DeployedApiSummary): number => (a.name === preferName ? 0 : 1);
      return apis
        .sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
        .map((api) => ({ label: api.name, description: `${api.kind} · ${api.id}`, api }));
    })();
    const picked = await vscode.window.showQuickPick(listing, {
      title: `Invoke on AWS: which API? (${region})`,
      placeHolder: `The deployed API ${preferName} was deployed to`,
      matchOnDescription: true,
      ignoreFocusOut: true,
    });
    if (!picked) return undefined;
    const api = picked.api;
    const details = await this.details(connected, api);
    const stage = await this.pickStage(api, details);
    if (stage === false) return undefined;
    return {
      kind: api.kind as 'REST' | 'HTTP',
      apiId: api.id,
      apiName: api.name,
      ...(stage !== undefined ? { stage } : {}),
    };
  }

  private async details(connected: Connected, api: DeployedApiSummary): Promise<DeployedApiDetails> {
    try {
      return await connected.facade.getApiDetails(connected.clients, api);
    } catch (error) {
      const problem = this.deps.connection.describe(error, 'GetApiDetails');
      throw new UserError(`Cannot read the stages of ${api.name} (${api.id}): ${problem.message}`);
    }
  }

  /** The stage: the only one, or picked; undefined for a REST API with none (TestInvokeMethod needs none); false: cancelled. */
  private async pickStage(
    api: DeployedApiSummary,
    details: DeployedApiDetails,
    given?: string,
  ): Promise<string | undefined | false> {
    const names = details.stages.map((s) => s.name).sort();
    if (given !== undefined) {
      if (given === '' && api.kind === 'REST') return undefined;
      if (names.includes(given)) return given;
      throw new UserError(
        `API ${api.name} (${api.id}) has no stage ${given}${names.length ? ` (it has ${names.join(', ')})` : ''}.`,
      );
    }
    if (names.length === 0) {
      if (api.kind === 'REST') return undefined;
      throw new UserError(`HTTP API ${api.name} (${api.id}) has no stage to call: deploy it to a stage first.`);
    }
    if (names.length === 1) return names[0];
    const picked = await vscode.window.showQuickPick(
      details.stages.map((s) => ({ label: s.name, description: s.invokeUrl, name: s.name })),
      { title: `Invoke on AWS: which stage of ${api.name}?`, ignoreFocusOut: true },
    );
    return picked?.name ?? false;
  }

  /** From a route of the AWS view: the stage, then the local route it was deployed from when one is found. */
  private async fromDeployed(
    api: DeployedApiSummary,
    route: DeployedRoute,
    options: InvokeOnAwsOptions,
  ): Promise<void> {
    if (api.kind === 'WEBSOCKET') {
      throw new UserError(
        `${api.name} is a WebSocket API: its routes cannot be invoked from here (they need a WebSocket client).`,
      );
    }
    const { connected } = await this.connect();
    const details = await this.details(connected, api);
    const stageName = await this.pickStage(api, details, options.stage);
    if (stageName === false) return;
    const stage = stageName === undefined ? undefined : details.stages.find((s) => s.name === stageName);
    const kind = api.kind;
    const target: AwsInvokeTarget = {
      kind,
      apiId: api.id,
      apiName: api.name,
      ...(stageName ? { stage: stageName } : {}),
    };
    const remote = new AwsRouteInvoker({ connection: this.deps.connection }, target, {
      deployed: route,
      apiName: api.name,
      ...(stage ? { stage } : {}),
    });
    const local = this.localRouteOf(api.id, api.name, kind, route, connected.resolved.place);
    if (local) this.deps.panel.open({ local, remote, mode: 'remote' });
    else this.deps.panel.open({ form: formForDeployedRoute(api.name, route), remote, mode: 'remote' });
  }

  /**
   * The workspace route a deployed one came from: in a definition whose remembered target is this API, else in
   * the one API of the same name and kind; undefined when none is found (the panel then has no local side).
   */
  private localRouteOf(
    apiId: string,
    apiName: string,
    kind: AwsApiKind,
    route: DeployedRoute,
    place: Connected['resolved']['place'],
  ): InvokeTarget | undefined {
    const candidates = workspaceApis(this.deps.files()).filter((c) => c.api.type === kind);
    const byTarget = candidates.filter((c) => {
      const local = { file: c.file, api: c.api, route: c.api.routes[0]! };
      return c.api.routes.length > 0 && this.remembered(local, place)?.apiId === apiId;
    });
    const byName = candidates.filter((c) => c.api.name === apiName);
    const api = byTarget[0] ?? (byName.length === 1 ? byName[0] : undefined);
    if (!api) return undefined;
    const found = api.api.routes.find((r) => findDeployedRoute([route], r.method, r.path) === route);
    return found ? { file: api.file, api: api.api, route: found } : undefined;
  }
}
