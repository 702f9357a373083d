// Diagnostics for one document: decide whether it is an API definition at all, validate it, and sort the
// problems by the file they belong to.
import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LanguageService } from '../language';
import { looksLikeApiDefinition } from '../model';
import type { Diagnostic } from '../shared/diagnostic';
import { toLspDiagnostic } from './convert';
import type { ValidationSettings } from './settings';
import { pathToUri, uriToPath } from './uris';

/** The path the language service knows a document by: its file path, or its URI for unsaved (untitled:) ones. */
export function documentFile(uri: string): string {
  return uriToPath(uri) ?? uri;
}

/** Cheap check (no parsing) that a YAML / JSON document holds an API definition; other documents get nothing. */
export function isApiDocument(document: TextDocument): boolean {
  return isTemplateDocument(document) || looksLikeApiDefinition(document.getText());
}

/** A standalone mapping template (the `vtl` language, or a `.vtl` / `.vm` file): always served. */
export function isTemplateDocument(document: TextDocument): boolean {
  return document.languageId === 'vtl' || /\.(vtl|vm)$/i.test(document.uri);
}

/**
 * Validates `document` and returns its diagnostics by target URI: its own under its URI, problems in other
 * files (a `$ref`'d file) under theirs. `uriOf` names an open document's URI by path (so the spelling matches).
 */
export async function diagnoseDocument(
  service: LanguageService,
  document: TextDocument,
  settings: ValidationSettings,
  uriOf: (path: string) => string | undefined,
): Promise<Map<string, LspDiagnostic[]>> {
  const byTarget = new Map<string, LspDiagnostic[]>([[document.uri, []]]);
  if (!settings.enable || !isApiDocument(document)) return byTarget;
  const file = documentFile(document.uri);
  const found = await service.validate(
    { file, text: document.getText(), version: document.version, languageId: document.languageId },
    settings.target === 'auto' ? {} : { target: settings.target },
  );
  for (const d of found) {
    const own = d.file === undefined || d.file === file;
    const target = own ? document.uri : (uriOf(d.file as string) ?? pathToUri(d.file as string));
    const list = byTarget.get(target) ?? [];
    list.push(own ? toLspDiagnostic(d) : foreign(d, document.uri));
    byTarget.set(target, list);
  }
  return byTarget;
}

/** A problem in another file, found while checking `source`: it says so in its related information. */
function foreign(d: Diagnostic, source: string): LspDiagnostic {
  return {
    ...toLspDiagnostic(d),
    relatedInformation: [
      {
        location: { uri: source, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } },
        message: 'Found while checking this file, which refers to it',
      },
    ],
  };
}
