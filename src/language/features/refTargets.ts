// The local targets a `$ref` can name: every reusable object of the API (components / definitions), and the
// sections themselves, ranked by what fits where the ref is written.
import type { SourceNode } from '../../model/sourceNode';
import { nodeAtPath } from './nodeAt';
import { dictOf } from '../../shared/dict';

export interface RefTarget {
  pointer: string;
  detail: string;
  /** 0 for targets that fit the place, 1 for the others, 2 for sections. */
  rank: number;
  section: boolean;
}

const sections3 = ['schemas', 'parameters', 'responses', 'requestBodies', 'headers', 'examples', 'links', 'callbacks'];
const sections2 = ['definitions', 'parameters', 'responses'];

/** Which section fits a `$ref` written under this key. */
const fitting: Record<string, string> = dictOf({
  parameters: 'parameters',
  responses: 'responses',
  requestBody: 'requestBodies',
  headers: 'headers',
  examples: 'examples',
  links: 'links',
  callbacks: 'callbacks',
});

export function refTargets(apiRoot: SourceNode | undefined, version: 2 | 3, context: string): RefTarget[] {
  const targets: RefTarget[] = [];
  const sections = version === 2 ? sections2 : sections3;
  const schemaSection = version === 2 ? 'definitions' : 'schemas';
  const wanted = fitting[context] ?? (/^\d|^default$/.test(context) ? 'responses' : schemaSection);
  for (const section of sections) {
    const path = version === 2 ? [section] : ['components', section];
    const node = nodeAtPath(apiRoot, path);
    if (node?.kind !== 'object') continue;
    const prefix = `#/${path.join('/')}`;
    targets.push({ pointer: `${prefix}/`, detail: `${section} of this API`, rank: 2, section: true });
    for (const { key } of node.properties) {
      targets.push({
        pointer: `${prefix}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`,
        detail: section,
        rank: section === wanted ? 0 : 1,
        section: false,
      });
    }
  }
  return targets.sort((a, b) => a.rank - b.rank);
}
