// Snippet text for YAML and JSON: values built from literal parts and tab stops, written out in either format
// with the indentation of the place they go to.

/** A tab stop with its default text. */
export interface Tab {
  tab: number;
  text: string;
}
/** A scalar: literal text and tab stops; `quote` forces quotes in YAML (numbers-looking strings, `{...}`). */
export interface Text {
  parts: (string | Tab)[];
  quote?: boolean;
}
export type SnippetValue = Text | { [key: string]: SnippetValue };

export function lit(text: string, quote = false): Text {
  return { parts: [text], quote };
}
export function text(...parts: (string | Tab)[]): Text {
  return { parts };
}
export function tab(n: number, value: string): Tab {
  return { tab: n, text: value };
}

/** Escapes `$`, `}` and `\` so that text is literal in a snippet. */
export function escapeSnippet(value: string): string {
  return value.replace(/[\\$}]/g, (c) => `\\${c}`);
}

function isText(value: SnippetValue): value is Text {
  return Array.isArray((value as Text).parts);
}

function renderParts(parts: readonly (string | Tab)[], escapeLiteral: (s: string) => string): string {
  return parts
    .map((p) => (typeof p === 'string' ? escapeSnippet(escapeLiteral(p)) : `\${${p.tab}:${escapeSnippet(p.text)}}`))
    .join('');
}

function yamlScalar(value: Text): string {
  const plain = value.parts.map((p) => (typeof p === 'string' ? p : p.text)).join('');
  const needsQuotes = value.quote === true || needsYamlQuotes(plain);
  if (!needsQuotes) return renderParts(value.parts, (s) => s);
  return `'${renderParts(value.parts, (s) => s.replace(/'/g, "''"))}'`;
}

/** Whether a YAML plain scalar would not read back as this string. */
export function needsYamlQuotes(value: string): boolean {
  if (value === '') return true;
  if (/^[\s\-?:,[\]{}#&*!|>'"%@`]|: | #|\s$/.test(value)) return true;
  return /^(true|false|null|~|yes|no|on|off|[-+]?(\d[\d_]*)?\.?\d+([eE][-+]?\d+)?|0x[0-9a-f]+|0o[0-7]+|\.inf|\.nan)$/i.test(
    value,
  );
}

/** A mapping's properties as YAML lines, each indented by `indent` (the first line too). */
export function renderYaml(value: { [key: string]: SnippetValue }, indent: string): string {
  const lines: string[] = [];
  for (const [key, item] of Object.entries(value)) {
    const written = needsYamlQuotes(key) ? `'${key}'` : key;
    if (isText(item)) lines.push(`${indent}${escapeSnippet(written)}: ${yamlScalar(item)}`);
    else lines.push(`${indent}${escapeSnippet(written)}:`, renderYaml(item, `${indent}  `));
  }
  return lines.join('\n');
}

/** A value as JSON, nested lines indented from `indent` by `unit`. */
export function renderJson(value: SnippetValue, indent: string, unit: string): string {
  if (isText(value)) return `"${renderParts(value.parts, (s) => JSON.stringify(s).slice(1, -1))}"`;
  const entries = Object.entries(value);
  if (entries.length === 0) return '{}';
  const inner = entries.map(
    ([key, item]) => `${indent}${unit}${escapeSnippet(JSON.stringify(key))}: ${renderJson(item, indent + unit, unit)}`,
  );
  return `{\n${inner.join(',\n')}\n${indent}}`;
}
