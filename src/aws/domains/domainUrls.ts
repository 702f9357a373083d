// A stage's URLs on custom domains: https://{domain}/{basePath} for each mapping of the stage (wss:// for a
// WebSocket API), https://{domain} for the empty base path.
import type { AwsApiKind } from '../types';
import type { CustomDomain } from './types';

export function customDomainUrl(kind: AwsApiKind, domainName: string, basePath: string): string {
  const scheme = kind === 'WEBSOCKET' ? 'wss' : 'https';
  return basePath === '' ? `${scheme}://${domainName}` : `${scheme}://${domainName}/${basePath}`;
}

/** The URLs of `stage` of API `apiId` on every domain that maps it, in domain then base path order. */
export function customDomainUrlsOf(
  domains: readonly CustomDomain[],
  api: { id: string; kind: AwsApiKind },
  stage: string,
): string[] {
  const urls: string[] = [];
  for (const domain of domains) {
    for (const m of domain.mappings) {
      if (m.apiId === api.id && m.stage === stage) urls.push(customDomainUrl(api.kind, domain.name, m.basePath));
    }
  }
  return urls;
}
