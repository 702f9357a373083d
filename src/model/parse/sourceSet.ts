import path from 'node:path';
import type { Diagnostic } from '../../shared/diagnostic';
import type { FileSystem } from '../../shared/fileSystem';
import type { ObjectNode, ScalarNode, SourceDocument, SourceNode } from '../sourceNode';
import { parseSource } from './parseSource';
import { checkSize, decodeText, DEFAULT_MAX_FILE_BYTES, sizeReason } from './readGuards';
import { collectRefs, parseRef, type RefSite, refOf, refTargetFile } from './refs';
import { getProperty } from './nodes';
import { apiGatewayModelName, isBuiltInModelRef, localRefBase, lookupPointer } from './refTarget';

export interface SourceSet {
  entry: SourceDocument;
  /** By absolute path, entry included. */
  documents: ReadonlyMap<string, SourceDocument>;
  /** Broken/circular refs, unreadable ref'd files; each with `file` set when not the entry. */
  problems: Diagnostic[];
  /**
   * Follows a `{ $ref }` chain (local '#/a/b' and cross-file './x.yaml#/a', 'x.json') to its target node;
   * returns the node itself when it has no $ref, undefined (and records a problem once) when broken or circular.
   * Local refs inside a template's inline API body are relative to that body; a ref to API Gateway's built-in
   * 'Empty' / 'Error' model that the document does not define gives undefined without a problem.
   */
  resolve(node: SourceNode | undefined): SourceNode | undefined;
  /** Loads another file into the set (SAM DefinitionUri, AWS::Include Location), with its refs; never rejects. */
  load(file: string): Promise<SourceDocument | undefined>;
  /**
   * Puts the entry's next version in place of the entry: a version made by a one-value edit (reparseValueEdit),
   * with the same tree, when the edited value was not read while the set was loaded.
   */
  replaceEntry(next: SourceDocument): void;
  /** Why a file could not be loaded ('ENOENT', 'binary content at byte 12', ...); undefined when it was. */
  readError(file: string): string | undefined;
}

/** Loads the files the entry's `$ref`s name (transitively, each once) and checks every ref in them. */
export async function loadSourceSet(
  entry: SourceDocument,
  fs: FileSystem,
  options?: { maxFileBytes?: number },
): Promise<SourceSet> {
  const set = new LoadedSourceSet(entry, fs, options?.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES);
  await set.loadRefsOf(entry);
  set.finish(new Set());
  return set;
}

/**
 * loadSourceSet without waiting, for an entry whose `$ref`s name no other file (the usual case): the same set,
 * or undefined when a file must be loaded (then use loadSourceSet). Nothing is read.
 */
export function loadSourceSetNow(
  entry: SourceDocument,
  fs: FileSystem,
  options?: { maxFileBytes?: number },
): SourceSet | undefined {
  const set = new LoadedSourceSet(entry, fs, options?.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES);
  if (set.namesOtherFiles(entry)) return undefined;
  set.finish(new Set());
  return set;
}

/** Longest `$ref` → `$ref` chain followed before it is called circular. */
const MAX_CHAIN = 256;

class LoadedSourceSet implements SourceSet {
  readonly documents = new Map<string, SourceDocument>();
  readonly problems: Diagnostic[] = [];
  private readonly loading = new Map<string, Promise<SourceDocument | undefined>>();
  private readonly failures = new Map<string, string>();
  private readonly reported = new Set<string>();
  private readonly resolving = new Set<string>();
  /** The `$ref`s of each document read by the load under way (loadRefsOf), again needed by finish. */
  private readonly refSites = new WeakMap<SourceDocument, RefSite[]>();
  private readonly entryFile: string;

  constructor(
    public entry: SourceDocument,
    private readonly fs: FileSystem,
    private readonly maxBytes: number,
  ) {
    this.entryFile = path.resolve(entry.file);
    this.documents.set(this.entryFile, entry);
    this.loading.set(this.entryFile, Promise.resolve(entry));
  }

  replaceEntry(next: SourceDocument): void {
    this.entry = next;
    this.documents.set(this.entryFile, next);
    this.loading.set(this.entryFile, Promise.resolve(next));
  }

  readError(file: string): string | undefined {
    return this.failures.get(path.resolve(file));
  }

