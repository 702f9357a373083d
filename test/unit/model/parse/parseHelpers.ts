import fs from 'node:fs';
import { parseSource } from '../../../../src/model/parse';
import { getProperty } from '../../../../src/model/parse/nodes';
import type { SourceDocument, SourceNode } from '../../../../src/model/sourceNode';
import { fixture } from '../../helpers/paths';

/** Parses test/fixtures/parse/<name>. */
export function parseFixture(...parts: string[]): SourceDocument {
  const file = fixture('parse', ...parts);
  return parseSource(file, fs.readFileSync(file, 'utf8'));
}

/** The node at a path of keys / indexes below `node` (throws when there is none: a test bug or a failure). */
export function at(node: SourceNode | undefined, ...path: (string | number)[]): SourceNode {
  let current = node;
  for (const step of path) {
    current =
      typeof step === 'number'
        ? current?.kind === 'array'
          ? current.items[step]
          : undefined
        : getProperty(current, step);
  }
  if (!current) throw new Error(`no node at ${path.join('/')}`);
  return current;
}

/** Problems as [code, message] pairs, for exact comparisons. */
export function codesAndMessages(problems: { code: string; message: string }[]): [string, string][] {
  return problems.map((p) => [p.code, p.message]);
}
