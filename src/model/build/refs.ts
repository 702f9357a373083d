import type { SourceNode } from '../sourceNode';
import { getProperty, toValue } from '../parse';
import { plainString } from './values';

/** The logical id a `!Ref X` or `!GetAtt X.Attr` names. */
export function refTarget(node: SourceNode | undefined): string | undefined {
  const ref = plainString(getProperty(node, 'Ref'));
  if (ref !== undefined) return ref;
  const getAtt = toValue(getProperty(node, 'Fn::GetAtt'));
  if (Array.isArray(getAtt) && typeof getAtt[0] === 'string') return getAtt[0];
  if (typeof getAtt === 'string') return getAtt.split('.')[0];
  return undefined;
}

/**
 * The integration a WebSocket / HTTP route `Target` names: `integrations/${Integ}` in a `!Sub`, or
 * `!Join ['/', ['integrations', !Ref Integ]]` (any separator), or `!Join ['', ['integrations/', !Ref Integ]]`.
 */
export function targetIntegration(node: SourceNode | undefined): string | undefined {
  const value = toValue(node);
  if (value === null || typeof value !== 'object') return undefined;
  const v = value as Record<string, unknown>;
  const sub = Array.isArray(v['Fn::Sub']) ? (v['Fn::Sub'] as unknown[])[0] : v['Fn::Sub'];
  if (typeof sub === 'string') return /integrations\/\$\{([^}.]+)\}/.exec(sub)?.[1];
  const join = v['Fn::Join'];
  if (!Array.isArray(join) || !Array.isArray(join[1])) return undefined;
  const parts = join[1] as unknown[];
  if (!parts.some((p) => typeof p === 'string' && p.includes('integrations'))) return undefined;
  for (const part of parts) {
    if (part !== null && typeof part === 'object' && typeof (part as Record<string, unknown>)['Ref'] === 'string') {
      return (part as Record<string, string>)['Ref'];
    }
  }
  return undefined;
}
