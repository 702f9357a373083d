// What every editor feature gets from the facade, and the guard that keeps a feature's bug from reaching the
// editor as an exception.
import { pathToFileURL } from 'node:url';
import type { Logger } from '../../shared/logger';
import type { ParsedDocuments } from './parsedDocuments';

export interface FeatureServices {
  documents: ParsedDocuments;
  logger: Logger;
}

/**
 * Runs a feature; an exception (a bug: features never throw for bad input) is logged and gives the empty
 * result, so a broken feature costs one answer, never the editor's session.
 */
export async function safely<T>(logger: Logger, feature: string, empty: T, run: () => Promise<T> | T): Promise<T> {
  try {
    return await run();
  } catch (error) {
    logger.error(`The ${feature} feature failed`, error);
    return empty;
  }
}

/** The URI the editor knows a file by: the document's own `uri` for itself, else the file's `file://` URL. */
export function uriOf(file: string, document?: { file: string; uri?: string }): string {
  if (document?.uri !== undefined && document.file === file) return document.uri;
  try {
    return pathToFileURL(file).href;
  } catch {
    return `file://${file}`;
  }
}
