// The OpenAPI / Swagger keys offered by completion for the common objects, and the enum values of OpenAPI
// fields that completion knows (the extensions' come from their JSON Schemas).
import type { OpenApiPlace } from './place';
import { dictOf } from '../../shared/dict';

type KeyKind = 'object' | 'array' | 'string' | 'other';

const root3: Record<string, KeyKind> = dictOf({
  openapi: 'string',
  info: 'object',
  servers: 'array',
  paths: 'object',
  components: 'object',
  security: 'array',
  tags: 'array',
  externalDocs: 'object',
});
const root2: Record<string, KeyKind> = dictOf({
  swagger: 'string',
  info: 'object',
  host: 'string',
  basePath: 'string',
  schemes: 'array',
  consumes: 'array',
  produces: 'array',
  paths: 'object',
  definitions: 'object',
  parameters: 'object',
  responses: 'object',
  securityDefinitions: 'object',
  security: 'array',
  tags: 'array',
  externalDocs: 'object',
});
const info: Record<string, KeyKind> = dictOf({
  title: 'string',
  version: 'string',
  description: 'string',
  termsOfService: 'string',
  contact: 'object',
  license: 'object',
});
const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'];
const operation3: Record<string, KeyKind> = dictOf({
  summary: 'string',
  description: 'string',
  operationId: 'string',
  tags: 'array',
  parameters: 'array',
  requestBody: 'object',
  responses: 'object',
  security: 'array',
  deprecated: 'other',
});
const operation2: Record<string, KeyKind> = dictOf({
  summary: 'string',
  description: 'string',
  operationId: 'string',
  tags: 'array',
  consumes: 'array',
  produces: 'array',
  parameters: 'array',
  responses: 'object',
  schemes: 'array',
  security: 'array',
  deprecated: 'other',
});
const parameter3: Record<string, KeyKind> = dictOf({
  name: 'string',
  in: 'string',
  description: 'string',
  required: 'other',
  schema: 'object',
  style: 'string',
  explode: 'other',
});
const parameter2: Record<string, KeyKind> = dictOf({
  name: 'string',
  in: 'string',
  description: 'string',
  required: 'other',
  type: 'string',
  format: 'string',
  schema: 'object',
  items: 'object',
});
const components: Record<string, KeyKind> = dictOf({
  schemas: 'object',
  responses: 'object',
  parameters: 'object',
  requestBodies: 'object',
  headers: 'object',
  securitySchemes: 'object',
  examples: 'object',
  links: 'object',
  callbacks: 'object',
});
const securityScheme3: Record<string, KeyKind> = dictOf({
  type: 'string',
  description: 'string',
  name: 'string',
  in: 'string',
  scheme: 'string',
  bearerFormat: 'string',
  flows: 'object',
  openIdConnectUrl: 'string',
});
const securityScheme2: Record<string, KeyKind> = dictOf({
  type: 'string',
  description: 'string',
  name: 'string',
  in: 'string',
  flow: 'string',
  authorizationUrl: 'string',
  tokenUrl: 'string',
  scopes: 'object',
});

/** The OpenAPI keys of an object at a place, with the kind of value each takes. */
export function openApiKeys(place: OpenApiPlace, version: 2 | 3): Record<string, KeyKind> {
  switch (place) {
    case 'root':
      return version === 2 ? root2 : root3;
    case 'info':
      return info;
    case 'pathItem': {
      const keys: Record<string, KeyKind> = dictOf({ parameters: 'array', summary: 'string', description: 'string' });
      for (const method of methods) keys[method] = 'object';
      return keys;
    }
    case 'operation':
      return version === 2 ? operation2 : operation3;
    case 'parameter':
      return version === 2 ? parameter2 : parameter3;
    case 'components':
      return version === 2 ? {} : components;
    case 'securityScheme':
      return version === 2 ? securityScheme2 : securityScheme3;
    default:
      return {};
  }
}

/** Enum values of an OpenAPI field (the last key of the path) at a place. */
export function openApiEnum(place: OpenApiPlace, key: string, version: 2 | 3): string[] | undefined {
  if (place === 'parameter' && key === 'in') {
    return version === 2 ? ['query', 'header', 'path', 'formData', 'body'] : ['query', 'header', 'path', 'cookie'];
  }
  if (place === 'securityScheme' && key === 'type') {
    return version === 2 ? ['apiKey', 'basic', 'oauth2'] : ['apiKey', 'http', 'oauth2', 'openIdConnect'];
  }
  if (place === 'securityScheme' && key === 'in') return ['header', 'query', 'cookie'];
  return undefined;
}

export type { KeyKind };
