import { promises as fs } from 'node:fs';
import type { FileSystem } from './fileSystem';

/** FileSystem over node:fs, for the CLI and tests. */
export const nodeFileSystem: FileSystem = {
  async readFile(path: string): Promise<Uint8Array> {
    return fs.readFile(path);
  },
  async size(path: string): Promise<number | undefined> {
    try {
      const stat = await fs.stat(path);
      return stat.isFile() ? stat.size : undefined;
    } catch {
      return undefined;
    }
  },
};
