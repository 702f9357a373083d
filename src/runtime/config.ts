import path from 'node:path';
import type { JSONWebKeySet } from 'jose';
import type { FileSystem } from '../shared/fileSystem';
import { parseCheckResponses, type CheckResponsesMode } from './contract/mode';
import { parseIntegrationMocks, type IntegrationMock } from './integrationMocks';
import { readMethodSetting, type MethodSetting } from './methodSettings';
import { isRegionName } from '../shared/regionName';
import { parseIamConfig, type IamConfig } from './iam/iamConfig';
import { dict, dictOf } from '../shared/dict';
import { parseMounts, type Mount } from './mounts/mounts';

/**
 * `apigw.config.json` beside the definition (or the file given with `--config`): what stands in for the
 * cloud when the API runs locally.
 *
 * ```json
 * {
 *   "lambdaHandlers": { "FunctionNameOrArn": "relative/file.mjs#exportName" },
 *   "stageVariables": { "name": "value" },
 *   "apiKeys": ["key accepted for apiKeyRequired methods (any non-empty key when absent)"],
 *   "jwt": { "verifySignature": true, "jwks": "relative/jwks.json", "cognitoEndpoint": "http://127.0.0.1:9229" },
 *   "lambdaTimeoutMs": 30000,
 *   "methodSettings": [{ "resourcePath": "/*", "httpMethod": "*", "throttlingRateLimit": 10,
 *                        "throttlingBurstLimit": 5, "cachingEnabled": true, "cacheTtlInSeconds": 300 }],
 *   "cacheClusterEnabled": true,
 *   "integrationMocks": { "POST /orders": { "statusCode": 200, "body": { "MessageId": "local-1" } } },
 *   "accessLogFormat": "$context.requestId $context.httpMethod $context.path $context.status",
 *   "mounts": { "/v1": "a.yaml", "/orders": "b.yaml" }
 * }
 * ```
 * JWT and Cognito user pool authorizers verify each token's signature with the issuer's keys, found as API
 * Gateway finds them (stages/jwtKeys.ts); `jwt.jwks` gives the keys from a local file instead, `jwt.cognitoEndpoint`
 * puts user pools under a local Cognito (keys at `{endpoint}/{poolId}/.well-known/jwks.json`, issuer
 * `{endpoint}/{poolId}`), and `"verifySignature": false` only decodes tokens (every request's trace says so).
 */
export interface RuntimeConfig {
  /** The config file read, when there was one. */
  file?: string;
  /** Folder that relative paths resolve against (the config file's, else the definition's). */
  baseDir: string;
  /** Function name / ARN / logical id → absolute module path and export name. */
  lambdaHandlers: Record<string, HandlerRef>;
  stageVariables: Record<string, string>;
  apiKeys?: string[];
  /** `"checkResponses"`: how responses are checked against the definition (contract/mode.ts; default warn). */
  checkResponses?: CheckResponsesMode;
  /** Absolute path of a JWKS file whose keys check every JWT authorizer's tokens (instead of the issuer's). */
  jwksFile?: string;
  /** The key set read from `jwksFile` when the config was loaded. */
  jwks?: JSONWebKeySet;
  /** `jwt.verifySignature`: false = tokens are decoded without checking their signature (default true). */
  jwtVerifySignature?: boolean;
  /** `jwt.cognitoEndpoint`: a local Cognito serving user pools instead of `https://cognito-idp.{region}.amazonaws.com`. */
  cognitoEndpoint?: string;
  /** Default Lambda timeout when the integration sets none (ms). */
  lambdaTimeoutMs?: number;
  /** Stage method settings (throttling, caching): the definition's, then the config's (which win). */
  methodSettings?: MethodSetting[];
  /** REST stage cache on (method settings' `cachingEnabled` then decides per method; GET by default). */
  cacheClusterEnabled?: boolean;
  /** What AWS service integrations answer locally, by route key "METHOD /path" (see integrationMocks.ts). */
  integrationMocks?: Record<string, IntegrationMock>;
  /**
   * `"region": "eu-west-1"`: the Region the local stage stands in (default us-east-1): SigV4 signatures must be
   * scoped to it, and it is in the API's ARNs (resource policies, Lambda authorizers' methodArn).
   */
  region?: string;
  /** `"iam"`: the credentials IAM routes accept and the network requests come from (iam/iamConfig.ts). */
  iam?: IamConfig;
  /**
   * `"accessLogFormat"`: the access log format of the local stage, over the definition's (accessLog/stageFormat.ts);
   * `$context` variables as the API type's access log has them.
   */
  accessLogFormat?: string;
  /**
   * `"mounts"`: definitions `apigw mock` serves together on one port under base paths, as a custom domain's API
   * mappings (mounts/mounts.ts); files relative to the config.
   */
  mounts?: Mount[];
}

