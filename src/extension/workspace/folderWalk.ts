import * as fsSync from 'node:fs';
import type { Dirent } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { anchoredGlob } from './globs';

/** What VS Code's file search excludes in one workspace folder, and how it walks it. */
export interface FolderWalkOptions {
  /**
   * Exclude globs relative to the folder, with VS Code's file-search meaning (`files.exclude` keys set to true and
   * the `exclude` argument of `workspace.findFiles`): a glob is anchored at the folder unless it starts with `**`,
   * and an excluded folder excludes everything under it.
   */
  exclude: readonly string[];
  /** `files.exclude` keys whose value is `{ when }`: excluded only when a sibling named `when` exists. */
  excludeWhen?: ReadonlyArray<{ glob: string; when: string }>;
  /** `search.followSymlinks`: symbolic links to folders are walked and to files listed (a link to an ancestor is not). */
  followSymlinks: boolean;
  /** Whether a file name is wanted (the include glob's part on names). */
  isWanted(name: string): boolean;
  /**
   * Told how many entries each folder read holds; when it returns true the walk stops and gives `undefined`.
   */
  onFolderRead?(entries: number): boolean;
  /**
   * Folders are read synchronously until this many entries have been read (shared by the walks given the same
   * object), then asynchronously. Each asynchronous read waits for a turn of the extension host's event loop,
   * which at startup is busy with other extensions for tens of milliseconds at a time: a small workspace is
   * listed in one turn instead of one wait per folder level, and a big one blocks no longer than this budget.
   */
  syncBudget?: { entries: number };
}

/**
 * The wanted files under `root` (absolute paths, in no particular order), as VS Code's file search for
 * `workspace.findFiles(include, exclude)` finds them in a `file:` folder: hidden files included, ignore files
 * not read, `files.exclude` applied. Read with node:fs in the extension host, so it needs no round trip to the
 * workbench and no ripgrep process. Folders that cannot be read are skipped, as ripgrep skips them.
 */
export async function walkFolder(root: string, options: FolderWalkOptions): Promise<string[] | undefined> {
  const excludes = options.exclude.map(anchoredGlob);
  const whens = (options.excludeWhen ?? []).map(({ glob, when }) => ({ pattern: anchoredGlob(glob), when }));
  const excluded = (relative: string, name: string, siblings: ReadonlySet<string>): boolean =>
    excludes.some((p) => p.test(relative)) ||
    whens.some(
      ({ pattern, when }) =>
        pattern.test(relative) && siblings.has(when.replace('$(basename)', path.basename(name, path.extname(name)))),
    );
  const found: string[] = [];
  let stopped = false;
  const budget = options.syncBudget ?? { entries: 0 };
  const readFolder = (dir: string): Dirent[] | undefined | Promise<Dirent[] | undefined> => {
    if (budget.entries <= 0) return fs.readdir(dir, { withFileTypes: true }).catch(() => undefined);
    try {
      const entries = fsSync.readdirSync(dir, { withFileTypes: true });
      budget.entries -= entries.length;
      return entries;
    } catch {
      return undefined;
    }
  };
  const rootReal = options.followSymlinks ? ((await realPath(root, budget.entries > 0)) ?? root) : root;

  /** `real` is the folder's real path, to tell a link to one of its ancestors (a loop) from a link elsewhere. */
  const visit = async (dir: string, relative: string, real: string): Promise<void> => {
    if (stopped) return;
    const entries = await readFolder(dir);
    if (!entries || stopped) return;
    if (options.onFolderRead?.(entries.length)) stopped = true;
    if (stopped) return;
    const siblings = whens.length > 0 ? new Set(entries.map((e) => e.name)) : emptySet;
    const subfolders: Array<Promise<void>> = [];
    for (const entry of entries) {
      const name = entry.name;
      const childRelative = relative === '' ? name : `${relative}/${name}`;
      if (excluded(childRelative, name, siblings)) continue;
      const full = path.join(dir, name);
      if (entry.isDirectory()) subfolders.push(visit(full, childRelative, path.join(real, name)));
      else if (entry.isFile()) {
        if (options.isWanted(name)) found.push(full);
      } else if (entry.isSymbolicLink() && options.followSymlinks) {
        subfolders.push(
          followLink(full, budget.entries > 0).then(async (target) => {
            if (target?.kind === 'file' && options.isWanted(name)) found.push(full);
            else if (target?.kind === 'folder' && !isSameOrInside(real, target.real))
              await visit(full, childRelative, target.real);
          }),
        );
      }
    }
    await Promise.all(subfolders);
  };

  await visit(root, '', rootReal);
  return stopped ? undefined : found;
}

