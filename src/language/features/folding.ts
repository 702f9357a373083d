// Folding: every mapping and sequence that spans lines (from the line of its key), and multi-line block
// scalars. In JSON the closing bracket's line stays visible.
import { type FoldingRange } from 'vscode-languageserver-types';
import type { SourceNode } from '../../model/sourceNode';
import type { TextDocument } from '../document';
import type { FeatureServices } from './featureServices';

export function foldingRanges(services: FeatureServices, document: TextDocument): FoldingRange[] {
  const parsed = services.documents.document(document);
  const ranges: FoldingRange[] = [];
  const seen = new Set<number>();
  const json = parsed.format === 'json';
  const stack: Array<{ node: SourceNode; from: number }> = [];
  if (parsed.root !== undefined) stack.push({ node: parsed.root, from: parsed.root.range.start.line });
  while (stack.length > 0) {
    const { node, from } = stack.pop() as { node: SourceNode; from: number };
    // A block scalar's range ends at the start of the line after it (its final line break).
    const last = node.range.end.character === 0 ? node.range.end.line - 1 : node.range.end.line;
    const end = last - (json && node.kind !== 'scalar' ? 1 : 0);
    if (end > from && !seen.has(from) && (node.kind !== 'scalar' || isBlockScalar(node, document.text))) {
      seen.add(from);
      ranges.push({ startLine: from, endLine: end });
    }
    if (node.kind === 'object') {
      for (const p of node.properties) stack.push({ node: p.value, from: p.keyRange.start.line });
    } else if (node.kind === 'array') {
      for (const item of node.items) stack.push({ node: item, from: item.range.start.line });
    }
  }
  return ranges.sort((a, b) => a.startLine - b.startLine);
}

function isBlockScalar(node: SourceNode, text: string): boolean {
  const first = text[node.offset];
  return first === '|' || first === '>';
}
