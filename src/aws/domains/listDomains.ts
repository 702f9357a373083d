// The custom domain names of a place with their mappings: v1 GetDomainNames + GetBasePathMappings and v2
// GetDomainNames + GetApiMappings, every page, merged by name (a domain is one resource that both versions show;
// a REST mapping with several levels, or an HTTP API's, may be listed by one version only).
import {
  GetBasePathMappingsCommand,
  GetDomainNamesCommand,
  type DomainName as V1DomainName,
} from '@aws-sdk/client-api-gateway';
import {
  GetApiMappingsCommand,
  GetDomainNamesCommand as GetV2DomainNamesCommand,
  type DomainName as V2DomainName,
} from '@aws-sdk/client-apigatewayv2';
import { guarded } from '../guard';
import { collect, paginate } from '../paginate';
import type { AwsClients } from '../types';
import type { CustomDomain, DomainMapping } from './types';

/** v1 list calls take at most 500 a page. */
const pageSize = 500;

/** '(none)' and '' are the empty base path; '/' around a path is not part of it. */
export function normalBasePath(basePath: string | undefined): string {
  const trimmed = (basePath ?? '').trim();
  return trimmed === '(none)' ? '' : trimmed.replace(/^\/+|\/+$/g, '');
}

/** Code-point order: '' (none) first. */
const byBasePath = (a: DomainMapping, b: DomainMapping): number =>
  a.basePath < b.basePath ? -1 : a.basePath > b.basePath ? 1 : 0;

export function fromV1(domain: V1DomainName): CustomDomain {
  const regional = domain.regionalDomainName !== undefined;
  const arn = regional ? domain.regionalCertificateArn : domain.certificateArn;
  const name = regional ? domain.regionalCertificateName : domain.certificateName;
  const target = domain.regionalDomainName ?? domain.distributionDomainName;
  const zone = regional ? domain.regionalHostedZoneId : domain.distributionHostedZoneId;
  const mtls = domain.mutualTlsAuthentication;
  return {
    name: domain.domainName ?? '',
    ...(domain.endpointConfiguration?.types?.[0] ? { endpointType: domain.endpointConfiguration.types[0] } : {}),
    ...(target ? { targetDomainName: target } : {}),
    ...(zone ? { hostedZoneId: zone } : {}),
    certificate: {
      ...(arn ? { arn } : {}),
      ...(name ? { name } : {}),
      ...(domain.certificateUploadDate ? { uploadedAt: domain.certificateUploadDate } : {}),
    },
    ...(domain.securityPolicy ? { securityPolicy: domain.securityPolicy } : {}),
    ...(mtls?.truststoreUri
      ? {
          mutualTls: {
            truststoreUri: mtls.truststoreUri,
            ...(mtls.truststoreVersion ? { truststoreVersion: mtls.truststoreVersion } : {}),
            warnings: [...(mtls.truststoreWarnings ?? [])],
          },
        }
      : {}),
    ...(domain.routingMode ? { routingMode: domain.routingMode } : {}),
    ...(domain.domainNameStatus ? { status: domain.domainNameStatus } : {}),
    ...(domain.domainNameStatusMessage ? { statusMessage: domain.domainNameStatusMessage } : {}),
    mappings: [],
  };
}

export function fromV2(domain: V2DomainName): CustomDomain {
  const config = domain.DomainNameConfigurations?.[0];
  const mtls = domain.MutualTlsAuthentication;
  return {
    name: domain.DomainName ?? '',
    ...(config?.EndpointType ? { endpointType: config.EndpointType } : {}),
    ...(config?.ApiGatewayDomainName ? { targetDomainName: config.ApiGatewayDomainName } : {}),
    ...(config?.HostedZoneId ? { hostedZoneId: config.HostedZoneId } : {}),
    certificate: {
      ...(config?.CertificateArn ? { arn: config.CertificateArn } : {}),
      ...(config?.CertificateName ? { name: config.CertificateName } : {}),
      ...(config?.CertificateUploadDate ? { uploadedAt: config.CertificateUploadDate } : {}),
    },
    ...(config?.SecurityPolicy ? { securityPolicy: config.SecurityPolicy } : {}),
    ...(mtls?.TruststoreUri
      ? {
          mutualTls: {
            truststoreUri: mtls.TruststoreUri,
            ...(mtls.TruststoreVersion ? { truststoreVersion: mtls.TruststoreVersion } : {}),
            warnings: [...(mtls.TruststoreWarnings ?? [])],
          },
        }
      : {}),
    ...(domain.RoutingMode ? { routingMode: domain.RoutingMode } : {}),
    ...(config?.DomainNameStatus ? { status: config.DomainNameStatus } : {}),
    ...(config?.DomainNameStatusMessage ? { statusMessage: config.DomainNameStatusMessage } : {}),
    mappings: [],
  };
}

