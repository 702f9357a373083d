import path from 'node:path';
import type { FileSystem } from '../shared/fileSystem';
import { parseIntegrationMocks, type IntegrationMock } from './integrationMocks';
import { readMethodSetting, type MethodSetting } from './methodSettings';
import { dict, dictOf } from '../shared/dict';

/**
 * `apigw.config.json` beside the definition (or the file given with `--config`): what stands in for the
 * cloud when the API runs locally.
 *
 * ```json
 * {
 *   "lambdaHandlers": { "FunctionNameOrArn": "relative/file.mjs#exportName" },
 *   "stageVariables": { "name": "value" },
 *   "apiKeys": ["key accepted for apiKeyRequired methods (any non-empty key when absent)"],
 *   "jwt": { "jwks": "relative/jwks.json" },
 *   "lambdaTimeoutMs": 30000,
 *   "methodSettings": [{ "resourcePath": "/*", "httpMethod": "*", "throttlingRateLimit": 10,
 *                        "throttlingBurstLimit": 5, "cachingEnabled": true, "cacheTtlInSeconds": 300 }],
 *   "cacheClusterEnabled": true,
 *   "integrationMocks": { "POST /orders": { "statusCode": 200, "body": { "MessageId": "local-1" } } }
 * }
 * ```
 * Without `jwt.jwks`, JWT authorizers run in dev mode: tokens are decoded and their issuer, audience and
 * expiry checked, but their signature is not verified.
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
  /** Absolute path of a JWKS file; undefined = dev mode (signatures not verified). */
  jwksFile?: string;
  /** Default Lambda timeout when the integration sets none (ms). */
  lambdaTimeoutMs?: number;
  /** Stage method settings (throttling, caching): the definition's, then the config's (which win). */
  methodSettings?: MethodSetting[];
  /** REST stage cache on (method settings' `cachingEnabled` then decides per method; GET by default). */
  cacheClusterEnabled?: boolean;
  /** What AWS service integrations answer locally, by route key "METHOD /path" (see integrationMocks.ts). */
  integrationMocks?: Record<string, IntegrationMock>;
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
  return parseConfig(data, file, baseDir);
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
  const jwt = data['jwt'];
  if (jwt !== undefined) {
    if (!isRecord(jwt) || (jwt['jwks'] !== undefined && typeof jwt['jwks'] !== 'string')) {
      return { ok: false, message: `${file}: "jwt" must be an object like {"jwks": "relative/jwks.json"}.` };
    }
    if (typeof jwt['jwks'] === 'string') config.jwksFile = path.resolve(baseDir, jwt['jwks']);
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
  const cache = data['cacheClusterEnabled'];
  if (cache !== undefined) {
    if (typeof cache !== 'boolean')
      return { ok: false, message: `${file}: "cacheClusterEnabled" must be true or false.` };
    config.cacheClusterEnabled = cache;
  }
  if (data['integrationMocks'] !== undefined) {
    const mocks = parseIntegrationMocks(data['integrationMocks'], file);
    if (!mocks.ok) return mocks;
    config.integrationMocks = mocks.mocks;
  }
  return { ok: true, config };
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