const emptySet: ReadonlySet<string> = new Set();

async function followLink(full: string, sync: boolean): Promise<{ kind: 'file' | 'folder'; real: string } | undefined> {
  try {
    const stat = sync ? fsSync.statSync(full) : await fs.stat(full);
    if (stat.isFile()) return { kind: 'file', real: full };
    if (stat.isDirectory()) {
      const real = await realPath(full, sync);
      return real === undefined ? undefined : { kind: 'folder', real };
    }
  } catch {
    // A dangling link, or one that cannot be read: ripgrep skips it too.
  }
  return undefined;
}

async function realPath(full: string, sync: boolean): Promise<string | undefined> {
  try {
    return sync ? fsSync.realpathSync(full) : await fs.realpath(full);
  } catch {
    return undefined;
  }
}

/** Whether `dir` is `ancestor` or inside it (so walking `ancestor` again from `dir` would loop). */
function isSameOrInside(dir: string, ancestor: string): boolean {
  return dir === ancestor || dir.startsWith(ancestor.endsWith(path.sep) ? ancestor : ancestor + path.sep);
}

/** The search of the workspace's `file:` folders for the first scan and refreshes. */
export interface WorkspaceSearch {
  /** Each `file:` workspace folder (absolute path) with what VS Code's file search excludes there. */
  folders: ReadonlyArray<{ path: string; options: Omit<FolderWalkOptions, 'onFolderRead' | 'syncBudget'> }>;
  /**
   * VS Code's file search over the same folders (`workspace.findFiles`, paths of `file:` results): ripgrep, native
   * and parallel, but each call is a round trip to the workbench and a process start (60–240 ms measured). Asked
   * only once the walk has seen `searchAfterEntries` directory entries (a big workspace); the first of the two to
   * finish gives the answer and the other is stopped.
   */
  search(cancel: AbortSignal): Promise<string[]>;
  searchAfterEntries: number;
  /** How many entries are read synchronously (FolderWalkOptions.syncBudget), over all folders. */
  syncEntries: number;
}

/** The wanted files of every folder (each once, in no particular order). */
export async function findWorkspaceFiles(spec: WorkspaceSearch): Promise<string[]> {
  const cancel = new AbortController();
  let entries = 0;
  let asked = false;
  let answered = false;
  let ask = (): void => {};
  // Settles only with an answer: if the search fails, the walk goes on and gives the answer.
  const searched = new Promise<string[]>((resolve) => {
    ask = () =>
      void spec.search(cancel.signal).then(
        (files) => {
          answered = true;
          resolve(files);
        },
        () => undefined,
      );
  });
  const onFolderRead = (n: number): boolean => {
    entries += n;
    if (!asked && entries > spec.searchAfterEntries) {
      asked = true;
      ask();
    }
    return answered;
  };
  const syncBudget = { entries: spec.syncEntries };
  const walked = Promise.all(
    spec.folders.map((folder) => walkFolder(folder.path, { ...folder.options, onFolderRead, syncBudget })),
  ).then((lists) => (lists.some((l) => l === undefined) ? undefined : (lists.flat() as string[])));
  try {
    const files = (await Promise.race([walked, searched])) ?? (await searched);
    return [...new Set(files)];
  } finally {
    cancel.abort();
  }
}
