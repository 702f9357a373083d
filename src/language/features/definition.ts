// Go to definition: from a `$ref` (local or in another file) to the node it points to.
import type { Location } from 'vscode-languageserver-types';
import type { Position } from '../../shared/range';
import type { TextDocument } from '../document';
import { type FeatureServices, uriOf } from './featureServices';
import { nodeAt } from './nodeAt';

export async function definition(
  services: FeatureServices,
  document: TextDocument,
  position: Position,
): Promise<Location[]> {
  const parsed = services.documents.document(document);
  const at = nodeAt(parsed, position);
  if (at.property?.key !== '$ref' || at.parent === undefined) return [];
  const { sources } = await services.documents.definition(document);
  const target = sources?.resolve(at.parent);
  if (target === undefined || target === at.parent) return [];
  return [{ uri: uriOf(target.file, document), range: target.range }];
}
