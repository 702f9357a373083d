import * as vscode from 'vscode';
import { readDefinition, type GatewayApi, type Route } from '../../model';
import type { FileSystem } from '../../shared/fileSystem';
import type { Position, Range } from '../../shared/range';
import { findEmbeddedTemplates, mapEmbeddedTemplate, type EmbeddedTemplate } from '../../vtl/embedded';
import type { SampleTarget } from './sampleEvent';

/**
 * Where the previewed template lives: a whole `.vtl` / `.vm` file, or one `requestTemplates` / `responseTemplates`
 * value of a definition, named by its JSON pointer (stable while the user edits the text around it).
 */
export type PreviewTarget = { kind: 'file'; uri: vscode.Uri } | { kind: 'embedded'; uri: vscode.Uri; pointer: string };

/** The template's current text, how its ranges map to the document, and what to prefill the sample from. */
export interface ResolvedTemplate {
  text: string;
  title: string;
  toDocument(range: Range): Range;
  sample: SampleTarget;
}

export type ResolveResult = { ok: true; template: ResolvedTemplate } | { ok: false; message: string };

interface Found {
  api: GatewayApi;
  entry: EmbeddedTemplate<Route>;
  format: 'yaml' | 'json';
}

/** Every template of the definition in `document` (read from the editor's current text). */
async function templatesOf(document: vscode.TextDocument, fs: FileSystem): Promise<Found[]> {
  const read = await readDefinition(document.uri.fsPath, { fs, text: document.getText() });
  if (!read.ok) return [];
  const { format, apis } = read.definition;
  return apis.flatMap((api) => findEmbeddedTemplates<Route>(api).map((entry) => ({ api, entry, format })));
}

const contains = (range: Range, p: Position): boolean =>
  (p.line > range.start.line || (p.line === range.start.line && p.character >= range.start.character)) &&
  (p.line < range.end.line || (p.line === range.end.line && p.character <= range.end.character));

/** The embedded template under the cursor, as a target; undefined when the cursor is in none. */
export async function embeddedTargetAt(
  document: vscode.TextDocument,
  position: Position,
  fs: FileSystem,
): Promise<PreviewTarget | undefined> {
  const found = (await templatesOf(document, fs)).find((f) => contains(f.entry.template.loc.range, position));
  return found ? { kind: 'embedded', uri: document.uri, pointer: found.entry.template.loc.pointer } : undefined;
}

export async function resolveTarget(target: PreviewTarget, fs: FileSystem): Promise<ResolveResult> {
  const document = await vscode.workspace.openTextDocument(target.uri);
  const name = vscode.workspace.asRelativePath(target.uri, false);
  if (target.kind === 'file') {
    const template: ResolvedTemplate = {
      text: document.getText(),
      title: name,
      toDocument: (range) => range,
      sample: { role: 'request' },
    };
    return { ok: true, template };
  }
  const found = (await templatesOf(document, fs)).find((f) => f.entry.template.loc.pointer === target.pointer);
  if (!found) {
    return {
      ok: false,
      message: `The template at ${target.pointer} is no longer in ${name}: fix the definition, or open the preview again on another template.`,
    };
  }
  const { entry, api } = found;
  const mapping = mapEmbeddedTemplate({ text: document.getText(), format: found.format }, entry.template);
  const where = entry.route ? `${entry.route.method} ${entry.route.path}` : (entry.responseType ?? api.name);
  const role = entry.kind === 'response' ? 'response' : 'request';
  const sample: SampleTarget = { api, role, contentType: entry.template.contentType };
  if (entry.route) sample.route = entry.route;
  if (entry.statusCode !== undefined) sample.statusCode = entry.statusCode;
  const title = `${where} · ${role} ${entry.template.contentType}`;
  return { ok: true, template: { text: mapping.text, title, toDocument: (r) => mapping.toDocument(r), sample } };
}
