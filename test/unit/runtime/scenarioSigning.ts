import { signMockRequest, type SigningKeys } from '../../../src/runtime/iam/sign';
import type { MockRequest } from '../../../src/runtime/types';
import { dict } from '../../../src/shared/dict';

/**
 * A scenario's `====sign====` section (JSON): the request is SigV4-signed just before it is sent, as an AWS SDK
 * signs it (the signature covers the Host header, which holds the mock's port, so it cannot be written in the file).
 *
 *   {"accessKeyId": "...", "secretAccessKey": "...", "sessionToken"?: "...", "region"?: "us-east-1",
 *    "service"?: "execute-api", "date"?: "2024-05-01T12:00:00Z", "form"?: "header" | "query", "expiresIn"?: 300}
 *
 * `date` defaults to the scenario's `====clock====`.
 */
export interface ScenarioSigning extends SigningKeys {
  region?: string;
  service?: string;
  date?: string;
  form?: 'header' | 'query';
  expiresIn?: number;
}

/** The URL and headers to send for a scenario request signed as `signing` says. */
export async function signScenarioRequest(
  url: URL,
  method: string,
  headers: [string, string][],
  body: string,
  signing: ScenarioSigning,
  clock: string | undefined,
): Promise<{ url: string; headers: [string, string][] }> {
  const request: MockRequest = {
    method,
    path: decodeURIComponent(url.pathname),
    rawPath: url.pathname,
    query: url.search.slice(1),
    headers: dict(),
    body: Buffer.from(body),
    sourceIp: '127.0.0.1',
  };
  for (const [name, value] of headers) (request.headers[name.toLowerCase()] ??= []).push(value);
  const when = signing.date ?? clock;
  const signed = await signMockRequest(request, signing, {
    region: signing.region ?? 'us-east-1',
    host: url.host,
    ...(when !== undefined ? { date: new Date(when) } : {}),
    ...(signing.form !== undefined ? { form: signing.form } : {}),
    ...(signing.expiresIn !== undefined ? { expiresIn: signing.expiresIn } : {}),
    ...(signing.service !== undefined ? { service: signing.service } : {}),
  });
  const out: [string, string][] = [];
  for (const [name, values] of Object.entries(signed.headers)) {
    if (name !== 'host') for (const value of values) out.push([name, value]);
  }
  return { url: `${url.origin}${url.pathname}${signed.query === '' ? '' : `?${signed.query}`}`, headers: out };
}
