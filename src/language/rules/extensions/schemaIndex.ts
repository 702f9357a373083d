// The JSON Schemas of the x-amazon-apigateway-* extensions (schemas/*.json), found by extension name.
// Bundled into the language service; the same files ship in the VSIX for other tools.
import index from '../../../../schemas/index.json';
import anyMethodSchema from '../../../../schemas/x-amazon-apigateway-any-method.json';
import apiKeySourceSchema from '../../../../schemas/x-amazon-apigateway-api-key-source.json';
import authSchema from '../../../../schemas/x-amazon-apigateway-auth.json';
import authorizerSchema from '../../../../schemas/x-amazon-apigateway-authorizer.json';
import authtypeSchema from '../../../../schemas/x-amazon-apigateway-authtype.json';
import binaryMediaTypesSchema from '../../../../schemas/x-amazon-apigateway-binary-media-types.json';
import corsSchema from '../../../../schemas/x-amazon-apigateway-cors.json';
import documentationSchema from '../../../../schemas/x-amazon-apigateway-documentation.json';
import endpointAccessModeSchema from '../../../../schemas/x-amazon-apigateway-endpoint-access-mode.json';
import endpointConfigurationSchema from '../../../../schemas/x-amazon-apigateway-endpoint-configuration.json';
import gatewayResponsesSchema from '../../../../schemas/x-amazon-apigateway-gateway-responses.json';
import importexportVersionSchema from '../../../../schemas/x-amazon-apigateway-importexport-version.json';
import integrationSchema from '../../../../schemas/x-amazon-apigateway-integration.json';
import integrationsSchema from '../../../../schemas/x-amazon-apigateway-integrations.json';
import minimumCompressionSizeSchema from '../../../../schemas/x-amazon-apigateway-minimum-compression-size.json';
import policySchema from '../../../../schemas/x-amazon-apigateway-policy.json';
import requestValidatorSchema from '../../../../schemas/x-amazon-apigateway-request-validator.json';
import requestValidatorsSchema from '../../../../schemas/x-amazon-apigateway-request-validators.json';
import securityPolicySchema from '../../../../schemas/x-amazon-apigateway-security-policy.json';
import tagValueSchema from '../../../../schemas/x-amazon-apigateway-tag-value.json';
import { dictOf } from '../../../shared/dict';

export type ExtensionApiType = 'REST' | 'HTTP';
/** Where an extension may be written in an OpenAPI document. */
export type ExtensionLocation = 'root' | 'pathItem' | 'operation' | 'securityScheme' | 'components' | 'server' | 'tag';

/** A JSON Schema as read from schemas/ (with the project's `x-apigw-*` annotations). */
export type JsonSchema = Record<string, unknown>;

export interface ExtensionSchemaInfo {
  name: string;
  schema: JsonSchema;
  locations: readonly ExtensionLocation[];
  apiTypes: readonly ExtensionApiType[];
}

const schemas: Record<string, JsonSchema> = dictOf({
  'x-amazon-apigateway-any-method': anyMethodSchema,
  'x-amazon-apigateway-api-key-source': apiKeySourceSchema,
  'x-amazon-apigateway-auth': authSchema,
  'x-amazon-apigateway-authorizer': authorizerSchema,
  'x-amazon-apigateway-authtype': authtypeSchema,
  'x-amazon-apigateway-binary-media-types': binaryMediaTypesSchema,
  'x-amazon-apigateway-cors': corsSchema,
  'x-amazon-apigateway-documentation': documentationSchema,
  'x-amazon-apigateway-endpoint-access-mode': endpointAccessModeSchema,
  'x-amazon-apigateway-endpoint-configuration': endpointConfigurationSchema,
  'x-amazon-apigateway-gateway-responses': gatewayResponsesSchema,
  'x-amazon-apigateway-importexport-version': importexportVersionSchema,
  'x-amazon-apigateway-integration': integrationSchema,
  'x-amazon-apigateway-integrations': integrationsSchema,
  'x-amazon-apigateway-minimum-compression-size': minimumCompressionSizeSchema,
  'x-amazon-apigateway-policy': policySchema,
  'x-amazon-apigateway-request-validator': requestValidatorSchema,
  'x-amazon-apigateway-request-validators': requestValidatorsSchema,
  'x-amazon-apigateway-security-policy': securityPolicySchema,
  'x-amazon-apigateway-tag-value': tagValueSchema,
});

/** Every documented extension, by name. */
export const extensionSchemas: ReadonlyMap<string, ExtensionSchemaInfo> = new Map(
  Object.entries(index.extensions).map(([name, entry]) => [
    name,
    {
      name,
      schema: schemas[name] ?? {},
      locations: entry.locations as ExtensionLocation[],
      apiTypes: entry.apiTypes as ExtensionApiType[],
    },
  ]),
);

/** The schema of an extension (`x-amazon-apigateway-integration`), or undefined for an unknown name. */
export function extensionSchema(name: string): ExtensionSchemaInfo | undefined {
  return extensionSchemas.get(name);
}

/**
 * The subschema at a path of property names inside an extension's value (e.g. ['responses', 'default',
 * 'statusCode']), following `properties`, `additionalProperties`, `items` and local / cross-schema `$ref`s;
 * for hover and completion. Undefined when the path leaves the schema.
 */
export function subschemaAt(name: string, path: readonly string[]): JsonSchema | undefined {
  const info = extensionSchemas.get(name);
  if (info === undefined) return undefined;
  let root = info.schema;
  let current: JsonSchema | undefined = info.schema;
  for (const segment of path) {
    [root, current] = follow(root, current);
    if (current === undefined) return undefined;
    const properties = current['properties'] as Record<string, JsonSchema> | undefined;
    const additional = current['additionalProperties'];
    const items = current['items'];
    if (properties?.[segment] !== undefined) current = properties[segment];
    else if (/^\d+$/.test(segment) && isSchema(items)) current = items;
    else if (isSchema(additional)) current = additional;
    else return undefined;
  }
  return follow(root, current)[1];
}

function isSchema(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Resolves `$ref` ('#/definitions/x' in the same schema, or another extension's file name). */
function follow(root: JsonSchema, schema: JsonSchema | undefined): [JsonSchema, JsonSchema | undefined] {
  let current = schema;
  let base = root;
  for (let i = 0; i < 8 && current !== undefined && typeof current['$ref'] === 'string'; i++) {
    const ref = current['$ref'];
    if (ref.startsWith('#/definitions/')) {
      const definitions = base['definitions'] as Record<string, JsonSchema> | undefined;
      current = definitions?.[ref.slice('#/definitions/'.length)];
    } else {
      base = schemas[ref.replace(/\.json$/, '')] ?? {};
      current = base;
    }
  }
  return [base, current];
}

/** The API types a subschema is limited to (`x-apigw-api-types`), or undefined when it has no limit. */
export function apiTypesOf(schema: JsonSchema | undefined): readonly ExtensionApiType[] | undefined {
  const types = schema?.['x-apigw-api-types'];
  return Array.isArray(types) ? (types as ExtensionApiType[]) : undefined;
}
