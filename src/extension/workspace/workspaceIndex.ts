import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { looksLikeApiDefinition, readDefinitionNow } from '../../model';
import type { ApiType, ReadResult } from '../../model';
import type { FileSystem } from '../../shared/fileSystem';
import type { Logger } from '../../shared/logger';
import type { IndexedFile } from '../explorer/nodes';
import {
  alwaysExcluded,
  candidateGlob,
  isCandidateFileName,
  isCandidateName,
  isExcluded,
  isExcludedAnchored,
} from './globs';
import { findWorkspaceFiles, walkFolder } from './folderWalk';
import type { WorkspaceSearch } from './folderWalk';
import { IdleTracker } from './idleTracker';
import { readCandidate, scanBudget, yieldIfBusy } from './scanBudget';
import type { ReadNowFileSystem, ScanBudget } from './scanBudget';
import { readSettings } from './settings';

export interface WorkspaceIndexDeps {
  /** With `readNow`, a full scan reads small saved files at once (syncReadBytes). */
  fs: FileSystem & Partial<Pick<ReadNowFileSystem, 'readNow'>>;
  logger: Logger;
  /** How many files are read at once during a full scan. */
  concurrency?: number;
  /** Told when a full scan starts and ends (the view shows a "searching" message meanwhile). */
  onScanning?: (scanning: boolean) => void;
}

/** What decides, in one workspace folder, which files are indexed and how (candidateSettings). */
interface FolderSettings {
  /** alwaysExcluded and `apigw.explorer.exclude`. */
  exclude: string[];
  /** `files.exclude` (the globs that are on). */
  filesExclude: string[];
  apiType?: ApiType | undefined;
}

/** Files above this size are not sniffed (the model refuses them too). */
const maxFileBytes = 32 * 1024 * 1024;

/** A full scan reads this many bytes synchronously, in all (ScanBudget)... */
const syncReadBytes = 4 * 1024 * 1024;
/** ... and lets other work run after it has kept the extension host busy this long. */
const scanSliceMs = 50;

/**
 * Every API definition in the workspace, kept up to date: a full scan at start and on refresh, then
 * per-file updates on creation, edits (debounced) and deletion. `whenIdle()` resolves once nothing is pending.
 */
export class WorkspaceIndex implements vscode.Disposable {
  private readonly entries = new Map<string, IndexedFile>();
  /** Latest request per file, so a slow, stale read never overwrites a newer one. */
  private readonly generations = new Map<string, number>();
  private readonly debounces = new Map<string, { timer: ReturnType<typeof setTimeout>; release: () => void }>();
  private readonly idle = new IdleTracker();
  private scans = 0;
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  readonly onDidChange = this.changed.event;

  constructor(private readonly deps: WorkspaceIndexDeps) {}

