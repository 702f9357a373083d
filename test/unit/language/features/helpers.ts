// Fixtures of the editor features: a file of test/fixtures/language-features/ with a `<cursor>` marker,
// which is removed; the service reads every other file from disk.
import fs from 'node:fs';
import { createLanguageService, type LanguageService, type TextDocument } from '../../../../src/language';
import { nodeFileSystem } from '../../../../src/shared/nodeFileSystem';
import type { Position } from '../../../../src/shared/range';
import { fixture } from '../../helpers/paths';

export const MARKER = '<cursor>';

export function service(): LanguageService {
  return createLanguageService({ fs: nodeFileSystem });
}

/** The fixture as a document (marker removed) and the marker's position (0:0 without one). */
export function load(name: string): { document: TextDocument; position: Position } {
  const file = fixture('language-features', name);
  const raw = fs.readFileSync(file, 'utf8');
  const at = raw.indexOf(MARKER);
  const text = at < 0 ? raw : raw.slice(0, at) + raw.slice(at + MARKER.length);
  const before = raw.slice(0, Math.max(0, at)).split('\n');
  const position = { line: before.length - 1, character: (before[before.length - 1] ?? '').length };
  return { document: { file, text, version: 1 }, position };
}
