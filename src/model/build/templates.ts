import type { SourceNode } from '../sourceNode';
import type { MappingTemplate } from '../gatewayApi';
import { getProperty, locOf, toValue } from '../parse';
import type { BuildContext } from './context';
import { entriesOf } from './context';

/**
 * Mapping templates by content type (or WebSocket template key). Each template's `loc` is the range of the
 * string that holds it; a template written as `!Sub |` keeps the range of the string inside the `Fn::Sub`.
 */
export function buildTemplates(ctx: BuildContext, node: SourceNode | undefined): MappingTemplate[] {
  const templates: MappingTemplate[] = [];
  for (const [contentType, value] of entriesOf(ctx, node)) {
    const holder = templateString(value);
    if (holder !== undefined) {
      templates.push({ contentType, text: String(holder.value ?? ''), loc: locOf(holder) });
    } else {
      templates.push({ contentType, text: JSON.stringify(toValue(value)), loc: locOf(value) });
    }
  }
  return templates;
}

function templateString(value: SourceNode): (SourceNode & { kind: 'scalar' }) | undefined {
  if (value.kind === 'scalar') return value;
  const sub = getProperty(value, 'Fn::Sub');
  if (sub?.kind === 'scalar') return sub;
  if (sub?.kind === 'array' && sub.items[0]?.kind === 'scalar') return sub.items[0];
  return undefined;
}
