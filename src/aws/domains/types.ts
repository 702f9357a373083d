// The vocabulary of custom domain names: a domain as the AWS view shows it (both API versions' views merged), its
// mappings, and the plan of a new mapping. Types only.
import type { AwsApiKind } from '../types';

/** One mapping of a domain to an API stage. */
export interface DomainMapping {
  /** '' for the empty base path, which AWS shows as '(none)'; levels joined by '/' ('orders/v1'). */
  basePath: string;
  apiId: string;
  stage: string;
  /** v2's ApiMappingId (absent when only v1 listed the mapping). */
  mappingId?: string;
}

export interface CustomDomainCertificate {
  arn?: string;
  name?: string;
  /** When the certificate was uploaded (API Gateway tells no expiry date: ACM knows it). */
  uploadedAt?: Date;
}

/** A custom domain name, from v1 GetDomainNames and v2 GetDomainNames merged (they are the same resource). */
export interface CustomDomain {
  name: string;
  /** EDGE, REGIONAL or PRIVATE. */
  endpointType?: string;
  /** The host the domain's DNS record points at: the regional domain name, or the CloudFront distribution's. */
  targetDomainName?: string;
  hostedZoneId?: string;
  certificate: CustomDomainCertificate;
  /** TLS policy (securityPolicy): TLS_1_0, TLS_1_2 or one of the newer SecurityPolicy_… names. */
  securityPolicy?: string;
  /** Mutual TLS: the truststore in S3 (absent when mutual TLS is off). */
  mutualTls?: { truststoreUri: string; truststoreVersion?: string; warnings: string[] };
  /** BASE_PATH_MAPPING_ONLY, ROUTING_RULE_ONLY or ROUTING_RULE_THEN_BASE_PATH_MAPPING (absent: mappings only). */
  routingMode?: string;
  /** AVAILABLE, PENDING, UPDATING, … */
  status?: string;
  statusMessage?: string;
  /** In base path order, the empty base path first. */
  mappings: DomainMapping[];
}

/** What "Map Stage to Custom Domain…" asks for. */
export interface StageMappingRequest {
  domain: CustomDomain;
  api: { id: string; kind: AwsApiKind; name?: string };
  stage: string;
  /** '' or '(none)' for the empty base path; leading and trailing '/' are ignored. */
  basePath: string;
  /** The kinds of the place's APIs by id (to refuse a WebSocket API beside HTTP / REST ones); unknown ids pass. */
  apiKinds?: ReadonlyMap<string, AwsApiKind>;
}

/** The mapping that will be created, and the call that creates it. */
export interface StageMappingPlan {
  domainName: string;
  basePath: string;
  api: { id: string; kind: AwsApiKind; name?: string };
  stage: string;
  /** v1 CreateBasePathMapping (REST, one level) or v2 CreateApiMapping (HTTP, WebSocket, several levels). */
  operation: 'CreateBasePathMapping' | 'CreateApiMapping';
  input: Record<string, string>;
  /** The stage's URL on the domain once mapped. */
  url: string;
  /** What to know before confirming (a pending domain, a routing mode that ignores mappings). */
  notes: string[];
}
