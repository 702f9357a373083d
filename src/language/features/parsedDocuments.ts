// Parse once per document version: the SourceDocument, and the model with its SourceSet per target, shared by
// validate, completion, hover and the other features asking about the same version. After a one-value edit
// the next version keeps the previous model when building it never read that value (readTracking.ts), and else
// rebuilds it on the previous version's SourceSet when the value is not a `$ref`.
import { readParsedDefinition, type ParsedDefinition } from '../../model';
import type { ValueEdit } from '../../model/parse/incremental';
import { readingAsAsync } from '../../model/parse/readTracking';
import { readersOf } from '../../model/parse/scalarNode';
import type { SourceDocument } from '../../model/sourceNode';
import type { FileSystem } from '../../shared/fileSystem';
import { parseNextVersion } from '../incrementalParse';
import { MODEL_READER, type RulesRun } from '../ruleRunner';

/** What the cache needs of a document (the facade's TextDocument). */
export interface VersionedText {
  file: string;
  text: string;
  version?: number;
}

/** A model of one version, and whether it is the previous version's, kept after an edit. */
export interface VersionDefinition extends ParsedDefinition {
  kept: boolean;
}

interface Built {
  promise: Promise<VersionDefinition>;
  /** Set once the promise has settled (a model still being built is never kept: its reads are not all marked). */
  settled?: VersionDefinition;
}

interface Entry {
  version: number | undefined;
  text: string;
  document: SourceDocument;
  definitions: Map<string, Built>;
  /** The rules' run over this version, per target (validation.ts). */
  runs: Map<string, RulesRun>;
  /** When this version was made from the previous one by a one-value edit: the edit and what that one had. */
  after?: { edit: ValueEdit; definitions: Map<string, Built>; runs: Map<string, RulesRun> };
}

/** How many documents are kept (the ones open in an editor, in practice). */
const MAX_ENTRIES = 64;

export class ParsedDocuments {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly fs: FileSystem) {}

  /** The parsed document of this version (parsed now when the version or the text changed). */
  document(input: VersionedText): SourceDocument {
    return this.entry(input).document;
  }

  /** The model and SourceSet of this version, built once per target (never rejects). */
  definition(input: VersionedText, target?: 'REST' | 'HTTP'): Promise<VersionDefinition> {
    const entry = this.entry(input);
    const key = target ?? '';
    let built = entry.definitions.get(key);
    if (built === undefined) {
      const before = entry.after?.definitions.get(key)?.settled;
      const edit = entry.after?.edit;
      if (before !== undefined && edit !== undefined && (readersOf(edit.scalar) & MODEL_READER) === 0) {
        before.sources?.replaceEntry(entry.document);
        built = settle({ result: before.result, sources: before.sources, kept: true });
      } else {
        // A value that is not a `$ref` changes no file to load and no ref: the previous SourceSet serves as it is.
        const sources =
          before?.sources !== undefined && edit !== undefined && !edit.scalar.pointer.endsWith('/$ref')
            ? before.sources
            : undefined;
        sources?.replaceEntry(entry.document);
        const options = { fs: this.fs, ...(target ? { apiType: target } : {}), ...(sources ? { sources } : {}) };
        built = settle(
          readingAsAsync(MODEL_READER, () => readParsedDefinition(entry.document, options)).then((parsed) => ({
            ...parsed,
            kept: false,
          })),
        );
      }
      entry.definitions.set(key, built);
    }
    return built.promise;
  }

  /** The rules' run of the previous version (to reuse its findings) and the edit since, when there is one. */
  previousRun(input: VersionedText, key: string): { run: RulesRun; edit: ValueEdit } | undefined {
    const after = this.entry(input).after;
    const run = after?.runs.get(key);
    return after && run ? { run, edit: after.edit } : undefined;
  }

  /** Keeps the rules' run of this version for the next one. */
  keepRun(input: VersionedText, key: string, run: RulesRun): void {
    const entry = this.entries.get(input.file);
    if (entry !== undefined && entry.version === input.version && entry.text === input.text) entry.runs.set(key, run);
  }

  /**
   * Another version of `file` exists now (edited in another document, or changed on disk): the models of other
   * documents that read it (or failed to) are dropped, and those documents' files returned, to be checked again.
   */
  fileChanged(file: string): string[] {
    const referrers: string[] = [];
    for (const [path, entry] of this.entries) {
      if (path === file) continue;
      const built = [...entry.definitions.values()];
      const reads = built.some((b) => {
        const sources = b.settled?.sources;
        // A model still being built may be reading the file now.
        return (
          b.settled === undefined || sources?.documents.has(file) === true || sources?.readError(file) !== undefined
        );
      });
      if (!reads) continue;
      entry.definitions = new Map();
      entry.runs = new Map();
      delete entry.after;
      referrers.push(path);
    }
    return referrers;
  }

  private entry(input: VersionedText): Entry {
    const found = this.entries.get(input.file);
    // Without a version (the CLI, tests) the text itself says whether it is the same document.
    if (found !== undefined && found.version === input.version && found.text === input.text) {
      this.entries.delete(input.file); // most recently used last
      this.entries.set(input.file, found);
      return found;
    }
    const next = parseNextVersion(found?.document, input.file, input.text);
    const entry: Entry = {
      version: input.version,
      text: input.text,
      document: next.document,
      definitions: new Map(),
      runs: new Map(),
    };
    if (found !== undefined && next.document === found.document) {
      // The same text under another version: everything carries over.
      entry.definitions = found.definitions;
      entry.runs = found.runs;
      if (found.after !== undefined) entry.after = found.after;
    } else if (found !== undefined && next.edit !== undefined) {
      entry.after = { edit: next.edit, definitions: found.definitions, runs: found.runs };
    }
    this.entries.delete(input.file);
    this.entries.set(input.file, entry);
    if (this.entries.size > MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return entry;
  }
}

function settle(value: VersionDefinition | Promise<VersionDefinition>): Built {
  const built: Built = { promise: Promise.resolve(value) };
  void built.promise.then((settled) => {
    built.settled = settled;
  });
  if (!(value instanceof Promise)) built.settled = value;
  return built;
}
