import type { FileSystem } from '../shared/fileSystem';

/** The text of an open document by absolute path, or undefined when it is not open. */
export type OpenText = (path: string) => string | undefined;

/**
 * The language service's FileSystem in the server: a document open in the editor is served from its current
 * (maybe unsaved) text; anything else from the disk (`fallback`, node:fs in the server), so cross-file `$ref`s
 * see what the user sees.
 */
export function createDocumentFileSystem(openText: OpenText, fallback: FileSystem): FileSystem {
  const encoder = new TextEncoder();
  return {
    async readFile(path: string): Promise<Uint8Array> {
      const text = openText(path);
      return text === undefined ? fallback.readFile(path) : encoder.encode(text);
    },
    async size(path: string): Promise<number | undefined> {
      const text = openText(path);
      return text === undefined ? fallback.size(path) : Buffer.byteLength(text, 'utf8');
    },
  };
}
