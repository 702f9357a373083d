import fs from 'node:fs';
import path from 'node:path';
import { fixture } from '../helpers/paths';

/**
 * One conformance case: a text file with labelled sections (`=== name` on a line of its own). A section's
 * content is the lines up to the next label, without the line break before it: end a template or an expected
 * output with an empty line to keep a trailing line break.
 */
export interface ConformanceCase {
  file: string;
  description: string;
  source: string;
  template: string;
  event: string | undefined;
  expected: string;
  /** JSON: RenderOptions plus `apiType`. */
  options: string | undefined;
  /** JSON: the expected overrides (only the keys given are compared). */
  overrides: string | undefined;
}

const known = ['description', 'source', 'template', 'event', 'expected', 'options', 'overrides'];

export function readConformanceCase(file: string): ConformanceCase {
  const text = fs.readFileSync(file, 'utf8');
  const sections = new Map<string, string>();
  const lines = text.split('\n');
  let name: string | undefined;
  let content: string[] = [];
  const close = (): void => {
    if (name !== undefined) sections.set(name, content.join('\n'));
  };
  for (const line of lines) {
    const label = /^=== ([a-z]+)$/.exec(line);
    if (label) {
      close();
      name = label[1]!;
      if (!known.includes(name)) throw new Error(`${file}: unknown section '=== ${name}' (known: ${known.join(', ')})`);
      if (sections.has(name)) throw new Error(`${file}: section '=== ${name}' appears twice`);
      content = [];
    } else if (name !== undefined) content.push(line);
    else if (line.trim() !== '') throw new Error(`${file}: text before the first '=== section' label`);
  }
  // The file's own final line break is not part of the last section.
  if (content[content.length - 1] === '') content.pop();
  close();
  const need = (key: string): string => {
    const value = sections.get(key);
    if (value === undefined) throw new Error(`${file}: missing section '=== ${key}'`);
    return value;
  };
  return {
    file,
    description: need('description'),
    source: need('source'),
    template: need('template'),
    event: sections.get('event'),
    expected: need('expected'),
    options: sections.get('options'),
    overrides: sections.get('overrides'),
  };
}

export function conformanceFiles(): string[] {
  const dir = fixture('vtl');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => path.join(dir, f));
}
