// "Map Stage to Custom Domain…", planned before anything changes: which mapping will be created and with which
// call, or why AWS would refuse it. The rules are API Gateway's (developer guide, "Map API stages to a custom
// domain name" for REST, HTTP and WebSocket APIs):
// - a base path is letters, digits and $-_.+!*'(), at most 300 characters, levels joined by '/';
// - one mapping a base path on a domain (AWS answers ConflictException);
// - a WebSocket API cannot share a domain with HTTP or REST APIs;
// - HTTP and WebSocket stages are mapped with v2 CreateApiMapping only, and only on regional domains;
// - several levels (orders/v1) need v2 CreateApiMapping, a regional domain and a TLS 1.2 policy;
// - a REST stage on one level (or none) can be mapped with either version: v1 CreateBasePathMapping, which also
//   works on edge-optimized domains.
import { AwsError } from '../types';
import { badInput, requireText } from '../guard';
import { customDomainUrl } from './domainUrls';
import { normalBasePath } from './listDomains';
import type { CustomDomain, DomainMapping, StageMappingPlan, StageMappingRequest } from './types';

const LEVEL = /^[A-Za-z0-9$\-_.+!*'()]+$/;
const MAX_BASE_PATH = 300;

/** Whether the TLS policy is TLS 1.2 or newer (TLS_1_0 is the only older one). */
function isTls12(policy: string | undefined): boolean {
  return policy !== undefined && policy !== 'TLS_1_0';
}

function shown(basePath: string): string {
  return basePath === '' ? '(none)' : `'${basePath}'`;
}

/** A refusal that is about what exists already (the base path is taken). */
function taken(domain: CustomDomain, basePath: string, mapping: DomainMapping): AwsError {
  return new AwsError({
    kind: 'conflict',
    operation: 'CreateApiMapping',
    message:
      `The base path ${shown(basePath)} of ${domain.name} is already mapped to API ${mapping.apiId}, stage ` +
      `${mapping.stage}: choose another base path, or remove that mapping first.`,
  });
}

/** Checks a base path's form; returns it normalized ('' for none). */
export function checkBasePath(raw: string): string {
  const basePath = normalBasePath(raw);
  if (basePath === '') return '';
  if (basePath.length > MAX_BASE_PATH)
    throw badInput(`A base path is at most ${MAX_BASE_PATH} characters; this one has ${basePath.length}.`);
  const bad = basePath.split('/').find((level) => !LEVEL.test(level));
  if (bad !== undefined) {
    throw badInput(
      bad === ''
        ? `The base path '${basePath}' has an empty level ('//'): write levels as orders/v1.`
        : `The base path '${basePath}' may hold only letters, digits, '/' between levels and $-_.+!*'() ('${bad}' does not).`,
    );
  }
  return basePath;
}

/** The mapping `request` asks for, with the call that makes it, or an AwsError saying why AWS would refuse it. */
export function planStageMapping(request: StageMappingRequest): StageMappingPlan {
  const { domain, api } = request;
  requireText(api.id, 'An API id', 'CreateApiMapping');
  requireText(request.stage, 'A stage name', 'CreateApiMapping');
  const basePath = checkBasePath(request.basePath);
  const existing = domain.mappings.find((m) => m.basePath === basePath);
  if (existing) throw taken(domain, basePath, existing);
  const regional = domain.endpointType === 'REGIONAL';
  if (api.kind !== 'REST' && !regional) {
    throw badInput(
      `${domain.name} is ${domain.endpointType === 'EDGE' ? 'an edge-optimized' : `a ${domain.endpointType ?? 'non-regional'}`} ` +
        `domain name: ${api.kind === 'HTTP' ? 'HTTP' : 'WebSocket'} APIs can be mapped only to regional custom domain names.`,
    );
  }
  const multiLevel = basePath.includes('/');
  if (multiLevel && (!regional || !isTls12(domain.securityPolicy))) {
    throw badInput(
      `A base path of several levels ('${basePath}') needs a regional domain name with a TLS 1.2 security policy; ` +
        `${domain.name} is ${domain.endpointType ?? 'of an unknown endpoint type'} with ${domain.securityPolicy ?? 'no known policy'}. ` +
        'Use a base path of one level.',
    );
  }
  const websocket = api.kind === 'WEBSOCKET';
  const clash = domain.mappings.find((m) => {
    const kind = request.apiKinds?.get(m.apiId);
    return kind !== undefined && (kind === 'WEBSOCKET') !== websocket;
  });
  if (clash) {
    throw badInput(
      `${domain.name} already maps ${websocket ? 'a REST or HTTP' : 'a WebSocket'} API (${clash.apiId} at ${shown(clash.basePath)}): ` +
        'a WebSocket API cannot share a custom domain name with HTTP or REST APIs. Use another domain name.',
    );
  }
  const notes: string[] = [];
  if (domain.status !== undefined && domain.status !== 'AVAILABLE') {
    notes.push(
      `${domain.name} is ${domain.status}${domain.statusMessage ? ` (${domain.statusMessage})` : ''}: the mapping answers once the domain is AVAILABLE.`,
    );
  }
  if (domain.routingMode === 'ROUTING_RULE_ONLY') {
    notes.push(
      `${domain.name} routes by routing rules only (routingMode ROUTING_RULE_ONLY): the mapping is created but not used until the routing mode includes base path mappings.`,
    );
  }
  if (basePath === '' && domain.mappings.length > 0) {
    notes.push('The empty base path (none) receives every request that no other base path of the domain matches.');
  }
  const useV1 = api.kind === 'REST' && !multiLevel;
  return {
    domainName: domain.name,
    basePath,
    api,
    stage: request.stage,
    operation: useV1 ? 'CreateBasePathMapping' : 'CreateApiMapping',
    input: useV1
      ? {
          domainName: domain.name,
          basePath: basePath === '' ? '(none)' : basePath,
          restApiId: api.id,
          stage: request.stage,
        }
      : { DomainName: domain.name, ApiMappingKey: basePath, ApiId: api.id, Stage: request.stage },
    url: customDomainUrl(api.kind, domain.name, basePath),
    notes,
  };
}

/** The plan in words, for the read-only plan document and the CLI. */
export function formatStageMappingPlan(plan: StageMappingPlan): string {
  const api = plan.api.name ? `${plan.api.name} (${plan.api.id})` : plan.api.id;
  const lines = [
    `Map a stage to the custom domain ${plan.domainName}`,
    '',
    `  add mapping ${plan.basePath === '' ? '(none)' : plan.basePath} -> ${plan.api.kind} API ${api}, stage ${plan.stage}`,
    `  URL: ${plan.url}`,
    '',
    `Call: ${plan.operation === 'CreateBasePathMapping' ? 'API Gateway v1 CreateBasePathMapping' : 'API Gateway v2 CreateApiMapping'}`,
    ...Object.entries(plan.input).map(([k, v]) => `  ${k}: ${v}`),
  ];
  if (plan.notes.length > 0) lines.push('', 'Notes:', ...plan.notes.map((n) => `  - ${n}`));
  return `${lines.join('\n')}\n`;
}
