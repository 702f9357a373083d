// Block scalars (`|`, `>-`, `|2+`...) for the fast YAML path: the lines yaml's lexer takes into the scalar,
// and the value yaml's resolveBlockScalar computes from them (ported line by line).
import type { ScalarNode } from '../sourceNode';
import { trimEnd } from './positions';
import type { YamlLines } from './yamlFastLines';
import { DECLINE } from './yamlFastScalars';

const TAB = 9;
const NEWLINE = 10;
const HASH = 35;

/**
 * A literal (|) or folded (>) block scalar whose header is at `p`, in a collection at `parentIndent`: its
 * value as yaml's resolveBlockScalar computes it (ported line by line). With an indentation indicator
 * (`|2`) the content is indented that much more than the collection, as yaml's lexer and composer agree.
 */
export function readBlockScalar(parser: YamlLines, parentIndent: number, pointer: string, p: number): ScalarNode {
  const text = parser.text;
  const folded = parser.code(p) === 62;
  let h = p + 1;
  let chomp = '';
  let explicit = 0;
  for (let i = 0; i < 2; i++, h++) {
    const c = parser.code(h);
    if (chomp === '' && (c === 45 || c === 43)) chomp = text[h] as string;
    else if (explicit === 0 && c >= 49 && c <= 57) explicit = c - 48;
    else break;
  }
  let e = parser.skipSpaces(h);
  if (parser.code(e) === HASH && e > h) e = parser.lineEnd(e);
  if (e >= parser.n || !parser.isBreak(e)) throw DECLINE;
  // The lines up to the first one less indented than the first content line, as [indent, content start, end].
  const lines: number[] = [];
  let trimIndent = explicit > 0 ? parentIndent + explicit : -1;
  let lineStart = parser.nextLine(e);
  let stop = parser.n;
  let chompStart = 0;
  while (lineStart < parser.n) {
    const q = parser.skipSpaces(lineStart);
    const spaces = q - lineStart;
    const eol = parser.lineEnd(q);
    if (q < eol) {
      if (trimIndent < 0) {
        if (spaces <= parentIndent) throw DECLINE; // an empty block scalar, or a tab in the indentation
        trimIndent = spaces;
      } else if (spaces < trimIndent) {
        if (parser.code(q) === TAB || chompStart === 0) throw DECLINE;
        stop = lineStart;
        break;
      }
    }
    lines.push(spaces, q, eol);
    if (q < eol) chompStart = lines.length / 3;
    lineStart = parser.nextLine(eol);
  }
  if (chompStart === 0) throw DECLINE;
  // Trailing empty lines more indented than the content are content for yaml: left to it.
  for (let i = chompStart * 3; i < lines.length; i += 3) if ((lines[i] as number) > trimIndent) throw DECLINE;
  let value = '';
  let sep = '';
  let prevMoreIndented = false;
  let seenContent = false;
  for (let i = 0; i < chompStart * 3; i += 3) {
    const indent = lines[i] as number;
    const content = text.slice(lines[i + 1], lines[i + 2]);
    if (!seenContent) {
      if (content === '') {
        // More-indented leading empty lines are an error without an indentation indicator.
        if (indent > trimIndent && explicit === 0) throw DECLINE;
        value += (indent > trimIndent ? ' '.repeat(indent - trimIndent) : '') + '\n';
        continue;
      }
      seenContent = true;
    }
    const extra = indent > trimIndent ? ' '.repeat(indent - trimIndent) : '';
    if (!folded) {
      value += sep + extra + content;
      sep = '\n';
    } else if (indent > trimIndent || content.charCodeAt(0) === TAB) {
      if (sep === ' ') sep = '\n';
      else if (!prevMoreIndented && sep === '\n') sep = '\n\n';
      value += sep + extra + content;
      sep = '\n';
      prevMoreIndented = true;
    } else if (content === '') {
      if (sep === '\n') value += '\n';
      else sep = '\n';
    } else {
      value += sep + content;
      sep = ' ';
      prevMoreIndented = false;
    }
  }
  const contentEnd = lines[chompStart * 3 - 1] as number;
  if (chomp === '') value += '\n';
  else if (chomp === '+') {
    let breaks = 0;
    for (let i = contentEnd; i < stop; i++) if (text.charCodeAt(i) === NEWLINE) breaks++;
    value += '\n'.repeat(Math.max(1, breaks));
  }
  const end = trimEnd(text, p, contentEnd);
  const node = parser.scalar(pointer, p, end, value);
  parser.pos = parser.nextLine(contentEnd);
  parser.skipTrivia(-2);
  parser.lastEnd = end;
  return node;
}
