// The model's public surface: read a file (or unsaved text) into a DefinitionFile with every API it declares.
import path from 'node:path';
import type { Diagnostic } from '../shared/diagnostic';
import type { FileSystem } from '../shared/fileSystem';
import type { Range } from '../shared/range';
import type { ReadFailure, ReadOptions, ReadResult } from './gatewayApi';
import { loadSourceSet, loadSourceSetNow, parseSource, type SourceSet } from './parse';
import type { SourceDocument } from './sourceNode';
import { checkSize, decodeText, DEFAULT_MAX_FILE_BYTES } from './parse/readGuards';
import { buildDefinition, buildDefinitionNow, type BuildOutcome } from './build/definition';

export type * from './gatewayApi';
export type { SourceDocument, SourceNode } from './sourceNode';
export type { SourceSet } from './parse';
export { parseSource } from './parse';
export { describeValue } from './build/values';
export { schemaOrigin } from './build/schemas';
export { looksLikeApiDefinition } from './detect';
export { decideApiType } from './apiType';

const fileStart: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/**
 * Reads an API definition: an OpenAPI 3.x / Swagger 2.0 document, or a SAM / CloudFormation template with
 * API Gateway APIs. `text` is the editor's unsaved content; without it the file is read through `fs`. Never
 * throws: a file that cannot be read at all gives `ok: false` with one error, anything else `ok: true` with
 * the APIs and the problems found on the way.
 */
export async function readDefinition(
  file: string,
  options: ReadOptions & { fs: FileSystem; text?: string },
): Promise<ReadResult> {
  try {
    return await read(file, options);
  } catch (error) {
    return internalFailure(file, error);
  }
}

function internalFailure(file: string, error: unknown): ReadResult {
  const reason = error instanceof Error ? error.message : String(error);
  return failure(
    file,
    'apigw.read.internal',
    `${path.basename(file)} could not be read because of an internal error (${reason}). Please report it with the file.`,
  );
}

async function read(file: string, options: ReadOptions & { fs: FileSystem; text?: string }): Promise<ReadResult> {
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const text = options.text ?? (await readText(file, options.fs, maxFileBytes));
  if (typeof text !== 'string') return text;
  return (await buildParsed(parseSource(file, text), options)).result;
}

/**
 * readDefinition for a text in hand, without waiting when nothing else must be read (the document's `$ref`s and
 * its APIs' bodies are all in it, as usual): then the result itself, else a promise of it (what readDefinition
 * gives, the text parsed once). A scan that reads many small files runs each to the end at once instead of
 * letting other work in at every step. Never throws.
 */
export function readDefinitionNow(
  file: string,
  options: ReadOptions & { fs: FileSystem; text: string },
): ReadResult | Promise<ReadResult> {
  try {
    const doc = parseSource(file, options.text);
    const root = doc.root;
    if (root === undefined || root.kind !== 'object') return notMapping(doc).result;
    const set = loadSourceSetNow(doc, options.fs, options);
    const outcome = set && buildDefinitionNow(doc, root, set, options);
    if (set === undefined || outcome === undefined) {
      // As readDefinition reads it, from the parsed document: this attempt's set and problems are dropped.
      return readParsedDefinition(doc, options).then((parsed) => parsed.result);
    }
    return resultOf(file, outcome);
  } catch (error) {
    return internalFailure(file, error);
  }
}

/** What readParsedDefinition gives: the read result, and the loaded file set (undefined when the root is not a mapping). */
export interface ParsedDefinition {
  result: ReadResult;
  sources: SourceSet | undefined;
}

/**
 * Like readDefinition, for a document already parsed with parseSource (the language service parses once and
 * checks the same nodes the model is built from). Also returns the SourceSet in which the document's `$ref`s
 * resolve. Never throws for bad input.
 */