  /** Starts watching and runs the first scan (not awaited: use whenIdle()). */
  start(): void {
    const watcher = vscode.workspace.createFileSystemWatcher(candidateGlob);
    // VS Code reports a folder moved in, renamed or deleted as one event for the folder, none for the files in it
    // (its API documents this for watchers such as '**/*.js'): folders are followed by a watcher of everything's
    // creations and deletions (not changes).
    const folders = vscode.workspace.createFileSystemWatcher('**/*', false, true, false);
    this.disposables.push(
      watcher,
      folders,
      folders.onDidCreate((uri) => this.idle.track(this.folderCreated(uri))),
      folders.onDidDelete((uri) => this.removeUnder(uri.fsPath)),
      watcher.onDidCreate((uri) => this.schedule(uri, 0)),
      watcher.onDidChange((uri) => this.schedule(uri, 0)),
      watcher.onDidDelete((uri) => this.remove(uri.fsPath)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0) this.schedule(e.document.uri, readSettings().refreshDelay);
      }),
      vscode.workspace.onDidCloseTextDocument((doc) => this.schedule(doc.uri, 0)),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.refresh()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        const scanned = ['apigw.explorer.exclude', 'apigw.apiType', 'files.exclude', 'search.followSymlinks'];
        if (scanned.some((section) => e.affectsConfiguration(section))) this.refresh();
      }),
    );
    this.refresh();
  }

  /** The indexed files, sorted by path. */
  files(): IndexedFile[] {
    return [...this.entries.values()].sort((a, b) => a.file.localeCompare(b.file));
  }

  /**
   * The indexed files in no particular order, for who does not show them (a context key): the sort by path needs
   * ICU's collator, whose first use costs ~5 ms, and the context key is set after every scan, the first included.
   */
  filesInAnyOrder(): IndexedFile[] {
    return [...this.entries.values()];
  }

  whenIdle(): Promise<void> {
    return this.idle.whenIdle();
  }

  /** Rescans the whole workspace. */
  refresh(): void {
    this.idle.track(this.scan());
  }

  dispose(): void {
    for (const { timer } of this.debounces.values()) clearTimeout(timer);
    this.debounces.clear();
    this.idle.cancelAll();
    for (const d of this.disposables) d.dispose();
  }

  private async scan(): Promise<void> {
    this.scans++;
    if (this.scans === 1) this.deps.onScanning?.(true);
    try {
      await this.scanFiles();
    } catch (err) {
      this.deps.logger.error('Could not search the workspace for API definitions', err);
    } finally {
      this.scans--;
      if (this.scans === 0) this.deps.onScanning?.(false);
    }
  }

  private async scanFiles(): Promise<void> {
    const started = performance.now();
    // Each folder's settings are read once for the scan, not per file (they cannot differ within a folder).
    const folders = new Map<string, FolderSettings>();
    const candidates = (await findWorkspaceFiles(workspaceSearch())).flatMap((file) => {
      const uri = vscode.Uri.file(file);
      const settings = this.candidateSettings(uri, folders);
      return settings ? [{ uri, settings }] : [];
    });
    const uris = candidates.map(({ uri }) => uri);
    const settingsOf = new Map(candidates.map(({ uri, settings }) => [uri, settings]));
    const listed = performance.now();
    this.deps.logger.info(
      `Scanning ${uris.length} candidate files for API definitions (listed in ${(listed - started).toFixed(1)} ms)`,
    );
    const seen = new Set(uris.map((u) => u.fsPath));
    for (const file of [...this.entries.keys()]) if (!seen.has(file)) this.entries.delete(file);
    const queue = [...uris];
    const budget = scanBudget(syncReadBytes, scanSliceMs);
    // Each worker awaits only what it must (a turn when its slice is used up, a file read or $ref'd file loaded
    // asynchronously): small saved definitions are read and built one after the other in one stretch.
    const worker = async (): Promise<void> => {
      for (let uri = queue.shift(); uri; uri = queue.shift()) {
        const turn = yieldIfBusy(budget);
        if (turn) await turn;
        const indexed = this.index(uri, false, budget, settingsOf.get(uri));
        if (indexed) await indexed;
      }
    };
    await Promise.all(Array.from({ length: this.deps.concurrency ?? 4 }, worker));
    this.deps.logger.info(
      `Found ${this.entries.size} API definition files (read in ${(performance.now() - listed).toFixed(1)} ms)`,
    );
    this.changed.fire();
  }

  private isCandidate(uri: vscode.Uri): boolean {
    return this.candidateSettings(uri) !== undefined;
  }

  /**
   * The settings of a candidate's folder, or undefined when `uri` is no candidate. `folders` keeps each folder's
   * settings for the calls of one scan.
   */
  private candidateSettings(uri: vscode.Uri, folders?: Map<string, FolderSettings>): FolderSettings | undefined {
    if (uri.scheme !== 'file' || !isCandidateName(uri.fsPath)) return undefined;
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return undefined;
    const key = folder.uri.toString();
    let settings = folders?.get(key);
    if (!settings) {
      const explorer = readSettings(uri);
      settings = {
        exclude: [...alwaysExcluded, ...explorer.exclude],
        filesExclude: filesExcludeOf(uri).globs,
        apiType: explorer.apiType,
      };
      folders?.set(key, settings);
    }
    const relative = vscode.workspace.asRelativePath(uri, false);
    // files.exclude too, as a full scan applies it (findFiles and the walk): a watcher event is no way around it.
    const excluded = isExcluded(relative, settings.exclude) || isExcludedAnchored(relative, settings.filesExclude);
    return excluded ? undefined : settings;
  }

  private schedule(uri: vscode.Uri, delayMs: number): void {
    if (!this.isCandidate(uri)) return;
    const file = uri.fsPath;
    const previous = this.debounces.get(file);
    if (previous) {
      clearTimeout(previous.timer);
      previous.release();
    }
    const release = this.idle.hold();
    const timer = setTimeout(() => {
      this.debounces.delete(file);
      const indexed = this.index(uri, true);
      if (indexed) this.idle.track(indexed);
      release();
    }, delayMs);
    this.debounces.set(file, { timer, release });
  }

  /**
   * When `uri` is a folder (moved in, or made with its files at once), its candidate files are indexed as if
   * each had been created. Its files are walked with node:fs, skipping the folders always excluded; each is then
   * subject to the same settings as a created file (schedule).
   */
  private async folderCreated(uri: vscode.Uri): Promise<void> {
    if (uri.scheme !== 'file' || this.isAlwaysExcluded(uri)) return;
    try {
      if (!(await fs.stat(uri.fsPath)).isDirectory()) return;
      const files = await walkFolder(uri.fsPath, {
        exclude: alwaysExcluded,
        followSymlinks: false,
        isWanted: isCandidateFileName,
      });
      for (const file of files ?? []) this.schedule(vscode.Uri.file(file), 0);
    } catch {
      // Gone again, or unreadable: nothing to index.
    }
  }

  private isAlwaysExcluded(uri: vscode.Uri): boolean {
    return isExcluded(vscode.workspace.asRelativePath(uri, false), alwaysExcluded);
  }

  /** Drops the entries of the files under `folder` (a deleted or renamed folder; a file has none under it). */
  private removeUnder(folder: string): void {
    const prefix = folder.endsWith(path.sep) ? folder : folder + path.sep;
    for (const file of [...this.entries.keys()]) if (file.startsWith(prefix)) this.remove(file);
  }

  private remove(file: string): void {
    this.generations.set(file, (this.generations.get(file) ?? 0) + 1);
    if (this.entries.delete(file)) this.changed.fire();
  }

  /**
   * Reads one file and stores (or drops) its entry; never throws. A promise only when it had to wait (see read);
   * else the entry is stored when it returns.
   */
  private index(
    uri: vscode.Uri,
    notify: boolean,
    budget?: ScanBudget,
    settings: Pick<FolderSettings, 'apiType'> = readSettings(uri),
  ): Promise<void> | undefined {
    const file = uri.fsPath;
    const generation = (this.generations.get(file) ?? 0) + 1;
    this.generations.set(file, generation);
    const entry = this.read(file, settings.apiType, budget);
    if (!(entry instanceof Promise)) {
      this.store(file, generation, entry, notify);
      return undefined;
    }
    return entry.then((read) => this.store(file, generation, read, notify));
  }

  private store(file: string, generation: number, entry: IndexedFile | undefined, notify: boolean): void {
    if (this.generations.get(file) !== generation) return;
    // A file read for a watcher's event is asked again whether it is a candidate: the settings that exclude it
    // (files.exclude...) may have changed while it was read, and the full scan that change started, done before
    // this read, would not see it.
    if (entry && notify && !this.isCandidate(vscode.Uri.file(file))) entry = undefined;
    const had = this.entries.has(file);
    if (entry) this.entries.set(file, entry);
    else this.entries.delete(file);
    if (notify && (entry || had)) this.changed.fire();
  }

  /**
   * A file's entry (undefined when it is no API definition or cannot be read); never throws. Given as it is when
   * the file could be read at once and names no other file to load (readCandidate, readDefinitionNow), else in a
   * promise.
   */
  private read(
    file: string,
    apiType: ApiType | undefined,
    budget?: ScanBudget,
  ): IndexedFile | undefined | Promise<IndexedFile | undefined> {
    const failed = (err: unknown): undefined => {
      this.deps.logger.error(`Could not index ${file}`, err);
      return undefined;
    };
    try {
      const bytes = readCandidate(file, this.deps.fs, maxFileBytes, budget);
      if (!(bytes instanceof Promise)) return this.readText(file, bytes, apiType);
      return bytes.then((read) => this.readText(file, read, apiType)).catch(failed);
    } catch (err) {
      return failed(err);
    }
  }

  private readText(
    file: string,
    bytes: Uint8Array | undefined,
    apiType: ApiType | undefined,
  ): IndexedFile | undefined | Promise<IndexedFile | undefined> {
    if (!bytes) return undefined;
    const text = new TextDecoder().decode(bytes);
    if (!looksLikeApiDefinition(text)) return undefined;
    const result = readDefinitionNow(file, { fs: this.deps.fs, text, apiType, maxFileBytes });
    if (!(result instanceof Promise)) return this.entryOf(file, result);
    return result.then((read) => this.entryOf(file, read));
  }

  private entryOf(file: string, result: ReadResult): IndexedFile {
    if (!result.ok) this.deps.logger.warn(`${file}: ${result.failure.error.message}`);
    return { file, result };
  }
}

