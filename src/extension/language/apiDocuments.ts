import type * as vscode from 'vscode';
import { looksLikeApiDefinition } from '../../model';

/** The languages whose documents may hold an API definition or a SAM / CloudFormation template. */
export const apiLanguages = ['yaml', 'json', 'jsonc'] as const;

/** The language of standalone mapping templates (`.vtl`, `.vm`): the server checks and completes them too. */
export const templateLanguage = 'vtl';

const schemes = new Set(['file', 'untitled']);
const seen = new WeakMap<vscode.TextDocument, { version: number; api: boolean }>();

/**
 * Whether the language server is for this document: a standalone mapping template, or YAML / JSON that holds
 * an API definition or a template with one, decided cheaply (a regular expression over the first 64 KB) and remembered per version.
 */
export function isApiDocument(document: vscode.TextDocument): boolean {
  if (document.languageId === templateLanguage) return schemes.has(document.uri.scheme);
  if (!schemes.has(document.uri.scheme) || !(apiLanguages as readonly string[]).includes(document.languageId)) {
    return false;
  }
  const known = seen.get(document);
  if (known?.version === document.version) return known.api;
  const api = looksLikeApiDefinition(document.getText());
  seen.set(document, { version: document.version, api });
  return api;
}