export async function readParsedDefinition(
  doc: SourceDocument,
  options: ReadOptions & {
    fs: FileSystem;
    /**
     * The previous version's SourceSet, already given `doc` (replaceEntry), when the only change since is one value
     * that is not a `$ref`: the same files load and every ref resolves as before, so it is used as it is.
     */
    sources?: SourceSet;
  },
): Promise<ParsedDefinition> {
  try {
    return await buildParsed(doc, options);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const message = `${path.basename(doc.file)} could not be read because of an internal error (${reason}). Please report it with the file.`;
    return { result: failure(doc.file, 'apigw.read.internal', message), sources: undefined };
  }
}

async function buildParsed(
  doc: SourceDocument,
  options: ReadOptions & { fs: FileSystem; sources?: SourceSet },
): Promise<ParsedDefinition> {
  const root = doc.root;
  if (root === undefined || root.kind !== 'object') return notMapping(doc);
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const set = options.sources ?? (await loadSourceSet(doc, options.fs, { maxFileBytes }));
  const outcome = await buildDefinition(doc, root, set, options);
  return { result: resultOf(doc.file, outcome), sources: set };
}

/** Why a document whose root is not a mapping (or that has no root) is no definition. */
function notMapping(doc: SourceDocument): ParsedDefinition {
  const file = doc.file;
  const root = doc.root;
  const base = path.basename(file);
  const syntaxError = doc.problems.find((p) => p.severity === 'error');
  if (syntaxError !== undefined) {
    const line = syntaxError.range.start.line + 1;
    const message = `${base} is not valid ${doc.format === 'json' ? 'JSON' : 'YAML'} (line ${line}): ${syntaxError.message}`;
    return { result: failure(file, 'apigw.read.syntax', message, syntaxError.range), sources: undefined };
  }
  const found = root === undefined ? 'nothing' : root.kind === 'array' ? 'a list' : 'a single value';
  const message = `${base} is not a YAML or JSON mapping (it holds ${found}): an API definition starts with keys such as 'openapi:' or 'Resources:'.`;
  return { result: failure(file, 'apigw.read.syntax', message, root?.range ?? fileStart), sources: undefined };
}

function resultOf(file: string, outcome: BuildOutcome): ReadResult {
  if (!outcome.ok) return failure(file, 'apigw.read.notApiDefinition', outcome.message, outcome.range);
  return { ok: true, definition: outcome.definition };
}

/**
 * A file's text read through `fs` with the model's guards (missing, unreadable, too big, binary), or the
 * failure that says why it cannot be read. For callers that parse the text themselves (the language service).
 */
export async function readDefinitionText(
  file: string,
  options: { fs: FileSystem; maxFileBytes?: number },
): Promise<{ ok: true; text: string } | { ok: false; failure: ReadFailure }> {
  const text = await readText(file, options.fs, options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES);
  if (typeof text === 'string') return { ok: true, text };
  if (text.ok) throw new Error('readText returned a definition'); // cannot happen
  return { ok: false, failure: text.failure };
}

/** The file's text, or the failure that says why it cannot be read. */
async function readText(file: string, fs: FileSystem, maxFileBytes: number): Promise<string | ReadResult> {
  const base = path.basename(file);
  let size: number | undefined;
  try {
    size = await fs.size(file);
  } catch (error) {
    return failure(file, 'apigw.read.unreadable', `Cannot read ${base}: ${reasonOf(error)}.`);
  }
  if (size === undefined) {
    return failure(file, 'apigw.read.unreadable', `Cannot read ${base}: the file does not exist. Check the path.`);
  }
  const tooLarge = checkSize(size, maxFileBytes, file);
  if (tooLarge !== undefined) return failure(file, 'apigw.read.tooLarge', tooLarge);
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(file);
  } catch (error) {
    return failure(file, 'apigw.read.unreadable', `Cannot read ${base}: ${reasonOf(error)}.`);
  }
  const decoded = decodeText(bytes, file);
  if ('error' in decoded) return failure(file, 'apigw.read.binary', decoded.error);
  return decoded.text;
}

function reasonOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder';
  if (code === 'ENOENT') return 'the file does not exist';
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? message;
}

function failure(file: string, code: string, message: string, range: Range = fileStart): ReadResult {
  const error: Diagnostic = { range, severity: 'error', code, message };
  return { ok: false, failure: { file, error } };
}