export interface HandlerRef {
  module: string;
  exportName: string;
}

export const configFileName = 'apigw.config.json';

export type ConfigResult = { ok: true; config: RuntimeConfig } | { ok: false; message: string };

/** Reads the config for a definition; a missing default config is an empty one, a missing `--config` is an error. */
export async function loadConfig(definitionFile: string, fs: FileSystem, explicit?: string): Promise<ConfigResult> {
  const file = explicit ?? path.join(path.dirname(definitionFile), configFileName);
  const baseDir = path.dirname(file);
  if ((await fs.size(file)) === undefined) {
    if (explicit !== undefined)
      return {
        ok: false,
        message: `Cannot read the config ${file}: the file does not exist. Check the --config path.`,
      };
    return {
      ok: true,
      config: { baseDir: path.dirname(definitionFile), lambdaHandlers: dict(), stageVariables: dict() },
    };
  }
  let data: unknown;
  try {
    data = JSON.parse(Buffer.from(await fs.readFile(file)).toString('utf8'));
  } catch (error) {
    return {
      ok: false,
      message: `${file} is not valid JSON (${error instanceof Error ? error.message : String(error)}): fix it or remove it.`,
    };
  }
  const parsed = parseConfig(data, file, baseDir);
  if (parsed.ok && parsed.config.jwksFile !== undefined) {
    const keys = await readJwks(parsed.config.jwksFile, fs);
    if (typeof keys === 'string') return { ok: false, message: `${file}: "jwt.jwks": ${keys}` };
    parsed.config.jwks = keys;
  }
  return parsed;
}

/** The key set in a JWKS file, or why it cannot be used. */
async function readJwks(jwksFile: string, fs: FileSystem): Promise<JSONWebKeySet | string> {
  let data: unknown;
  try {
    data = JSON.parse(Buffer.from(await fs.readFile(jwksFile)).toString('utf8'));
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    const why = code === 'ENOENT' ? 'the file does not exist' : error instanceof Error ? error.message : String(error);
    return `cannot read ${jwksFile} (${why}): give the path of a JWKS file, relative to the config.`;
  }
  const keys = isRecord(data) ? data['keys'] : undefined;
  if (!Array.isArray(keys) || !keys.every(isRecord))
    return `${jwksFile} is not a JSON Web Key Set: it must hold {"keys": [{"kty": "RSA", "kid": "...", "n": "...", "e": "AQAB"}]}.`;
  return data as JSONWebKeySet;
}