  async load(file: string): Promise<SourceDocument | undefined> {
    const before = new Set(this.documents.keys());
    const document = await this.loadFile(path.resolve(file));
    this.finish(before);
    return document;
  }

  resolve(node: SourceNode | undefined): SourceNode | undefined {
    const first = refOf(node);
    if (!first) return node;
    // Following '#/a/b' may need `a` resolved first; a ref that needs itself resolved is a dead end.
    const firstId = siteId(first);
    if (this.resolving.has(firstId)) return undefined;
    this.resolving.add(firstId);
    try {
      return this.followChain(node, first, firstId);
    } finally {
      this.resolving.delete(firstId);
    }
  }

  private followChain(node: SourceNode | undefined, first: RefSite, firstId: string): SourceNode | undefined {
    let current: SourceNode | undefined = node;
    // The ids and $ref values of the chain, made at its second hop: most chains have one.
    let seen: Set<string> | undefined;
    let chain: string[] | undefined;
    for (let site: RefSite | undefined = first; site; site = refOf(current)) {
      if (site !== first) {
        const id = siteId(site);
        // A chain that runs into a loop it is not part of: the loop is reported at its own refs.
        if (id !== firstId && seen?.has(id) === true) return undefined;
        chain ??= [first.ref.value];
        if (id === firstId || chain.length >= MAX_CHAIN) {
          this.report(first.ref, 'apigw.ref.circular', `Circular $ref: ${[...chain, site.ref.value].join(' → ')}`);
          return undefined;
        }
        (seen ??= new Set()).add(id);
        chain.push(site.ref.value);
      }
      const step = this.follow(site.ref);
      if (typeof step === 'string') {
        if (isBuiltInModelRef(site.ref.value)) return undefined; // API Gateway's own 'Empty' / 'Error' model
        this.report(site.ref, 'apigw.ref.unresolved', `Cannot resolve $ref '${site.ref.value}': ${step}`);
        return undefined;
      }
      if (step === undefined) return undefined; // a remote ref, reported when loading
      current = step;
    }
    return current;
  }

  /** One `$ref` step: the target node, a reason it cannot be found, or undefined for a remote ref. */
  private follow(ref: ScalarNode & { value: string }): SourceNode | string | undefined {
    const model = apiGatewayModelName(ref.value);
    if (model !== undefined) return this.followModel(ref, model);
    const parsed = parseRef(ref.value);
    if (parsed.remote) return undefined;
    const file = refTargetFile(ref.file, parsed.filePart);
    const document = this.documents.get(file);
    if (!document) return `file '${parsed.filePart}' cannot be read (${this.failures.get(file) ?? 'not loaded'}).`;
    if (!document.root) return `file '${parsed.filePart || path.basename(file)}' has no content that could be parsed.`;
    const base = parsed.filePart === '' ? localRefBase(document.root, ref) : document.root;
    return lookupPointer(base, parsed, (n) => this.resolve(n));
  }

  /**
   * API Gateway's model URL (`https://apigateway.amazonaws.com/restapis/ID/models/NAME`): the model NAME of the
   * document the ref is written in, as the API it is imported into has it.
   */
  private followModel(ref: ScalarNode & { value: string }, name: string): SourceNode | string {
    const root = this.documents.get(path.resolve(ref.file))?.root;
    if (!root) return 'its document has no content that could be parsed.';
    const base = localRefBase(root, ref);
    const found =
      getProperty(getProperty(base, 'definitions'), name) ??
      getProperty(getProperty(getProperty(base, 'components'), 'schemas'), name);
    return found ?? `the API has no model named '${name}' (under definitions or components.schemas).`;
  }

  /** Records a problem at a `$ref` value, once per place. */
  private report(at: ScalarNode, code: string, message: string, severity: Diagnostic['severity'] = 'error'): void {
    const id = `${code}|${at.file}#${at.offset}`;
    if (this.reported.has(id)) return;
    this.reported.add(id);
    const problem: Diagnostic = { range: at.range, severity, code, message };
    if (path.resolve(at.file) !== this.entryFile) problem.file = at.file;
    this.problems.push(problem);
  }