/**
 * `files.exclude` where `uri` is: the globs that are on (`true`), and those with a `when` sibling clause (which
 * only the walk, seeing a folder's entries, can apply).
 */
function filesExcludeOf(uri: vscode.Uri): { globs: string[]; excludeWhen: Array<{ glob: string; when: string }> } {
  const filesExclude = vscode.workspace.getConfiguration('files', uri).get<unknown>('exclude');
  const globs: string[] = [];
  const excludeWhen: Array<{ glob: string; when: string }> = [];
  if (filesExclude && typeof filesExclude === 'object') {
    for (const [glob, value] of Object.entries(filesExclude)) {
      if (value === true) globs.push(glob);
      else if (value && typeof value === 'object' && typeof (value as { when?: unknown }).when === 'string')
        excludeWhen.push({ glob, when: (value as { when: string }).when });
    }
  }
  return { globs, excludeWhen };
}

/** Past this many directory entries the walk also asks VS Code's file search, and takes the first answer. */
const searchAfterEntries = 20_000;
/** The first entries are read synchronously (a few milliseconds at most; see FolderWalkOptions.syncBudget). */
const syncEntries = 2_000;

/**
 * What `workspace.findFiles(candidateGlob, <alwaysExcluded>)` searches, for findWorkspaceFiles: the `file:` folders
 * (nothing in other schemes is indexed), each with `files.exclude` (not `search.exclude`, no ignore files) and
 * `search.followSymlinks`, as findFiles applies them.
 */
function workspaceSearch(): WorkspaceSearch {
  const folders = (vscode.workspace.workspaceFolders ?? [])
    .filter((folder) => folder.uri.scheme === 'file')
    .map((folder) => {
      const { globs: filesExcluded, excludeWhen } = filesExcludeOf(folder.uri);
      const globs = [...alwaysExcluded, ...filesExcluded];
      const follow = vscode.workspace.getConfiguration('search', folder.uri).get<unknown>('followSymlinks');
      return {
        path: folder.uri.fsPath,
        options: { exclude: globs, excludeWhen, followSymlinks: follow !== false, isWanted: isCandidateFileName },
      };
    });
  return {
    folders,
    searchAfterEntries,
    syncEntries,
    async search(cancel) {
      const token = new vscode.CancellationTokenSource();
      cancel.addEventListener('abort', () => token.cancel());
      try {
        const exclude = `{${alwaysExcluded.map((g) => `${g}/**`).join(',')}}`;
        const uris = await vscode.workspace.findFiles(candidateGlob, exclude, undefined, token.token);
        return uris.filter((uri) => uri.scheme === 'file').map((uri) => uri.fsPath);
      } finally {
        token.dispose();
      }
    },
  };
}
