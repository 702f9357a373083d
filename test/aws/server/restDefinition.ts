// ImportRestApi / PutRestApi on the way in: the checks every import makes, the RestApi members a definition sets,
// and PutRestApi's merge mode.
import { q, qBool, type Ctx } from './context';
import { badRequest } from './errors';
import { checkRestDefinition } from './restImport';
import {
  checkImportSize,
  clone,
  compact,
  importFailure,
  obj,
  parseDefinition,
  pathsWithBasePath,
  str,
  type Json,
} from './util';

const ENDPOINT_TYPES = ['EDGE', 'REGIONAL', 'PRIVATE'];

/** RestApi members an imported definition sets (title, description, version and the API-level extensions). */
export function apiInfo(doc: Json, ctx: Ctx): Json {
  const info = obj(doc.info);
  const endpoint = obj(doc['x-amazon-apigateway-endpoint-configuration']);
  const types = q(ctx, 'endpointConfigurationTypes')
    ?.split(',')
    .map((t) => t.trim().toUpperCase());
  if (types?.some((t) => !ENDPOINT_TYPES.includes(t)))
    throw badRequest(`Invalid endpoint configuration type specified: ${types.join(',')}`);
  const binary = doc['x-amazon-apigateway-binary-media-types'];
  return compact({
    name: str(info.title),
    description: str(info.description),
    version: str(info.version),
    binaryMediaTypes: Array.isArray(binary) ? binary.map(String) : undefined,
    minimumCompressionSize:
      typeof doc['x-amazon-apigateway-minimum-compression-size'] === 'number'
        ? doc['x-amazon-apigateway-minimum-compression-size']
        : undefined,
    apiKeySource: str(doc['x-amazon-apigateway-api-key-source'])?.toUpperCase(),
    policy:
      doc['x-amazon-apigateway-policy'] === undefined ? undefined : JSON.stringify(doc['x-amazon-apigateway-policy']),
    endpointConfiguration: types
      ? compact({
          types,
          ipAddressType: 'ipv4',
          vpcEndpointIds: Array.isArray(endpoint.vpcEndpointIds) ? endpoint.vpcEndpointIds.map(String) : undefined,
        })
      : undefined,
    disableExecuteApiEndpoint:
      typeof endpoint.disableExecuteApiEndpoint === 'boolean' ? endpoint.disableExecuteApiEndpoint : undefined,
  });
}

/** The checks every import makes: size, parse, errors, warnings (fatal with failonwarnings=true), base path. */
export function readImport(ctx: Ctx): { definition: Json; warnings: string[]; info: Json } {
  checkImportSize(ctx.body.length);
  const doc = parseDefinition(ctx.body.toString('utf8'));
  const { errors, warnings } = checkRestDefinition(doc);
  const failure = importFailure(errors, warnings, qBool(ctx, 'failonwarnings'));
  if (failure) throw failure;
  const definition = { ...doc, paths: pathsWithBasePath(doc, q(ctx, 'basepath')) };
  return { definition, warnings, info: apiInfo(doc, ctx) };
}

/** PutRestApi mode=merge: paths by method, components / definitions by name, everything else replaced. */
export function mergeDefinitions(old: Json, next: Json): Json {
  const out = clone(old);
  for (const [k, v] of Object.entries(next)) {
    if (k === 'paths') {
      const paths = obj(out.paths);
      for (const [p, item] of Object.entries(obj(v))) paths[p] = { ...obj(paths[p]), ...obj(item) };
      out.paths = paths;
    } else if (k === 'components') {
      const components = obj(out.components);
      for (const [section, entries] of Object.entries(obj(v)))
        components[section] = { ...obj(components[section]), ...obj(entries) };
      out.components = components;
    } else if (['definitions', 'securityDefinitions', 'x-amazon-apigateway-gateway-responses'].includes(k)) {
      out[k] = { ...obj(out[k]), ...obj(v) };
    } else {
      out[k] = v;
    }
  }
  return out;
}
