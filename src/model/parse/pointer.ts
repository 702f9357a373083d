import { memoByString } from '../../shared/memo';

// JSON pointers (RFC 6901): '' is the root, '/a/b' a path; '~' is written '~0' and '/' is written '~1'.

export function escapeSegment(key: string): string {
  if (key.indexOf('~') < 0 && key.indexOf('/') < 0) return key;
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function unescapeSegment(segment: string): string {
  if (segment.indexOf('~') < 0) return segment;
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

export function childPointer(parent: string, key: string | number): string {
  return `${parent}/${typeof key === 'number' ? key : escapeSegment(key)}`;
}

/**
 * The segments of a `$ref` fragment ('/components/schemas/Pet' → ['components', 'schemas', 'Pet']), after
 * URI %-decoding and pointer unescaping. Undefined when the fragment is not a valid pointer.
 */
export const parseFragment: (fragment: string) => readonly string[] | undefined = memoByString(parseFragmentOnce);

function parseFragmentOnce(fragment: string): string[] | undefined {
  let decoded = fragment;
  try {
    decoded = decodeURIComponent(fragment);
  } catch {
    return undefined;
  }
  if (decoded === '') return [];
  if (!decoded.startsWith('/')) return undefined;
  return decoded.slice(1).split('/').map(unescapeSegment);
}
