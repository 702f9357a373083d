// Template properties of an API resource that change what is imported, written into the body the way
// CloudFormation / SAM apply them (Name, Description, binary media types, CORS of HTTP APIs, ...); the others
// are listed in a note, so nobody thinks they were deployed.
import { getProperty } from '../../model/parse';
import { refTarget } from '../../model/build/refs';
import { dict } from '../../shared/dict';
import { materialize, type MaterializeContext } from './materialize';
import type { Resource } from './templateParts';
import type { DeploySource } from './types';

type Base = Omit<MaterializeContext, 'what' | 'bodyRoot'>;

/** Properties that are read here or only say where the body and stage are. */
const read = new Set([
  'Name',
  'Description',
  'BinaryMediaTypes',
  'MinimumCompressionSize',
  'ApiKeySourceType',
  'Policy',
  'EndpointConfiguration',
  'CorsConfiguration',
  'DisableExecuteApiEndpoint',
  'StageName',
  'Variables',
  'StageVariables',
  'DefinitionBody',
  'DefinitionUri',
  'Body',
  'BodyS3Location',
  'FailOnWarnings',
  'Mode',
  'ProtocolType',
  'OpenApiVersion',
  'Version',
]);

export interface TemplateOverlay {
  name?: string;
  endpointType?: DeploySource['endpointType'];
  notes: string[];
}

/** Writes the resource's import-relevant properties into `body`; returns the name, endpoint type and notes. */
export function applyTemplateProperties(
  resources: Resource[],
  resource: Resource,
  body: Record<string, unknown>,
  base: Base,
): TemplateOverlay {
  const value = (key: string): unknown => {
    const node = getProperty(resource.properties, key);
    return node === undefined
      ? undefined
      : materialize(node, { ...base, what: `The ${key} of '${resource.logicalId}'` });
  };
  const overlay: TemplateOverlay = { notes: [] };
  const name = value('Name');
  if (typeof name === 'string' && name !== '') overlay.name = name;
  const info = record(body['info']);
  const description = value('Description');
  if (typeof description === 'string') info['description'] = description;
  body['info'] = info;
  const binary = value('BinaryMediaTypes');
  if (Array.isArray(binary)) {
    const existing = Array.isArray(body['x-amazon-apigateway-binary-media-types'])
      ? (body['x-amazon-apigateway-binary-media-types'] as unknown[])
      : [];
    body['x-amazon-apigateway-binary-media-types'] = [...new Set([...existing, ...(binary as unknown[])])];
  }
  setIfDefined(body, 'x-amazon-apigateway-minimum-compression-size', value('MinimumCompressionSize'));
  setIfDefined(body, 'x-amazon-apigateway-api-key-source', value('ApiKeySourceType'));
  setIfDefined(body, 'x-amazon-apigateway-policy', value('Policy'));
  const disable = value('DisableExecuteApiEndpoint');
  if (typeof disable === 'boolean') {
    body['x-amazon-apigateway-endpoint-configuration'] = {
      ...record(body['x-amazon-apigateway-endpoint-configuration']),
      disableExecuteApiEndpoint: disable,
    };
  }
  const cors = corsOf(value('CorsConfiguration'));
  if (cors !== undefined) body['x-amazon-apigateway-cors'] = cors;
  const endpointType = endpointTypeOf(value('EndpointConfiguration'));
  if (endpointType !== undefined) overlay.endpointType = endpointType;

  const skipped = propertyNames(resource).filter((k) => !read.has(k));
  if (skipped.length > 0) {
    overlay.notes.push(
      `Template properties of '${resource.logicalId}' that CloudFormation / SAM apply are not deployed from here: ${skipped.join(', ')}. Deploy the template with CloudFormation / SAM to have them.`,
    );
  }
  const events = functionEventsOf(resources, resource.logicalId);
  if (events.length > 0) {
    overlay.notes.push(
      `SAM adds the routes of function events to the body when it deploys; they are not part of this deploy unless the body declares them: ${events.join(', ')}.`,
    );
  }
  return overlay;
}

function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : dict();
}

function setIfDefined(body: Record<string, unknown>, key: string, value: unknown): void {
  if (value !== undefined) body[key] = value;
}

function propertyNames(resource: Resource): string[] {
  const props = resource.properties;
  return props?.kind === 'object' ? props.properties.map((p) => p.key) : [];
}

/** SAM `CorsConfiguration: true` or the v2 / SAM object, as `x-amazon-apigateway-cors`. */
function corsOf(value: unknown): Record<string, unknown> | undefined {
  if (value === true) return { allowOrigins: ['*'], allowHeaders: ['*'], allowMethods: ['*'] };
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const out = dict<unknown>();
  for (const [key, v] of Object.entries(value)) out[key.charAt(0).toLowerCase() + key.slice(1)] = v;
  return out;
}

/** `EndpointConfiguration: REGIONAL`, `{ Type: REGIONAL }` (SAM) or `{ Types: [REGIONAL] }` (CloudFormation). */
function endpointTypeOf(value: unknown): DeploySource['endpointType'] {
  const obj = record(value);
  const types = obj['Types'];
  const raw =
    typeof value === 'string' ? value : (obj['Type'] ?? (Array.isArray(types) ? (types as unknown[])[0] : undefined));
  const upper = typeof raw === 'string' ? raw.toUpperCase() : undefined;
  return upper === 'EDGE' || upper === 'REGIONAL' || upper === 'PRIVATE' ? upper : undefined;
}

/** `Function.Event` names of SAM functions whose Api / HttpApi events name this API. */
function functionEventsOf(resources: Resource[], apiId: string): string[] {
  const out: string[] = [];
  for (const r of resources) {
    if (r.type !== 'AWS::Serverless::Function') continue;
    const events = getProperty(r.properties, 'Events');
    if (events?.kind !== 'object') continue;
    for (const { key, value } of events.properties) {
      const props = getProperty(value, 'Properties');
      const target = refTarget(getProperty(props, 'RestApiId')) ?? refTarget(getProperty(props, 'ApiId'));
      if (target === apiId) out.push(`${r.logicalId}.${key}`);
    }
  }
  return out;
}