/** Checks the config's shape; every problem names the key and what it should be. */
export function parseConfig(data: unknown, file: string, baseDir: string): ConfigResult {
  if (!isRecord(data))
    return { ok: false, message: `${file} must hold a JSON object with keys such as "lambdaHandlers".` };
  const config: RuntimeConfig = { file, baseDir, lambdaHandlers: dict(), stageVariables: dict() };
  const handlers = data['lambdaHandlers'] ?? {};
  if (!isRecord(handlers))
    return { ok: false, message: `${file}: "lambdaHandlers" must map function names to "file.mjs#export".` };
  for (const [name, ref] of Object.entries(handlers)) {
    const parsed = typeof ref === 'string' ? parseHandlerRef(ref, baseDir) : undefined;
    if (parsed === undefined) {
      return {
        ok: false,
        message: `${file}: lambdaHandlers.${name} must be a string "relative/file.mjs#exportName", not ${JSON.stringify(ref)}.`,
      };
    }
    config.lambdaHandlers[name] = parsed;
  }
  const variables = data['stageVariables'] ?? {};
  if (!isRecord(variables) || !Object.values(variables).every((v) => typeof v === 'string')) {
    return { ok: false, message: `${file}: "stageVariables" must map names to string values.` };
  }
  config.stageVariables = dictOf(variables as Record<string, string>);
  const apiKeys = data['apiKeys'];
  if (apiKeys !== undefined) {
    if (!Array.isArray(apiKeys) || !apiKeys.every((k) => typeof k === 'string')) {
      return { ok: false, message: `${file}: "apiKeys" must be a list of strings.` };
    }
    config.apiKeys = apiKeys;
  }
  if (data['checkResponses'] !== undefined) {
    const mode = parseCheckResponses(data['checkResponses'], file);
    if (!mode.ok) return mode;
    config.checkResponses = mode.mode;
  }
  const jwt = data['jwt'];
  if (jwt !== undefined) {
    const problem = jwtProblem(jwt);
    if (problem !== undefined) return { ok: false, message: `${file}: ${problem}` };
    const options = jwt as Record<string, unknown>;
    if (typeof options['jwks'] === 'string') config.jwksFile = path.resolve(baseDir, options['jwks']);
    if (options['verifySignature'] === false) config.jwtVerifySignature = false;
    if (typeof options['cognitoEndpoint'] === 'string')
      config.cognitoEndpoint = options['cognitoEndpoint'].replace(/\/+$/, '');
  }
  const timeout = data['lambdaTimeoutMs'];
  if (timeout !== undefined) {
    if (typeof timeout !== 'number' || !(timeout > 0))
      return { ok: false, message: `${file}: "lambdaTimeoutMs" must be a positive number.` };
    config.lambdaTimeoutMs = timeout;
  }
  const settings = data['methodSettings'];
  if (settings !== undefined) {
    const read = Array.isArray(settings) ? settings.map(readMethodSetting) : [undefined];
    const bad = read.findIndex((s) => s === undefined);
    if (bad >= 0)
      return {
        ok: false,
        message: `${file}: ${Array.isArray(settings) ? `"methodSettings"[${bad}] must be an object` : '"methodSettings" must be a list of objects'} like {"resourcePath": "/*", "httpMethod": "*", "throttlingRateLimit": 10, "throttlingBurstLimit": 5, "cachingEnabled": true, "cacheTtlInSeconds": 300} (numbers >= 0, booleans true / false).`,
      };
    config.methodSettings = read as MethodSetting[];
  }
  const region = data['region'];
  if (region !== undefined) {
    if (typeof region !== 'string' || !isRegionName(region))
      return {
        ok: false,
        message: `${file}: "region" must be an AWS Region name like "us-east-1" or "eu-west-1", not ${JSON.stringify(region)}.`,
      };
    config.region = region;
  }
  if (data['iam'] !== undefined) {
    const iam = parseIamConfig(data['iam'], file);
    if (!iam.ok) return iam;
    config.iam = iam.iam;
  }
  const cache = data['cacheClusterEnabled'];
  if (cache !== undefined) {
    if (typeof cache !== 'boolean')
      return { ok: false, message: `${file}: "cacheClusterEnabled" must be true or false.` };
    config.cacheClusterEnabled = cache;
  }
  const accessLogFormat = data['accessLogFormat'];
  if (accessLogFormat !== undefined) {
    if (typeof accessLogFormat !== 'string' || accessLogFormat.trim() === '')
      return {
        ok: false,
        message: `${file}: "accessLogFormat" must be an access log format string such as "$context.requestId $context.status", not ${JSON.stringify(accessLogFormat)}.`,
      };
    config.accessLogFormat = accessLogFormat;
  }
  if (data['mounts'] !== undefined) {
    const mounts = parseMounts(data['mounts'], file, baseDir);
    if (!mounts.ok) return mounts;
    config.mounts = mounts.mounts;
  }
  if (data['integrationMocks'] !== undefined) {
    const mocks = parseIntegrationMocks(data['integrationMocks'], file);
    if (!mocks.ok) return mocks;
    config.integrationMocks = mocks.mocks;
  }
  return { ok: true, config };
}

/** What is wrong with the `jwt` object, naming the field, or undefined. */
function jwtProblem(jwt: unknown): string | undefined {
  const shape = '{"verifySignature": true, "jwks": "relative/jwks.json", "cognitoEndpoint": "http://127.0.0.1:9229"}';
  if (!isRecord(jwt)) return `"jwt" must be an object like ${shape}.`;
  const known = new Set(['verifySignature', 'jwks', 'cognitoEndpoint', '$comment']);
  const unknown = Object.keys(jwt).find((k) => !known.has(k));
  if (unknown !== undefined) return `"jwt.${unknown}" is not a setting: use ${shape}.`;
  if (jwt['verifySignature'] !== undefined && typeof jwt['verifySignature'] !== 'boolean')
    return `"jwt.verifySignature" must be true or false, not ${JSON.stringify(jwt['verifySignature'])}.`;
  if (jwt['jwks'] !== undefined && (typeof jwt['jwks'] !== 'string' || jwt['jwks'] === ''))
    return `"jwt.jwks" must be the path of a JWKS file ({"keys": [...]}) relative to the config, not ${JSON.stringify(jwt['jwks'])}.`;
  const endpoint = jwt['cognitoEndpoint'];
  if (endpoint !== undefined && (typeof endpoint !== 'string' || !/^https?:\/\/[^/\s]+/.test(endpoint)))
    return `"jwt.cognitoEndpoint" must be an http(s) URL such as "http://127.0.0.1:9229", not ${JSON.stringify(endpoint)}.`;
  return undefined;
}

/** "handlers/pets.mjs#listPets" → absolute module path + export ("handler" when no `#`). */
export function parseHandlerRef(ref: string, baseDir: string): HandlerRef | undefined {
  const [modulePath, exportName = 'handler', ...rest] = ref.split('#');
  if (modulePath === undefined || modulePath === '' || rest.length > 0 || exportName === '') return undefined;
  return { module: path.resolve(baseDir, modulePath), exportName };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
