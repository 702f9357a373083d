import Ajv from 'ajv-draft-04';
import type { ValidateFunction } from 'ajv-draft-04';
import type { GatewayApi, Route } from '../../model';
import { gatewayError, gatewayErrors, type GatewayError } from '../errors';
import { firstHeader } from '../requestContext';
import type { Exchange } from '../types';
import { dict } from '../../shared/dict';

/**
 * REST request validation (`x-amazon-apigateway-request-validators`): the method's validator (else the API's
 * default) says whether required parameters and the body are checked. Bodies are checked against the
 * operation's schema for the request's content type (JSON Schema draft 4, as API Gateway models).
 */
export function validateRequest(ex: Exchange): GatewayError | undefined {
  const route = ex.match?.route;
  const api = ex.served.api;
  if (route === undefined || api.type !== 'REST') return undefined;
  const name = route.requestValidator ?? api.defaultValidator;
  const validator = name === undefined ? undefined : api.validators.find((v) => v.name === name);
  if (validator === undefined) return undefined;
  if (validator.validateRequestParameters) {
    const missing = missingParameters(ex, route);
    if (missing.length > 0) {
      const message = `Missing required request parameters: [${missing.join(', ')}]`;
      ex.trace.push({ stage: 'methodRequest', detail: `validator '${name}': ${message}`, ms: 0 });
      return gatewayError(
        gatewayErrors.badRequestParameters,
        `${message}: send them, or make them optional in the definition.`,
        { message, validationErrorString: message },
      );
    }
  }
  if (validator.validateRequestBody) {
    const error = validateBody(ex, route, api, name ?? '');
    if (error !== undefined) return error;
  }
  if (ex.tracing) ex.trace.push({ stage: 'methodRequest', detail: `validator '${name}': request is valid`, ms: 0 });
  return undefined;
}

function missingParameters(ex: Exchange, route: Route): string[] {
  const missing: string[] = [];
  for (const p of route.parameters) {
    if (!p.required) continue;
    const present =
      p.in === 'query'
        ? ex.query[p.name] !== undefined
        : p.in === 'header'
          ? firstHeader(ex.request.headers, p.name) !== undefined
          : p.in === 'path'
            ? (ex.match?.pathParameters[p.name] ?? '') !== '' || !route.path.includes(`{${p.name}`)
            : true;
    if (!present) missing.push(p.name);
  }
  return missing;
}

function validateBody(ex: Exchange, route: Route, api: GatewayApi, validatorName: string): GatewayError | undefined {
  const contentType = (firstHeader(ex.request.headers, 'content-type') ?? 'application/json')
    .split(';')[0]!
    .trim()
    .toLowerCase();
  const schemas = route.requestBody?.schemas ?? {};
  const key = Object.keys(schemas).find((k) => k.toLowerCase() === contentType);
  const schema = key === undefined ? undefined : schemas[key];
  if (schema === undefined || schema === null || typeof schema !== 'object') return undefined;
  const validate = compile(schema, api);
  if (validate === undefined) return undefined;
  let data: unknown;
  const text = ex.request.body.toString('utf8');
  try {
    data = JSON.parse(text === '' ? 'null' : text);
  } catch {
    return invalidBody(ex, validatorName, '[Invalid JSON in request body]');
  }
  if (validate(data)) return undefined;
  const details = (validate.errors ?? []).map((e) => `${e.instancePath || 'instance'} ${e.message ?? 'is invalid'}`);
  return invalidBody(ex, validatorName, `[${details.join(', ')}]`);
}

function invalidBody(ex: Exchange, validatorName: string, details: string): GatewayError {
  ex.trace.push({
    stage: 'methodRequest',
    detail: `validator '${validatorName}': Invalid request body ${details}`,
    ms: 0,
  });
  return gatewayError(
    gatewayErrors.badRequestBody,
    `Invalid request body ${details}: send a body that matches the operation's schema.`,
    { validationErrorString: details },
  );
}

const ajv = new Ajv({ strict: false, allErrors: false, validateFormats: false, logger: false });
const compiled = new WeakMap<object, ValidateFunction | null>();

function compile(schema: object, api: GatewayApi): ValidateFunction | undefined {
  let fn = compiled.get(schema);
  if (fn === undefined) {
    try {
      fn = ajv.compile(stripOpenApiKeywords(schema) as object);
    } catch {
      fn = null; // A schema ajv cannot compile (unresolved $ref, 2020-12 keywords): not validated, as apigw validate reports it.
      void api;
    }
    compiled.set(schema, fn);
  }
  return fn ?? undefined;
}

/** OpenAPI's `nullable: true` → draft 4's type list; other OpenAPI-only keywords are ignored by strict: false. */
function stripOpenApiKeywords(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(stripOpenApiKeywords);
  if (schema === null || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = dict();
  for (const [k, v] of Object.entries(schema))
    out[k] = k === 'example' || k === 'examples' ? v : stripOpenApiKeywords(v);
  if (out['nullable'] === true && typeof out['type'] === 'string') out['type'] = [out['type'], 'null'];
  delete out['nullable'];
  return out;
}
