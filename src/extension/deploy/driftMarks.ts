import * as vscode from 'vscode';
import { readDefinition, type GatewayApi } from '../../model';
import type { FileSystem } from '../../shared/fileSystem';
import type { Logger } from '../../shared/logger';
import type { AwsConnection } from '../aws/awsConnection';
import { readSettings } from '../workspace/settings';
import { deployFacade } from './deployFacade';
import { checkDrift, type DriftStatus } from './driftCheck';
import { prepareLocal } from './localSource';
import { placeKey, type TargetMemory } from './targetMemory';

/** What the Workspace APIs tree asks of the marks (WorkspaceApisProvider.decorate). */
export interface ApiMarks {
  markOf(file: string, api: GatewayApi): string | undefined;
  readonly onDidChange: vscode.Event<void>;
}

/**
 * The drift marks of the Workspace APIs tree: "in sync", "changed" or "not deployed" after each local API that
 * has a remembered target at the current place. Computed lazily, when the tree shows the API, and only once the
 * AWS side has been used (the SDK is never loaded for a mark); forgotten on save, after a deploy and when the
 * place changes. A mark that cannot be computed (parameters without a value, AWS failing) is not shown.
 */
export class DriftMarks implements ApiMarks, vscode.Disposable {
  private readonly statuses = new Map<string, DriftStatus>();
  /** Marks being computed, by key; a newer computation (or a forget) replaces the token, so a stale one is dropped. */
  private readonly pending = new Map<string, symbol>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(
    private readonly connection: AwsConnection,
    private readonly memory: TargetMemory,
    private readonly fs: FileSystem,
    private readonly logger: Logger,
  ) {
    const onPlace = connection.onDidChange(() => this.clearAll());
    this.disposables.push(
      { dispose: () => onPlace.dispose() },
      vscode.workspace.onDidSaveTextDocument((document) => this.invalidate(document.uri.fsPath)),
    );
  }

  markOf(file: string, api: GatewayApi): string | undefined {
    const place = this.connection.loaded ? this.connection.resolved?.place : undefined;
    if (place === undefined) return undefined;
    const relative = vscode.workspace.asRelativePath(vscode.Uri.file(file), false);
    const target = this.memory.get(relative, api.name, place);
    if (target === undefined || target.kind !== api.type) return undefined;
    const key = keyOf(file, api.name, placeKey(place));
    const status = this.statuses.get(key);
    if (status !== undefined || this.pending.has(key)) return status;
    const token = Symbol(key);
    this.pending.set(key, token);
    void this.compute(file, api.name, target)
      .then(
        (computed) => {
          if (computed !== undefined && this.pending.get(key) === token) this.statuses.set(key, computed);
        },
        (err: unknown) => this.logger.warn(`Drift of ${api.name} (${relative}) could not be computed`, err),
      )
      .finally(() => {
        if (this.pending.get(key) !== token) return;
        this.pending.delete(key);
        if (this.statuses.has(key)) this.changed.fire();
      });
    return undefined;
  }

  /** What a deploy or a compare just found. */
  set(file: string, apiName: string, status: DriftStatus): void {
    const place = this.connection.resolved?.place;
    if (place === undefined) return;
    const key = keyOf(file, apiName, placeKey(place));
    this.pending.delete(key);
    this.statuses.set(key, status);
    this.changed.fire();
  }

  /** Forgets the marks of a file's APIs (it was saved, deployed): computed again when shown. */
  invalidate(file: string): void {
    let any = false;
    for (const key of [...this.statuses.keys(), ...this.pending.keys()]) {
      if ((JSON.parse(key) as string[])[1] === file) {
        any = this.statuses.delete(key) || this.pending.delete(key) || any;
        this.pending.delete(key);
      }
    }
    if (any) this.changed.fire();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  private clearAll(): void {
    const any = this.statuses.size > 0;
    this.statuses.clear();
    this.pending.clear();
    if (any) this.changed.fire();
  }

  private async compute(
    file: string,
    apiName: string,
    target: { kind: GatewayApi['type']; apiId: string; stage: string },
  ): Promise<DriftStatus | undefined> {
    const { clients } = await this.connection.connect();
    const facade = deployFacade(this.connection);
    const text = new TextDecoder().decode(await this.fs.readFile(file));
    const uri = vscode.Uri.file(file);
    const read = await readDefinition(file, { fs: this.fs, text, apiType: readSettings(uri).apiType });
    const api = read.ok ? read.definition.apis.find((a) => a.name === apiName) : undefined;
    if (!read.ok || api === undefined) return undefined;
    const prepared = await prepareLocal(facade, clients, { definition: read.definition, api, text }, {}, this.fs);
    if (!prepared.ok) return undefined;
    const swagger = api.source.kind === 'swagger';
    return (await checkDrift(facade, clients, prepared.source, target, swagger)).status;
  }
}

function keyOf(file: string, apiName: string, place: string): string {
  return JSON.stringify([place, file, apiName]);
}
