import type { Route } from '../../model';
import type { MockRequest } from '../types';

/** What Invoke Route Locally needs of the mock runtime to sign a request (MockRuntime has it). */
export interface SigningRuntime {
  /** How the route asks for IAM authorization, or undefined when it does not. */
  iamRoute(route: Route): string | undefined;
  /** The credentials of `"iam": {"credentials": [...]}` in apigw.config.json. */
  readonly signingCredentials: readonly { accessKeyId: string; arn: string }[];
  sign(request: MockRequest, accessKeyId: string, host: string): Promise<MockRequest>;
}

/** The request to send, and what was done about IAM (for the log). */
export interface SignedInvoke {
  request: MockRequest;
  /** The ARN whose credential signed it. */
  signedAs?: string;
  /** Why an IAM route's request goes unsigned. */
  unsigned?: string;
}

/**
 * Invoke Route Locally for a route with IAM authorization: signs the request (SigV4, Authorization header) with a
 * local credential from the config — the only one, or the one `choose` picks (undefined: sent unsigned). Routes
 * without IAM go as they are.
 */
export async function signForInvoke(
  runtime: SigningRuntime,
  route: Route,
  request: MockRequest,
  host: string,
  choose: (credentials: readonly { accessKeyId: string; arn: string }[]) => Promise<string | undefined>,
): Promise<SignedInvoke> {
  if (runtime.iamRoute(route) === undefined) return { request };
  const credentials = runtime.signingCredentials;
  if (credentials.length === 0) {
    return {
      request,
      unsigned: `${route.method} ${route.path} uses IAM authorization, but apigw.config.json lists no "iam": {"credentials": [...]} to sign with: sent unsigned.`,
    };
  }
  const accessKeyId = credentials.length === 1 ? credentials[0]!.accessKeyId : await choose(credentials);
  const credential = credentials.find((c) => c.accessKeyId === accessKeyId);
  if (credential === undefined) return { request, unsigned: 'No credential chosen: sent unsigned.' };
  return { request: await runtime.sign(request, credential.accessKeyId, host), signedAs: credential.arn };
}
