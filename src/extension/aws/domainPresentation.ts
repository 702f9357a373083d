// How the AWS view shows custom domain names (pure, unit-tested): the "Custom Domains" node of a place, each domain
// (endpoint type, target, certificate, TLS policy, mutual TLS, routing mode), each mapping (base path → API / stage),
// and a stage's custom-domain URLs beside its invoke URL.
import type { CustomDomain } from '../../aws/domains/types';
import type { AwsNode } from './awsNodes';

/** What awsPresentation.ts's AwsNodePresentation needs of these nodes (declared here: that module imports this one). */
export interface DomainPresentation {
  label: string;
  description?: string;
  tooltip: string;
  icon: string;
  contextValue: string;
  collapsible: 'none' | 'collapsed' | 'expanded';
}

type DomainNode = Extract<AwsNode, { kind: 'aws.domains' | 'aws.domain' | 'aws.domainMapping' }>;

const lines = (parts: (string | false | undefined)[]): string => parts.filter((p) => typeof p === 'string').join('\n');

export function presentDomainNode(node: DomainNode): DomainPresentation {
  switch (node.kind) {
    case 'aws.domains':
      return {
        label: 'Custom Domains',
        tooltip: 'The custom domain names of this place and the API stages mapped to them',
        icon: 'globe',
        contextValue: 'apigw.aws.domains',
        collapsible: 'collapsed',
      };
    case 'aws.domain': {
      const { domain } = node;
      const count = domain.mappings.length;
      return {
        label: domain.name,
        description: [domain.endpointType, count === 0 ? 'no mappings' : `${count} mapping${count === 1 ? '' : 's'}`]
          .filter(Boolean)
          .join(' · '),
        tooltip: domainTooltip(domain),
        icon: 'link',
        contextValue: 'apigw.aws.domain',
        collapsible: count === 0 ? 'collapsed' : 'expanded',
      };
    }
    case 'aws.domainMapping': {
      const { mapping, api } = node;
      const target = api ? `${api.name} (${api.id})` : mapping.apiId;
      return {
        label: mapping.basePath === '' ? '(none)' : mapping.basePath,
        description: `${target} · ${mapping.stage}`,
        tooltip: lines([
          `https://${node.domain.name}${mapping.basePath === '' ? '' : `/${mapping.basePath}`}`,
          `API: ${target}${api ? ` (${api.kind})` : ''}`,
          `Stage: ${mapping.stage}`,
          mapping.mappingId !== undefined && `API mapping id: ${mapping.mappingId}`,
        ]),
        icon: 'arrow-right',
        contextValue: 'apigw.aws.domainMapping',
        collapsible: 'none',
      };
    }
  }
}

function domainTooltip(domain: CustomDomain): string {
  const { certificate, mutualTls } = domain;
  return lines([
    `Custom domain name ${domain.name}`,
    domain.endpointType && `Endpoint type: ${domain.endpointType}`,
    domain.targetDomainName && `Target domain name (DNS): ${domain.targetDomainName}`,
    domain.status && `Status: ${domain.status}${domain.statusMessage ? ` (${domain.statusMessage})` : ''}`,
    `Certificate: ${certificate.name ?? '-'}${certificate.arn ? ` (${certificate.arn})` : ''}`,
    certificate.uploadedAt && `Certificate uploaded: ${certificate.uploadedAt.toISOString().slice(0, 10)}`,
    `TLS policy: ${domain.securityPolicy ?? '-'}`,
    `Mutual TLS: ${mutualTls ? `on, truststore ${mutualTls.truststoreUri}${mutualTls.truststoreVersion ? ` (version ${mutualTls.truststoreVersion})` : ''}` : 'off'}`,
    ...(mutualTls?.warnings ?? []).map((w) => `  warning: ${w}`),
    `Routing mode: ${domain.routingMode ?? 'BASE_PATH_MAPPING_ONLY'}`,
    domain.mappings.length === 0 && 'No API mappings: map a stage with "Map Stage to Custom Domain…".',
  ]);
}

/** A stage's description: its invoke URL, then its first custom-domain URL (and how many more). */
export function stageDescription(invokeUrl: string, customDomainUrls: readonly string[] | undefined): string {
  const [first, ...rest] = customDomainUrls ?? [];
  if (first === undefined) return invokeUrl;
  return `${invokeUrl} · ${first}${rest.length > 0 ? ` (+${rest.length})` : ''}`;
}

/** The tooltip lines of a stage's custom-domain URLs. */
export function customDomainLines(customDomainUrls: readonly string[] | undefined): string[] {
  if (customDomainUrls === undefined || customDomainUrls.length === 0) return [];
  return ['Custom domain URLs:', ...customDomainUrls.map((url) => `  ${url}`)];
}
