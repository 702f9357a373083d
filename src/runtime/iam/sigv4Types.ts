// What a SigV4 check reads of a request, what it is told, what it answers, and the parts a request claims to have
// signed. Types and the failure constructor shared by sigv4.ts, sigv4Claim.ts and expectedSignature.ts.
import type { IamCredential } from './iamConfig';

/** What the check reads of a request (transport-neutral; header names lower-case). */
export interface SignedRequestView {
  method: string;
  /** The path as it came on the wire, still percent-encoded. */
  rawPath: string;
  /** The path percent-decoded (tried as well: some signers sign the decoded path). */
  path?: string;
  /** The raw query string without `?`. */
  query: string;
  headers: Record<string, string[]>;
  body: Uint8Array;
}

export interface VerifyOptions {
  /** `execute-api` for API Gateway. */
  service: string;
  region: string;
  /** The current time (epoch ms). */
  now: number;
  credentials: readonly IamCredential[];
}

/** Why a request is refused, each with its own answer (see iamErrors in ../errors.ts). */
export type SigV4Failure = 'missing' | 'incomplete' | 'scope' | 'expired' | 'unknownKey' | 'mismatch';

export type VerifyOutcome =
  | { ok: true; credential: IamCredential; form: 'header' | 'query' }
  | {
      ok: false;
      failure: SigV4Failure;
      /** What API Gateway answers. */
      message: string;
      /** What went wrong and what to do, for the trace. */
      why: string;
    };

export interface Claimed {
  form: 'header' | 'query';
  accessKeyId: string;
  scopeDate: string;
  region: string;
  service: string;
  amzDate: string;
  signedHeaders: string[];
  signature: string;
  /** Query form: X-Amz-Expires. */
  expires?: number;
  /** The session token the request carries (header or query). */
  token?: string;
  /** The query without the presigning parameters (query form), by decoded name. */
  query: Record<string, string | string[]>;
  /** The credential scope's last part (`aws4_request`). */
  terminator?: string;
}

export type Fail = Extract<VerifyOutcome, { ok: false }>;
export const fail = (failure: SigV4Failure, message: string, why: string): Fail => ({
  ok: false,
  failure,
  message,
  why,
});

/** What API Gateway answers when the signature is not the one expected. */
export const mismatchMessage =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';
