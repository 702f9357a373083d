import type { FileSystem } from '../../shared/fileSystem';

/** A FileSystem that can also read a small file at once (the editor's: createEditorFileSystem). */
export interface ReadNowFileSystem extends FileSystem {
  /**
   * The bytes of a saved file of at most `maxBytes`, read synchronously; `undefined` when it is bigger, not a
   * file, open with unsaved changes, or cannot be read: then read it with `size` and `readFile`.
   */
  readNow(path: string, maxBytes: number): Uint8Array | undefined;
}

/**
 * How much of a full scan runs without waiting for the extension host's event loop. Each asynchronous read (a
 * stat, then the read) waits for turns of that loop, and at startup, when the first scan runs, the extensions
 * activated after this one (and VS Code's own work) take those turns for tens of milliseconds each: the first
 * scan of the examples waited 90–180 ms for 4 small reads. So a full scan reads small saved files at once while
 * `bytes` lasts, and lets other work run (one turn) when it has been busy for `sliceMs`.
 */
export interface ScanBudget {
  /** Bytes still to be read synchronously. */
  bytes: number;
  /** How long the scan may keep the extension host busy before it lets other work run. */
  sliceMs: number;
  /** When the current busy stretch began (performance.now()). */
  sliceStart: number;
}

export function scanBudget(bytes: number, sliceMs: number): ScanBudget {
  return { bytes, sliceMs, sliceStart: performance.now() };
}

/**
 * When the scan has been busy for its slice: a promise that resolves after one turn of the event loop, with a new
 * slice started. Before that, undefined: a scan that awaits only what it must keeps its turn (every `await`, even
 * of a settled promise, queues it behind the other extensions' pending promise jobs, such as their activation).
 */
export function yieldIfBusy(budget: ScanBudget): Promise<void> | undefined {
  if (performance.now() - budget.sliceStart < budget.sliceMs) return undefined;
  return new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
    budget.sliceStart = performance.now();
  });
}

/**
 * A candidate file's bytes, or undefined when it is missing, not a file or above `maxBytes`: read at once when the
 * budget allows and `fs` can (a saved file; an editor's unsaved text is read asynchronously, as before), and then
 * given as they are, not in a promise; else with `fs.size` and `fs.readFile`.
 */
export function readCandidate(
  file: string,
  fs: FileSystem & Partial<Pick<ReadNowFileSystem, 'readNow'>>,
  maxBytes: number,
  budget?: ScanBudget,
): Uint8Array | Promise<Uint8Array | undefined> {
  if (budget && budget.bytes > 0 && fs.readNow) {
    const bytes = fs.readNow(file, Math.min(budget.bytes, maxBytes));
    if (bytes) {
      budget.bytes -= bytes.byteLength;
      return bytes;
    }
  }
  return readLater(file, fs, maxBytes);
}

async function readLater(file: string, fs: FileSystem, maxBytes: number): Promise<Uint8Array | undefined> {
  const size = await fs.size(file);
  if (size === undefined || size > maxBytes) return undefined;
  return fs.readFile(file);
}