  /**
   * Once files are loaded: records their syntax problems, then resolves every `$ref` in them once, so that
   * broken ones are reported even if no builder asks. Files in path order (entry first): loading is
   * concurrent, but the problems come out in the same order every time.
   */
  finish(before: ReadonlySet<string>): void {
    const added = [...this.documents.keys()].filter((file) => !before.has(file));
    added.sort((a, b) => (a === this.entryFile ? -1 : b === this.entryFile ? 1 : a < b ? -1 : a > b ? 1 : 0));
    for (const file of added) {
      const document = this.documents.get(file);
      if (!document || file === this.entryFile) continue;
      for (const problem of document.problems) this.problems.push({ ...problem, file });
    }
    for (const file of added) {
      const document = this.documents.get(file);
      const sites = document === undefined ? [] : (this.refSites.get(document) ?? collectRefs(document.root));
      if (document !== undefined) this.refSites.delete(document);
      for (const { holder, ref } of sites) {
        if (!parseRef(ref.value).remote || apiGatewayModelName(ref.value) !== undefined) this.resolve(holder);
        else {
          const message = `$ref '${ref.value}' points to a remote URL, which is not fetched: what it refers to is not checked.`;
          this.report(ref, 'apigw.ref.remote', message, 'information');
        }
      }
    }
  }

  /** Loads every file the document's refs name, then theirs, each file once. */
  async loadRefsOf(document: SourceDocument): Promise<void> {
    await Promise.all([...this.filesNamedBy(document)].map((file) => this.loadFile(file)));
  }

  /** Whether the document's refs name a file not in the set yet (one loadRefsOf would read). */
  namesOtherFiles(document: SourceDocument): boolean {
    for (const file of this.filesNamedBy(document)) if (!this.loading.has(file)) return true;
    return false;
  }

  /** The files the document's refs name (its own file too, when named); keeps its refs for finish. */
  private filesNamedBy(document: SourceDocument): Set<string> {
    const files = new Set<string>();
    const sites = collectRefs(document.root);
    this.refSites.set(document, sites);
    for (const { ref } of sites) {
      const parsed = parseRef(ref.value);
      if (!parsed.remote && parsed.filePart !== '') files.add(refTargetFile(ref.file, parsed.filePart));
    }
    return files;
  }

  private loadFile(file: string): Promise<SourceDocument | undefined> {
    let pending = this.loading.get(file);
    if (!pending) {
      pending = this.readAndParse(file);
      this.loading.set(file, pending);
    }
    return pending;
  }

  private async readAndParse(file: string): Promise<SourceDocument | undefined> {
    const text = await this.readText(file);
    if (text === undefined) return undefined;
    const document = parseSource(file, text);
    this.documents.set(file, document);
    await this.loadRefsOf(document);
    return document;
  }

  /** The file's text, or undefined with the reason kept in `failures`. */
  private async readText(file: string): Promise<string | undefined> {
    try {
      const size = await this.fs.size(file);
      if (size !== undefined && checkSize(size, this.maxBytes) !== undefined) {
        this.failures.set(file, `it is ${sizeReason(size, this.maxBytes)}`);
        return undefined;
      }
      const decoded = decodeText(await this.fs.readFile(file), file);
      if ('error' in decoded) {
        this.failures.set(file, decoded.error);
        return undefined;
      }
      return decoded.text;
    } catch (error) {
      this.failures.set(file, errorReason(error));
      return undefined;
    }
  }
}

function errorReason(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') return code;
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? message;
}

/** Each ref holder's `file#offset` id, with the offset it was made for (edits move offsets). */
const siteIds = new WeakMap<ObjectNode, { offset: number; id: string }>();

/**
 * What tells two refs apart while resolving: the place of their holder, `file#offset` (a YAML alias copy has its
 * anchor's place, so a loop through copies is still one loop). Made once per holder and place: resolving every
 * ref of GitHub's definition allocated 17 MB of these strings and of the sets holding them.
 */
function siteId(site: RefSite): string {
  const { holder } = site;
  const known = siteIds.get(holder);
  if (known !== undefined && known.offset === holder.offset) return known.id;
  const id = `${holder.file}#${holder.offset}`;
  siteIds.set(holder, { offset: holder.offset, id });
  return id;
}
