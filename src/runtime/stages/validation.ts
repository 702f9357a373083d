import path from 'node:path';
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
  const validator = validatorOf(api, route);
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
    const error = validateBody(ex, route, name ?? '');
    if (error !== undefined) return error;
  }
  if (ex.tracing) ex.trace.push({ stage: 'methodRequest', detail: `validator '${name}': request is valid`, ms: 0 });
  return undefined;
}

function validatorOf(api: GatewayApi, route: Route): GatewayApi['validators'][number] | undefined {
  const name = route.requestValidator ?? api.defaultValidator;
  return name === undefined ? undefined : api.validators.find((v) => v.name === name);
}

/** API Gateway lists missing parameters by kind: headers, then path parameters, then the query string. */
const parameterOrder = new Map([
  ['header', 0],
  ['path', 1],
  ['query', 2],
]);

function missingParameters(ex: Exchange, route: Route): string[] {
  const missing: string[] = [];
  const required = route.parameters
    .filter((p) => p.required)
    .sort((a, b) => (parameterOrder.get(a.in) ?? 3) - (parameterOrder.get(b.in) ?? 3));
  for (const p of required) {
    const present =
      p.in === 'query'
        ? ex.query[p.name] !== undefined
        : p.in === 'header'
          ? firstHeader(ex.request.headers, p.name) !== undefined
          : p.in === 'path'
            ? // A required path parameter the resource path does not have is always missing, as in API Gateway.
              (ex.match?.pathParameters[p.name] ?? '') !== ''
            : true;
    if (!present) missing.push(p.name);
  }
  return missing;
}

function validateBody(ex: Exchange, route: Route, validatorName: string): GatewayError | undefined {
  const contentType = (firstHeader(ex.request.headers, 'content-type') ?? 'application/json')
    .split(';')[0]!
    .trim()
    .toLowerCase();
  const schemas = route.requestBody?.schemas ?? {};
  const key = Object.keys(schemas).find((k) => k.toLowerCase() === contentType);
  const schema = key === undefined ? undefined : schemas[key];
  if (schema === undefined || schema === null || typeof schema !== 'object') return undefined;
  const model = compileModel(schema);
  if ('problem' in model) {
    ex.trace.push({ stage: 'methodRequest', detail: `validator '${validatorName}': ${model.problem}`, ms: 0 });
    return gatewayError(
      gatewayErrors.apiConfigurationError,
      `The ${key} request model of ${route.method} ${route.path} cannot be compiled (${model.problem}), so no body can be validated against it: fix the model (API Gateway refuses to import it).`,
    );
  }
  const validate = model.validate;
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
type CompiledModel = { validate: ValidateFunction } | { problem: string };
const compiled = new WeakMap<object, CompiledModel>();

/**
 * A request model (`$ref`s inlined) as a validator: JSON Schema draft 4 in full (`oneOf`, `anyOf`, `allOf`,
 * `not`, `type: "null"`...), or why it cannot be compiled. Never a validator that passes every body.
 */
export function compileModel(schema: object): CompiledModel {
  let model = compiled.get(schema);
  if (model === undefined) {
    try {
      model = { validate: ajv.compile(stripOpenApiKeywords(schema) as object) };
    } catch (error) {
      model = { problem: error instanceof Error ? error.message : String(error) };
    }
    compiled.set(schema, model);
  }
  return model;
}

/**
 * The request models a validator checks bodies against that cannot be compiled, one line each with the
 * place: said when the mock loads (requests to such a method answer 500).
 */
export function modelProblems(api: GatewayApi): string[] {
  if (api.type !== 'REST') return [];
  const problems: string[] = [];
  for (const route of api.routes) {
    if (validatorOf(api, route)?.validateRequestBody !== true) continue;
    const body = route.requestBody;
    for (const [contentType, schema] of Object.entries(body?.schemas ?? {})) {
      if (schema === null || typeof schema !== 'object') continue;
      const model = compileModel(schema);
      if (!('problem' in model)) continue;
      const where = body === undefined ? '' : `${path.basename(body.loc.file)}:${body.loc.range.start.line + 1}: `;
      problems.push(
        `${where}error: the ${contentType} request model of ${route.method} ${route.path} cannot be compiled (${model.problem}): its requests answer 500 until the model is fixed.`,
      );
    }
  }
  return problems;
}

/** OpenAPI's `nullable: true` → draft 4's type list; other OpenAPI-only keywords are ignored by strict: false. */
export function stripOpenApiKeywords(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(stripOpenApiKeywords);
  if (schema === null || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = dict();
  for (const [k, v] of Object.entries(schema)) {
    // `$schema` names the draft (API Gateway models are draft 4 whatever they say); inlined models repeat it.
    if (k === '$schema') continue;
    out[k] = k === 'example' || k === 'examples' ? v : stripOpenApiKeywords(v);
  }
  if (out['nullable'] === true && typeof out['type'] === 'string') out['type'] = [out['type'], 'null'];
  delete out['nullable'];
  return out;
}
