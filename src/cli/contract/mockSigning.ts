// apigw test against its own mock: an IAM route's request SigV4-signed with a local credential of the mock's
// config, as Invoke Route Locally signs it.
import type { Route } from '../../model';
import type { MockRuntime } from '../../runtime';
import { signForInvoke } from '../../runtime/iam/invokeSigning';
import type { MockRequest } from '../../runtime/types';

/**
 * Signs `headers` in place (Authorization, X-Amz-Date, X-Amz-Security-Token) when `route` uses IAM authorization
 * and the mock's config has local credentials; why not, when the route needs it and it could not be signed.
 */
export async function signForMock(
  runtime: MockRuntime,
  route: Route,
  url: string,
  method: string,
  headers: Headers,
  body: string,
): Promise<string | undefined> {
  const sent = new URL(url);
  let path = sent.pathname;
  try {
    path = decodeURIComponent(path);
  } catch {
    // As the mock reads a path it cannot decode: as it came.
  }
  const request: MockRequest = {
    method,
    path,
    rawPath: sent.pathname,
    query: sent.search.slice(1),
    headers: Object.fromEntries([...headers].map(([name, value]) => [name, [value]])),
    body: Buffer.from(body),
    sourceIp: '127.0.0.1',
  };
  const signing = await signForInvoke(runtime, route, request, sent.host, (credentials) =>
    Promise.resolve(credentials[0]?.accessKeyId),
  );
  for (const [name, values] of Object.entries(signing.request.headers)) {
    if (name === 'authorization' || name.startsWith('x-amz-')) headers.set(name, values.join(','));
  }
  return signing.unsigned;
}
