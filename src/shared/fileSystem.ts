/**
 * File access the cores need, injected so that the extension can serve unsaved editor buffers and
 * `workspace.fs`, the CLI `node:fs`, and tests an in-memory map. Paths are absolute file-system paths.
 */
export interface FileSystem {
  /** The file's bytes; rejects with an Error whose message names the path when it cannot be read. */
  readFile(path: string): Promise<Uint8Array>;
  /** The file's size in bytes, or undefined when it does not exist. Used to refuse huge files before reading. */
  size(path: string): Promise<number | undefined>;
}
