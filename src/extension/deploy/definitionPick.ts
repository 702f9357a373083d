import * as vscode from 'vscode';
import { readDefinition, type DefinitionFile, type GatewayApi } from '../../model';
import type { FileSystem } from '../../shared/fileSystem';
import { pickApi } from '../commands/apiPick';
import { UserError } from '../commands/commandRegistry';
import { asExplorerNode } from '../commands/nodeArgument';
import type { IndexedFile } from '../explorer/nodes';
import { readSettings } from '../workspace/settings';

/** A definition to deploy or compare: its document (as the editor has it), the definition read from it, one API. */
export interface LocalApi {
  document: vscode.TextDocument;
  definition: DefinitionFile;
  api: GatewayApi;
  /** The workspace-relative path (the key of remembered targets). */
  relativePath: string;
}

/** Which definition a command was invoked on: a tree node (file or API), an editor's resource, else the active editor. */
export interface DefinitionArgument {
  file: string;
  apiName?: string;
}

/** The file (and API) of a tree node, a Uri (editor title, explorer) or the active editor; undefined: ask. */
export function definitionArgument(arg: unknown, files: readonly IndexedFile[]): DefinitionArgument | undefined {
  const node = asExplorerNode(arg);
  if (node?.kind === 'file') return { file: node.file };
  if (node !== undefined && 'api' in node && node.api !== undefined) {
    const api = node.api;
    const entry = files.find((f) => f.result.ok && f.result.definition.apis.includes(api));
    return { file: entry?.file ?? api.loc.file, apiName: api.name };
  }
  if (arg instanceof vscode.Uri && arg.scheme === 'file') return { file: arg.fsPath };
  const editor = vscode.window.activeTextEditor?.document;
  if (editor?.uri.scheme === 'file' && files.some((f) => f.file === editor.uri.fsPath && f.result.ok)) {
    return { file: editor.uri.fsPath };
  }
  return undefined;
}

/** The definitions of the workspace with at least one API, for the picker. */
function definitionsWithApis(files: readonly IndexedFile[]): Array<{ file: string; apis: GatewayApi[] }> {
  return files.flatMap((f) =>
    f.result.ok && f.result.definition.apis.length > 0 ? [{ file: f.file, apis: f.result.definition.apis }] : [],
  );
}

/**
 * Resolves the definition and API to work on, asking when the argument does not say (several definitions,
 * several APIs in one file). `what` names the action in the pickers ("deploy", "compare"). Undefined: cancelled.
 */
export async function pickLocalApi(
  arg: unknown,
  files: readonly IndexedFile[],
  fs: FileSystem,
  what: string,
  apiName?: string,
): Promise<LocalApi | undefined> {
  let target = definitionArgument(arg, files);
  if (target === undefined) {
    const candidates = definitionsWithApis(files).flatMap(({ file, apis }) => apis.map((api) => ({ file, api })));
    if (candidates.length === 0) {
      throw new UserError(
        `There is no API definition in this workspace to ${what}: open or create an OpenAPI definition or a SAM template first.`,
      );
    }
    const picked = await pickApi(candidates, { title: `Which API do you want to ${what}?`, matchOnDescription: true });
    if (picked === undefined) return undefined;
    target = { file: picked.file, apiName: picked.api.name };
  }
  const document = await vscode.workspace.openTextDocument(vscode.Uri.file(target.file));
  const definition = await readOpen(document, fs);
  const wanted = apiName ?? target.apiName;
  const apis = definition.apis;
  if (apis.length === 0)
    throw new UserError(`${vscode.workspace.asRelativePath(target.file)} declares no API to ${what}.`);
  let api: GatewayApi | undefined;
  if (wanted !== undefined) {
    api = apis.find((a) => a.name === wanted);
    if (api === undefined)
      throw new UserError(
        `${vscode.workspace.asRelativePath(target.file)} no longer declares an API named "${wanted}".`,
      );
  } else if (apis.length === 1) {
    api = apis[0];
  } else {
    api = (
      await vscode.window.showQuickPick(
        apis.map((a) => ({ label: a.name, description: a.type, a })),
        { title: `Which API of ${vscode.workspace.asRelativePath(target.file)} do you want to ${what}?` },
      )
    )?.a;
  }
  if (api === undefined) return undefined;
  return { document, definition, api, relativePath: vscode.workspace.asRelativePath(document.uri, false) };
}

/** The definition as the editor has it now (unsaved edits included). */
export async function readOpen(document: vscode.TextDocument, fs: FileSystem): Promise<DefinitionFile> {
  const file = document.uri.fsPath;
  const read = await readDefinition(file, {
    fs,
    text: document.getText(),
    apiType: readSettings(document.uri).apiType,
  });
  if (!read.ok) throw new UserError(`${vscode.workspace.asRelativePath(file)}: ${read.failure.error.message}`);
  return read.definition;
}
