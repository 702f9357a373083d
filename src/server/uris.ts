// file: URIs <-> absolute paths. The language service works on paths; LSP speaks URIs.
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The absolute path of a file: URI; undefined for other schemes (untitled:, git:, ...). */
export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** The file: URI of an absolute path, spelled the way VS Code spells it (drive letter lower-case, ':' escaped). */
export function pathToUri(path: string): string {
  const href = pathToFileURL(path).href;
  return href.replace(/^file:\/\/\/([A-Za-z]):/, (_m, drive: string) => `file:///${drive.toLowerCase()}%3A`);
}

/** A key under which two spellings of the same file URI compare equal. */
export function uriKey(uri: string): string {
  const path = uriToPath(uri);
  return path === undefined ? uri : path;
}
