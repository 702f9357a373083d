import * as vscode from 'vscode';
import type { PlannedChange } from '../../aws/types';
import type { FileSystem } from '../../shared/fileSystem';
import type { Logger } from '../../shared/logger';
import type { AwsServices } from '../aws/awsServices';
import type { Command } from '../commands/commandRegistry';
import { UserError } from '../commands/commandRegistry';
import type { IndexedFile } from '../explorer/nodes';
import { pickLocalApi } from './definitionPick';
import type { DeployDiagnostics } from './deployDiagnostics';
import { deployFacade } from './deployFacade';
import { checkDrift } from './driftCheck';
import type { DriftMarks } from './driftMarks';
import { driftMessage } from './driftText';
import { prepareAsking } from './localSource';
import { ReadOnlyDocuments } from './readOnlyDocuments';
import type { TargetMemory } from './targetMemory';
import { pickStage, pickTargetApi, type TargetPickContext } from './targetPicks';

export const compareCommandId = 'apigw.compareWithDeployed';
export const deployedScheme = 'apigw-deployed';

/** What a programmatic caller may decide instead of the pickers. */
export interface CompareOptions {
  apiName?: string;
  /** The deployed API's id (default: the remembered target, else asked). */
  target?: string;
  stage?: string;
  parameters?: Record<string, string>;
}

export interface CompareRun {
  status: 'in sync' | 'changed' | 'not deployed';
  changes: PlannedChange[];
  notes: string[];
  deployedUri?: vscode.Uri;
  localUri?: vscode.Uri;
  deployedText?: string;
  localText?: string;
  message: string;
}

export interface CompareDeps {
  aws: AwsServices;
  files: () => IndexedFile[];
  fs: FileSystem;
  logger: Logger;
  memory: TargetMemory;
  marks: DriftMarks;
  diagnostics: DeployDiagnostics;
}

/**
 * "Compare with Deployed": the local definition against a deployed stage (the remembered target, or one picked),
 * both normalised by the deploy core, in VS Code's diff editor (deployed on the left, local on the right) over
 * read-only `apigw-deployed:` documents. Updates the API's drift mark in the Workspace APIs tree.
 */
export class CompareWithDeployedCommand implements Command, vscode.Disposable {
  readonly id = compareCommandId;
  readonly documents = new ReadOnlyDocuments(deployedScheme);
  private readonly registration = vscode.workspace.registerTextDocumentContentProvider(deployedScheme, this.documents);

  constructor(private readonly deps: CompareDeps) {}

  async execute(arg?: unknown, options: CompareOptions = {}): Promise<CompareRun | undefined> {
    const { deps } = this;
    const local = await pickLocalApi(arg, deps.files(), deps.fs, 'compare', options.apiName);
    if (local === undefined) return undefined;
    const { clients, resolved } = await deps.aws.connection.connect().catch((err: unknown) => {
      throw new UserError(`Cannot compare: ${deps.aws.connection.describe(err).message}`);
    });
    const facade = deployFacade(deps.aws.connection);
    const api = local.api;
    const remembered = deps.memory.get(local.relativePath, api.name, resolved.place);
    let apiId = options.target ?? remembered?.apiId;
    let stage = options.stage ?? (options.target === undefined ? remembered?.stage : undefined);
    if (apiId === undefined || stage === undefined) {
      const ctx: TargetPickContext = {
        facade,
        clients,
        logger: deps.logger,
        apiName: api.name,
        apiKind: api.type,
        allowNew: false,
        title: `Compare ${api.name} with Deployed`,
      };
      const choice =
        apiId === undefined
          ? await pickTargetApi(ctx)
          : { kind: 'existing' as const, api: { id: apiId, name: apiId, kind: api.type } };
      if (choice?.kind !== 'existing') return undefined;
      apiId = choice.api.id;
      stage ??= await pickStage(ctx, choice, typeof api.stage?.name === 'string' ? api.stage.name : undefined);
      if (stage === undefined) return undefined;
    }
    const prepared = await prepareAsking(
      facade,
      clients,
      local,
      options.parameters ?? {},
      deps.fs,
      `Compare ${api.name}`,
    );
    if (prepared === undefined) return undefined;
    const file = local.document.uri.fsPath;
    if (!prepared.ok) {
      deps.diagnostics.show(file, prepared.diagnostics);
      throw new UserError(
        `"${api.name}" cannot be compared: ${prepared.diagnostics[0]?.message ?? 'see the Problems panel'}`,
      );
    }
    const target = { kind: api.type, apiId, stage };
    let check;
    try {
      check = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: 'Reading what is deployed…' },
        () => checkDrift(facade, clients, prepared.source, target, api.source.kind === 'swagger'),
      );
    } catch (err) {
      throw new UserError(
        `Cannot compare "${api.name}" with ${apiId} · ${stage}: ${deps.aws.connection.describe(err).message}`,
      );
    }
    deps.marks.set(file, api.name, check.status);
    if (options.target === undefined && remembered === undefined && check.status !== 'not deployed') {
      await deps.memory.remember(local.relativePath, api.name, resolved.place, { kind: api.type, apiId, stage });
    }
    if (check.status === 'not deployed') {
      void vscode.window.showWarningMessage(check.reason);
      return { status: check.status, changes: [], notes: [], message: check.reason };
    }
    const { drift } = check;
    const base = `/${apiId}/${stage}/${api.name.replace(/[\\/:*?"<>|#]/g, '_')}`;
    const deployedUri = this.documents.set(`${base}.deployed.yaml`, drift.deployedText);
    const localUri = this.documents.set(`${base}.local.yaml`, drift.localText);
    await vscode.commands.executeCommand(
      'vscode.diff',
      deployedUri,
      localUri,
      `${api.name}: deployed (${apiId} · ${stage}) ↔ local`,
      { preview: true },
    );
    const message = driftMessage(api.name, `${apiId} · ${stage}`, drift);
    void vscode.window.showInformationMessage(message);
    return {
      status: check.status,
      changes: drift.changes,
      notes: drift.notes,
      deployedUri,
      localUri,
      deployedText: drift.deployedText,
      localText: drift.localText,
      message,
    };
  }

  dispose(): void {
    this.registration.dispose();
    this.documents.dispose();
  }
}
