// Parse once per document version: the SourceDocument, and the model with its SourceSet per target, shared by
// validate, completion, hover and the other features asking about the same version.
import { readParsedDefinition, type ParsedDefinition } from '../../model';
import type { SourceDocument } from '../../model/sourceNode';
import type { FileSystem } from '../../shared/fileSystem';
import { parseAfterEdit } from '../incrementalParse';

/** What the cache needs of a document (the facade's TextDocument). */
export interface VersionedText {
  file: string;
  text: string;
  version?: number;
}

interface Entry {
  version: number | undefined;
  text: string;
  document: SourceDocument;
  definitions: Map<string, Promise<ParsedDefinition>>;
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
  definition(input: VersionedText, target?: 'REST' | 'HTTP'): Promise<ParsedDefinition> {
    const entry = this.entry(input);
    const key = target ?? '';
    let pending = entry.definitions.get(key);
    if (pending === undefined) {
      pending = readParsedDefinition(entry.document, { fs: this.fs, ...(target ? { apiType: target } : {}) });
      entry.definitions.set(key, pending);
    }
    return pending;
  }

  private entry(input: VersionedText): Entry {
    const found = this.entries.get(input.file);
    // Without a version (the CLI, tests) the text itself says whether it is the same document.
    if (found !== undefined && found.version === input.version && found.text === input.text) {
      this.entries.delete(input.file); // most recently used last
      this.entries.set(input.file, found);
      return found;
    }
    const entry: Entry = {
      version: input.version,
      text: input.text,
      document: parseAfterEdit(found?.document, input.file, input.text),
      definitions: new Map(),
    };
    this.entries.delete(input.file);
    this.entries.set(input.file, entry);
    if (this.entries.size > MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return entry;
  }
}