/** One domain from both views: what v1 tells wins, v2 fills what v1 left out; the mappings of both, once each. */
export function mergeDomain(v1: CustomDomain | undefined, v2: CustomDomain | undefined): CustomDomain | undefined {
  if (!v1 || !v2) return v1 ?? v2;
  return {
    ...v2,
    ...v1,
    certificate: { ...v2.certificate, ...v1.certificate },
    mappings: mergeMappings(v1.mappings, v2.mappings),
  };
}

/** The mappings of both views, one per base path (v2's carries the mapping id). */
export function mergeMappings(v1: DomainMapping[], v2: DomainMapping[]): DomainMapping[] {
  const byPath = new Map<string, DomainMapping>();
  for (const m of v1) byPath.set(m.basePath, m);
  for (const m of v2) byPath.set(m.basePath, { ...byPath.get(m.basePath), ...m });
  return [...byPath.values()].sort(byBasePath);
}

async function v1Mappings(clients: AwsClients, domainName: string): Promise<DomainMapping[]> {
  const items = paginate(
    (position) =>
      clients.rest.send(
        new GetBasePathMappingsCommand({ domainName, limit: pageSize, ...(position ? { position } : {}) }),
      ),
    (page) => page.items,
    (page) => page.position,
  );
  return (await collect(items)).map((m) => ({
    basePath: normalBasePath(m.basePath),
    apiId: m.restApiId ?? '',
    stage: m.stage ?? '',
  }));
}

async function v2Mappings(clients: AwsClients, domainName: string): Promise<DomainMapping[]> {
  const items = paginate(
    (token) =>
      clients.v2.send(new GetApiMappingsCommand({ DomainName: domainName, ...(token ? { NextToken: token } : {}) })),
    (page) => page.Items,
    (page) => page.NextToken,
  );
  return (await collect(items)).map((m) => ({
    basePath: normalBasePath(m.ApiMappingKey),
    apiId: m.ApiId ?? '',
    stage: m.Stage ?? '',
    ...(m.ApiMappingId ? { mappingId: m.ApiMappingId } : {}),
  }));
}

/** Every custom domain name of the place, by name, each with its mappings from both API versions. */
export async function listCustomDomains(clients: AwsClients): Promise<CustomDomain[]> {
  return guarded(clients, async () => {
    const [v1, v2] = await Promise.all([
      collect(
        paginate(
          (position) =>
            clients.rest.send(new GetDomainNamesCommand({ limit: pageSize, ...(position ? { position } : {}) })),
          (page) => page.items?.map(fromV1),
          (page) => page.position,
        ),
      ),
      collect(
        paginate(
          (token) => clients.v2.send(new GetV2DomainNamesCommand(token ? { NextToken: token } : {})),
          (page) => page.Items?.map(fromV2),
          (page) => page.NextToken,
        ),
      ),
    ]);
    const v1ByName = new Map(v1.map((d) => [d.name, d]));
    const v2ByName = new Map(v2.map((d) => [d.name, d]));
    const names = [...new Set([...v1ByName.keys(), ...v2ByName.keys()])].sort();
    return Promise.all(
      names.map(async (name) => {
        const one = v1ByName.get(name);
        const two = v2ByName.get(name);
        const [m1, m2] = await Promise.all([
          one ? v1Mappings(clients, name) : [],
          two ? v2Mappings(clients, name) : [],
        ]);
        const merged = mergeDomain(one, two) ?? { name, certificate: {}, mappings: [] };
        return { ...merged, mappings: mergeMappings(m1, m2) };
      }),
    );
  });
}
