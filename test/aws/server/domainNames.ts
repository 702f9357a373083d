// Custom domain names and their mappings, as API Gateway v1 (domain names + base path mappings) and v2 (domain names +
// API mappings) show them. Both versions read and write the same records (state.domainNames): a mapping made with
// one appears in the other's list, as on AWS, where they are one resource.
import { jsonBody, ok, q, type Ctx, type Reply, type Route } from './context';
import { badRequest, conflict, notFound } from './errors';
import type { DomainMappingRecord, DomainNameRecord } from './state';
import { compact, epochSeconds, isoDate, pageV1, pageV2, str, type Json } from './util';

/** Letters, digits and $-_.+!*'() in each level, levels joined by '/', at most 300 characters (AWS's rules). */
const MAPPING_KEY = /^[A-Za-z0-9$\-_.+!*'()]+(\/[A-Za-z0-9$\-_.+!*'()]+)*$/;

export function domainOf(ctx: Ctx): DomainNameRecord {
  const name = ctx.params.domainName ?? '';
  const record = ctx.state.domainNames.get(name);
  if (!record) throw notFound(`Invalid domain name identifier specified`, { resourceType: 'DomainName' });
  return record;
}

/** The regional / CloudFront host a DNS record of the domain points at (stable for a name). */
function targetHost(record: DomainNameRecord, region: string): string {
  let hash = 0;
  for (const c of record.domainName) hash = (Math.imul(hash, 31) + c.charCodeAt(0)) >>> 0;
  const id = hash.toString(36).padStart(10, '0').slice(0, 10);
  return record.endpointType === 'EDGE' ? `d${id}.cloudfront.net` : `d-${id}.execute-api.${region}.amazonaws.com`;
}

function certificateName(record: DomainNameRecord): string {
  return record.certificateName ?? record.domainName;
}

export function v1DomainWire(record: DomainNameRecord, region: string): Json {
  const edge = record.endpointType === 'EDGE';
  const target = targetHost(record, region);
  return compact({
    domainName: record.domainName,
    ...(edge
      ? {
          certificateArn: record.certificateArn,
          certificateName: certificateName(record),
          certificateUploadDate: record.certificateUploadDate ? epochSeconds(record.certificateUploadDate) : undefined,
          distributionDomainName: target,
          distributionHostedZoneId: 'Z2FDTNDATAQYW2',
        }
      : {
          regionalCertificateArn: record.certificateArn,
          regionalCertificateName: certificateName(record),
          regionalDomainName: target,
          regionalHostedZoneId: 'Z1UJRXOUMOOFQ8',
        }),
    endpointConfiguration: { types: [record.endpointType] },
    domainNameStatus: record.status ?? 'AVAILABLE',
    securityPolicy: record.securityPolicy,
    mutualTlsAuthentication: record.truststoreUri
      ? compact({ truststoreUri: record.truststoreUri, truststoreVersion: record.truststoreVersion })
      : undefined,
    routingMode: record.routingMode,
  });
}

export function v2DomainWire(record: DomainNameRecord, region: string): Json {
  return compact({
    domainName: record.domainName,
    apiMappingSelectionExpression: '$request.basepath',
    domainNameConfigurations: [
      compact({
        apiGatewayDomainName: targetHost(record, region),
        certificateArn: record.certificateArn,
        certificateName: certificateName(record),
        certificateUploadDate: record.certificateUploadDate ? isoDate(record.certificateUploadDate) : undefined,
        domainNameStatus: record.status ?? 'AVAILABLE',
        endpointType: record.endpointType,
        hostedZoneId: record.endpointType === 'EDGE' ? 'Z2FDTNDATAQYW2' : 'Z1UJRXOUMOOFQ8',
        securityPolicy: record.securityPolicy,
      }),
    ],
    mutualTlsAuthentication: record.truststoreUri
      ? compact({ truststoreUri: record.truststoreUri, truststoreVersion: record.truststoreVersion })
      : undefined,
    routingMode: record.routingMode,
    tags: {},
  });
}

const v1Mapping = (m: DomainMappingRecord): Json => ({
  basePath: m.key || '(none)',
  restApiId: m.apiId,
  stage: m.stage,
});
const v2Mapping = (m: DomainMappingRecord): Json =>
  compact({ apiId: m.apiId, apiMappingId: m.id, apiMappingKey: m.key, stage: m.stage });

/** The kind of API `apiId` is ('REST', 'HTTP', 'WEBSOCKET'), after checking it has the stage. */
function apiKindWithStage(ctx: Ctx, apiId: string, stage: string, v1: boolean): string {
  const rest = ctx.state.restApis.get(apiId);
  if (rest) {
    if (!rest.stages.has(stage)) throw badRequest(`Invalid stage identifier specified`);
    return 'REST';
  }
  const api = v1 ? undefined : ctx.state.apis.get(apiId);
  if (!api) throw notFound(`Invalid ${v1 ? 'REST API' : 'API'} identifier specified`);
  if (!api.stages.has(stage)) throw badRequest(`Invalid stage identifier specified`);
  return str(api.wire.protocolType) ?? 'HTTP';
}

function kindOfMapped(ctx: Ctx, apiId: string): string {
  if (ctx.state.restApis.has(apiId)) return 'REST';
  return str(ctx.state.apis.get(apiId)?.wire.protocolType) ?? 'REST';
}

