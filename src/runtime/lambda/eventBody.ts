import { isTextContent } from '../binary';
import type { Exchange } from '../types';

/** REST: base64 when the content type is one of the API's binary media types; HTTP: when it is not text. */
export function eventBody(ex: Exchange, rest: boolean): { body: string | null; isBase64Encoded: boolean } {
  if (ex.request.body.length === 0) return { body: null, isBase64Encoded: false };
  const contentType = ex.request.headers['content-type']?.[0];
  const binary = rest ? isBinaryFor(ex.served.api.binaryMediaTypes, contentType) : !isTextContent(contentType);
  return binary
    ? { body: ex.request.body.toString('base64'), isBase64Encoded: true }
    : { body: ex.request.body.toString('utf8'), isBase64Encoded: false };
}

export function isBinaryFor(binaryMediaTypes: string[], contentType: string | undefined): boolean {
  if (contentType === undefined) return false;
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  return binaryMediaTypes.some((pattern) => {
    const p = pattern.toLowerCase().replace(/~1/g, '/');
    if (p === '*/*') return true;
    if (p.endsWith('/*')) return type.startsWith(p.slice(0, -1));
    return p === type;
  });
}