/** Adds a mapping after AWS's checks: the key's form, a free key, and no WebSocket API beside HTTP / REST ones. */
export function addMapping(ctx: Ctx, domain: DomainNameRecord, input: Json, v1: boolean): DomainMappingRecord {
  const apiId = str(v1 ? input.restApiId : input.apiId);
  const stage = str(input.stage);
  if (!apiId) throw badRequest(v1 ? 'Invalid REST API identifier specified' : 'ApiId is required');
  if (!stage) throw badRequest(v1 ? 'Invalid stage identifier specified' : 'Stage is required');
  const raw = str(v1 ? input.basePath : input.apiMappingKey) ?? '';
  const key = v1 && raw === '(none)' ? '' : raw.replace(/^\/+|\/+$/g, '');
  if (key !== '' && (!MAPPING_KEY.test(key) || key.length > 300))
    throw badRequest(`Invalid ${v1 ? 'base path' : 'api mapping key'} specified: ${raw}`);
  if (v1 && key.includes('/'))
    throw badRequest('Base path mappings with multiple levels must be created with the API Gateway V2 API');
  const kind = apiKindWithStage(ctx, apiId, stage, v1);
  for (const m of domain.mappings.values()) {
    const other = kindOfMapped(ctx, m.apiId);
    if ((kind === 'WEBSOCKET') !== (other === 'WEBSOCKET'))
      throw badRequest('WebSocket APIs cannot be mapped to the same domain name as HTTP or REST APIs');
  }
  if (domain.mappings.has(key))
    throw conflict(
      v1 ? 'Base path already exists for this domain name' : 'ApiMapping key already exists for this domain name',
    );
  const record: DomainMappingRecord = { id: ctx.state.newId(6), key, apiId, stage };
  domain.mappings.set(key, record);
  return record;
}

function v1MappingOf(ctx: Ctx): DomainMappingRecord {
  const domain = domainOf(ctx);
  const raw = ctx.params.basePath ?? '';
  const mapping = domain.mappings.get(raw === '(none)' ? '' : raw);
  if (!mapping) throw notFound('Invalid base path mapping identifier specified');
  return mapping;
}

function v2MappingOf(ctx: Ctx): DomainMappingRecord {
  const domain = domainOf(ctx);
  const mapping = [...domain.mappings.values()].find((m) => m.id === ctx.params.apiMappingId);
  if (!mapping) throw notFound('Invalid ApiMapping identifier specified', { resourceType: 'ApiMapping' });
  return mapping;
}

function deleteMapping(ctx: Ctx, mapping: DomainMappingRecord, status: number): Reply {
  domainOf(ctx).mappings.delete(mapping.key);
  return { status };
}

const sorted = (domain: DomainNameRecord): DomainMappingRecord[] =>
  [...domain.mappings.values()].sort((a, b) => a.key.localeCompare(b.key));

const V1 = '/domainnames';
const V2 = '/v2/domainnames';
export const domainNameRoutes: Route[] = [
  {
    method: 'GET',
    path: V1,
    operation: 'GetDomainNames',
    handler: (c) =>
      ok(
        pageV1(
          [...c.state.domainNames.values()].map((d) => v1DomainWire(d, c.state.region)),
          q(c, 'position'),
          q(c, 'limit'),
        ),
      ),
  },
  {
    method: 'GET',
    path: `${V1}/{domainName}`,
    operation: 'GetDomainName',
    handler: (c) => ok(v1DomainWire(domainOf(c), c.state.region)),
  },
  {
    method: 'GET',
    path: `${V1}/{domainName}/basepathmappings`,
    operation: 'GetBasePathMappings',
    handler: (c) => ok(pageV1(sorted(domainOf(c)).map(v1Mapping), q(c, 'position'), q(c, 'limit'))),
  },
  {
    method: 'POST',
    path: `${V1}/{domainName}/basepathmappings`,
    operation: 'CreateBasePathMapping',
    handler: (c) => ok(v1Mapping(addMapping(c, domainOf(c), jsonBody(c), true)), 201),
  },
  {
    method: 'GET',
    path: `${V1}/{domainName}/basepathmappings/{basePath}`,
    operation: 'GetBasePathMapping',
    handler: (c) => ok(v1Mapping(v1MappingOf(c))),
  },
  {
    method: 'DELETE',
    path: `${V1}/{domainName}/basepathmappings/{basePath}`,
    operation: 'DeleteBasePathMapping',
    handler: (c) => deleteMapping(c, v1MappingOf(c), 202),
  },
  {
    method: 'GET',
    path: V2,
    operation: 'GetDomainNames',
    handler: (c) =>
      ok(
        pageV2(
          [...c.state.domainNames.values()].map((d) => v2DomainWire(d, c.state.region)),
          q(c, 'nextToken'),
          q(c, 'maxResults'),
        ),
      ),
  },
  {
    method: 'GET',
    path: `${V2}/{domainName}`,
    operation: 'GetDomainName',
    handler: (c) => ok(v2DomainWire(domainOf(c), c.state.region)),
  },
  {
    method: 'GET',
    path: `${V2}/{domainName}/apimappings`,
    operation: 'GetApiMappings',
    handler: (c) => ok(pageV2(sorted(domainOf(c)).map(v2Mapping), q(c, 'nextToken'), q(c, 'maxResults'))),
  },
  {
    method: 'POST',
    path: `${V2}/{domainName}/apimappings`,
    operation: 'CreateApiMapping',
    handler: (c) => ok(v2Mapping(addMapping(c, domainOf(c), jsonBody(c), false)), 201),
  },
  {
    method: 'GET',
    path: `${V2}/{domainName}/apimappings/{apiMappingId}`,
    operation: 'GetApiMapping',
    handler: (c) => ok(v2Mapping(v2MappingOf(c))),
  },
  {
    method: 'DELETE',
    path: `${V2}/{domainName}/apimappings/{apiMappingId}`,
    operation: 'DeleteApiMapping',
    handler: (c) => deleteMapping(c, v2MappingOf(c), 204),
  },
];
